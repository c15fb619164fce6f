import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { reproducibleZip } from '../../output/reproducible-zip.ts';
import { withPinnedDates } from '../print/pdf-metadata.ts';

/** `2026-11-23T14:48:37Z`: the W3CDTF form Office writes in docProps/core.xml. */
const w3cdtf = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Sets `dcterms:created` and `dcterms:modified` of an Office core.xml to `date`. */
export function pinCoreXmlDates(xml: string, date: Date): string {
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${w3cdtf(date)}$3`);
}

/** A PPTX written again with its properties and zip entries dated `date`, entries in a fixed order. */
export function reproduciblePptx(pptx: Uint8Array, date: Date): Uint8Array {
  return reproducibleZip(pptx, date, (name, data) =>
    name === 'docProps/core.xml' ? new TextEncoder().encode(pinCoreXmlDates(new TextDecoder().decode(data), date)) : data,
  );
}

/**
 * marp-cli dates each deck PDF and PPTX with the time of the build: this rewrites them with the build's
 * source date, so rebuilding a commit gives the same bytes. The HTML carries no date.
 */
export async function pinDeckDates(outDir: string, variants: DeckVariant[], date: Date): Promise<void> {
  for (const variant of variants) {
    const pdf = join(outDir, variant.outputs.pdf);
    await writeFile(pdf, await withPinnedDates(await readFile(pdf), date));
    const pptx = join(outDir, variant.outputs.pptx);
    await writeFile(pptx, reproduciblePptx(await readFile(pptx), date));
  }
}
