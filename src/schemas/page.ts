import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** A site page: frontmatter of `content/pages/<id>.md`; `accueil` is the home page. */
export const pageSchema = z
  .object({
    /** Page title (the `<h1>` and the browser tab). */
    titre: z.string().min(2),
    /** Who the page is for: `public` (the site) or `amo` (the AMOs' space, published apart in `dist-amo/`). */
    audience: audienceSchema,
    /** One-sentence description for search engines and social cards. */
    description: z.string().min(10),
    /** Position in the main menu; absent = not in the menu (the page is linked from the footer). */
    menu: z.number().int().optional(),
    /** Label in the menu when the title is too long: « Accueil ». */
    titreMenu: z.string().min(2).max(30).optional(),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
