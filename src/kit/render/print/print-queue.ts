import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { TimeoutError } from 'puppeteer-core';
import { BrowserCrash, type BrowserSession } from '../../browser/browser-session.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { isKitError, KitError } from '../../errors.ts';
import { frenchTypography } from '../../../typography/french.mjs';
import { buildSourceDate } from '../../output/source-date.ts';
import { withMetadata } from './pdf-metadata.ts';
import { withFormFields } from './fillable-form.ts';
import { pagedPolyfillPath, printWithPagedJs, type FieldBox } from './print-pdf.ts';
import { writeThumbnail } from '../images/thumbnails.ts';

/** « 60 s », « 1,5 s ». */
const inSeconds = (ms: number) => `${(ms / 1000).toLocaleString('fr-FR')} s`;

/** The per-document time limit: a page that never finishes must not hold the build forever. */
const PRINT_TIMEOUT_MS = 60_000;

/**
 * A document that failed, as a French error naming its source. A kit error (a missing page, a script
 * error, text lost in the layout) says what is wrong with the document; anything else (the browser died,
 * the layout never finished) failed twice, since it is tried again once.
 */
function printFailure(error: unknown, variant: PrintVariant, timeoutMs: number): KitError {
  if (isKitError(error)) {
    const { code, message, details } = error as KitError;
    const said = code === 'impression-incomplete' ? `le PDF ${variant.output} ne contient pas tout le texte : ${message}` : message;
    // A browser that does not start is no fault of the document.
    return new KitError(said, { ...details, file: details.file ?? (code === 'navigateur' ? undefined : variant.sourceFile) });
  }
  const cause = error instanceof BrowserCrash ? error.cause : error;
  if (error instanceof BrowserCrash) {
    return new KitError(`le navigateur s’est arrêté deux fois de suite pendant l’impression de ${variant.output}`, {
      code: 'impression',
      file: variant.sourceFile,
      hint: 'Relancez la fabrication ; si cela se reproduit avec ce document, cherchez-y une image énorme (qui épuiserait la mémoire), ou indiquez un autre navigateur avec CHROME_PATH.',
      cause,
    });
  }
  if (error instanceof TimeoutError) {
    return new KitError(`la mise en page de ${variant.output} n’a pas fini en ${inSeconds(timeoutMs)}, deux fois de suite`, {
      code: 'impression',
      file: variant.sourceFile,
      hint: 'Cherchez dans ce document une image énorme ou un bloc plus haut qu’une page (un tableau, un paragraphe fait de nombreux retours à la ligne) et découpez-le.',
      cause,
    });
  }
  return new KitError(`l’impression de ${variant.output} a échoué deux fois de suite`, {
    code: 'impression',
    file: variant.sourceFile,
    hint: 'Relancez la fabrication ; si cela se reproduit, relancez-la avec KIT_DEBUG=1 et transmettez le détail technique à l’équipe du kit.',
    cause,
  });
}

/** Why a document is tried again, for the log. */
function retryReason(error: unknown, timeoutMs: number): string {
  if (error instanceof BrowserCrash) return 'le navigateur s’est arrêté (relancé)';
  if (error instanceof TimeoutError) return `la mise en page n’a pas fini en ${inSeconds(timeoutMs)}`;
  return 'l’impression a échoué';
}

export interface PrintedPdf {
  variant: PrintVariant;
  pageCount: number;
  bytes: number;
  /** Form fields laid out in the pages (`data-champ`), in document order. */
  fields: FieldBox[];
}

/**
 * Prints every print variant to PDF in pages of one shared browser, at most `concurrency` at a time,
 * then sets the metadata (and adds a fillable form's fields). A document whose print fails for another
 * reason than its content (the browser died and was relaunched, the time ran out) is tried once more.
 * Returns what was written, in the matrix's order.
 */
export async function printAll(options: {
  kit: Kit;
  variants: PrintVariant[];
  session: BrowserSession;
  origin: string;
  outDir: string;
  concurrency: number;
  onOutput: (variant: PrintVariant, ms: number, pageCount: number) => void;
  /** Told, in a French sentence for the log, when a document is tried again and why. */
  onRetry?: (message: string) => void;
  /** Per document and per try. */
  timeoutMs?: number;
}): Promise<PrintedPdf[]> {
  const { kit, variants, session, origin, outDir, concurrency, onOutput, onRetry, timeoutMs = PRINT_TIMEOUT_MS } = options;
  const polyfill = pagedPolyfillPath();
  const limit = pLimit(concurrency);
  // After the first failure, start nothing more: the build is going to stop anyway.
  const stopOnFailure = <T>(promise: Promise<T>) => promise.catch((error: unknown) => { limit.clearQueue(); throw error; });
  return Promise.all(
    variants.map((variant) =>
      stopOnFailure(limit(async () => {
        const started = performance.now();
        const print = () => session.withPage((page) => printWithPagedJs(page, new URL(variant.printPath, origin).href, polyfill, timeoutMs));
        const printed = await print()
          .catch((error: unknown) => {
            if (isKitError(error)) throw error;
            onRetry?.(`${variant.output} : ${retryReason(error, timeoutMs)}, nouvel essai.`);
            return print();
          })
          .catch((error: unknown) => {
            throw printFailure(error, variant, timeoutMs);
          });
        const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
        const { bytes: described, pageCount } = await withMetadata(printed.pdf, {
          title: frenchTypography(variant.title),
          author: signatory.nom,
          subject: frenchTypography(kit.site.titre),
          keywords: ['habitat participatif', 'QPV', 'politique de la ville'],
          language: 'fr-FR',
          date: buildSourceDate(kit.root).date,
        });
        // Fields last: they go on the pages as printed, and the metadata set above stays.
        const bytes = variant.fillable ? await withFormFields(described, printed.fields) : described;
        const target = join(outDir, variant.output);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, bytes);
        await writeThumbnail(printed.firstPage, join(outDir, variant.thumbnail));
        onOutput(variant, performance.now() - started, pageCount);
        return { variant, pageCount, bytes: bytes.length, fields: printed.fields };
      })),
    ),
  );
}
