import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Kit } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import type { LogoSet } from '../images/logos.ts';
import { docxBytes, letterToDocx, pngImage } from '../../../letter/letter-docx.ts';
import { letterFooterPartners, variantLetter } from './variant-letter.ts';

/**
 * The editable Word version of every letter variant, from the same letter engine as its PDF, dated with
 * the build's source date so a rebuild gives the same bytes.
 */
export async function writeLetterDocxFiles(options: { kit: Kit; variants: PrintVariant[]; logos: LogoSet; outDir: string; date: Date; onOutput: (output: string, ms: number) => void }): Promise<void> {
  const { kit, variants, logos, outDir, date, onOutput } = options;
  for (const variant of variants) {
    if (!variant.docx) continue;
    const started = performance.now();
    const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
    const document = letterToDocx(variantLetter(kit, variant), {
      senderLogo: pngImage(logos[signatory.id]),
      footerLogos: letterFooterPartners(kit, signatory).map((partner) => pngImage(logos[`partenaire:${partner.id}`])),
    });
    const target = join(outDir, variant.docx);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, reproducibleOfficeFile(await docxBytes(document), date));
    onOutput(variant.docx, performance.now() - started);
  }
}
