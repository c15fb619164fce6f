import { z } from 'astro/zod';
import { articleSchema } from './article.ts';

/** A signatory (« signataire »): the organisation whose logo, contact and signer appear on its variant of every document. */
export const signatorySchema = z
  .object({
    /** Full name, as printed in letterheads: « Habitat Participatif France ». */
    nom: z.string().min(2).describe('Nom complet, tel qu’imprimé dans les en-têtes, ex. « Habitat Participatif France ».'),
    /** Its article when the name begins with a common noun (`la` for « la Société coopérative… »): « Logo de la Société… ». */
    article: articleSchema.describe('Article du nom quand il commence par un nom commun : « le », « la », « l’ » ou « les », ex. « la » pour « la Société coopérative… ». Absent : le nom s’emploie seul, comme un nom propre.'),
    /** Short name for tight places (slides, file titles): « HPF ». */
    nomCourt: z.string().min(2).max(24).describe('Nom court pour les endroits étroits (diapositives, titres de fichiers), 24 caractères au plus, ex. « HPF ».'),
    /** Logo file next to `index.yaml` (SVG, PNG or JPEG), e.g. `logo.svg`. */
    logo: z.string().regex(/\.(svg|png|jpe?g)$/i, 'le logo doit être un fichier .svg, .png ou .jpg').describe('Fichier du logo, à côté de index.yaml (SVG, PNG ou JPEG), ex. « logo.svg ».'),
    /** Website, with https:// — optional: shown as « à compléter » when absent. */
    siteWeb: z.url({ protocol: /^https?$/ }).optional().describe('Site web, avec https://, ex. https://www.habitatparticipatif-france.fr. Absent : « à compléter » est imprimé à la place.'),
    /** Contact e-mail address — optional: shown as « à compléter » when absent. */
    courriel: z.email().optional().describe('Adresse e-mail de contact, ex. contact@exemple.fr. Absente : « à compléter » est imprimé à la place.'),
    /** Phone number as it should be printed: « 01 23 45 67 89 ». */
    telephone: z.string().optional().describe('Numéro de téléphone, écrit comme il doit être imprimé, ex. « 01 23 45 67 89 ».'),
    /** Postal address, one line per entry. */
    adresse: z.array(z.string().min(1)).optional().describe('Adresse postale, une ligne par entrée.'),
    /** Markdown paragraph that opens the letter (`{{ presentation }}`); without it, the letter's default. */
    presentation: z.string().min(10).optional().describe('Paragraphe (Markdown) qui présente le signataire dans le courrier, à la place de {{ presentation }}. Absent : le texte par défaut du courrier.'),
    /** The person who signs letters for this signatory; while unknown, printed « à compléter », highlighted. */
    signature: z
      .object({
        /** First and last name of the signer. */
        nom: z.string().min(2).optional().describe('Prénom et nom de la personne qui signe.'),
        /** Role printed under the name: « Coordinatrice », « Gérant »… */
        fonction: z.string().min(2).optional().describe('Fonction imprimée sous le nom, ex. « Coordinatrice » ou « Gérant ».'),
      })
      .strict()
      .default({})
      .describe('Personne qui signe les courriers pour ce signataire : son nom et sa fonction. Tant qu’ils manquent, « à compléter » est imprimé, surligné.'),
  })
  .strict();

export type SignatoryData = z.infer<typeof signatorySchema>;
