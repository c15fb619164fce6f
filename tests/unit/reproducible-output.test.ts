import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { FALLBACK_SOURCE_DATE, buildVersion, describeSourceDate, readSourceDate } from '../../src/kit/output/source-date.ts';
import { reproducibleZip } from '../../src/kit/output/reproducible-zip.ts';
import { pinCoreXmlDates, reproducibleOfficeFile } from '../../src/kit/output/reproducible-office.ts';
import { withMetadata } from '../../src/kit/render/print/pdf-metadata.ts';

const date = new Date('2025-03-30T02:30:04Z');

describe('the build’s source date', () => {
  it('takes SOURCE_DATE_EPOCH first, in seconds', () => {
    expect(readSourceDate(tmpdir(), { SOURCE_DATE_EPOCH: '1743301804' })).toEqual({ date, origin: 'SOURCE_DATE_EPOCH' });
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds, in French', () => {
    expect(() => readSourceDate(tmpdir(), { SOURCE_DATE_EPOCH: '2025-03-30' })).toThrow(/SOURCE_DATE_EPOCH vaut « 2025-03-30 » : un nombre entier de secondes/);
  });

  it('else takes the committer date of the last commit of the kit root', () => {
    const root = mkdtempSync(join(tmpdir(), 'kit-source-date-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@exemple.test', ...args], { cwd: root, env: { ...process.env, GIT_COMMITTER_DATE: '1743301804 +0200' } });
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', 'essai');
    const commit = execFileSync('git', ['log', '-1', '--format=%h'], { cwd: root, encoding: 'utf8' }).trim();
    expect(readSourceDate(root, { SOURCE_DATE_EPOCH: '' })).toEqual({ date, origin: 'git', commit });
  });

  it('names the build by its commit and the commit\'s date, or by the date alone outside git', () => {
    expect(buildVersion({ date: new Date('2026-12-03T15:00:00Z'), origin: 'git', commit: 'a86c50e' })).toBe('version a86c50e du 3 décembre 2026');
    expect(buildVersion({ date: new Date('2026-12-01T00:30:00Z'), origin: 'git', commit: 'a86c50e' })).toBe('version a86c50e du 1er décembre 2026');
    expect(buildVersion({ date: FALLBACK_SOURCE_DATE, origin: 'fallback' })).toBe('version du 1er janvier 2000');
  });

  it('else falls back to a fixed date outside any git repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'kit-source-date-'));
    const outside = readSourceDate(root, { GIT_CEILING_DIRECTORIES: tmpdir() });
    // tmpdir() itself may sit in a repository on some machines; the ceiling cannot hide that from git.
    if (outside.origin !== 'git') expect(outside).toEqual({ date: FALLBACK_SOURCE_DATE, origin: 'fallback' });
  });

  it('is shown in French with where it comes from', () => {
    expect(describeSourceDate({ date, origin: 'git' })).toBe('30/03/2025 02:30 UTC (dernier commit)');
  });
});

describe('PDF dates', () => {
  async function pdfDatedNow(): Promise<Uint8Array> {
    const document = await PDFDocument.create();
    document.addPage();
    document.setTitle('Présentation');
    document.setCreationDate(new Date());
    return document.save();
  }

  it('are the source date after printing, and two prints give the same bytes', async () => {
    const metadata = { title: 'Plaquette', author: 'HPF', language: 'fr-FR', date };
    const first = await withMetadata(await pdfDatedNow(), metadata);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await withMetadata(await pdfDatedNow(), metadata);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    const read = await PDFDocument.load(first.bytes, { updateMetadata: false });
    expect(read.getCreationDate()).toEqual(date);
    expect(read.getModificationDate()).toEqual(date);
  });
});

