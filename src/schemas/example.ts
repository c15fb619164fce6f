import { z } from 'astro/zod';
import { sourceSchema } from './source.ts';

/** The photo of an example: the file when there is one, the caption and the credit always. */
export const photoSchema = z
  .object({
    /** Image file next to the Markdown file (JPEG, PNG or WebP). */
    fichier: z.string().regex(/\.(jpe?g|png|webp)$/i, 'la photo doit être un fichier .jpg, .png ou .webp').optional().describe('Fichier de la photo, à côté du fichier Markdown (JPEG, PNG ou WebP), ex. « photo.jpg ». Absent : un emplacement « photo à fournir » montre la légende et le crédit.'),
    /** Caption shown under the photo. */
    legende: z.string().min(3).describe('Légende affichée sous la photo.'),
    /** Credit line: author or source, « à compléter » when unknown. */
    credit: z.string().min(3).describe('Crédit de la photo : auteur ou source, « à compléter » tant qu’on ne le connaît pas.'),
  })
  .strict();

/** A real participatory housing project: `content/exemples/<id>.md`. Facts only from sourced material. */
export const exampleSchema = z
  .object({
    /** Name of the project: « Castors du Crêt de Roc ». */
    titre: z.string().min(2).describe('Nom du projet, ex. « Castors du Crêt de Roc ».'),
    /** Town: « Saint-Étienne ». */
    ville: z.string().min(2).describe('Ville du projet, ex. « Saint-Étienne ».'),
    /** Neighbourhood or operation, when known: « ZAC Desjoyaux ». */
    quartier: z.string().optional().describe('Quartier ou opération, si on le connaît, ex. « ZAC Desjoyaux ».'),
    /** Key date as sourced, in words: « livré à l’été 2015 », « à confirmer ». */
    date: z.string().min(2).describe('Date marquante, en toutes lettres et telle que la source la donne, ex. « livré à l’été 2015 » ou « à confirmer ».'),
    /** Legal arrangement as sourced: « coopérative d’habitants », « SCIAPP et PSLA »… */
    montage: z.string().min(2).describe('Montage juridique, tel que la source le nomme, ex. « coopérative d’habitants ».'),
    /** The fact sheet (`content/fiches/<id>.md`) this example illustrates, if any. */
    fiche: z.string().optional().describe('Fiche que cet exemple illustre, s’il y en a une : nom d’un fichier de content/fiches/ sans « .md », ex. « cooperative-habitants ».'),
    /** Size as sourced: « 13 foyers », « 46 logements ». */
    logements: z.string().optional().describe('Taille du projet, telle que la source la donne, ex. « 13 foyers » ou « 46 logements ».'),
    /** One of the six projects of the 2016–2018 study on participatory housing in the QPV. */
    etudie: z.boolean().default(false).describe('« true » pour l’un des six projets de l’étude de 2016–2018 sur l’habitat participatif en quartiers prioritaires.'),
    /** One-sentence summary for lists. */
    resume: z.string().min(10).describe('Résumé en une phrase, pour les listes.'),
    /** Photo: while `fichier` is absent, a « photo à fournir » placeholder shows the caption and credit. */
    photo: photoSchema.optional().describe('Photo du projet : son fichier quand il y en a un, sa légende et son crédit.'),
    /** Sort order in lists (smallest first). */
    ordre: z.number().int().default(100).describe('Rang dans les listes : un nombre entier, le plus petit en premier, ex. 1.'),
    /** Sources: label and address. */
    sources: z
      .array(sourceSchema)
      .default([])
      .describe('Sources des informations : un intitulé et une adresse pour chacune.'),
  })
  .strict();

export type ExampleData = z.infer<typeof exampleSchema>;
