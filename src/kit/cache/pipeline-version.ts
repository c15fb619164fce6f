import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BrowserLocation } from '../browser/find-browser.ts';
import { digest } from './output-cache.ts';

/** The project's folder (the kit's code, its lockfile), whatever kit root is being built. */
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The code that turns pages into outputs: the renderers, the browser they print in, the cache's own key
 * rules, the page reader that lists what a page loads, the zip and Office writers, the letter engine (Word
 * letters), the logo rules and the typography (decks). A change to any file there, or to the lockfile (a
 * new version of Paged.js, pdf-lib, marp-cli, docx, sharp…), changes every cache key: rendering again is
 * the only safe answer to a changed renderer. The rest of the pipeline (reading and checking the content,
 * the variant matrix, the link check, the download pages' facts, the build's orchestration) does not reach
 * an output's bytes except through what each key already holds: the printed page and every file it loads,
 * the filled deck, the letter model, the metadata and the date.
 */
const PIPELINE = [
  'src/kit/render',
  'src/kit/browser',
  'src/kit/cache',
  'src/kit/output/html-scan.ts',
  'src/kit/output/output-file.ts',
  'src/kit/output/reproducible-office.ts',
  'src/kit/output/reproducible-zip.ts',
  'src/kit/output/signatory-zip.ts',
  'src/letter',
  'src/logo',
  'src/typography',
  'package-lock.json',
];

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)])));
  return nested.flat().sort();
}

/** Hash of the pipeline's code and the lockfile in a project folder. */
export async function pipelineDigest(root: string): Promise<string> {
  const files = (await Promise.all(PIPELINE.map((path) => filesUnder(join(root, path))))).flat();
  const parts = await Promise.all(files.map(async (file) => [relative(root, file), await readFile(file).catch(() => 'absent')]));
  return digest(...parts.flat());
}

let pipeline: Promise<string> | undefined;

/** Hash of this project's pipeline code and lockfile, computed once per process. */
export function pipelineVersion(): Promise<string> {
  pipeline ??= pipelineDigest(projectRoot);
  return pipeline;
}

const versions = new Map<string, Promise<string>>();

/**
 * What identifies the browser without starting it to render: for the npm Chromium, its package (whose
 * version the lockfile in `pipelineVersion` pins); for an installed Chrome, its `--version` line (its path
 * if it does not answer).
 */
export function browserVersion(location: BrowserLocation): Promise<string> {
  let found = versions.get(location.path);
  if (!found) {
    found =
      location.source === 'sparticuz'
        ? Promise.resolve('@sparticuz/chromium, version pinned by the lockfile')
        : promisify(execFile)(location.path, ['--version'], { timeout: 10_000 }).then(
            ({ stdout }) => stdout.trim(),
            () => location.path,
          );
    versions.set(location.path, found);
  }
  return found;
}
