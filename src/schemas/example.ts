import { z } from 'astro/zod';

/** The photo of an example: the file when there is one, the caption and the credit always. */
export const photoSchema = z
  .object({
    /** Image file next to the Markdown file (JPEG, PNG or WebP). */
    fichier: z.string().regex(/\.(jpe?g|png|webp)$/i, 'la photo doit être un fichier .jpg, .png ou .webp').optional(),
    /** Caption shown under the photo. */
    legende: z.string().min(3),
    /** Credit line: author or source, « à compléter » when unknown. */
    credit: z.string().min(3),
  })
  .strict();

/** A real participatory housing project: `content/exemples/<id>.md`. Facts only from sourced material. */
export const exampleSchema = z
  .object({
    /** Name of the project: « Castors du Crêt de Roc ». */
    titre: z.string().min(2),
    /** Town: « Saint-Étienne ». */
    ville: z.string().min(2),
    /** Neighbourhood or operation, when known: « ZAC Desjoyaux ». */
    quartier: z.string().optional(),
    /** Key date as sourced, in words: « livré à l’été 2015 », « à confirmer ». */
    date: z.string().min(2),
    /** Legal arrangement as sourced: « coopérative d’habitants », « SCIAPP et PSLA »… */
    montage: z.string().min(2),
    /** The fact sheet (`content/fiches/<id>.md`) this example illustrates, if any. */
    fiche: z.string().optional(),
    /** Size as sourced: « 13 foyers », « 46 logements ». */
    logements: z.string().optional(),
    /** One of the six projects of the 2016–2018 study on participatory housing in the QPV. */
    etudie: z.boolean().default(false),
    /** One-sentence summary for lists. */
    resume: z.string().min(10),
    /** Photo: while `fichier` is absent, a « photo à fournir » placeholder shows the caption and credit. */
    photo: photoSchema.optional(),
    /** Sort order in lists (smallest first). */
    ordre: z.number().int().default(100),
    /** Sources: label and address. */
    sources: z.array(z.object({ titre: z.string().min(2), url: z.url() }).strict()).default([]),
  })
  .strict();

export type ExampleData = z.infer<typeof exampleSchema>;
