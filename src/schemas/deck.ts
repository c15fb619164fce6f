import { z } from 'astro/zod';

/**
 * Frontmatter of a Marp deck (`slides/<id>.md`). Only what the kit relies on is checked; every other
 * Marp directive (`size`, `paginate`, `header`…) passes through to Marp.
 */
export const deckSchema = z
  .object({
    /** Marp needs it to treat the file as a deck. */
    marp: z.literal(true, { error: 'écrivez « marp: true »' }),
    /** Deck title: HTML title and PDF/PPTX metadata. */
    title: z.string().min(3),
    /** Theme, a CSS file of `slides/` starting with `/* @theme <nom> *\/`. */
    theme: z.string().optional(),
    /** Language of the text, for screen readers and hyphenation: `fr`. */
    lang: z.string().default('fr'),
  })
  .loose();

export type DeckData = z.infer<typeof deckSchema>;