describe('reproducible zips and PPTX', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const coreXml = (when: string) =>
    `<cp:coreProperties><dc:creator>HPF</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;

  function pptxMadeAt(when: Date, reversed: boolean) {
    const entries: [string, Uint8Array, number][] = [
      ['[Content_Types].xml', strToU8('<Types/>'), 0],
      ['docProps/core.xml', strToU8(coreXml(when.toISOString())), 0],
      ['ppt/media/image.png', new Uint8Array(300).fill(7), 6],
      ['_rels/', new Uint8Array(0), 0],
    ];
    if (reversed) entries.reverse();
    return zipSync(Object.fromEntries(entries.map(([name, data, level]) => [name, [data, { level: level as 0 | 6, mtime: when }]])));
  }

  it('sets the core.xml dates to the source date', () => {
    expect(pinCoreXmlDates(coreXml('2026-11-23T14:48:37Z'), date)).toBe(coreXml('2025-03-30T02:30:04Z'));
  });

  it('gives the same bytes whatever the time of the build, the entry order and the time zone', () => {
    process.env.TZ = 'Europe/Paris';
    const first = reproducibleOfficeFile(pptxMadeAt(new Date('2026-01-01T10:00:00Z'), false), date);
    process.env.TZ = 'Pacific/Auckland';
    const second = reproducibleOfficeFile(pptxMadeAt(new Date('2026-06-01T18:00:00Z'), true), date);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('keeps [Content_Types].xml first, each entry stored or deflated as it was, and the content', () => {
    const out = reproducibleOfficeFile(pptxMadeAt(new Date(), true), date);
    const methods = new Map<string, number>();
    const entries = unzipSync(out, { filter: (file) => (methods.set(file.name, file.compression), true) });
    expect([...methods.keys()]).toEqual(['[Content_Types].xml', '_rels/', 'docProps/core.xml', 'ppt/media/image.png']);
    expect(Object.fromEntries(methods)).toEqual({ '[Content_Types].xml': 0, '_rels/': 0, 'docProps/core.xml': 0, 'ppt/media/image.png': 8 });
    expect(strFromU8(entries['docProps/core.xml'])).toBe(coreXml('2025-03-30T02:30:04Z'));
    expect(entries['ppt/media/image.png']).toEqual(new Uint8Array(300).fill(7));
  });

  it('dates every entry with the UTC wall-clock time of the source date (zip has no time zone)', () => {
    process.env.TZ = 'America/New_York';
    const out = reproducibleZip(pptxMadeAt(new Date(), false), new Date('2025-07-14T09:08:06Z'));
    // DOS date and time of the first local header: bytes 10–13.
    const view = new DataView(out.buffer, out.byteOffset);
    const time = view.getUint16(10, true);
    const day = view.getUint16(12, true);
    expect([(day >> 9) + 1980, (day >> 5) & 15, day & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([2025, 7, 14, 9, 8, 6]);
  });
});

describe('the bookmarks of a printed PDF', () => {
  /** A one-page PDF whose outline holds `titles`, as Chromium writes them. */
  async function withOutline(titles: string[]): Promise<Uint8Array> {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const outlines = pdf.context.obj({ Type: 'Outlines', Count: PDFNumber.of(titles.length) });
    const outlinesRef = pdf.context.register(outlines);
    const refs = titles.map((title) => pdf.context.register(pdf.context.obj({ Title: PDFHexString.fromText(title), Parent: outlinesRef })));
    refs.forEach((ref, index) => {
      if (index > 0) pdf.context.lookup(ref, PDFDict).set(PDFName.of('Prev'), refs[index - 1]);
      if (index + 1 < refs.length) pdf.context.lookup(ref, PDFDict).set(PDFName.of('Next'), refs[index + 1]);
    });
    outlines.set(PDFName.of('First'), refs[0]);
    outlines.set(PDFName.of('Last'), refs.at(-1)!);
    pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
    return pdf.save();
  }
  const titlesOf = async (bytes: Uint8Array) => {
    const pdf = await PDFDocument.load(bytes);
    const titles: string[] = [];
    let item = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookupMaybe(PDFName.of('First'), PDFDict);
    for (; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) titles.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText());
    return titles;
  };

  it('get back the space Chromium drops where a heading wraps, and keep the other titles as they are', async () => {
    const chromium = await withOutline(['Habitat participatif enquartiers prioritaires', 'Et maintenant\u202f?', 'Un titre sans titre de page']);
    const headings = ['Habitat participatif en\n      quartiers prioritaires', 'Et maintenant\u202f?'];
    const { bytes } = await withMetadata(chromium, { title: 'Plaquette', author: 'HPF', language: 'fr-FR', date: new Date(0), headings });
    expect(await titlesOf(bytes)).toEqual(['Habitat participatif en quartiers prioritaires', 'Et maintenant\u202f?', 'Un titre sans titre de page']);
  });
});
