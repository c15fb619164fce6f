import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kitErrorsOf } from '../../src/kit/errors.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles } from '../../src/kit/matrix/matrix.ts';
import { fillDownloadFacts, formatFileSize, formatPageCount, signatoryDownloads, signatoryZipPath } from '../../src/kit/output/download-facts.ts';
import { countMessage, matchesQuery, showsSignatoryFilter } from '../../src/scripts/filter-signatories.ts';
import { fixtureKit } from '../support/fixture.ts';

const matrix = buildVariantMatrix(await loadKit(fixtureKit));
const NBSP = '\u00a0';

describe('sizes and page counts, in French', () => {
  it('writes sizes as Windows and macOS show them, a no-break space before the unit', () => {
    expect(formatFileSize(1)).toBe(`1${NBSP}octet`);
    expect(formatFileSize(850)).toBe(`850${NBSP}octets`);
    expect(formatFileSize(182 * 1024 + 300)).toBe(`182${NBSP}Ko`);
    expect(formatFileSize(1023 * 1024 + 1000)).toBe(`1${NBSP}Mo`);
    expect(formatFileSize(1.24 * 1024 * 1024)).toBe(`1,2${NBSP}Mo`);
    expect(formatFileSize(14.6 * 1024 * 1024)).toBe(`15${NBSP}Mo`);
  });

  it('counts pages and slides, singular and plural', () => {
    expect(formatPageCount(1, 'page')).toBe(`1${NBSP}page`);
    expect(formatPageCount(2, 'page')).toBe(`2${NBSP}pages`);
    expect(formatPageCount(12, 'diapositive')).toBe(`12${NBSP}diapositives`);
  });
});

describe('the documents of a signatory’s page', () => {
  it('are grouped in page order, each with its formats, the PDF first', () => {
    const groups = signatoryDownloads(matrix, 'alpha-amo');
    // The fixture has a document of every public group; its AMI documents are for the AMOs.
    expect(groups.map((g) => g.id)).toEqual(['courriers', 'plaquette', 'fiches', 'presentation']);
    const files = groups.flatMap((g) => g.documents.flatMap((d) => d.files.map((f) => f.path)));
    expect(files.sort()).toEqual(outputFiles(matrix).filter((f) => f.startsWith('kit/alpha-amo/')).sort());
    for (const document of groups.flatMap((g) => g.documents)) expect(document.files[0].format, document.label).toBe('PDF');
  });

  it('of the AMOs’ space are the documents for the AMOs only (the rulebook, the forms), and none of them is on the public page', () => {
    const amo = signatoryDownloads(matrix, 'alpha-amo', 'amo');
    expect(amo.map((g) => g.id)).toEqual(['ami']);
    const files = amo.flatMap((g) => g.documents.flatMap((d) => d.files.map((f) => f.path)));
    expect(files.sort()).toEqual(outputFiles(matrix).filter((f) => f.startsWith('espace-amo/kit/alpha-amo/')).sort());
    expect(files.length).toBeGreaterThan(0);
  });

  it('take any print variant by its group: a new kind of document needs no change to the page', () => {
    const variant = { ...matrix.print.find((v) => v.signatory === 'hpf' && v.group === 'plaquette')!, group: 'ami' as const, audience: 'public' as const, name: 'nouveau', output: 'kit/hpf/nouveau.pdf', label: 'Nouveau document' };
    const grown = { ...matrix, print: [...matrix.print, variant] };
    const ami = signatoryDownloads(grown, 'hpf').find((g) => g.id === 'ami')!;
    expect(ami.documents.map((d) => d.label)).toContain('Nouveau document');
  });
});

