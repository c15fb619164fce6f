import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles } from '../../src/kit/matrix/matrix.ts';
import { DOWNLOAD_GROUPS } from '../../src/kit/output/download-facts.ts';
import { isStored, reproducibleArchive, signatoryZipEntries } from '../../src/kit/output/signatory-zip.ts';
import { fixtureKit } from '../support/fixture.ts';

const matrix = buildVariantMatrix(await loadKit(fixtureKit));
const date = new Date('2025-01-01T12:34:56Z');
const text = (value: string) => new TextEncoder().encode(value);

/** Name, compression method (0 stored, 8 deflated) and DOS date-time of each entry, from the zip's central directory. */
function centralDirectory(zip: Uint8Array): { name: string; method: number; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record (no comment): the number of entries and where their directory starts.
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const entries = [];
  let offset = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i += 1) {
    expect(view.getUint32(offset, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

const files = () => [
  { name: 'presentation/presentation.html', data: text('<!doctype html>'.padEnd(4000, ' diapositive')) },
  { name: 'courriers/courrier-elu.pdf', data: text('%PDF-1.7 '.padEnd(4000, 'x')) },
  { name: 'courriers/courrier-elu.docx', data: text('PK'.padEnd(4000, 'y')) },
  { name: 'presentation/presentation.pptx', data: text('PK'.padEnd(4000, 'z')) },
];

describe('a signatory’s zip', () => {
  it('gives the same bytes for the same files, whatever their order and the machine’s time zone', () => {
    const first = reproducibleArchive(files(), date);
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(Buffer.from(reproducibleArchive(files().reverse(), date)).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // A different date does change the bytes: the date is really written.
    expect(Buffer.from(reproducibleArchive(files(), new Date('2024-06-01T00:00:00Z'))).equals(Buffer.from(first))).toBe(false);
  });

  it('sorts its entries by name and dates every one with the source date (DOS time, to 2 s)', () => {
    const entries = centralDirectory(reproducibleArchive(files(), date));
    expect(entries.map((e) => e.name)).toEqual(['courriers/courrier-elu.docx', 'courriers/courrier-elu.pdf', 'presentation/presentation.html', 'presentation/presentation.pptx']);
    const dosDate = ((2025 - 1980) << 9) | (1 << 5) | 1;
    const dosTime = (12 << 11) | (34 << 5) | (56 / 2);
    for (const entry of entries) expect([entry.date, entry.time], entry.name).toEqual([dosDate, dosTime]);
  });

  it('stores PDF, Word, PowerPoint and pictures as they are, and deflates HTML', () => {
    const methods = Object.fromEntries(centralDirectory(reproducibleArchive(files(), date)).map((e) => [e.name, e.method]));
    expect(methods).toEqual({ 'courriers/courrier-elu.docx': 0, 'courriers/courrier-elu.pdf': 0, 'presentation/presentation.html': 8, 'presentation/presentation.pptx': 0 });
    expect(['a.pdf', 'a.docx', 'a.pptx', 'a.webp', 'a.png', 'a.JPG'].every(isStored)).toBe(true);
    expect(['a.html', 'a.txt', 'a.svg'].some(isStored)).toBe(false);
  });

  it('holds the files back unchanged', () => {
    const unzipped = unzipSync(reproducibleArchive(files(), date));
    for (const { name, data } of files()) expect(Buffer.from(unzipped[name]).equals(Buffer.from(data)), name).toBe(true);
  });

  it('lists exactly the signatory’s public files, each in the folder of its download group (the AMOs’ documents stay out)', () => {
    const entries = signatoryZipEntries(matrix, 'alpha-amo');
    expect(entries.map((e) => e.source).sort()).toEqual(outputFiles(matrix).filter((file) => file.startsWith('kit/alpha-amo/')).sort());
    expect(entries.some((e) => e.source.startsWith('kit/hpf/'))).toBe(false);
    const folders = new Set(DOWNLOAD_GROUPS.map((g) => g.folder));
    for (const { name } of entries) expect(folders.has(name.split('/')[0]), name).toBe(true);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['courriers/courrier-elu.pdf', 'courriers/courrier-elu.docx', 'plaquette/plaquette.pdf', 'fiches/fiche-essai.pdf', 'presentation/presentation.pptx']));
    expect(entries.some((e) => e.source.startsWith('espace-amo/'))).toBe(false);
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
  });
});
