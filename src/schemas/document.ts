import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** Frontmatter shared by printed documents: the brochure (`brochures/`) and the letter (`letters/`). */
export const printDocumentSchema = z
  .object({
    /** Title, used in the PDF metadata and download lists. */
    titre: z.string().min(3),
    /** Who the document is for: `public` (the site and the download pages) or `amo` (the AMOs' space only, with its PDFs). */
    audience: audienceSchema,
    /** Number of A4 pages the document must fill; the build warns when the PDF differs. */
    pages: z.number().int().min(1).max(12),
    /** Layout: `plaquette` (cover with partner logos, two columns, contact box) or `document` (plain, one column, e.g. a rulebook). */
    gabarit: z.enum(['plaquette', 'document']).default('plaquette'),
    /** Site page that shows this document, with its PDF to download: `ami` → /ami/. */
    pageDuSite: z.string().regex(/^[a-z0-9-]+$/).optional(),
    /** Position of its site page in the main menu (with `pageDuSite`). */
    menu: z.number().int().optional(),
    /** Label in the menu: « L’AMI ». */
    titreMenu: z.string().min(2).max(30).optional(),
    /** One-sentence description for the site page and the PDF metadata. */
    description: z.string().min(10).optional(),
    /** Group on the download pages: `plaquette` (presentation documents) or `ami` (documents de l’AMI). */
    rubrique: z.enum(['plaquette', 'ami']).default('plaquette'),
  })
  .strict();

export type PrintDocumentData = z.infer<typeof printDocumentSchema>;

/** Frontmatter of a letter (`letters/`): a printed document, plus the defaults of its reserved placeholders. */
export const letterSchema = printDocumentSchema
  .omit({ gabarit: true, pageDuSite: true, menu: true, titreMenu: true, rubrique: true })
  .extend({
    /** Opening of the letter (`{{ presentation }}`) for signatories without their own `presentation`. */
    presentationParDefaut: z.string().min(10),
    /** Recipient types (file names in `content/interlocuteurs/`) this letter is written for; absent = all. */
    interlocuteurs: z.array(z.string()).min(1).optional(),
  })
  .strict();

export type LetterData = z.infer<typeof letterSchema>;
