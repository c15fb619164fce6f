import { z } from 'astro/zod';
import { articleSchema } from './article.ts';

/**
 * A partner whose logo is kept on documents (HPF, ANCT). A partner that is also a signatory (same id,
 * like `hpf`) is not repeated on that signatory's own documents.
 */
const partnerSchema = z
  .object({
    /** Identifier used in documents: `hpf`, `anct`. */
    id: z.string().regex(/^[a-z0-9-]+$/, 'identifiant en minuscules, chiffres et tirets').describe('Identifiant du partenaire dans les documents : minuscules, chiffres et tirets, ex. « hpf », « anct ».'),
    /** Full name, also the logo's text alternative. */
    nom: z.string().min(2).describe('Nom complet, repris comme texte de remplacement du logo, ex. « Agence nationale de la cohésion des territoires ».'),
    /** Its article when the name begins with a common noun (`l’` for « l’Agence… »): « Logo de l’Agence… ». */
    article: articleSchema.describe('Article du nom quand il commence par un nom commun : « le », « la », « l’ » ou « les », ex. « l’ » pour « l’Agence… ». Absent : le nom s’emploie seul, comme un nom propre.'),
    /** Logo file, relative to `content/` (SVG, PNG or JPEG). */
    logo: z.string().regex(/\.(svg|png|jpe?g)$/i, 'le logo doit être un fichier .svg, .png ou .jpg').describe('Fichier du logo, depuis le dossier content/ (SVG, PNG ou JPEG), ex. « partenaires/hpf.svg ».'),
  })
  .strict();

/** Site-wide settings: `content/site.yaml`. */
export const siteSchema = z
  .object({
    /** Site title, shown in the header and in PDF metadata. */
    titre: z.string().min(3).describe('Titre du site, affiché dans l’en-tête et repris dans les métadonnées des PDF.'),
    /** One-sentence description for search engines and social cards. */
    description: z.string().min(10).describe('Description en une phrase, pour les moteurs de recherche et les aperçus sur les réseaux sociaux.'),
    /**
     * Public address of the site, with https://: at the root of a domain (https://qpv.habitatparticipatif-france.fr)
     * or under a path (https://reseau.gitlab.io/kit-qpv/), which every address of the site then starts with.
     */
    url: z.url({ protocol: /^https$/ }).refine((value) => !/[?#]/.test(value), 'l’adresse du site ne prend ni « ? » ni « # » : https://domaine/ ou https://domaine/chemin/').describe('Adresse publique du site, avec https://, à la racine d’un domaine (ex. https://qpv.habitatparticipatif-france.fr) ou sous un chemin (ex. https://reseau.gitlab.io/kit-qpv/), sans « ? » ni « # ». Toutes les adresses du site la suivent.'),
    /** Signatory used for the site itself and as the default variant. */
    signataireParDefaut: z.string().default('hpf').describe('Signataire utilisé pour le site lui-même et comme variante par défaut : nom d’un dossier de content/signataires/, ex. « hpf ».'),
    /** Partners whose logos appear on documents. */
    partenaires: z.array(partnerSchema).min(1).describe('Partenaires dont les logos figurent sur les documents (au moins un).'),
    /** Partner logos printed in the letter footer, by id. */
    logosPiedDeCourrier: z.array(z.string()).default(['hpf', 'anct']).describe('Logos des partenaires imprimés en pied de courrier, par identifiant, ex. [hpf, anct].'),
    /** Partner logos printed on the brochure's first page, by id. */
    logosCouverture: z.array(z.string()).default(['hpf', 'anct']).describe('Logos des partenaires imprimés sur la première page de la plaquette, par identifiant, ex. [hpf, anct].'),
    /**
     * Where the contact form's messages go: a person or a small team who answers (a coordinator), never
     * a mailing list whose every member would read a visitor's message.
     */
    contact: z
      .object({
        /** The address that receives the messages (the form's `mailto:` without `formulaire`); never written in clear in the pages. */
        courriel: z.email().describe('Adresse e-mail qui reçoit les messages du formulaire de contact (par la messagerie du visiteur quand « formulaire » est absent), jamais écrite en clair dans les pages, ex. contact@exemple.fr.'),
        /** Who reads the messages, as the personal-data notice says it: « l’équipe de coordination d’Habitat Participatif France ». */
        destinataire: z.string().min(5).describe('Qui lit les messages, tel que l’annonce la page sur les données personnelles, ex. « l’équipe de coordination d’Habitat Participatif France ».'),
        /** A sending service's address (POST, HTML form fields); without it the form opens the visitor's mail client. */
        formulaire: z.url({ protocol: /^https?$/ }).optional().describe('Adresse d’un service d’envoi qui reçoit le formulaire (en POST). Absent : le formulaire ouvre la messagerie du visiteur.'),
        /** How long messages are kept, as the notice says it: « un an après notre réponse ». Absent: « à confirmer ». */
        conservation: z.string().min(5).optional().describe('Durée de conservation des messages, telle que l’annonce la page sur les données personnelles, ex. « un an après notre réponse ». Absente : la page dit « à confirmer ».'),
      })
      .strict()
      .describe('Destination des messages du formulaire de contact : une personne ou une petite équipe qui répond, jamais une liste de diffusion.'),
  })
  .strict();

export type SiteData = z.infer<typeof siteSchema>;
export type Partner = z.infer<typeof partnerSchema>;
