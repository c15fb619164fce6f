import { z } from 'astro/zod';
import { articleSchema } from './article.ts';

/**
 * A partner whose logo is kept on documents (HPF, ANCT). A partner that is also a signatory (same id,
 * like `hpf`) is not repeated on that signatory's own documents.
 */
const partnerSchema = z
  .object({
    /** Identifier used in documents: `hpf`, `anct`. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets'),
    /** Full name, also the logo's text alternative. */
    nom: z.string().min(2),
    /** Its article when the name begins with a common noun (`l’` for « l’Agence… »): « Logo de l’Agence… ». */
    article: articleSchema,
    /** Logo file, relative to `content/` (SVG, PNG or JPEG). */
    logo: z.string().regex(/\.(svg|png|jpe?g)$/i, 'le logo doit être un fichier .svg, .png ou .jpg'),
  })
  .strict();

/** Site-wide settings: `content/site.yaml`. */
export const siteSchema = z
  .object({
    /** Site title, shown in the header and in PDF metadata. */
    titre: z.string().min(3),
    /** One-sentence description for search engines and social cards. */
    description: z.string().min(10),
    /**
     * Public address of the site, with https://: at the root of a domain (https://qpv.habitatparticipatif-france.fr)
     * or under a path (https://reseau.gitlab.io/kit-qpv/), which every address of the site then starts with.
     */
    url: z.url({ protocol: /^https$/ }).refine((value) => !/[?#]/.test(value), 'l’adresse du site ne prend ni « ? » ni « # » : https://domaine/ ou https://domaine/chemin/'),
    /** Signatory used for the site itself and as the default variant. */
    signataireParDefaut: z.string().default('hpf'),
    /** Partners whose logos appear on documents. */
    partenaires: z.array(partnerSchema).min(1),
    /** Partner logos printed in the letter footer, by id. */
    logosPiedDeCourrier: z.array(z.string()).default(['hpf', 'anct']),
    /** Partner logos printed on the brochure's first page, by id. */
    logosCouverture: z.array(z.string()).default(['hpf', 'anct']),
    /**
     * Where the contact form's messages go: a person or a small team who answers (a coordinator), never
     * a mailing list whose every member would read a visitor's message.
     */
    contact: z
      .object({
        /** The address that receives the messages (the form's `mailto:` without `formulaire`); never written in clear in the pages. */
        courriel: z.email(),
        /** Who reads the messages, as the personal-data notice says it: « l’équipe de coordination d’Habitat Participatif France ». */
        destinataire: z.string().min(5),
        /** A sending service's address (POST, HTML form fields); without it the form opens the visitor's mail client. */
        formulaire: z.url({ protocol: /^https?$/ }).optional(),
        /** How long messages are kept, as the notice says it: « un an après notre réponse ». Absent: « à confirmer ». */
        conservation: z.string().min(5).optional(),
      })
      .strict(),
  })
  .strict();

export type SiteData = z.infer<typeof siteSchema>;
export type Partner = z.infer<typeof partnerSchema>;
