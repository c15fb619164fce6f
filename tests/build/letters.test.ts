import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, type VariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { letterFooterPartners } from '../../src/kit/render/letters/variant-letter.ts';
import { SOFT_HYPHEN, withFrenchHyphenation } from '../../src/typography/french-hyphenation.ts';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';

const dist = join(fixtureKit, 'dist');
const built = (...parts: string[]) => builtPath(fixtureKit, ...parts);
let kit: Kit;
let matrix: VariantMatrix;

beforeAll(async () => {
  kit = await loadKit(fixtureKit);
  matrix = buildVariantMatrix(kit);
});

/** Tags open and close in order: the XML is well formed (what Word refuses to open otherwise). */
function wellFormed(xml: string): boolean {
  const open: string[] = [];
  for (const [, closing, name, selfClosing] of xml.replace(/<\?[^>]*\?>/g, '').matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0;
}

const words = (xml: string) => xml.replace(/<[^>]+>/g, '');

describe('the Word version of every letter', () => {
  it('exists beside each letter’s PDF, with the parts Word needs, all well-formed XML', () => {
    const letters = matrix.print.filter((v) => v.kind === 'courrier');
    expect(letters.length).toBeGreaterThan(0);
    for (const variant of letters) {
      const files = unzipSync(new Uint8Array(readFileSync(built(variant.docx!))));
      const names = Object.keys(files);
      for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'docProps/core.xml']) expect(names, `${variant.docx}: ${part}`).toContain(part);
      for (const name of names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
        expect(wellFormed(new TextDecoder().decode(files[name])), `${variant.docx}: ${name}`).toBe(true);
      }
    }
  });

  it('holds the same text as the PDF’s letter: sender, salutation, passages, closing, signer', () => {
    const variant = matrix.print.find((v) => v.docx && v.signatory === 'alpha-amo' && v.recipient === 'bailleur-social')!;
    const recipient = kit.recipients.find((r) => r.id === 'bailleur-social')!;
    const text = words(new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(built(variant.docx!))))['word/document.xml']));
    expect(text).toContain('Alpha AMO Conseil');
    expect(text).toContain(`${recipient.appel.madame}, ${recipient.appel.monsieur},`);
    expect(text).toContain(recipient.passages.accroche);
    expect(text).toContain('Camille Essai');
    expect(text).toMatch(/Je vous prie d’agréer, .+ l’expression de ma considération distinguée\./);
  });

  it('carries the signatory’s logo in the header and the partners’ logos in the footer', () => {
    for (const variant of matrix.print.filter((v) => v.docx && v.recipient === 'elu')) {
      const files = unzipSync(new Uint8Array(readFileSync(built(variant.docx!))));
      const part = (pattern: RegExp) => new TextDecoder().decode(files[Object.keys(files).find((n) => pattern.test(n))!]);
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      expect(part(/^word\/header\d*\.xml$/).match(/<pic:pic\b/g), variant.docx).toHaveLength(1);
      expect(part(/^word\/footer\d*\.xml$/).match(/<pic:pic\b/g) ?? [], variant.docx).toHaveLength(letterFooterPartners(kit, signatory).length);
      expect(Object.keys(files).some((n) => n.startsWith('word/media/')), variant.docx).toBe(true);
    }
  });

  it('is offered on the signatory’s download page', () => {
    const page = readFileSync(built('kit/alpha-amo/index.html'), 'utf8');
    for (const variant of matrix.print.filter((v) => v.docx && v.signatory === 'alpha-amo')) expect(page).toContain(`href="/${variant.docx}"`);
  });
});

/** The lines of a PDF's first page, as pdf.js reads them (a line is the text items sharing a baseline). */
async function linesOf(file: string): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { items } = await (await pdf.getPage(1)).getTextContent();
  const lines = new Map<number, string>();
  for (const item of items) if ('str' in item) lines.set(Math.round(item.transform[5]), (lines.get(Math.round(item.transform[5])) ?? '') + item.str);
  return [...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, line]) => line);
}

describe('the justified body of the printed letters', () => {
  it('breaks words at the ends of lines where the French patterns allow, with a hyphen', async () => {
    const breaks: string[] = [];
    for (const variant of matrix.print.filter((v) => v.kind === 'courrier' && v.signatory === 'alpha-amo')) {
      const lines = await linesOf(built(variant.output));
      for (const [index, line] of lines.entries()) {
        const cut = /(\p{Ll}+)-$/u.exec(line.replaceAll(SOFT_HYPHEN, ''));
        const rest = /^\p{Ll}+/u.exec(lines[index + 1]?.replaceAll(SOFT_HYPHEN, '') ?? '');
        if (!cut || !rest) continue;
        const word = cut[1] + rest[0];
        breaks.push(word);
        // The break is one the patterns give for the whole word, two letters or more before, three or more after.
        const allowed = withFrenchHyphenation(word).split(SOFT_HYPHEN).map((_, i, parts) => parts.slice(0, i + 1).join('').length);
        expect(allowed, `${variant.output}: ${cut[1]}-${rest[0]}`).toContain(cut[1].length);
      }
    }
    expect(breaks.length, 'words broken at line ends in the fixture letters').toBeGreaterThan(0);
  });

  it('keeps a paragraph’s last words whole: the closing formula never ends on a piece of a word', async () => {
    for (const variant of matrix.print.filter((v) => v.kind === 'courrier' && v.signatory === 'alpha-amo')) {
      const lines = (await linesOf(built(variant.output))).map((line) => line.replaceAll(SOFT_HYPHEN, '').trim());
      // The formula ends « … ma haute considération. » or « … ma considération distinguée. »: its last line holds two words or more.
      const end = lines.findIndex((line) => /(considération|distinguée)\.$/.test(line));
      expect(end, variant.output).toBeGreaterThan(0);
      expect(lines[end], variant.output).toMatch(/\p{L}+\s+\p{L}+\.$/u);
      expect(lines[end - 1], variant.output).not.toMatch(/-$/);
    }
  });
});
