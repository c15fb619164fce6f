// What the letter builder (/courrier/) needs from the kit, as plain JSON: serialised into the page by
// src/pages/courrier/index.astro and read back by the client (src/builder/main.ts). No server path, no
// Node API: only what a visitor may see.
import type { Kit } from '../kit/load/load-kit.ts';
import type { LetterSource, RecipientType, Sender } from '../letter/compose-letter.ts';
import type { LogoSet } from '../kit/render/images/logos.ts';
import { letterFooterPartners } from '../kit/render/letters/variant-letter.ts';

/** A logo as the letter shows it: a PNG data URI (print size) and its text alternative. */
export interface BuilderLogo {
  src: string;
  alt: string;
}

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

/** The builder's data from the validated kit and its print-size logos. */
export function builderData(kit: Kit, logos: LogoSet): BuilderData {
  const letter = kit.letters[0];
  const asLogos = (partners: { id: string; nom: string }[]): BuilderLogo[] => partners.map((partner) => ({ src: logos[`partenaire:${partner.id}`], alt: partner.nom }));
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
      logo: { src: logos[s.id], alt: `Logo de ${s.nom}` },
      footerLogos: asLogos(letterFooterPartners(kit, s)),
    })),
    recipients: kit.recipients
      .filter((r) => !letter.data.interlocuteurs || letter.data.interlocuteurs.includes(r.id))
      .map((r) => ({ id: r.id, libelle: r.libelle, appel: r.appel, destinataire: r.destinataire, objet: r.objet, formuleFinale: r.formuleFinale, passages: r.passages })),
    otherFooterLogos: asLogos(kit.site.logosPiedDeCourrier.map((id) => kit.site.partners.find((p) => p.id === id)!)),
    enclosure: kit.brochures.find((b) => b.data.gabarit === 'plaquette')?.data.titre,
  };
}
