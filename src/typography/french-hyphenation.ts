import hyphenFrench from 'hyphen/fr';

/**
 * French hyphenation for justified print text. Chromium's `hyphens: auto` has no French dictionary in the
 * print browser (nor in many visitors' browsers), so the breaks are written into the text as soft hyphens
 * (U+00AD), from the TeX French patterns (`hyphen/fr`): invisible unless a line breaks there, where the
 * browser draws a hyphen. The same text in the PDF's print page and in the letter builder's preview.
 */

export const SOFT_HYPHEN = '\u00ad';

const hyphenateWord = hyphenFrench.hyphenateSync;

/** Letters a line keeps before a break, and carries after it (French usage: two, then three). */
const KEPT_BEFORE = 2;
const CARRIED_AFTER = 3;

/** A word the patterns may split: lower-case letters only, six or more (names and acronyms start with a capital). */
const SPLITTABLE = /^[a-zàâäçéèêëîïôöûùüÿœæ]{6,}$/;
/** Whitespace-separated pieces of text that are not words to split: an address, a number, a code. */
const NOT_PROSE = /[\d/@:_=?#&]|\.\p{L}/u;

/** `word` with soft hyphens where the patterns allow a break, keeping two letters before and three after. */
function hyphenated(word: string): string {
  if (!SPLITTABLE.test(word)) return word;
  const parts = hyphenateWord(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
  let result = '';
  let before = 0;
  for (const [index, part] of parts.entries()) {
    const after = word.length - before;
    result += index > 0 && before >= KEPT_BEFORE && after >= CARRIED_AFTER ? SOFT_HYPHEN + part : part;
    before += part.length;
  }
  return result;
}

/**
 * `text` with soft hyphens in its French words. Left whole: words with a capital (names, acronyms), short
 * words, and any piece of text holding a digit, a slash, an at sign or a dot between letters (a web
 * address, an email, a reference), where a drawn hyphen would change what the reader copies.
 */
export function withFrenchHyphenation(text: string): string {
  return text.replace(/\S+/g, (piece) => (NOT_PROSE.test(piece) ? piece : piece.replace(/\p{L}+/gu, hyphenated)));
}

/** Word groups (words joined by no-break spaces count as one) left whole at a paragraph's end. */
const WHOLE_AT_END = 2;

/**
 * A paragraph given as consecutive pieces of text (its formatting runs), hyphenated as
 * `withFrenchHyphenation` does, except its last two word groups: a paragraph's last line then never
 * holds a piece of a word alone (« guée. » under « … distin- »), and a closing formula whose words are
 * joined by no-break spaces (« considération distinguée. ») stays whole on its line.
 */
export function withParagraphHyphenation(pieces: string[]): string[] {
  const out = pieces.map(withFrenchHyphenation);
  let seenWord = false;
  let inSpace = false;
  let groups = 0;
  for (let index = out.length - 1; index >= 0 && groups < WHOLE_AT_END; index -= 1) {
    const chars = [...out[index]];
    for (let at = chars.length - 1; at >= 0; at -= 1) {
      if (/[ \t\n]/.test(chars[at])) {
        if (seenWord && !inSpace) groups += 1;
        inSpace = true;
        if (groups === WHOLE_AT_END) break;
        continue;
      }
      seenWord = true;
      inSpace = false;
      if (chars[at] === SOFT_HYPHEN) chars[at] = '';
    }
    out[index] = chars.join('');
  }
  return out;
}
