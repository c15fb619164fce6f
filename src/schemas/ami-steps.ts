import { z } from 'astro/zod';

/** The steps of the AMI, drawn as one diagram for the site, the brochure and the deck: `content/etapes-ami.yaml`. */
export const amiStepsSchema = z
  .object({
    /** Title above the diagram and its text alternative: « Les étapes de l’AMI ». */
    titre: z.string().min(3).describe('Titre affiché au-dessus du schéma des étapes, repris dans sa description pour les lecteurs d’écran, ex. « Les étapes de l’AMI ».'),
    /** The steps, in order. */
    etapes: z
      .array(
        z
          .object({
            /** Short label in the box: « Sensibilisation ». */
            titre: z.string().min(2).max(40).describe('Intitulé court écrit dans la case de l’étape (40 caractères au plus), ex. « Sensibilisation ».'),
            /** One line under the label (≤ 90 characters, it must fit the box). */
            texte: z.string().min(2).max(90).describe('Une ligne sous l’intitulé (90 caractères au plus, pour tenir dans la case).'),
            /** Phase of the AMI the step belongs to: « Phase 1 ». */
            phase: z.string().min(2).max(20).describe('Phase de l’AMI à laquelle appartient l’étape (20 caractères au plus), ex. « Phase 1 ».'),
            /** A step not open yet: drawn dashed and marked « à venir ». */
            aVenir: z.boolean().default(false).describe('« true » pour une étape pas encore ouverte : elle est dessinée en pointillés et marquée « à venir ».'),
          })
          .strict(),
      )
      .min(2)
      .max(6)
      .describe('Étapes de l’AMI, dans l’ordre : de 2 à 6, chacune avec son titre, son texte et sa phase.'),
  })
  .strict();

export type AmiStepsData = z.infer<typeof amiStepsSchema>;
