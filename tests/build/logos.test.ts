import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, type VariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { logoAlt } from '../../src/logo/logo-alt.ts';
import { fitLogo, LOGO_SLOTS } from '../../src/logo/logo-placement.ts';
import { builtSite, useBuiltSite } from '../support/built-site.ts';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import { pdfFigures } from '../support/pdf-figures.ts';

const dist = builtSite;
const built = (...parts: string[]) => builtPath(fixtureKit, ...parts);
const site = useBuiltSite();
let kit: Kit;
let matrix: VariantMatrix;

beforeAll(async () => {
  kit = await loadKit(fixtureKit);
  matrix = buildVariantMatrix(kit);
});

/** The hostile logo's signatory (content/signataires/cooperative-grand-est/logo.svg) and what it carried. */
const HOSTILE = 'cooperative-grand-est';
const HOSTILE_PARTS = ['tracker.example', 'fonts.example', 'javascript:', 'alert(', 'foreignObject', 'onload=', 'onclick=', '<iframe'];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const html = (file: string) => readFileSync(built(file), 'utf8');

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return oneLine(text);
}

/** Every string a PDF holds: its raw bytes and each stream decoded. */
async function pdfStrings(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const streams = pdf.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [Buffer.from(decodePDFRawStream(object).decode()).toString('latin1')] : []));
  return [Buffer.from(bytes).toString('latin1'), ...streams].join('\n');
}

/** The text of a DOCX's parts (XML), and its media files. */
function docxParts(file: string): { xml: string; media: string[] } {
  const files = unzipSync(new Uint8Array(readFileSync(built(file))));
  return {
    xml: Object.entries(files)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n'),
    media: Object.keys(files).filter((name) => name.startsWith('word/media/')),
  };
}

/** The logo files a page's HTML points to. */
const logoSources = (page: string) => [...page.matchAll(/<img[^>]+src="(\/_kit\/logos\/[^"]+)"/g)].map((match) => match[1]);

describe('every signatory’s outputs, with awkward names and logos', () => {
  it('has four signatories whose names carry accents, an apostrophe, an ampersand, and 80 characters', () => {
    const names = kit.signatories.map((s) => s.nom);
    expect(names).toHaveLength(4);
    expect(names.some((name) => /[’&]/.test(name) && /[éÉ]/.test(name))).toBe(true);
    expect(names.some((name) => name.length === 80)).toBe(true);
  });

  it('prints every PDF with the signatory’s name intact and its logo drawn, tagged with its text alternative', async () => {
    for (const variant of matrix.print) {
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      const bytes = readFileSync(built(variant.output));
      expect(await pdfText(bytes), variant.output).toContain(oneLine(signatory.nom));
      const figure = (await pdfFigures(bytes)).find((f) => f.alt === logoAlt(signatory.nom, signatory.article));
      expect(figure, `${variant.output}: no figure « ${logoAlt(signatory.nom, signatory.article)} »`).toBeDefined();
      expect(figure!.drawn, variant.output).toBe(true);
    }
  });

  it('writes every Word letter with the signatory’s name intact and its logo embedded in the header', () => {
    for (const variant of matrix.print.filter((v) => v.docx)) {
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      const { xml, media } = docxParts(variant.docx!);
      const words = oneLine(xml.replace(/<[^>]+>/g, ''));
      expect(words, variant.docx).toContain(escapeHtml(oneLine(signatory.nom)));
      expect(media.length, variant.docx).toBeGreaterThanOrEqual(1);
      expect(xml, variant.docx).toMatch(/<w:hdr[\s\S]*<a:blip r:embed=/);
    }
  });

  it('links each print page and the site’s pages to the hashed logo files, with no logo inlined', () => {
    for (const variant of matrix.print) {
      const page = html(`${variant.printPath.slice(1)}index.html`);
      const sources = logoSources(page);
      expect(sources.length, variant.printPath).toBeGreaterThanOrEqual(1);
      for (const source of sources) {
        expect(source).toMatch(/^\/_kit\/logos\/[a-z0-9-]+-[0-9a-f]{10}\.(svg|png)$/);
        expect(existsSync(built(source)), source).toBe(true);
      }
      expect(page, variant.printPath).not.toMatch(/data:image\/(png|svg\+xml)[;,]/);
    }
    const home = html('index.html');
    expect(home).not.toMatch(/data:image\/(png|svg\+xml)[;,]/);
    expect(logoSources(home).length).toBe(kit.site.partners.length);
  });

  it('publishes a bitmap logo trimmed of its transparent margins (an 800 × 800 file holding a 200 × 600 mark)', async () => {
    const page = html('impression/atelier-eleonore/courrier-elu/index.html');
    const own = /<img class="sender-logo" src="([^"]+)"/.exec(page)![1];
    const { width, height } = await sharp(built(own)).metadata();
    expect([width, height]).toEqual([200, 600]);
  });

  it('warns, naming the signatory and the file, about a logo too small to print sharp', () => {
    expect(inject('fixtureBuild').output).toMatch(/content\/signataires\/alpha-amo\/logo\.png : le logo d’Alpha AMO Conseil est trop petit pour l’impression \(480 × 220 px utiles\)/);
  });
});

