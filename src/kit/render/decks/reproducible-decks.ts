import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import { withPinnedDates } from '../print/pdf-metadata.ts';

/**
 * marp-cli dates each deck PDF and PPTX with the time of the build: this rewrites them with the build's
 * source date, so rebuilding a commit gives the same bytes. The HTML carries no date.
 */
export async function pinDeckDates(outDir: string, variants: DeckVariant[], date: Date): Promise<void> {
  for (const variant of variants) {
    const pdf = join(outDir, variant.outputs.pdf);
    await writeFile(pdf, await withPinnedDates(await readFile(pdf), date));
    const pptx = join(outDir, variant.outputs.pptx);
    await writeFile(pptx, reproducibleOfficeFile(await readFile(pptx), date));
  }
}
