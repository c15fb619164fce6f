import { unzipSync, zipSync, type ZipOptions, type Zippable } from 'fflate';

/** An Office file (PPTX, DOCX) starts with its content types. */
const FIRST = '[Content_Types].xml';

const earliest = Date.UTC(1980, 0, 1);
const latest = Date.UTC(2099, 11, 31, 23, 59, 58);

/** `date` within what a zip can store (years 1980 to 2099). */
export function zipTimestamp(date: Date): Date {
  return new Date(Math.min(latest, Math.max(earliest, date.getTime())));
}

/**
 * Runs `work` with the process in UTC. A zip stores a wall-clock time without zone and fflate writes the
 * local time of the Date it is given: in UTC, every machine writes the same bytes (a Date built from UTC
 * fields would not do: that time may not exist locally, in the hour skipped in spring). `work` is
 * synchronous, so no other code sees the change.
 */
export function inUtc<T>(work: () => T): T {
  const zone = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    return work();
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}

function entryOrder(a: string, b: string): number {
  return Number(b === FIRST) - Number(a === FIRST) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Rewrites a zip (PPTX, DOCX…) so it depends on its content only: every entry dated `date`, entries
 * sorted by name (`[Content_Types].xml` first), each kept stored or deflated as it was. `edit` may change
 * an entry's bytes on the way (e.g. the dates inside docProps/core.xml).
 */
export function reproducibleZip(zip: Uint8Array, date: Date, edit: (name: string, data: Uint8Array) => Uint8Array = (_, data) => data): Uint8Array {
  const stored = new Set<string>();
  const entries = unzipSync(zip, {
    filter: (file) => {
      if (file.compression === 0) stored.add(file.name);
      return true;
    },
  });
  const mtime = zipTimestamp(date);
  const output: Zippable = {};
  for (const name of Object.keys(entries).sort(entryOrder)) {
    const options: ZipOptions = { mtime, level: stored.has(name) ? 0 : 6, os: 0, attrs: name.endsWith('/') ? 0x10 : 0 };
    output[name] = [edit(name, entries[name]), options];
  }
  return inUtc(() => zipSync(output));
}
