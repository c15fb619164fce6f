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
    /** The answer in three comparable lines, for the brochure's cards: who owns, who lives there, what becomes of the household in time. */
    enBref: z
      .object({
        proprietaire: z.string().min(3).max(140).describe('Qui est propriétaire, en une phrase courte (140 caractères au plus), ex. « La coopérative, propriétaire de l’immeuble. »'),
        habitants: z.string().min(3).max(140).describe('Qui habite, à quel titre, en une phrase courte (140 caractères au plus), ex. « Des associés, locataires de leur logement. »'),
        aTerme: z.string().min(3).max(140).describe('Ce que le ménage devient à terme, ou quand il part, en une phrase courte (140 caractères au plus).'),
      })
      .strict()
      .optional()
      .describe('La réponse en trois lignes comparables, pour les cartes de la plaquette : propriétaire, habitants, à terme. Absent : la carte montre le résumé.'),
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
