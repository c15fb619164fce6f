import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The render cache: outputs the build made before (PDFs, decks, Word letters, pictures, zips), filed by a
 * key that hashes everything their bytes depend on, so an output is taken back only when rendering it
 * again would give the same bytes. It lives in `<kit>/.kit/cache/`, outside `dist/`; deleting it only
 * makes the next build slower.
 *
 * An entry is a folder `<kind>/<key>/` holding the output's files and `entry.json` (what the build needs
 * to know about them without rendering: page counts, warnings…). It is written in a temporary folder and
 * renamed into place, so a build cut short never leaves a half-written entry.
 */

/** Hash of the parts, in order: strings and bytes as they are, anything else as JSON. */
export function digest(...parts: unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' || part instanceof Uint8Array ? part : JSON.stringify(part) ?? 'undefined';
    hash.update(`${typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** A stored output: its files' paths in the cache, and what was recorded with them. */
export interface CacheEntry<Meta> {
  files: Record<string, string>;
  meta: Meta;
}

interface EntryRecord<Meta> {
  meta: Meta;
  /** Each file's size, checked before the entry is used. */
  sizes: Record<string, number>;
}

/** How many outputs of a kind came from the cache and how many were rendered in this build. */
export interface KindCount {
  rendered: number;
  cached: number;
}

export const CACHE_FOLDER = join('.kit', 'cache');

export class OutputCache {
  readonly folder: string;
  /** Entries read or written by this build: the ones kept by `prune()`. */
  private readonly used = new Set<string>();
  readonly counts = new Map<string, KindCount>();
  /** Every output path rendered in this build (not taken from the cache), in the order they were made. */
  readonly rendered: string[] = [];
  /** What each output written in this build holds, as the cache entry it is a file of: `pdf/<key>/document.pdf`. */
  private readonly contents = new Map<string, string>();

  constructor(root: string) {
    this.folder = join(root, CACHE_FOLDER);
  }

  private entryFolder(kind: string, key: string): string {
    return join(this.folder, kind, key);
  }

  /** The entry stored under `key`, or undefined; an entry with a missing or cut file counts as absent. */
  async get<Meta>(kind: string, key: string): Promise<CacheEntry<Meta> | undefined> {
    const folder = this.entryFolder(kind, key);
    let record: EntryRecord<Meta>;
    try {
      record = JSON.parse(await readFile(join(folder, 'entry.json'), 'utf8')) as EntryRecord<Meta>;
      for (const [name, size] of Object.entries(record.sizes)) {
        if ((await stat(join(folder, name))).size !== size) return undefined;
      }
    } catch {
      return undefined;
    }
    this.used.add(`${kind}/${key}`);
    return { files: Object.fromEntries(Object.keys(record.sizes).map((name) => [name, join(folder, name)])), meta: record.meta };
  }

  /** Stores an output's files and facts under `key` (an entry already there is kept: same key, same bytes). */
  async put<Meta>(kind: string, key: string, files: Record<string, Uint8Array>, meta: Meta): Promise<void> {
    const folder = this.entryFolder(kind, key);
    this.used.add(`${kind}/${key}`);
    const temporary = join(this.folder, `.tmp-${randomBytes(6).toString('hex')}`);
    await mkdir(temporary, { recursive: true });
    try {
      // Read-only: the output folder links to these files (see `restoreFile`), so no one edits them in place.
      for (const [name, bytes] of Object.entries(files)) await writeFile(join(temporary, name), bytes, { mode: 0o444 });
      const record: EntryRecord<Meta> = { meta, sizes: Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, bytes.length])) };
      await writeFile(join(temporary, 'entry.json'), JSON.stringify(record));
      await mkdir(dirname(folder), { recursive: true });
      await rm(folder, { recursive: true, force: true });
      await rename(temporary, folder);
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  }

  /**
   * Records that `output` holds the file `name` of entry `key`: whatever holds the output (a zip) can be
   * keyed on that, without reading it, since an entry's key determines its bytes.
   */
  holds(output: string, kind: string, key: string, name: string): void {
    this.contents.set(output, `${kind}/${key}/${name}`);
  }

  /** The entry file `output` holds (see `holds`), or undefined if it was not recorded. */
  contentOf(output: string): string | undefined {
    return this.contents.get(output);
  }

  /** Counts an output of `kind` as taken from the cache or rendered (then its files' paths join `rendered`). */
  count(kind: string, how: 'cached' | 'rendered', files: string[] = []): void {
    const count = this.counts.get(kind) ?? { rendered: 0, cached: 0 };
    count[how] += 1;
    this.counts.set(kind, count);
    if (how === 'rendered') this.rendered.push(...files);
  }

  /**
   * After a successful build: removes every entry this build did not use, so the cache holds the current
   * kit's outputs and no more (it never grows past one kit's worth), and any temporary folder left by a
   * build that was killed.
   */
  async prune(): Promise<void> {
    let kinds: string[];
    try {
      kinds = await readdir(this.folder);
    } catch {
      return;
    }
    for (const kind of kinds) {
      if (kind.startsWith('.tmp-')) {
        await rm(join(this.folder, kind), { recursive: true, force: true });
        continue;
      }
      for (const key of await readdir(join(this.folder, kind)).catch(() => [])) {
        if (!this.used.has(`${kind}/${key}`)) await rm(join(this.folder, kind, key), { recursive: true, force: true });
      }
    }
  }
}

/**
 * Puts a cached file in its place in the output as a hard link: nothing is copied, and a rebuild with
 * nothing changed writes almost nothing. Safe because no one writes into these files: the cache's are
 * read-only and every output is written whole under a new name (`writeOutputFile`), never through the
 * link. Where a link cannot be made (another disk, a file system without links), a copy.
 */
export async function restoreFile(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(target, { force: true });
      return restoreFile(source, target);
    }
    await copyFile(source, target, constants.COPYFILE_FICLONE);
  }
}
