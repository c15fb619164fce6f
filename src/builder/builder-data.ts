// What the letter builder (/courrier/) needs from the kit, as plain JSON: serialised into the page by
// src/pages/courrier/index.astro and read back by the client (src/builder/main.ts). No server path, no
// Node API: only what a visitor may see.
import type { Kit } from '../kit/load/load-kit.ts';
import type { LetterSource, RecipientType, Sender } from '../letter/compose-letter.ts';
import type { LogoImage } from '../kit/render/images/logos.ts';
import type { LetterLogo } from '../letter/letter-html.ts';
import { logoAlt } from '../logo/logo-alt.ts';
import { letterFooterPartners } from '../kit/render/letters/variant-letter.ts';
import { siteAddress, underBase } from '../site-address.ts';

/** A logo as the letter shows it: a PNG (print size: a file of the site, or a data URI for the visitor's own), its text alternative and proportions. */
export type BuilderLogo = LetterLogo;

/** A signatory of the kit, as the builder offers it. */
export interface BuilderSignatory extends Omit<Sender, 'signature'> {
  id: string;
  signature: Sender['signature'];
  logo: BuilderLogo;
  /** Partner logos of its letter footer (never its own). */
  footerLogos: BuilderLogo[];
}

export interface BuilderRecipient extends RecipientType {
  id: string;
  libelle: string;
}

export interface BuilderData {
  letter: LetterSource;
  signatories: BuilderSignatory[];
  recipients: BuilderRecipient[];
  /** Footer logos of a letter from a structure outside the kit (« autre structure »). */
  otherFooterLogos: BuilderLogo[];
  /** Title of the brochure the letter encloses, if the kit has one. */
  enclosure?: string;
}

/** The builder's data from the validated kit and its logos (their PNG files: the Word letter needs bitmaps). */
export function builderData(kit: Kit, logos: Record<string, LogoImage>): BuilderData {
  const letter = kit.letters[0];
  // The logos' addresses under the site's base path: the client fetches them and shows them as they are.
  const { base } = siteAddress(kit.site.url);
  const logo = (key: string, alt: string): BuilderLogo => ({ src: underBase(logos[key].png, base), alt, aspect: logos[key].aspect });
  const asLogos = (partners: { id: string; nom: string }[]): BuilderLogo[] => partners.map((partner) => logo(`partenaire:${partner.id}`, partner.nom));
  return {
    letter: { body: letter.body, data: { presentationParDefaut: letter.data.presentationParDefaut } },
    signatories: kit.signatories.map((s) => ({
      id: s.id,
      nom: s.nom,
      adresse: s.adresse,
      courriel: s.courriel,
      telephone: s.telephone,
      siteWeb: s.siteWeb,
      presentation: s.presentation,
      signature: s.signature,
      logo: logo(s.id, logoAlt(s.nom, s.article)),
      footerLogos: asLogos(letterFooterPartners(kit, s)),
    })),
    recipients: kit.recipients
      .filter((r) => !letter.data.interlocuteurs || letter.data.interlocuteurs.includes(r.id))
      .map((r) => ({ id: r.id, libelle: r.libelle, appel: r.appel, destinataire: r.destinataire, objet: r.objet, formuleFinale: r.formuleFinale, passages: r.passages })),
    otherFooterLogos: asLogos(kit.site.logosPiedDeCourrier.map((id) => kit.site.partners.find((p) => p.id === id)!)),
    enclosure: kit.brochures.find((b) => b.data.gabarit === 'plaquette')?.data.titre,
  };
}
