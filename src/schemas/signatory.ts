import { z } from 'astro/zod';
import { articleSchema } from './article.ts';

/** A signatory (« signataire »): the organisation whose logo, contact and signer appear on its variant of every document. */
export const signatorySchema = z
  .object({
    /** Full name, as printed in letterheads: « Habitat Participatif France ». */
    nom: z.string().min(2),
    /** Its article when the name begins with a common noun (`la` for « la Société coopérative… »): « Logo de la Société… ». */
    article: articleSchema,
    /** Short name for tight places (slides, file titles): « HPF ». */
    nomCourt: z.string().min(2).max(24),
    /** Logo file next to `index.yaml` (SVG, PNG or JPEG), e.g. `logo.svg`. */
    logo: z.string().regex(/\.(svg|png|jpe?g)$/i, 'le logo doit être un fichier .svg, .png ou .jpg'),
    /** Website, with https:// — optional: shown as « à compléter » when absent. */
    siteWeb: z.url({ protocol: /^https?$/ }).optional(),
    /** Contact e-mail address — optional: shown as « à compléter » when absent. */
    courriel: z.email().optional(),
    /** Phone number as it should be printed: « 01 23 45 67 89 ». */
    telephone: z.string().optional(),
    /** Postal address, one line per entry. */
    adresse: z.array(z.string().min(1)).optional(),
    /** Markdown paragraph that opens the letter (`{{ presentation }}`); without it, the letter's default. */
    presentation: z.string().min(10).optional(),
    /** The person who signs letters for this signatory; while unknown, printed « à compléter », highlighted. */
    signature: z
      .object({
        /** First and last name of the signer. */
        nom: z.string().min(2).optional(),
        /** Role printed under the name: « Coordinatrice », « Gérant »… */
        fonction: z.string().min(2).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type SignatoryData = z.infer<typeof signatorySchema>;
