import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { TimeoutError } from 'puppeteer-core';
import { BrowserCrash, type BrowserSession } from '../../browser/browser-session.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { PrintVariant } from '../../matrix/matrix.ts';
import { isKitError, KitError } from '../../errors.ts';
import { frenchTypography } from '../../../typography/french.mjs';
import { buildSourceDate, buildVersion } from '../../output/source-date.ts';
import { withMetadata, type PdfMetadata } from './pdf-metadata.ts';
import { withFormFields } from './fillable-form.ts';
import { pagedPolyfillPath, printServerFiles, printWithPagedJs, type FieldBox } from './print-pdf.ts';
import { digest, restoreFile, type OutputCache } from '../../cache/output-cache.ts';
import type { SiteFiles } from '../../cache/page-inputs.ts';
import { pipelineVersion } from '../../cache/pipeline-version.ts';
import { writeOutputFile } from '../../output/output-file.ts';

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
  /** Taken back from the cache rather than rendered in the browser. */
  cached: boolean;
}

/** What is stored with a print: the facts the build needs without opening the PDF. */
interface PrintFacts {
  pageCount: number;
  fields: FieldBox[];
  /** Its headings' text, to mend the bookmarks. */
  headings: string[];
}

/** The files of a print in the cache: the PDF and the picture of its first page. */
const PDF = 'document.pdf';
const THUMBNAIL = 'apercu.webp';

/** A print's files for the cache: the PDF, and its first page's picture if it has one. */
const filesOf = ({ pdf, thumbnail }: { pdf: Uint8Array; thumbnail?: Uint8Array }) => ({ [PDF]: pdf, ...(thumbnail ? { [THUMBNAIL]: thumbnail } : {}) });

/**
 * The cache keys of one document. The render (Chromium's PDF and first-page picture) depends on the
 * print page and every file it loads, Paged.js, the browser and the pipeline's code; the published PDF
 * adds its metadata (title, author, date) and form fields, set after the render.
 */
async function printKeys(variant: PrintVariant, inputs: { kit: Kit; site: SiteFiles; renderer: string }) {
  const { kit, site, renderer } = inputs;
  const page = await site.page(variant.printPath);
  // With or without its first page's picture: a render kept without one cannot serve a document that needs it.
  const render = digest('impression', renderer, page.digest, variant.thumbnail ? 'avec aperçu' : 'sans aperçu');
  const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
  const metadata: PdfMetadata = {
    title: frenchTypography(variant.title),
    author: signatory.nom,
    subject: frenchTypography(kit.site.titre),
    keywords: ['habitat participatif', 'QPV', 'politique de la ville'],
    language: 'fr-FR',
    date: buildSourceDate(kit.root).date,
    version: buildVersion(buildSourceDate(kit.root)),
  };
  return { render, published: digest('pdf', render, metadata, variant.fillable), loads: page.loads, metadata };
}

/**
 * Prints every print variant to PDF, or takes it back from the cache when nothing it depends on has
 * changed. Prints happen in pages of one shared browser (launched by the session only if something must
 * be printed), at most `concurrency` at a time, then get their metadata (and a fillable form's fields)
 * in Node while the browser prints the next ones.
 * A document whose print fails for another reason than its content (the browser died and was
 * relaunched, the time ran out) is tried once more. Returns what was written, in the matrix's order.
 */
