import { unzipSync, zipSync, type ZipOptions, type Zippable } from 'fflate';

/** Names that must stay first: an Office file starts with its content types. */
const FIRST = ['[Content_Types].xml', 'mimetype'];

const earliest = Date.UTC(1980, 0, 1);
const latest = Date.UTC(2099, 11, 31, 23, 59, 58);

/**
 * The entries' timestamp. Zip stores a wall-clock time without zone, and fflate writes the local time of
 * the Date it is given: a Date built from the UTC fields of `date` gives the same bytes in every time zone.
 */
function zipTimestamp(date: Date): Date {
  const utc = new Date(Math.min(latest, Math.max(earliest, date.getTime())));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

function entryOrder(a: string, b: string): number {
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
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
  return zipSync(output);
}
