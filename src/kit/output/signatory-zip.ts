import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { writeOutputFile } from './output-file.ts';
import { basename, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { KitError } from '../errors.ts';
import type { VariantMatrix } from '../matrix/matrix.ts';
import { signatoryDownloads, signatoryZipPath } from './download-facts.ts';
import { inUtc, zipTimestamp } from './reproducible-zip.ts';
import { digest, restoreFile, type OutputCache } from '../cache/output-cache.ts';
import { pipelineVersion } from '../cache/pipeline-version.ts';

const ZIP = 'archive.zip';

/** Files that are compressed already (PDF streams, pictures, Office zips): deflating them again gains nothing. */
const COMPRESSED = /\.(pdf|docx|pptx|xlsx|zip|png|jpe?g|webp|gif)$/i;

/** Whether a zip entry is stored as it is rather than deflated. */
export function isStored(name: string): boolean {
  return COMPRESSED.test(name);
}

/** One file of a signatory's zip: its name in the zip (`courriers/courrier-elu.pdf`) and its path in the output folder. */
export interface ZipEntrySource {
  name: string;
  source: string;
}

/** Every file offered on a signatory's page, in the folder of its download group, sorted by name. */
export function signatoryZipEntries(matrix: VariantMatrix, signatory: string): ZipEntrySource[] {
  return signatoryDownloads(matrix, signatory)
    .flatMap((group) => group.documents.flatMap((document) => document.files.map((file) => ({ name: `${group.folder}/${basename(file.path)}`, source: file.path }))))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A zip that depends on its content only: entries sorted by name, every one dated `date` (the kit's
 * source date), compressed files stored as they are and the others (HTML) deflated.
 */
export function reproducibleArchive(files: { name: string; data: Uint8Array }[], date: Date): Uint8Array {
  const mtime = zipTimestamp(date);
  const entries: Zippable = {};
  for (const { name, data } of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    entries[name] = [data, { mtime, level: isStored(name) ? 0 : 9, os: 0, attrs: 0 }];
  }
  return inUtc(() => zipSync(entries));
}

/** An output's bytes; a file the build did not write stops it, in French. */
async function readOutput(outDir: string, source: string, signatory: string): Promise<Buffer> {
  try {
    return await readFile(join(outDir, source));
  } catch (error) {
    throw new KitError(`le zip du signataire ${signatory} ne peut pas être fait : le fichier ${source} n’a pas été fabriqué`, {
      code: 'telechargements',
      hint: 'Un document de la liste n’a pas été écrit par la fabrication : signalez-le à l’équipe du kit (KIT_DEBUG=1 pour le détail).',
      cause: error,
    });
  }
}

/**
 * Writes `kit/<signataire>/kit-qpv-<signataire>.zip` for each signatory, once all its files exist, one at a
 * time (a signatory's files are all in memory while its zip is made). Returns each zip's path and size.
 */
export async function writeSignatoryZips(options: {
  outDir: string;
  matrix: VariantMatrix;
  signatories: string[];
  date: Date;
  cache: OutputCache;
  onOutput?: (output: string, ms: number, bytes: number, files: number) => void;
}): Promise<{ signatory: string; output: string; bytes: number }[]> {
  const { outDir, matrix, signatories, date, cache, onOutput } = options;
  const pipeline = await pipelineVersion();
  const written = [];
  for (const signatory of signatories) {
    const started = performance.now();
    const entries = signatoryZipEntries(matrix, signatory);
    const output = signatoryZipPath(signatory);
    const target = join(outDir, output);
    // Its key: each file's name and content, named by the cache entry it comes from when the build knows
    // it (then nothing is read), else hashed from its bytes; the date and the pipeline.
    let files: { name: string; data: Uint8Array }[] | undefined;
    const readAll = async () => (files ??= await Promise.all(entries.map(async ({ name, source }) => ({ name, data: new Uint8Array(await readOutput(outDir, source, signatory)) }))));
    const known = entries.map(({ source }) => cache.contentOf(source));
    const contents = known.every((content) => content !== undefined) ? known : (await readAll()).map(({ data }) => createHash('sha256').update(data).digest('hex'));
    const key = digest('zip', pipeline, date.toISOString(), ...entries.flatMap(({ name }, index) => [name, contents[index]!]));
    const cached = await cache.get('zip', key);
    let bytes: number;
    if (cached) {
      await restoreFile(cached.files[ZIP], target);
      bytes = (await stat(target)).size;
      cache.count('zip', 'cached');
    } else {
      const zip = reproducibleArchive(await readAll(), date);
      await writeOutputFile(target, zip);
      await cache.put('zip', key, { [ZIP]: zip }, {});
      cache.count('zip', 'rendered', [output]);
      bytes = zip.length;
      onOutput?.(output, performance.now() - started, zip.length, entries.length);
    }
    written.push({ signatory, output, bytes });
  }
  return written;
}
