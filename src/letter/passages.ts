import { KitError } from '../kit/errors.ts';

const passageHeading = /^##\s+([a-z0-9-]+)\s*$/;
// Any {{ … }}: a name that cannot be a passage is reported rather than printed as typed.
const placeholderPattern = /\{\{\s*([^{}]+?)\s*\}\}/g;
export const placeholderNamePattern = /^[a-z0-9-]+$/;

/**
 * Splits a recipient file's body into named passages: each `## name` heading starts the passage
 * `name`, which runs to the next heading. Text before the first heading is an error (it would be lost).
 */
export function splitPassages(body: string, file: string, firstLine = 1): Record<string, string> {
  const passages: Record<string, string> = {};
  let current: string | undefined;
  body.split(/\r?\n/).forEach((line, index) => {
    const heading = passageHeading.exec(line);
    if (heading) {
      current = heading[1];
      if (current in passages) {
        throw new KitError(`passage « ${current} » défini deux fois`, { code: 'passage-double', file, line: firstLine + index, hint: 'Gardez une seule section par nom de passage.' });
      }
      passages[current] = '';
    } else if (current !== undefined) {
      passages[current] += `${line}\n`;
    } else if (line.trim() !== '') {
      throw new KitError('texte hors passage', { code: 'texte-hors-passage', file, line: firstLine + index, hint: 'Placez ce texte sous un titre de passage, par ex. « ## accroche » (minuscules, tirets).' });
    }
  });
  for (const name of Object.keys(passages)) passages[name] = passages[name].trim();
  return passages;
}

/**
 * Placeholders filled by the letter itself, not by a recipient passage: `{{ appel }}` is the form of
 * address, `{{ presentation }}` the signatory's opening paragraph.
 */
export const RESERVED_PLACEHOLDERS = ['appel', 'presentation'];

/** The `{{ name }}` placeholders of a letter body, with their line in the body (1-based). */
export function letterPlaceholders(body: string): { name: string; line: number }[] {
  return [...body.matchAll(placeholderPattern)].map((match) => ({
    name: match[1],
    line: body.slice(0, match.index).split('\n').length,
  }));
}

/** The letter body with each placeholder replaced by the recipient's passage. */
export function fillPassages(body: string, passages: Record<string, string>): string {
  return body.replace(placeholderPattern, (whole, name: string) => passages[name] ?? whole);
}
