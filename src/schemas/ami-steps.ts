import { z } from 'astro/zod';

/** The steps of the AMI, drawn as one diagram for the site, the brochure and the deck: `content/etapes-ami.yaml`. */
export const amiStepsSchema = z
  .object({
    /** Title above the diagram and its text alternative: « Les étapes de l’AMI ». */
    titre: z.string().min(3),
    /** The steps, in order. */
    etapes: z
      .array(
        z
          .object({
            /** Short label in the box: « Sensibilisation ». */
            titre: z.string().min(2).max(40),
            /** One line under the label (≤ 90 characters, it must fit the box). */
            texte: z.string().min(2).max(90),
            /** Phase of the AMI the step belongs to: « Phase 1 ». */
            phase: z.string().min(2).max(20),
            /** A step not open yet: drawn dashed and marked « à venir ». */
            aVenir: z.boolean().default(false),
          })
          .strict(),
      )
      .min(2)
      .max(6),
  })
  .strict();

export type AmiStepsData = z.infer<typeof amiStepsSchema>;
