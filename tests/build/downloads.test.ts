import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/kit/output/html-scan.ts';
import { THUMBNAIL_WIDTH } from '../../src/kit/render/images/thumbnails.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles } from '../../src/kit/matrix/matrix.ts';
import { DOWNLOAD_GROUPS, formatFileSize, formatPageCount, signatoryDownloads, signatoryZipPath } from '../../src/kit/output/download-facts.ts';
import { showsSignatoryFilter } from '../../src/scripts/filter-signatories.ts';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';
import { builtSite as dist, useBuiltSite } from '../support/built-site.ts';
const built = (...parts: string[]) => builtPath(fixtureKit, ...parts);

const kit = await loadKit(fixtureKit);
const matrix = buildVariantMatrix(kit);
const site = useBuiltSite();

const pageOf = (signatory: string) => readFileSync(built('kit', signatory, 'index.html'), 'utf8');
/** The text a placeholder of the built page holds: `data-kit-size` or `data-kit-pages` of `path`. */
const factOf = (html: string, kind: 'size' | 'pages', path: string) => new RegExp(`<span data-kit-${kind}="${path}">([^<]*)</span>`).exec(html)?.[1];
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('each signatory’s download page, built', () => {
  it('offers every output of the signatory, each with its real size', () => {
    for (const signatory of kit.signatories) {
      const html = pageOf(signatory.id);
      const own = outputFiles(matrix).filter((file) => file.startsWith(`kit/${signatory.id}/`));
      expect(own.length).toBeGreaterThan(0);
      for (const file of [...own, signatoryZipPath(signatory.id)]) {
        expect(html, file).toContain(`href="/${file}"`);
        expect(factOf(html, 'size', file), file).toBe(formatFileSize(statSync(built(file)).size));
      }
      // Nothing of another signatory.
      for (const other of kit.signatories.filter((s) => s.id !== signatory.id)) expect(html).not.toContain(`href="/kit/${other.id}/`);
    }
  });

  it('says which build of the kit made the files, on the page and in every PDF: a commit of the kit and its date', async () => {
    const line = /Documents fabriqués par le kit, version ([0-9a-f]{7,}) du \d{1,2}(?:er)? \p{L}+ \d{4}/u.exec(decodeEntities(pageOf('alpha-amo')).replace(/\u00a0/g, ' '));
    expect(line, 'la ligne de version de la page').not.toBeNull();
    const commit = line![1];
    // A real commit of this repository (the one the fixture was built from).
    expect(execFileSync('git', ['cat-file', '-t', commit], { cwd: fixtureKit, encoding: 'utf8' }).trim()).toBe('commit');
    for (const path of ['kit/alpha-amo/courrier-elu.pdf', 'kit/alpha-amo/plaquette.pdf', 'kit/alpha-amo/presentation.pdf', 'kit/alpha-amo/presentation-notes.pdf']) {
      const pdf = await PDFDocument.load(readFileSync(built(path)), { updateMetadata: false });
      expect(pdf.getProducer(), path).toMatch(new RegExp(`^Kit QPV, version ${commit} du `));
    }
  });

  it('gives each document the page count of its PDF (a deck: its slides)', async () => {
    for (const signatory of kit.signatories) {
      const html = pageOf(signatory.id);
      for (const document of signatoryDownloads(matrix, signatory.id).flatMap((g) => g.documents)) {
        const pages = (await PDFDocument.load(readFileSync(built(document.pagesOf)), { updateMetadata: false })).getPageCount();
        expect(factOf(html, 'pages', document.pagesOf), document.pagesOf).toBe(formatPageCount(pages, document.unit));
      }
    }
  });

  it('shows each document’s first page as a WebP thumbnail twice as wide as shown (476 px), with its real width and height and an alt text; a letter’s first version’s for all its versions', async () => {
    for (const signatory of kit.signatories) {
      const html = pageOf(signatory.id);
      const documents = signatoryDownloads(matrix, signatory.id).flatMap((g) => g.documents);
      const letters = documents.filter((d) => d.kind === 'courrier');
      expect(letters.filter((d) => d.thumbnail), 'one picture per letter document').toHaveLength(new Set(letters.map((d) => d.documentId)).size);
      for (const document of documents) {
        if (!document.thumbnail) continue;
        const tag = html.match(new RegExp(`<img data-kit-thumbnail="${document.thumbnail}"[^>]*>`))?.[0];
        expect(tag, document.thumbnail).toBeDefined();
        expect(attribute(tag!, 'src')).toBe(`/${document.thumbnail}`);
        const { format, width, height } = await sharp(built(document.thumbnail)).metadata();
        expect(format).toBe('webp');
        expect(width, document.thumbnail).toBe(THUMBNAIL_WIDTH);
        expect([attribute(tag!, 'width'), attribute(tag!, 'height')], document.thumbnail).toEqual([String(width), String(height)]);
        const first = document.unit === 'diapositive' ? 'Première diapositive' : 'Première page';
        expect(decodeEntities(attribute(tag!, 'alt')!)).toBe(`${first}\u00a0: ${document.label}`);
      }
    }
  });

  it('photographs the first slide of each deck: a 16:9 picture with something drawn on it', async () => {
    for (const deck of matrix.decks) {
      const picture = sharp(built(deck.thumbnail));
      const { width, height } = await picture.metadata();
      expect(Math.round((width! / height!) * 9), deck.thumbnail).toBe(16);
      const { channels } = await picture.stats();
      // A blank or single-colour capture has no spread of values.
      expect(Math.max(...channels.map((c) => c.stdev)), deck.thumbnail).toBeGreaterThan(10);
    }
  });

  it('groups documents under the titles of their download group, in order', () => {
    const html = pageOf('hpf');
    const titles = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]).filter((id) => DOWNLOAD_GROUPS.some((g) => g.folder === id));
    expect(titles).toEqual(signatoryDownloads(matrix, 'hpf').map((g) => g.folder));
    expect(titles.length).toBeGreaterThan(3);
  });
});

