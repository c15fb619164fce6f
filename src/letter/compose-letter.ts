import { marked } from 'marked';
import { genericSalutation } from '../schemas/recipient.ts';
import type { Letter, Recipient, Signatory } from '../kit/load/load-kit.ts';
import { fillPassages } from './passages.ts';
import { displayUrl } from '../kit/render/display.ts';

/** Who the letter is addressed to; without it, the letter is a template with blanks to fill in. */
export interface Addressee {
  /** Chosen by the sender, never guessed from a name. */
  gender: 'madame' | 'monsieur';
  /** Address block, one line per entry. */
  lines: string[];
}

/** Everything a letter shows, ready to lay out as HTML (print, browser) or, later, as DOCX. */
export interface LetterModel {
  sender: { name: string; addressLines: string[]; contactLines: string[] };
  recipientLines: string[];
  /** « Le 23 novembre 2026 », or a blank to fill in by hand. */
  dateLine: string;
  subject: string;
  salutation: string;
  bodyHtml: string;
  signer: { name: string; role: string; organisation: string };
}

const toComplete = 'à compléter';
const blank = '……………………';

/** « 23 novembre 2026 » */
export function frenchDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * Composes the letter for one signatory and one recipient type: the shared body with the recipient's
 * passages, the form of address (« Madame la Maire, Monsieur le Maire, » when the addressee is unknown),
 * and the sender's details (missing ones shown as « à compléter », so nobody sends them by mistake).
 */
export function composeLetter(input: { letter: Letter; recipient: Recipient; signatory: Signatory; addressee?: Addressee; date?: Date }): LetterModel {
  const { letter, recipient, signatory, addressee, date } = input;
  const appel = addressee ? recipient.appel[addressee.gender] : genericSalutation(recipient.appel);
  const presentation = signatory.presentation ?? letter.data.presentationParDefaut;
  // Passages first, then the letter's own placeholders, which passages may use too.
  const markdown = fillPassages(fillPassages(letter.body, recipient.passages), { appel, presentation });
  const site = signatory.siteWeb && displayUrl(signatory.siteWeb);
  return {
    sender: {
      name: signatory.nom,
      addressLines: signatory.adresse ?? [`Adresse ${toComplete}`],
      contactLines: [
        signatory.courriel ?? `Courriel ${toComplete}`,
        ...(signatory.telephone ? [signatory.telephone] : []),
        ...(site ? [site] : []),
      ],
    },
    recipientLines: addressee?.lines ?? recipient.destinataire,
    dateLine: date ? `Le ${frenchDate(date)}` : `Le ${blank}`,
    subject: recipient.objet,
    salutation: `${appel},`,
    bodyHtml: marked.parse(markdown, { async: false, gfm: true }),
    signer: { name: signatory.signature.nom, role: signatory.signature.fonction, organisation: signatory.nom },
  };
}
