import type { LetterModel, Run, Runs } from './letter-model.ts';
import { LOGO_SLOTS, logoStyle, type LogoSlot } from '../logo/logo-placement.ts';
import { withParagraphHyphenation } from '../typography/french-hyphenation.ts';

/** A logo of the letter: its file, its text alternative, and its proportions (width ÷ height, margins trimmed). */
export interface LetterLogo {
  src: string;
  alt: string;
  aspect: number;
}

/** Images a letter shows: the sender's logo at the top, the partners' logos in the footer. */
export interface LetterImages {
  senderLogo?: LetterLogo;
  footerLogos: LetterLogo[];
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runHtml(run: Run): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return run.missing ? `<span class="todo">${html}</span>` : html;
}

const runsHtml = (runs: Runs) => runs.map(runHtml).join('');
/** A paragraph of the justified body: its words may break at a line's end (not what is still to fill in, nor its last two words). */
const bodyHtml = (runs: Runs) => {
  const texts = withParagraphHyphenation(runs.map((run) => (run.missing ? '' : run.text)));
  return runs.map((run, index) => runHtml(run.missing ? run : { ...run, text: texts[index] })).join('');
};
const logoHtml = (logo: LetterLogo, slot: LogoSlot, className?: string) =>
  `<img${className ? ` class="${className}"` : ''} src="${escapeHtml(logo.src)}" alt="${escapeHtml(logo.alt)}" style="${logoStyle(logo.aspect, slot)}">`;
const lines = (all: Runs[]) => all.map((runs) => `<div>${runsHtml(runs)}</div>`).join('');

/**
 * The letter as HTML, laid out by the print CSS of `layouts/styles/print.css` (classes `letter-…`): the
 * same markup in the PDF's print page and in the builder's preview.
 */
export function letterToHtml(letter: LetterModel, images: LetterImages): string {
  const { senderLogo, footerLogos } = images;
  return [
    '<article class="letter">',
    `<footer class="letter-footer">${footerLogos.map((logo) => logoHtml(logo, LOGO_SLOTS.letterFooter)).join('')}</footer>`,
    '<div class="letter-head"><div>',
    senderLogo ? logoHtml(senderLogo, LOGO_SLOTS.letterHeader, 'sender-logo') : '',
    `<div class="letter-sender"><strong>${escapeHtml(letter.sender.name)}</strong>${lines(letter.sender.lines)}</div>`,
    '</div>',
    `<address class="letter-recipient">${lines(letter.recipient)}</address>`,
    '</div>',
    `<p class="letter-date">${runsHtml(letter.placeAndDate)}</p>`,
    `<p class="letter-subject">Objet\u00a0: ${runsHtml(letter.subject)}</p>`,
    `<p class="letter-salutation">${escapeHtml(letter.salutation)}</p>`,
    `<div class="letter-body">${letter.body.map((paragraph) => `<p>${bodyHtml(paragraph)}</p>`).join('')}<p>${bodyHtml(letter.closing)}</p></div>`,
    '<div class="letter-signature">',
    `<div class="name">${runHtml(letter.signer.name)}</div><div>${runHtml(letter.signer.role)}</div><div>${escapeHtml(letter.signer.organisation)}</div>`,
    '</div>',
    letter.enclosure ? `<p class="letter-enclosure">Pièce jointe\u00a0: plaquette «\u00a0${escapeHtml(letter.enclosure)}\u00a0»</p>` : '',
    '</article>',
  ].join('');
}
