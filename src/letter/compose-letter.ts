import { frenchTypography } from '../typography/french.mjs';
import type { Civility, LetterModel, Run, Runs } from './letter-model.ts';
import { markdownParagraphs } from './markdown-runs.ts';
import { fillPassages } from './passages.ts';

/** The letter's shared text (`letters/<id>.md`). */
export interface LetterSource {
  body: string;
  data: { presentationParDefaut: string };
}

/** A recipient type (`content/interlocuteurs/<id>.md`): forms of address, generic address block, subject, passages, closing. */
export interface RecipientType {
  appel: Record<Civility, string>;
  destinataire: string[];
  objet: string;
  formuleFinale: string;
  passages: Record<string, string>;
}

/** The organisation that sends the letter: a signatory of the kit, or one typed in the builder. */
export interface Sender {
  nom: string;
  adresse?: string[];
  courriel?: string;
  telephone?: string;
  siteWeb?: string;
  /** Paragraph that opens the letter; without it, the letter's default. */
  presentation?: string;
  signature: { nom?: string; fonction?: string };
}

/** The person the letter is addressed to, when the sender knows them. */
export interface Addressee {
  civilite: Civility;
  nom?: string;
  fonction?: string;
  organisme?: string;
  adresse?: string[];
}

export interface LetterInput {
  letter: LetterSource;
  recipientType: RecipientType;
  sender: Sender;
  /** Without it, the letter is the generic one: both forms of address, the recipient type's address block. */
  addressee?: Addressee;
  /** Commune and priority neighbourhood concerned, added to the subject. */
  commune?: string;
  quartier?: string;
  /** Place and date of writing; missing ones are left to fill in. */
  lieu?: string;
  date?: Date;
  /** A paragraph of the sender's own, after the shared text. */
  paragraphePersonnel?: string;
  /** Title of the enclosed brochure. */
  pieceJointe?: string;
}

const typeset = (text: string) => frenchTypography(text);
const text = (value: string, style: Omit<Run, 'text'> = {}): Run => ({ text: typeset(value), ...style });
const missing = (label: string): Run => ({ text: `${label} à compléter`, missing: true });
const orMissing = (value: string | undefined, label: string): Run => (value && value.trim() ? text(value) : missing(label));

/** « 23 novembre 2026 » */
export function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(date);
}

/** The form of address: one form when the civility is known, both (« Madame la Maire, Monsieur le Maire ») otherwise. */
export function formOfAddress(appel: Record<Civility, string>, civility?: Civility): string {
  return civility ? appel[civility] : `${appel.madame}, ${appel.monsieur}`;
}

function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The address block: the named person, or the recipient type's generic block. */
function recipientBlock(recipientType: RecipientType, addressee: Addressee | undefined): Runs[] {
  if (!addressee) return recipientType.destinataire.map((line) => [text(line)]);
  const civility = addressee.civilite === 'madame' ? 'Madame' : 'Monsieur';
  const first = addressee.nom?.trim() ? `${civility} ${addressee.nom.trim()}` : recipientType.appel[addressee.civilite];
  const lines: Runs[] = [[text(first)]];
  if (addressee.fonction?.trim()) lines.push([text(addressee.fonction)]);
  if (addressee.organisme?.trim()) lines.push([text(addressee.organisme)]);
  const address = (addressee.adresse ?? []).filter((line) => line.trim());
  lines.push(...(address.length ? address.map((line) => [text(line)]) : [[missing('Adresse')]]));
  return lines;
}

/** « Vous pouvez me joindre par courriel à … ou par téléphone au … » from the details the sender has, or nothing. */
function contactSentence(sender: Sender): Runs | undefined {
  const ways = [sender.courriel && `par courriel à ${sender.courriel}`, sender.telephone && `par téléphone au ${sender.telephone}`].filter(Boolean);
  return ways.length ? [text(`Vous pouvez me joindre ${ways.join(' ou ')}.`)] : undefined;
}

/**
 * Composes the letter for one sender, one recipient type and, when known, one addressee: the shared text
 * with the recipient type's passages, one correct form of address (both only when the addressee is
 * unknown), the closing formula of the recipient type, and the sender's details — what is missing is
 * marked as missing, never left blank.
 */
export function composeLetter(input: LetterInput): LetterModel {
  const { letter, recipientType, sender, addressee } = input;
  const appel = formOfAddress(recipientType.appel, addressee?.civilite);
  const presentation = sender.presentation ?? letter.data.presentationParDefaut;
  // Passages first, then the letter's own placeholders, which passages may use too.
  const markdown = fillPassages(fillPassages(letter.body, recipientType.passages), { appel, presentation });
  const body = markdownParagraphs(typeset(markdown));
  if (input.paragraphePersonnel?.trim()) body.push(...markdownParagraphs(typeset(input.paragraphePersonnel)));
  const contact = contactSentence(sender);
  if (contact) body.push(contact);
  const concerned = [input.commune?.trim() && `commune de ${input.commune.trim()}`, input.quartier?.trim() && `quartier ${input.quartier.trim()}`].filter(Boolean);
  return {
    sender: {
      name: typeset(sender.nom),
      lines: [
        ...(sender.adresse?.length ? sender.adresse.map((line) => [text(line)]) : [[missing('Adresse')]]),
        [orMissing(sender.courriel, 'Courriel')],
        ...(sender.telephone ? [[text(sender.telephone)]] : []),
        ...(sender.siteWeb ? [[text(displayUrl(sender.siteWeb))]] : []),
      ],
    },
    recipient: recipientBlock(recipientType, addressee),
    placeAndDate: [
      input.lieu?.trim() ? text(`${input.lieu.trim()}, le `) : text('Le '),
      input.date ? text(frenchDate(input.date)) : missing('Date'),
    ],
    subject: [text(concerned.length ? `${recipientType.objet} (${concerned.join(', ')})` : recipientType.objet)],
    salutation: typeset(`${appel},`),
    body,
    closing: [text(fillPassages(recipientType.formuleFinale, { appel }))],
    signer: { name: orMissing(sender.signature.nom, 'Nom'), role: orMissing(sender.signature.fonction, 'Fonction'), organisation: typeset(sender.nom) },
    enclosure: input.pieceJointe ? typeset(input.pieceJointe) : undefined,
  };
}