describe('fillDownloadFacts', () => {
  const signatory = 'alpha-amo';
  const documents = signatoryDownloads(matrix, signatory).flatMap((g) => g.documents);
  const amoDocuments = signatoryDownloads(matrix, signatory, 'amo').flatMap((g) => g.documents);
  const zip = signatoryZipPath(signatory);
  const amoPage = `espace-amo/kit/${signatory}/index.html`;
  let outDir: string;

  /** The placeholders the page renders, as Astro writes them (the AMOs' page has no zip). */
  const page = (only = documents, withZip = true) =>
    [
      ...(withZip ? [`<a href="/${zip}" download>Tout télécharger (zip) <span data-kit-size="${zip}"></span></a>`] : []),
      ...only.map((d) =>
        [
          ...(d.thumbnail ? [`<span data-kit-thumbnail="${d.thumbnail}" data-alt="Première page : ${d.label}" class="kit-doc__pending">Aperçu fabriqué à la publication</span>`] : []),
          `<p><span data-kit-pages="${d.pagesOf}"></span></p>`,
          ...d.files.map((f) => `<a href="/${f.path}">${f.format} <span data-kit-size="${f.path}"></span></a>`),
        ].join('\n'),
      ),
    ].join('\n');
  const write = (path: string, data: Uint8Array | string) => {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), data);
  };
  const pageCounts = new Map([...documents, ...amoDocuments].map((d) => [d.pagesOf, d.unit === 'page' ? 2 : 7]));
  const fill = () => fillDownloadFacts({ outDir, matrix, signatories: [signatory], pageCounts });
  const messages = async () => kitErrorsOf(await fill().then(() => undefined, (error: unknown) => error)).map((e) => e.message);

  beforeEach(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'kit-download-facts-'));
    const thumbnail = await sharp({ create: { width: 476, height: 268, channels: 3, background: '#fff' } }).webp().toBuffer();
    for (const document of [...documents, ...amoDocuments]) {
      for (const file of document.files) write(file.path, new Uint8Array(3 * 1024));
      if (document.thumbnail) write(document.thumbnail, thumbnail);
    }
    write(zip, new Uint8Array(1300 * 1024));
    write(`kit/${signatory}/index.html`, page());
    write(amoPage, page(amoDocuments, false));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes each file’s size, each document’s pages, and its thumbnail as a picture of its real width and height', async () => {
    await fill();
    const html = readFileSync(join(outDir, `kit/${signatory}/index.html`), 'utf8');
    expect(html).toContain(`<span data-kit-size="${zip}">1,3${NBSP}Mo</span>`);
    for (const document of documents) {
      for (const file of document.files) expect(html).toContain(`<span data-kit-size="${file.path}">3${NBSP}Ko</span>`);
      expect(html).toContain(`<span data-kit-pages="${document.pagesOf}">${document.unit === 'page' ? `2${NBSP}pages` : `7${NBSP}diapositives`}</span>`);
      if (document.thumbnail) expect(html).toContain(`<img data-kit-thumbnail="${document.thumbnail}" src="/${document.thumbnail}" alt="Première page : ${document.label}" width="476" height="268" loading="lazy" decoding="async">`);
    }
    expect(html).not.toContain('Aperçu fabriqué à la publication');
    const amoHtml = readFileSync(join(outDir, amoPage), 'utf8');
    for (const document of amoDocuments) expect(amoHtml).toContain(`<span data-kit-pages="${document.pagesOf}">2${NBSP}pages</span>`);
    expect(amoHtml).not.toContain('Aperçu fabriqué à la publication');
  });

  it('fails, in French, when a file offered on the page was not made', async () => {
    rmSync(join(outDir, documents[0].files[0].path));
    expect(await messages()).toEqual([`page /kit/${signatory}/ : le fichier ${documents[0].files[0].path} n’a pas été fabriqué`]);
  });

  it('fails when a thumbnail or a page count is missing', async () => {
    const pictured = documents.find((d) => d.thumbnail)!;
    rmSync(join(outDir, pictured.thumbnail!));
    pageCounts.delete(documents[1].pagesOf);
    try {
      const said = await messages();
      expect(said).toContain(`page /kit/${signatory}/ : aperçu introuvable ou illisible : ${pictured.thumbnail}`);
      expect(said).toContain(`page /kit/${signatory}/ : nombre de pages inconnu pour ${documents[1].pagesOf}`);
    } finally {
      pageCounts.set(documents[1].pagesOf, 2);
    }
  });

  it('fails when the page leaves out an output of the signatory', async () => {
    write(`kit/${signatory}/index.html`, page(documents.slice(1)));
    const [message] = await messages();
    expect(message).toMatch(new RegExp(`^page /kit/${signatory}/ : \\d+ fichier\\(s\\) fabriqué\\(s\\) mais pas proposé\\(s\\) : `));
    for (const file of documents[0].files) expect(message).toContain(file.path);
  });

  it('fails rather than leave a placeholder it cannot read, and writes nothing then', async () => {
    const odd = page().replace(`<span data-kit-size="${zip}">`, `<span class="taille" data-kit-size="${zip}">`);
    write(`kit/${signatory}/index.html`, odd);
    expect(await messages()).toContain(`page /kit/${signatory}/ : 1 emplacement(s) de taille, de pages ou d’aperçu illisible(s), laissé(s) vide(s)`);
    expect(readFileSync(join(outDir, `kit/${signatory}/index.html`), 'utf8')).toBe(odd);
  });
});

describe('the filter of /kit/', () => {
  it('is offered only above a dozen signatories', () => {
    expect(showsSignatoryFilter(2)).toBe(false);
    expect(showsSignatoryFilter(12)).toBe(false);
    expect(showsSignatoryFilter(13)).toBe(true);
    expect(showsSignatoryFilter(50)).toBe(true);
  });

  it('matches every typed word, accents, case and hyphens aside', () => {
    expect(matchesQuery('Échafauder SCIC Lyon', 'echafauder')).toBe(true);
    expect(matchesQuery('CAHP-IDF Coordination', 'cahp idf')).toBe(true);
    expect(matchesQuery('Habitat Participatif France HPF', 'france habitat')).toBe(true);
    expect(matchesQuery('Habitat Participatif France HPF', 'habitat lyon')).toBe(false);
    expect(matchesQuery('Alpha AMO', '  ')).toBe(true);
  });

  it('says how many signatories remain, for screen readers', () => {
    expect(countMessage(3, 24, 'hab')).toBe('3 signataires sur 24');
    expect(countMessage(1, 24, 'hpf')).toBe('1 signataire sur 24');
    expect(countMessage(0, 24, 'xyz ')).toBe('Aucun signataire ne correspond à « xyz »');
    expect(countMessage(24, 24, '')).toBe('24 signataires');
  });
});
