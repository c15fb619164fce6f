// The deck presenters carry, built from the fixture kit's one deck source, per signatory: the HTML to
// project (offline, French player), the slides' PDF, the notes PDF, the editable PPTX and the faithful
// (pictures) PPTX — the same slides and notes in each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { HTTPRequest } from 'puppeteer-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, type DeckVariant } from '../../src/kit/matrix/matrix.ts';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { pdfFigures } from '../support/pdf-figures.ts';
import '../support/global-setup.ts';

const site = useBuiltSite();
const built = (path: string) => builtPath(fixtureKit, path);
const SIGNATORIES = ['alpha-amo', 'hpf'];
let decks: DeckVariant[];
beforeAll(async () => {
  decks = buildVariantMatrix(await loadKit(fixtureKit)).decks.filter((deck) => SIGNATORIES.includes(deck.signatory));
});
const deckOf = (signatory: string) => decks.find((deck) => deck.signatory === signatory)!;

/** The fixture deck's speaker notes, slide by slide (tests/fixtures/kit/slides/presentation.md). */
const NOTES = ['Note de la diapositive 1.', 'Note de la diapositive 2. Une question ?', 'Note de la diapositive 3, qui déborde exprès pour les tests.', 'Note de la diapositive 4.', 'Note de la diapositive 5.'];
const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

async function pdfPages(path: string): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(built(path)))), { mergePages: false });
  return text.map(plain);
}

