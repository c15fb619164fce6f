import { z } from 'astro/zod';

/**
 * The article an organisation's name takes in a French sentence when it begins with a common noun:
 * `l’` for « l’Agence nationale de la cohésion des territoires », `la` for « la Société coopérative… ».
 * Without it, the name is used bare, as a proper name: « d’Alpha AMO », « de CAHP IDF ».
 */
export const articleSchema = z.enum(['le', 'la', 'l’', "l'", 'les']).optional();

export type Article = z.infer<typeof articleSchema>;
