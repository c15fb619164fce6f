// The letter as data: what every renderer (HTML for the print route and the builder's preview, DOCX for
// the download) lays out the same way. No Node API here: this code also runs in the visitor's browser.

/** The recipient's civility, chosen by the sender (never guessed from a name). */
export type Civility = 'madame' | 'monsieur';

/** A piece of text with its emphasis; `missing` marks a field still to fill in (highlighted, never sent by mistake). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  missing?: boolean;
}

/** One line or one paragraph: text runs side by side. */
export type Runs = Run[];

/** Everything a letter shows, in reading order, typeset (French no-break spaces already in the text). */
export interface LetterModel {
  /** The organisation that sends the letter: its name, then address and contact lines. */
  sender: { name: string; lines: Runs[] };
  /** The address block. */
  recipient: Runs[];
  /** « Paris, le 23 novembre 2026 » */
  placeAndDate: Runs;
  /** « Objet : … » (without the « Objet : » label). */
  subject: Runs;
  /** « Madame la Maire, » */
  salutation: string;
  /** The body's paragraphs: shared text, recipient passages, personal paragraph, how to reach the sender. */
  body: Runs[];
  /** The closing formula, repeating the form of address. */
  closing: Runs;
  signer: { name: Run; role: Run; organisation: string };
  /** Title of the enclosed brochure, if any. */
  enclosure?: string;
}
