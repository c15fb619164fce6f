import { join } from 'node:path';
import pLimit from 'p-limit';
import { digest, restoreFile, type OutputCache } from '../../cache/output-cache.ts';
import { pipelineVersion } from '../../cache/pipeline-version.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { writeOutputFile } from '../../output/output-file.ts';
import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import { logoDigests, type LogoSet } from '../images/logos.ts';
import { docxBytes, letterToDocx, pngImage } from '../../../letter/letter-docx.ts';
import { letterFooterPartners, variantLetter } from './variant-letter.ts';

const DOCX = 'courrier.docx';

/**
 * The editable Word version of every letter variant, from the same letter engine as its PDF, dated with
 * the build's source date so a rebuild gives the same bytes; taken from the cache when the letter, its
 * logos, the date and the pipeline are unchanged.
 */
export async function writeLetterDocxFiles(options: { kit: Kit; variants: PrintVariant[]; logos: LogoSet; outDir: string; date: Date; cache: OutputCache; onOutput: (output: string, ms: number) => void }): Promise<void> {
  const { kit, variants, logos, outDir, date, cache, onOutput } = options;
  const pipeline = await pipelineVersion();
  const logoDigest = logoDigests(logos);
  // Several at a time: from the cache, each is mostly waiting on the disk.
  const limit = pLimit(8);
  await Promise.all(
    variants.map((variant) =>
      limit(async () => {
        if (!variant.docx) return;
        const started = performance.now();
        const target = join(outDir, variant.docx);
        const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
        const letter = variantLetter(kit, variant);
        const footerLogoIds = letterFooterPartners(kit, signatory).map((partner) => `partenaire:${partner.id}`);
        const key = digest('docx', pipeline, letter, date.toISOString(), logoDigest(signatory.id), ...footerLogoIds.map(logoDigest));
        cache.holds(variant.docx, 'docx', key, DOCX);
        const cached = await cache.get('docx', key);
        if (cached) {
          await restoreFile(cached.files[DOCX], target);
          cache.count('docx', 'cached');
          return;
        }
        const document = letterToDocx(letter, { senderLogo: pngImage(logos[signatory.id]), footerLogos: footerLogoIds.map((id) => pngImage(logos[id])) });
        const bytes = reproducibleOfficeFile(await docxBytes(document), date);
        await writeOutputFile(target, bytes);
        await cache.put('docx', key, { [DOCX]: bytes }, {});
        cache.count('docx', 'rendered', [variant.docx]);
        onOutput(variant.docx, performance.now() - started);
      }),
    ),
  );
}
