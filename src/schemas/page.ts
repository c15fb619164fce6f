import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** One way in, on the home page: who it is for, what they get, where they go. */
const audienceEntrySchema = z
  .object({
    /** Who: « Vous êtes élu·e ». */
    titre: z.string().min(3).max(60),
    /** What the site offers them, one or two sentences. */
    texte: z.string().min(10).max(280),
    /** The call to action: its words and the page it leads to (`/ami/`). */
    action: z.object({ libelle: z.string().min(3).max(50), lien: z.string().regex(/^\/[\w\-/#?=.]*$/, 'une adresse du site, qui commence par « / »') }).strict(),
  })
  .strict();

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
    /** Home page: the promise, in one sentence, as its big title (the title stays the tab's). */
    accroche: z.string().min(10).max(140).optional(),
    /** Home page: one way in per audience (élu·e, bailleur…), each with its call to action. */
    publics: z.array(audienceEntrySchema).max(8).optional(),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
