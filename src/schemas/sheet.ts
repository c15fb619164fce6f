import { z } from 'astro/zod';
import { sourceSchema } from './source.ts';

/** A fact sheet (« fiche ») on one legal arrangement: frontmatter of `content/fiches/<id>.md`. */
export const sheetSchema = z
  .object({
    /** Title of the sheet: « La SCIAPP ». */
    titre: z.string().min(3).describe('Titre de la fiche, ex. « La SCIAPP ».'),
    /** Expanded name, shown under the title. */
    sousTitre: z.string().min(3).describe('Nom développé, affiché sous le titre.'),
    /** One or two sentences for lists and the page description. */
    resume: z.string().min(10).describe('Une ou deux phrases pour les listes et la description de la page.'),
    /** Sort order among the sheets (smallest first). */
    ordre: z.number().int().default(100).describe('Rang parmi les fiches : un nombre entier, le plus petit en premier, ex. 1.'),
    /** Sources: label and address, printed at the end. */
    sources: z
      .array(sourceSchema)
      .default([])
      .describe('Sources, imprimées en fin de fiche : un intitulé et une adresse pour chacune.'),
  })
  .strict();

export type SheetData = z.infer<typeof sheetSchema>;