export async function printAll(options: {
  kit: Kit;
  variants: PrintVariant[];
  session: BrowserSession;
  origin: string;
  /** The built site the session's server serves (the print pages and what they load). */
  site: SiteFiles;
  outDir: string;
  cache: OutputCache;
  /** Identifies the browser (see `browserVersion`). */
  browserVersion: string;
  concurrency: number;
  /** Told how many documents must be rendered, before the first one is. */
  onStart?: (toRender: number) => void;
  /** Told of every document rendered (not of those taken from the cache). */
  onOutput: (variant: PrintVariant, ms: number, pageCount: number) => void;
  /** Told, in a French sentence for the log, when a document is tried again and why. */
  onRetry?: (message: string) => void;
  /** Per document and per try. */
  timeoutMs?: number;
}): Promise<PrintedPdf[]> {
  const { kit, variants, session, origin, site, outDir, cache, concurrency, onStart, onOutput, onRetry, timeoutMs = PRINT_TIMEOUT_MS } = options;
  const polyfill = pagedPolyfillPath();
  const renderer = digest(await pipelineVersion(), options.browserVersion, await readFile(polyfill));
  const planned = await Promise.all(
    variants.map(async (variant) => {
      const keys = await printKeys(variant, { kit, site, renderer });
      const published = await cache.get<PrintFacts>('pdf', keys.published);
      const render = published ? undefined : await cache.get<PrintFacts>('impression', keys.render);
      return { variant, keys, published, render };
    }),
  );
  onStart?.(planned.filter((plan) => !plan.published && !plan.render).length);

  /** Chromium's print of a document, tried twice, or a French error. */
  const renderInBrowser = async (variant: PrintVariant) => {
    const print = () => session.withPage((page) => printWithPagedJs(page, new URL(variant.printPath, origin).href, { timeoutMs, picture: Boolean(variant.thumbnail) }), { reuse: true });
    return print()
      .catch((error: unknown) => {
        if (isKitError(error)) throw error;
        onRetry?.(`${variant.output} : ${retryReason(error, timeoutMs)}, nouvel essai.`);
        return print();
      })
      .catch((error: unknown) => {
        throw printFailure(error, variant, timeoutMs);
      });
  };

  // A window is held only while the browser works: the metadata, the form fields and the writing happen
  // in Node while the window already lays out the next document. At most twice as many documents are in
  // hand as there are windows, so the PDFs waiting for Node stay few.
  const windows = pLimit(concurrency);
  const limit = pLimit(2 * concurrency);
  // After the first failure, start nothing more: the build is going to stop anyway.
  const stopOnFailure = <T>(promise: Promise<T>) => promise.catch((error: unknown) => { limit.clearQueue(); windows.clearQueue(); throw error; });
  return Promise.all(
    planned.map(({ variant, keys, published, render }) => {
      const target = join(outDir, variant.output);
      const thumbnail = variant.thumbnail && join(outDir, variant.thumbnail);
      /** The published entry's files are what the outputs hold (for the zips' keys). */
      const record = () => {
        cache.holds(variant.output, 'pdf', keys.published, PDF);
        if (variant.thumbnail) cache.holds(variant.thumbnail, 'pdf', keys.published, THUMBNAIL);
      };
      if (published) {
        record();
        return (async (): Promise<PrintedPdf> => {
          await restoreFile(published.files[PDF], target);
          if (thumbnail) await restoreFile(published.files[THUMBNAIL], thumbnail);
          cache.count('pdf', 'cached');
          return { variant, pageCount: published.meta.pageCount, bytes: (await stat(target)).size, fields: published.meta.fields, cached: true };
        })();
      }
      return stopOnFailure(limit(async (): Promise<PrintedPdf> => {
        const started = performance.now();
        let raw: { pdf: Uint8Array; thumbnail?: Uint8Array; fields: FieldBox[]; headings: string[] };
        let cacheable = true;
        if (render) {
          raw = { pdf: await readFile(render.files[PDF]), thumbnail: thumbnail ? await readFile(render.files[THUMBNAIL]) : undefined, fields: render.meta.fields, headings: render.meta.headings };
        } else {
          const printed = await windows(() => renderInBrowser(variant));
          raw = { pdf: printed.pdf, thumbnail: printed.firstPage, fields: printed.fields, headings: printed.headings };
          // Kept only if the page loaded nothing the fingerprint missed: a cached print is never stale.
          const known = new Set([variant.printPath, ...keys.loads, ...Object.keys(printServerFiles())]);
          const unknown = printed.requested.filter((url) => url.startsWith(origin) && !known.has(site.pathWithoutBase(decodeURIComponent(new URL(url).pathname))));
          cacheable = unknown.length === 0;
          if (cacheable) await cache.put<PrintFacts>('impression', keys.render, filesOf(raw), { pageCount: printed.pages, fields: raw.fields, headings: raw.headings });
          else if (process.env.KIT_DEBUG) console.warn(`${variant.output} : non mis en cache, la page a chargé ${unknown.join(', ')} sans que son empreinte le lise`);
        }
        const { bytes: described, pageCount } = await withMetadata(raw.pdf, { ...keys.metadata, headings: raw.headings });
        // Fields last: they go on the pages as printed, and the metadata set above stays.
        const bytes = variant.fillable ? await withFormFields(described, raw.fields) : described;
        await writeOutputFile(target, bytes);
        if (thumbnail) await writeOutputFile(thumbnail, raw.thumbnail!);
        if (cacheable) {
          await cache.put<PrintFacts>('pdf', keys.published, filesOf({ pdf: bytes, thumbnail: raw.thumbnail }), { pageCount, fields: raw.fields, headings: raw.headings });
          record();
        }
        cache.count('pdf', render ? 'cached' : 'rendered', [variant.output, ...(variant.thumbnail ? [variant.thumbnail] : [])]);
        if (!render) onOutput(variant, performance.now() - started, pageCount);
        return { variant, pageCount, bytes: bytes.length, fields: raw.fields, cached: Boolean(render) };
      }));
    }),
  );
}
