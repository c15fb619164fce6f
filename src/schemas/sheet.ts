import { z } from 'astro/zod';

/** A fact sheet (« fiche ») on one legal arrangement: frontmatter of `content/fiches/<id>.md`. */
export const sheetSchema = z
  .object({
    /** Title of the sheet: « La SCIAPP ». */
    titre: z.string().min(3),
    /** Expanded name, shown under the title. */
    sousTitre: z.string().min(3),
    /** One or two sentences for lists and the page description. */
    resume: z.string().min(10),
    /** Sort order among the sheets (smallest first). */
    ordre: z.number().int().default(100),
    /** Sources: label and address, printed at the end. */
    sources: z.array(z.object({ titre: z.string().min(2), url: z.url() }).strict()).default([]),
  })
  .strict();

export type SheetData = z.infer<typeof sheetSchema>;