/** A PPTX's slides in order: each slide's XML and its notes' text (through the slide's own relationship). */
function pptxSlides(path: string): { xml: string; text: string; notes: string }[] {
  const files = unzipSync(new Uint8Array(readFileSync(built(path))));
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const texts = (xml: string) => plain([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  const order = [...read('ppt/presentation.xml').matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  const rels = read('ppt/_rels/presentation.xml.rels');
  return order.map((id) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    const slide = `ppt/${target.replace(/^\/?ppt\//, '')}`;
    const slideRels = read(slide.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'));
    const notesTarget = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(slideRels)?.[1];
    const xml = read(slide);
    // The notes part repeats the slide number in a placeholder: only its body's text is the notes.
    const notesXml = notesTarget ? read(`ppt/notesSlides/${notesTarget}`) : '';
    const body = [...notesXml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]).find((shape) => /type="body"/.test(shape)) ?? '';
    return { xml, text: texts(xml), notes: texts(body) };
  });
}

describe('the deck, per signatory, in five formats', () => {
  it('has the same slides in the HTML, both PDFs and both PowerPoint files', async () => {
    for (const signatory of SIGNATORIES) {
      const deck = deckOf(signatory);
      const html = readFileSync(built(deck.outputs.html), 'utf8');
      const htmlSlides = html.match(/<svg data-marpit-svg=/g)?.length;
      const pdf = (await PDFDocument.load(readFileSync(built(deck.outputs.pdf)))).getPageCount();
      const notesPdf = (await PDFDocument.load(readFileSync(built(deck.outputs.notesPdf)))).getPageCount();
      expect({ htmlSlides, pdf, notesPdf, pptx: pptxSlides(deck.outputs.pptx).length, editablePptx: pptxSlides(deck.outputs.editablePptx).length }, signatory).toEqual({
        htmlSlides: NOTES.length,
        pdf: NOTES.length,
        notesPdf: NOTES.length,
        pptx: NOTES.length,
        editablePptx: NOTES.length,
      });
    }
  });

  it('puts each slide’s own speaker notes in the notes pane of both PowerPoint files', () => {
    const deck = deckOf('alpha-amo');
    for (const file of [deck.outputs.pptx, deck.outputs.editablePptx]) {
      expect(pptxSlides(file).map((slide) => slide.notes), file).toEqual(NOTES);
    }
  });

  it('makes the editable PowerPoint of real text: each slide’s title and bullets, nested bullets one level down, bold kept', () => {
    const slides = pptxSlides(deckOf('alpha-amo').outputs.editablePptx);
    expect(slides[0].text).toContain('Présentation d’essai');
    expect(slides[1].text).toContain('Deuxième diapositive');
    expect(slides[1].text).toContain('un point : « essai »');
    expect(slides[1].xml).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>[\s\S]*?<a:t>un sous-point <\/a:t>/);
    expect(slides[1].xml).toMatch(/<a:rPr[^>]*b="1"[^>]*>[\s\S]*?<a:t>important<\/a:t>/);
    expect(slides[2].text).toContain('quatorze');
    expect(slides[3].text).toContain('Les étapes');
    // No slide is one picture: every slide has text frames.
    for (const slide of slides) expect(slide.xml).toMatch(/<p:txBody>/);
  });

  it('shows the signatory’s logo on the first slide and their contact on the last, in every format', async () => {
    const deck = deckOf('alpha-amo');
    const editable = pptxSlides(deck.outputs.editablePptx);
    expect(editable[0].xml).toMatch(/<p:cNvPr [^>]*descr="Logo d’Alpha AMO Conseil"/);
    expect(editable.at(-1)!.text).toContain('Alpha AMO Conseil — contact@alpha-amo.test');
    const pdfFirst = (await pdfFigures(readFileSync(built(deck.outputs.pdf)))).filter((figure) => figure.page === 0 && figure.drawn).map((figure) => figure.alt);
    expect(pdfFirst).toContain('Logo d’Alpha AMO Conseil');
    // The partners' logos too, HPF's left out of HPF's own deck.
    expect(pdfFirst.some((alt) => alt.startsWith('Logo d’Habitat Participatif France'))).toBe(true);
    const hpfFirst = (await pdfFigures(readFileSync(built(deckOf('hpf').outputs.pdf)))).filter((figure) => figure.page === 0).map((figure) => figure.alt);
    expect(hpfFirst.filter((alt) => alt.includes('Habitat Participatif France'))).toEqual(['Logo d’Habitat Participatif France']);
    for (const path of [deck.outputs.pdf, deck.outputs.notesPdf]) expect((await pdfPages(path)).at(-1), path).toContain('Alpha AMO Conseil — contact@alpha-amo.test');
    expect(readFileSync(built(deck.outputs.html), 'utf8')).toContain('Alpha AMO Conseil — contact@alpha-amo.test');
  });

  it('prints each slide above its notes in the notes PDF, one A4 page per slide, with its number', async () => {
    const deck = deckOf('alpha-amo');
    const pages = await pdfPages(deck.outputs.notesPdf);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain(`Diapositive ${index + 1} sur ${NOTES.length}`);
      expect(page, `page ${index + 1}`).toContain(NOTES[index]);
      // Not another slide's notes.
      for (const other of NOTES.filter((_, i) => i !== index)) expect(page).not.toContain(other);
    });
    expect(pages[1]).toContain('Deuxième diapositive');
    const pdf = await PDFDocument.load(readFileSync(built(deck.outputs.notesPdf)));
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pdf.getTitle()).toBe('Présentation d’essai — avec les notes de la personne qui présente');
    expect(pdf.getAuthor()).toBe('Alpha AMO Conseil');
  });

  it('opens the HTML from the disk, as from a USB stick, with no network request and a player in French', async () => {
    const deck = deckOf('alpha-amo');
    await site.session.withPage(async (page) => {
      const requested: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        if (!request.url().startsWith('data:')) requested.push(request.url());
        void request.continue();
      });
      const file = pathToFileURL(built(deck.outputs.html)).href;
      await page.goto(file, { waitUntil: 'networkidle0' });
      expect(requested).toEqual([file]);
      expect(await page.$eval('meta[name="robots"]', (meta) => meta.getAttribute('content'))).toBe('noindex');
      const controls = await page.$$eval('.bespoke-marp-osc button', (buttons) => buttons.map((button) => button.getAttribute('title')));
      expect(controls).toEqual(['Diapositive précédente', 'Diapositive suivante', 'Plein écran (touche f)', 'Vue d’ensemble des diapositives (touche o)', 'Ouvrir le mode présentateur, avec les notes (touche p)']);
      expect(await page.$eval('[data-bespoke-marp-osc="page"]', (span) => span.textContent)).toBe(`Diapositive 1 sur ${NOTES.length}`);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('[data-bespoke-marp-osc="page"]')?.textContent === 'Diapositive 2 sur 5');

      // The presenter view: the notes, and its own controls in French.
      await page.goto(`${file}?view=presenter`, { waitUntil: 'networkidle0' });
      expect(requested.filter((url) => !url.startsWith(file))).toEqual([]);
      const presenter = await page.$$eval('.bespoke-marp-presenter-container button[title]', (buttons) => buttons.map((button) => button.getAttribute('title')));
      expect(presenter).toEqual(expect.arrayContaining(['Diapositive précédente', 'Diapositive suivante', 'Agrandir le texte des notes (touche +)', 'Réduire le texte des notes (touche -)']));
      expect(plain(await page.$eval('.bespoke-marp-presenter-container', (container) => (container as HTMLElement).innerText))).not.toMatch(/\b(Previous|Next|Page \d+ of)\b/);
      expect(await page.$eval('.bespoke-marp-note[data-index="0"]', (note) => note.textContent)).toContain('Note de la diapositive 1.');
      expect(await page.$eval('.bespoke-marp-presenter-info-time', (clock) => clock.textContent)).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    });
  });
});

/** LibreOffice, when the machine has it: `soffice` on the PATH. */
function findSoffice(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const soffice = findSoffice();

describe(`both PowerPoint files in LibreOffice Impress${soffice ? '' : ' — skipped: LibreOffice is not installed (apt-get install libreoffice-impress)'}`, () => {
  it.skipIf(!soffice)('converts each to a PDF with one page per slide, the editable one with its text as text', async () => {
    const deck = deckOf('alpha-amo');
    const out = mkdtempSync(join(tmpdir(), 'kit-pptx-'));
    try {
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=${pathToFileURL(join(out, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', out, built(deck.outputs.pptx), built(deck.outputs.editablePptx)], { stdio: 'pipe', timeout: 170_000 });
      for (const name of ['presentation', 'presentation-modifiable']) {
        const pdf = readFileSync(join(out, `${name}.pdf`));
        expect((await PDFDocument.load(pdf)).getPageCount(), name).toBe(NOTES.length);
      }
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(join(out, 'presentation-modifiable.pdf')))), { mergePages: true });
      for (const words of ['Présentation d’essai', 'Deuxième diapositive', 'contact@alpha-amo.test']) expect(plain(text)).toContain(words);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
