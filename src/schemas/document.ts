import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** Frontmatter shared by printed documents: the brochure (`brochures/`) and the letter (`letters/`). */
export const printDocumentSchema = z
  .object({
    /** Title, used in the PDF metadata and download lists. */
    titre: z.string().min(3).describe('Titre du document, repris dans les métadonnées du PDF et les listes de téléchargement.'),
    /** Who the document is for: `public` (the site and the download pages) or `amo` (the AMOs' space only, with its PDFs). */
    audience: audienceSchema.describe('Public du document : « public » (le site et les pages de téléchargement) ou « amo » (l’espace des AMO seulement, avec ses PDF).'),
    /** Number of A4 pages the document must fill; the build warns when the PDF differs. */
    pages: z.number().int().min(1).max(12).describe('Nombre de pages A4 que le document doit remplir, de 1 à 12 ; la fabrication prévient quand le PDF en a un autre nombre.'),
    /** Layout: `plaquette` (cover with partner logos, two columns, contact box) or `document` (plain, one column, e.g. a rulebook). */
    gabarit: z.enum(['plaquette', 'document']).default('plaquette').describe('Mise en page : « plaquette » (couverture avec les logos des partenaires, deux colonnes, encadré de contact) ou « document » (sobre, une colonne, ex. un règlement).'),
    /** Site page that shows this document, with its PDF to download: `ami` → /ami/. */
    pageDuSite: z.string().regex(/^[a-z0-9-]+$/).optional().describe('Page du site qui présente ce document, avec son PDF à télécharger : minuscules, chiffres et tirets, ex. « ami » pour la page /ami/.'),
    /** Position of its site page in the main menu (with `pageDuSite`). */
    menu: z.number().int().optional().describe('Position de la page du site (voir « pageDuSite ») dans le menu principal : un nombre entier, ex. 2.'),
    /** Label in the menu: « L’AMI ». */
    titreMenu: z.string().min(2).max(30).optional().describe('Intitulé de la page dans le menu (30 caractères au plus), ex. « L’AMI ».'),
    /** One-sentence description for the site page and the PDF metadata. */
    description: z.string().min(10).optional().describe('Description en une phrase, pour la page du site et les métadonnées du PDF.'),
    /** The brochure's promise, under its title on the cover (`gabarit: plaquette`); absent: the site's description. */
    promesse: z.string().min(20).max(260).optional().describe('La promesse de la plaquette, en une ou deux phrases sous le titre de la couverture (260 caractères au plus). Absent : la description du site.'),
    /** Key figures on the brochure's cover, each with its source. */
    chiffres: z
      .array(
        z
          .object({
            // `valeur: 6` reads as a number in YAML: taken as the text « 6 ».
            valeur: z
              .union([z.string().min(1).max(12), z.number()])
              .transform(String)
              .describe('Le chiffre tel qu’il s’affiche, en grand (12 caractères au plus), ex. « 1 362 » ou 6.'),
            texte: z.string().min(5).max(110).describe('Ce que le chiffre compte, en une ligne ou deux (110 caractères au plus).'),
            source: z.string().min(3).max(80).describe('D’où vient le chiffre, en quelques mots imprimés sous lui, ex. « décret du 28 décembre 2023 ».'),
          })
          .strict(),
      )
      .min(2)
      .max(4)
      .optional()
      .describe('Chiffres clés de la couverture de la plaquette, de 2 à 4, chacun avec sa source : seulement des chiffres dont on connaît la source.'),
    /** Group on the download pages: `plaquette` (presentation documents) or `ami` (documents de l’AMI). */
    rubrique: z.enum(['plaquette', 'ami']).default('plaquette').describe('Groupe dans les pages de téléchargement : « plaquette » (documents de présentation) ou « ami » (documents de l’AMI).'),
  })
  .strict();

export type PrintDocumentData = z.infer<typeof printDocumentSchema>;

/** Frontmatter of a letter (`letters/`): a printed document, plus the defaults of its reserved placeholders. */
export const letterSchema = printDocumentSchema
  .omit({ gabarit: true, pageDuSite: true, menu: true, titreMenu: true, rubrique: true, promesse: true, chiffres: true })
  .extend({
    /** Opening of the letter (`{{ presentation }}`) for signatories without their own `presentation`. */
    presentationParDefaut: z.string().min(10).describe('Texte mis à la place de {{ presentation }} dans le courrier, pour les signataires qui n’ont pas leur propre « presentation ».'),
    /** Recipient types (file names in `content/interlocuteurs/`) this letter is written for; absent = all. */
    interlocuteurs: z.array(z.string()).min(1).optional().describe('Types d’interlocuteurs à qui ce courrier s’adresse : noms de fichiers de content/interlocuteurs/ sans « .md », ex. « elu ». Absent : tous.'),
  })
  .strict();

export type LetterData = z.infer<typeof letterSchema>;
