// The builder's form as plain values, and the letter they make: pure functions, shared by the preview,
// the downloads and the unit tests. The letter itself is composed by the letter engine (src/letter/).
import type { Civility } from '../letter/letter-model.ts';
import type { LetterInput } from '../letter/compose-letter.ts';
import type { LetterImages } from '../letter/letter-html.ts';
import type { BuilderData, BuilderLogo } from './builder-data.ts';

/** The value of the signatory list for a structure outside the kit. */
export const OTHER_SIGNATORY = 'autre';

/** Every field of the form, by the `name` of its input. Multi-line fields keep their line breaks. */
export interface FormValues {
  signataire: string;
  autreNom: string;
  autreAdresse: string;
  autreCourriel: string;
  autreTelephone: string;
  autreSiteWeb: string;
  interlocuteur: string;
  civilite: '' | Civility;
  destinataireNom: string;
  destinataireFonction: string;
  destinataireOrganisme: string;
  destinataireAdresse: string;
  commune: string;
  quartier: string;
  /** `YYYY-MM-DD`, as an `<input type="date">` gives it. */
  date: string;
  lieu: string;
  signatureNom: string;
  signatureFonction: string;
  paragraphe: string;
}

export const FIELD_NAMES = [
  'signataire', 'autreNom', 'autreAdresse', 'autreCourriel', 'autreTelephone', 'autreSiteWeb', 'interlocuteur', 'civilite',
  'destinataireNom', 'destinataireFonction', 'destinataireOrganisme', 'destinataireAdresse', 'commune', 'quartier', 'date', 'lieu',
  'signatureNom', 'signatureFonction', 'paragraphe',
] as const satisfies readonly (keyof FormValues)[];

/** An empty form: the first signatory and recipient type of the kit, dated `today`. */
export function emptyValues(data: BuilderData, today: Date): FormValues {
  const values = Object.fromEntries(FIELD_NAMES.map((name) => [name, ''])) as unknown as FormValues;
  const signatory = data.signatories[0];
  return {
    ...values,
    signataire: signatory?.id ?? OTHER_SIGNATORY,
    interlocuteur: data.recipients[0]?.id ?? '',
    date: isoDate(today),
    signatureNom: signatory?.signature.nom ?? '',
    signatureFonction: signatory?.signature.fonction ?? '',
  };
}

/** `YYYY-MM-DD` of a date, in the visitor's own time zone. */
/** The hint under the signatory's field: what the kit knows of the chosen signatory (none: « Autre structure »). */
export function signatoryDetails(signatory: BuilderData['signatories'][number] | undefined): string {
  if (!signatory) return 'Indiquez les coordonnées de votre structure ci-dessous.';
  const lacking = [!signatory.adresse?.length && 'adresse', !signatory.courriel && 'courriel'].filter(Boolean);
  if (lacking.length === 0) return 'Le logo et les coordonnées de ce signataire sont ceux du kit.';
  const what = lacking.length === 2 ? 'l’adresse ni le courriel' : lacking[0] === 'adresse' ? 'l’adresse' : 'le courriel';
  return `Le kit n’a pas encore ${what} de ce signataire : le courrier les marque « à compléter » (surlignés). Complétez-les dans le fichier Word, ou choisissez « Autre structure ».`;
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The date of a `YYYY-MM-DD` field (noon UTC, the same day in Paris), or undefined. */
export function parseIsoDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T12:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
const trimmed = (text: string) => text.trim() || undefined;

/** A website as the visitor typed it (`www.exemple.fr`), with a scheme. */
export function websiteUrl(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

/**
 * What the letter engine needs, from the form: the chosen signatory (or the structure typed in), the
 * signer as typed, the addressee once a civility is chosen (the form of address depends on it), and
 * the images of the letter. Undefined while no recipient type is chosen.
 */
export function letterFromForm(values: FormValues, data: BuilderData, otherLogo?: BuilderLogo): { input: LetterInput; images: LetterImages } | undefined {
  const recipientType = data.recipients.find((r) => r.id === values.interlocuteur);
  if (!recipientType) return undefined;
  const listed = data.signatories.find((s) => s.id === values.signataire);
  const signature = { nom: values.signatureNom.trim(), fonction: values.signatureFonction.trim() };
  const sender = listed
    ? { nom: listed.nom, adresse: listed.adresse, courriel: listed.courriel, telephone: listed.telephone, siteWeb: listed.siteWeb, presentation: listed.presentation, signature }
    : {
        nom: values.autreNom.trim(),
        adresse: lines(values.autreAdresse),
        courriel: trimmed(values.autreCourriel),
        telephone: trimmed(values.autreTelephone),
        siteWeb: websiteUrl(values.autreSiteWeb),
        signature,
      };
  const input: LetterInput = {
    letter: data.letter,
    recipientType,
    sender,
    addressee: values.civilite
      ? {
          civilite: values.civilite,
          nom: trimmed(values.destinataireNom),
          fonction: trimmed(values.destinataireFonction),
          organisme: trimmed(values.destinataireOrganisme),
          adresse: lines(values.destinataireAdresse),
        }
      : undefined,
    commune: trimmed(values.commune),
    quartier: trimmed(values.quartier),
    lieu: trimmed(values.lieu),
    date: parseIsoDate(values.date),
    paragraphePersonnel: trimmed(values.paragraphe),
    pieceJointe: data.enclosure,
  };
  const senderLogo = listed ? listed.logo : otherLogo;
  return { input, images: { senderLogo, footerLogos: listed ? listed.footerLogos : data.otherFooterLogos } };
}

/** Lower case, no accent, words joined by dashes: « Mairie de Villeneuve » → `mairie-de-villeneuve`. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `courrier-elu-mairie-de-villeneuve.docx`: the recipient type, then the organisation (or the commune). */
export function letterFileName(values: FormValues, extension: 'docx' | 'pdf'): string {
  const who = slug(values.destinataireOrganisme) || slug(values.commune);
  return `${['courrier', slug(values.interlocuteur), who].filter(Boolean).join('-')}.${extension}`;
}