describe('a hostile SVG logo', () => {
  it('is reported in the build log, naming what was removed', () => {
    expect(inject('fixtureBuild').output).toMatch(/content\/signataires\/cooperative-grand-est\/logo\.svg : le logo de la Société coopérative .* contenait .*un script.*un objet étranger \(foreignObject\).*retiré de toutes les sorties/);
  });

  it('leaves none of its scripts, event attributes, foreignObject or external references in any output', async () => {
    const own = [built('kit', HOSTILE), built('espace-amo/kit', HOSTILE)].flatMap((folder) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()));
    const outputs: [string, string][] = [];
    for (const entry of own) {
      const file = join(entry.parentPath, entry.name);
      const bytes = readFileSync(file);
      if (entry.name.endsWith('.pdf')) outputs.push([file, await pdfStrings(bytes)]);
      else if (/\.(docx|pptx)$/.test(entry.name)) outputs.push([file, docxLike(bytes)]);
      else if (entry.name.endsWith('.html')) outputs.push([file, bytes.toString('utf8')]);
    }
    for (const variant of matrix.print.filter((v) => v.signatory === HOSTILE)) {
      const page = html(`${variant.printPath.slice(1)}index.html`);
      outputs.push([variant.printPath, page]);
      for (const source of logoSources(page)) outputs.push([source, readFileSync(built(source), 'utf8')]);
    }
    outputs.push([`/kit/${HOSTILE}/`, html(`kit/${HOSTILE}/index.html`)]);
    // Its printed documents, and its deck's two PDFs (the slides, and the slides with their notes).
    expect(outputs.filter(([file]) => file.endsWith('.pdf')).length).toBe(matrix.print.filter((v) => v.signatory === HOSTILE).length + 2);
    for (const [file, text] of outputs) {
      // Marp lays each slide out in an SVG foreignObject of its own: in a deck, only the logo's may not be there.
      const parts = file.endsWith('.html') && file.includes('/kit/') && !file.endsWith('index.html') ? HOSTILE_PARTS.filter((part) => part !== 'foreignObject') : HOSTILE_PARTS;
      for (const part of parts) expect(text.includes(part), `${file} contient ${part}`).toBe(false);
    }
  });

  it('lets a real browser open the signatory’s pages and deck with no request outside the site', async () => {
    const pages = [`/kit/${HOSTILE}/`, ...matrix.print.filter((v) => v.signatory === HOSTILE).map((v) => v.printPath), ...matrix.decks.filter((d) => d.signatory === HOSTILE).map((d) => `/${d.outputs.html}`)];
    const outside: string[] = [];
    const dialogs: string[] = [];
    for (const path of pages) {
      await site.session.withPage(async (page) => {
        page.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(site.server.origin) && !/^(data|blob|about):/.test(url)) outside.push(`${path} → ${url}`);
        });
        page.on('dialog', (dialog) => {
          dialogs.push(`${path}: ${dialog.message()}`);
          void dialog.dismiss();
        });
        await page.goto(new URL(path, site.server.origin).href, { waitUntil: 'networkidle0' });
        // Click the logos, where an onclick would have fired.
        for (const logo of await page.$$('img')) await logo.click().catch(() => {});
      });
    }
    expect(outside).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe('logo placement', () => {
  /** The sender logo's box in a letter's print page, in millimetres. */
  async function senderLogoBox(signatory: string): Promise<{ width: number; height: number }> {
    return site.session.withPage(async (page) => {
      await page.goto(new URL(`/impression/${signatory}/courrier-elu/`, site.server.origin).href, { waitUntil: 'load' });
      const box = await page.$eval('.sender-logo', (image) => image.getBoundingClientRect().toJSON() as DOMRect);
      return { width: (box.width * 25.4) / 96, height: (box.height * 25.4) / 96 };
    });
  }

  it('gives a very wide logo the full width of the letter’s header box, and a very tall one its full height', async () => {
    const header = LOGO_SLOTS.letterHeader;
    const wide = await senderLogoBox(HOSTILE);
    expect(wide.width).toBeCloseTo(header.maxWidth, 0);
    expect(wide.height).toBeLessThan(header.maxHeight / 2);
    const tall = await senderLogoBox('atelier-eleonore');
    expect(tall.height).toBeCloseTo(header.maxHeight, 0);
    expect(tall.width).toBeCloseTo(fitLogo(1 / 3, header).width, 0);
  });
});

/** The XML text of an Office file (DOCX, PPTX). */
function docxLike(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return Object.entries(files)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .map(([, data]) => strFromU8(data))
    .join('\n');
}
