import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** One way in, on the home page: who it is for, what they get, where they go. */
const audienceEntrySchema = z
  .object({
    /** Who: « Vous êtes élu·e ». */
    titre: z.string().min(3).max(60).describe('À qui s’adresse cette entrée (60 caractères au plus), ex. « Vous êtes élu·e ».'),
    /** What the site offers them, one or two sentences. */
    texte: z.string().min(10).max(280).describe('Ce que le site lui apporte, en une ou deux phrases (280 caractères au plus).'),
    /** The call to action: its words and the page it leads to (`/ami/`). */
    action: z
      .object({
        libelle: z.string().min(3).max(50).describe('Texte du lien d’action (50 caractères au plus), ex. « Découvrir l’AMI ».'),
        lien: z.string().regex(/^\/[\w\-/#?=.]*$/, 'une adresse du site, qui commence par « / »').describe('Page où mène le lien : une adresse du site qui commence par « / », ex. /ami/.'),
      })
      .strict()
      .describe('Appel à l’action : son texte et la page du site où il mène.'),
  })
  .strict();

/** A site page: frontmatter of `content/pages/<id>.md`; `accueil` is the home page. */
export const pageSchema = z
  .object({
    /** Page title (the `<h1>` and the browser tab). */
    titre: z.string().min(2).describe('Titre de la page, en tête de page et dans l’onglet du navigateur.'),
    /** Who the page is for: `public` (the site) or `amo` (the AMOs' space, published apart in `dist-amo/`). */
    audience: audienceSchema.describe('Public de la page : « public » (le site) ou « amo » (l’espace des AMO, publié à part dans dist-amo/).'),
    /** One-sentence description for search engines and social cards. */
    description: z.string().min(10).describe('Description en une phrase, pour les moteurs de recherche et les aperçus sur les réseaux sociaux.'),
    /** Position in the main menu; absent = not in the menu (the page is linked from the footer). */
    menu: z.number().int().optional().describe('Position dans le menu principal : un nombre entier, ex. 1. Absent : la page n’est pas dans le menu (un lien en pied de page y mène).'),
    /** Label in the menu when the title is too long: « Accueil ». */
    titreMenu: z.string().min(2).max(30).optional().describe('Intitulé dans le menu quand le titre est trop long (30 caractères au plus), ex. « Accueil ».'),
    /** Home page: the promise, in one sentence, as its big title (the title stays the tab's). */
    accroche: z.string().min(10).max(140).optional().describe('Page d’accueil : la promesse en une phrase (140 caractères au plus), affichée en grand titre ; le titre reste celui de l’onglet.'),
    /** Home page: one way in per audience (élu·e, bailleur…), each with its call to action. */
    publics: z.array(audienceEntrySchema).max(8).optional().describe('Page d’accueil : une entrée par public (élu·e, bailleur…), chacune avec son appel à l’action ; 8 au plus.'),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
