import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { BrowserSession } from '../../browser/browser-session.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { KitError } from '../../errors.ts';
import { frenchTypography } from '../../../typography/french.mjs';
import { buildSourceDate } from '../../output/source-date.ts';
import { withMetadata } from './pdf-metadata.ts';
import { pagedPolyfillPath, printWithPagedJs } from './print-pdf.ts';

/** Any failure while printing, as a French error naming the source and the PDF (timeouts, crashes included). */
function printFailure(error: unknown, variant: PrintVariant): KitError {
  if (error instanceof KitError) return new KitError(error.message, { ...error.details, file: error.details.file ?? variant.sourceFile });
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new KitError(`impression de ${variant.output} impossible : ${reason}`, {
    file: variant.sourceFile,
    hint: 'Si la mise en page ne finit pas (délai dépassé), cherchez dans ce document une image énorme ou un bloc trop haut pour une page ; sinon relancez la fabrication.',
  });
}

export interface PrintedPdf {
  variant: PrintVariant;
  pageCount: number;
  bytes: number;
}

/**
 * Prints every print variant to PDF in pages of one shared browser, at most `concurrency` at a time,
 * then sets the metadata. Returns what was written, in the matrix's order.
 */
export async function printAll(options: {
  kit: Kit;
  variants: PrintVariant[];
  session: BrowserSession;
  origin: string;
  outDir: string;
  concurrency: number;
  onOutput: (variant: PrintVariant, ms: number, pageCount: number) => void;
}): Promise<PrintedPdf[]> {
  const { kit, variants, session, origin, outDir, concurrency, onOutput } = options;
  const polyfill = pagedPolyfillPath();
  const limit = pLimit(concurrency);
  // After the first failure, start nothing more: the build is going to stop anyway.
  const stopOnFailure = <T>(promise: Promise<T>) => promise.catch((error: unknown) => { limit.clearQueue(); throw error; });
  return Promise.all(
    variants.map((variant) =>
      stopOnFailure(limit(async () => {
        const started = performance.now();
        const printed = await session
          .withPage((page) => printWithPagedJs(page, new URL(variant.printPath, origin).href, polyfill))
          .catch((error: unknown) => {
            throw printFailure(error, variant);
          });
        const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
        const { bytes, pageCount } = await withMetadata(printed.pdf, {
          title: frenchTypography(variant.title),
          author: signatory.nom,
          subject: frenchTypography(kit.site.titre),
          keywords: ['habitat participatif', 'QPV', 'politique de la ville'],
          language: 'fr-FR',
          date: buildSourceDate(kit.root).date,
        });
        const target = join(outDir, variant.output);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, bytes);
        onOutput(variant, performance.now() - started, pageCount);
        return { variant, pageCount, bytes: bytes.length };
      })),
    ),
  );
}
