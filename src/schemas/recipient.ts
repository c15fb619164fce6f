import { z } from 'astro/zod';

/** A recipient type (« interlocuteur ») of the meeting-request letter: frontmatter of `content/interlocuteurs/<id>.md`. */
export const recipientSchema = z
  .object({
    /** Label shown in menus and file lists: « Maire ou élu·e municipal·e ». */
    libelle: z.string().min(3).describe('Intitulé affiché dans les menus et les listes de fichiers, ex. « Maire ou élu·e municipal·e ».'),
    /** Sort order in lists (smallest first). */
    ordre: z.number().int().default(100).describe('Rang dans les listes : un nombre entier, le plus petit en premier, ex. 1.'),
    /** Forms of address, chosen by the recipient's gender (a field, never guessed). */
    appel: z.object({
      /** « Madame la Maire » */
      madame: z.string().min(3).describe('Formule d’appel pour une destinataire, ex. « Madame la Maire ».'),
      /** « Monsieur le Maire » */
      monsieur: z.string().min(3).describe('Formule d’appel pour un destinataire, ex. « Monsieur le Maire ».'),
    }).strict().describe('Formules d’appel, choisies selon le genre indiqué pour le destinataire (jamais deviné) : « madame » et « monsieur ».'),
    /** Address block printed when the recipient is not named yet, one line per entry. */
    destinataire: z.array(z.string().min(1)).min(1).describe('Bloc d’adresse imprimé tant que le destinataire n’est pas nommé : une ligne par entrée.'),
    /** Subject line (« Objet : … ») for this recipient type. */
    objet: z.string().min(3).describe('Ligne d’objet du courrier (« Objet : … ») pour ce type d’interlocuteur.'),
    /** Closing sentence, repeating the form of address: « Je vous prie d’agréer, {{ appel }}, l’expression de ma haute considération. » */
    formuleFinale: z.string().min(3).describe('Formule de politesse finale, qui reprend la formule d’appel, ex. « Je vous prie d’agréer, {{ appel }}, l’expression de ma haute considération. »'),
  })
  .strict();

export type RecipientData = z.infer<typeof recipientSchema>;

/** The form of address when the recipient's gender is not known: « Madame la Maire, Monsieur le Maire ». */
export function genericSalutation(appel: RecipientData['appel']): string {
  return `${appel.madame}, ${appel.monsieur}`;
}
