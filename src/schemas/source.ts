import { z } from 'astro/zod';

/** A source of the facts a page states: its label and address (examples, fact sheets). */
export const sourceSchema = z
  .object({
    titre: z.string().min(2).describe('Intitulé de la source, ex. « Habitat Participatif France — Étude-action sur l’habitat participatif en quartiers prioritaires ».'),
    url: z.url().describe('Adresse web de la source, ex. https://www.habitatparticipatif-france.fr/'),
  })
  .strict();
