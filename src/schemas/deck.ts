import { z } from 'astro/zod';

/**
 * Frontmatter of a Marp deck (`slides/<id>.md`). Only what the kit relies on is checked; every other
 * Marp directive (`size`, `paginate`, `header`…) passes through to Marp.
 */
export const deckSchema = z
  .object({
    /** Marp needs it to treat the file as a deck. */
    marp: z.literal(true, { error: 'écrivez « marp: true »' }).describe('Toujours « true » : indique à Marp que le fichier est une présentation.'),
    /** Deck title: HTML title and PDF/PPTX metadata. */
    title: z.string().min(3).describe('Titre de la présentation, repris dans le titre de la page HTML et les métadonnées du PDF et du PPTX.'),
    /** Theme, a CSS file of `slides/` starting with `/* @theme <nom> *\/`. */
    theme: z.string().optional().describe('Thème de la présentation : le nom déclaré en tête d’un fichier CSS de slides/ par /* @theme <nom> */, ex. « kit-qpv ».'),
    /** Language of the text, for screen readers and hyphenation: `fr`. */
    lang: z.string().default('fr').describe('Langue du texte, pour les lecteurs d’écran et la coupure des mots, ex. « fr ».'),
  })
  .loose();

export type DeckData = z.infer<typeof deckSchema>;
