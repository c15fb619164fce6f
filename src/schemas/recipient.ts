import { z } from 'astro/zod';

/** A recipient type (« interlocuteur ») of the meeting-request letter: frontmatter of `content/interlocuteurs/<id>.md`. */
export const recipientSchema = z
  .object({
    /** Label shown in menus and file lists: « Maire ou élu·e municipal·e ». */
    libelle: z.string().min(3),
    /** Sort order in lists (smallest first). */
    ordre: z.number().int().default(100),
    /** Forms of address, chosen by the recipient's gender (a field, never guessed). */
    appel: z.object({
      /** « Madame la Maire » */
      madame: z.string().min(3),
      /** « Monsieur le Maire » */
      monsieur: z.string().min(3),
    }).strict(),
    /** Address block printed when the recipient is not named yet, one line per entry. */
    destinataire: z.array(z.string().min(1)).min(1),
    /** Subject line (« Objet : … ») for this recipient type. */
    objet: z.string().min(3),
    /** Closing sentence, repeating the form of address: « Je vous prie d’agréer, {{ appel }}, l’expression de ma haute considération. » */
    formuleFinale: z.string().min(3),
  })
  .strict();

export type RecipientData = z.infer<typeof recipientSchema>;

/** The form of address when the recipient's gender is not known: « Madame la Maire, Monsieur le Maire ». */
export function genericSalutation(appel: RecipientData['appel']): string {
  return `${appel.madame}, ${appel.monsieur}`;
}