describe('each signatory’s zip', () => {
  it('holds exactly the signatory’s files, byte for byte, in the folder of their group', () => {
    for (const signatory of kit.signatories) {
      const zip = unzipSync(new Uint8Array(readFileSync(built(signatoryZipPath(signatory.id)))));
      const own = outputFiles(matrix).filter((file) => file.startsWith(`kit/${signatory.id}/`));
      const names = Object.keys(zip);
      expect(names.map((name) => basename(name)).sort()).toEqual(own.map((file) => basename(file)).sort());
      for (const name of names) {
        const [folder] = name.split('/');
        expect(DOWNLOAD_GROUPS.map((g) => g.folder), name).toContain(folder);
        expect(Buffer.from(zip[name]).equals(readFileSync(built('kit', signatory.id, basename(name)))), name).toBe(true);
      }
      expect(names).toEqual([...names].sort());
    }
  });

  it('is offered as « Tout télécharger (zip) »', () => {
    expect(pageOf('alpha-amo')).toMatch(new RegExp(`<a class="kit-bundle__button" href="/${signatoryZipPath('alpha-amo')}" download>\\s*<span>Tout télécharger \\(zip\\)</span>`));
  });
});

describe('/kit/, built', () => {
  it('lists every signatory with its logo, and leads the others to the letter builder', () => {
    const html = readFileSync(built('kit/index.html'), 'utf8');
    for (const signatory of kit.signatories) expect(html).toMatch(new RegExp(`<a class="kit-signatory" href="/kit/${signatory.id}/">\\s*<span class="kit-signatory__logo"><img[^>]* src="/_kit/logos/[^"]+"`));
    expect(html).toContain('href="/courrier/"');
  });

  it('offers the name filter only above a dozen signatories', () => {
    const html = readFileSync(built('kit/index.html'), 'utf8');
    const expected = showsSignatoryFilter(kit.signatories.length);
    expect(html.includes('data-signatory-filter'), `${kit.signatories.length} signataires`).toBe(expected);
    expect(html.includes('<label for="filtre-signataires">')).toBe(expected);
  });
});

describe('the download pages, in Chromium', () => {
  it('load every thumbnail and never scroll sideways, at 360 and 1280 px', async () => {
    for (const path of ['/kit/', ...kit.signatories.map((s) => `/kit/${s.id}/`)]) {
      for (const width of [360, 1280]) {
        const { broken, overflow } = await site.session.withPage(async (page) => {
          await page.setViewport({ width, height: 800 });
          await page.goto(new URL(path, site.server.origin).href, { waitUntil: 'load' });
          await page.$$eval('img', (images) => images.forEach((img) => (img.loading = 'eager')));
          await page.waitForFunction(() => [...document.images].every((img) => img.complete), { timeout: 10_000 });
          return page.evaluate(() => ({
            broken: [...document.images].filter((img) => img.naturalWidth === 0).map((img) => img.getAttribute('src')),
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          }));
        });
        expect(broken, `${path} à ${width} px`).toEqual([]);
        expect(overflow, `${path} à ${width} px`).toBeLessThanOrEqual(0);
      }
    }
  });
});
