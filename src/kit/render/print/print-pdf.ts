import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TimeoutError, type HTTPRequest, type Page } from 'puppeteer-core';
import { KitError } from '../../errors.ts';
import { PAGED_PREVIEW_SCRIPT } from './paged-preview.ts';
import { THUMBNAIL_QUALITY, THUMBNAIL_WIDTH } from '../images/thumbnails.ts';
import { findLostText, NOT_LAID_OUT, PAGE_CONTENT, textNodesIn, type LostText } from './lost-text.ts';
import { headingTexts } from './pdf-metadata.ts';

/** `pagedjs` exports no subpaths: resolve its main entry and walk to the polyfill next to it. */
export function pagedPolyfillPath(): string {
  const main = createRequire(import.meta.url).resolve('pagedjs');
  return join(dirname(main), '..', 'dist', 'paged.polyfill.js');
}

/**
 * The print server's page that holds Paged.js, loaded but not started. A browser page opens it once, then
 * brings each document into it in turn (see `printWithPagedJs`): Paged.js is read and compiled once per
 * page rather than once per document, and runs warm.
 */
export const PRINTER_PAGE = '/_kit/imprimeur.html';

/** What the print server adds to the built site: Paged.js, at the address `astro dev` serves it too, and the printer page. */
export function printServerFiles(): Record<string, string> {
  return { [PAGED_PREVIEW_SCRIPT]: pagedPolyfillPath(), [PRINTER_PAGE]: fileURLToPath(new URL('./printer-page.html', import.meta.url)) };
}

/** What the editor reads when Paged.js dropped text; print-queue.ts prefixes the PDF's name. */
function lostTextError(lost: LostText): KitError {
  const what =
    lost.kind === 'missing'
      ? `la mise en page s’est arrêtée avant « ${lost.from} »`
      : `la mise en page a répété du texte au lieu d’aller jusqu’au bout (fin attendue : « ${lost.end} »)`;
  return new KitError(what, {
    code: 'impression-incomplete',
    hint: 'Un bloc est sans doute plus haut qu’une page, par exemple un paragraphe fait de nombreux retours à la ligne : découpez-le en plusieurs paragraphes (une ligne vide entre eux), ou coupez le tableau ou l’image trop grands.',
  });
}

/** A form field of a print page (an element with `data-champ="<name>"`), where Paged.js laid it out. */
export interface FieldBox {
  name: string;
  /** Page index, from 0. */
  page: number;
  /** Position and size in CSS pixels from the page's top left corner (96 px to the inch). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the element asks for several lines (`data-lignes` above 1). */
  multiline: boolean;
  /** `texte` (typed in) or `case` (a box to tick), from `data-type`; text when absent. */
  type: 'texte' | 'case';
  /** What the field asks, for screen readers (`data-libelle`); empty when absent. */
  label: string;
}


export interface PagedPrint {
  pdf: Uint8Array;
  pages: number;
  /** The first page as a WebP `THUMBNAIL_WIDTH` px wide (the download page's thumbnail), when asked for. */
  firstPage?: Uint8Array;
  /** Form fields laid out in the pages, in document order. */
  fields: FieldBox[];
  /** Every address the page requested (its own included), for the cache to check it knew them all. */
  requested: string[];
  /** Its headings' text, to mend the bookmarks (see `withMetadata`). */
  headings: string[];
}

/** The form fields' boxes, page by page, in document order (runs in the page). */
function fieldBoxes(): FieldBox[] {
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  return [...document.querySelectorAll<HTMLElement>('.pagedjs_page [data-champ]')].map((element) => {
    const page = element.closest('.pagedjs_page')!;
    const origin = page.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return {
      name: element.dataset.champ!,
      page: pages.indexOf(page),
      x: box.left - origin.left,
      y: box.top - origin.top,
      width: box.width,
      height: box.height,
      multiline: Number(element.dataset.lignes ?? 1) > 1,
      type: element.dataset.type === 'case' ? 'case' : 'texte',
      label: element.dataset.libelle ?? '',
    };
  });
}

/** The in-page state of a printer page (see printer-page.html). */
interface PrinterWindow {
  Paged?: { Previewer: new () => PagedPreviewer };
  __kitPreviewer?: PagedPreviewer;
}
interface PagedPreviewer {
  preview(): Promise<{ total: number }>;
  chunker: { removePages(): void; destroy(): void };
  polisher: { destroy(): void };
}

/** Whether `page` is a printer page of the server at `origin`, Paged.js loaded (a reused page may be anything). */
async function isPrinter(page: Page, origin: string): Promise<boolean> {
  if (new URL(page.url(), 'about:blank').origin !== origin) return false;
  return page.evaluate(() => typeof (window as unknown as PrinterWindow).Paged?.Previewer === 'function').catch(() => false);
}

/** What bringing a print page in gave: its HTTP status, or that it holds a script (which would not run). */
type BroughtIn = { status: number } | { script: string };

/**
 * Brings the print page at `url` into the printer page, as if it had been opened there: its whole
 * `<html>` element in place of the previous document's, at its address (relative links resolve as in the
 * page itself), its images decoded and its frames loaded. The previous document's pagination is taken
 * down first. A print page is a static document: one with a script is refused (a script brought in this
 * way would not run). Runs in the page.
 */
async function bringIn(url: string): Promise<BroughtIn> {
  const printer = window as unknown as PrinterWindow;
  const previous = printer.__kitPreviewer;
  if (previous) {
    previous.chunker.removePages();
    previous.chunker.destroy();
    previous.polisher.destroy();
    printer.__kitPreviewer = undefined;
  }
  const response = await fetch(url);
  if (!response.ok) return { status: response.status };
  const incoming = new DOMParser().parseFromString(await response.text(), 'text/html');
  const script = [...incoming.scripts].find((element) => !element.type || /^(module|(text|application)\/(java|ecma)script)$/i.test(element.type));
  if (script) return { script: script.src || (script.textContent ?? '').trim().slice(0, 60) };
  history.replaceState(null, '', url);
  document.replaceChild(document.adoptNode(incoming.documentElement), document.documentElement);
  const frames = [...document.querySelectorAll('iframe')].map((frame) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true })));
  await Promise.all([...document.images].map((image) => image.decode().catch(() => {})));
  await Promise.all(frames);
  await document.fonts.ready;
  return { status: response.status };
}

/** Paginates the document in the printer page with a new Paged.js previewer; returns its page count. Runs in the page. */
async function paginate(): Promise<number> {
  const printer = window as unknown as PrinterWindow;
  const previewer = new printer.Paged!.Previewer();
  printer.__kitPreviewer = previewer;
  return (await previewer.preview()).total;
}

/** `work`, or puppeteer's `TimeoutError` after `ms` (the print queue tries a document that timed out again). */
function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: more than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Prints the print page at `url` with Paged.js, in `page` made a printer page (opened once, reused for
 * the next documents): brings the document in, lets Paged.js paginate it, checks that the pages hold
 * all of its text, and prints it to PDF at the page size its CSS asks for. Returns the PDF bytes, the
 * number of pages Paged.js laid out, a picture of the first page, the form fields' boxes and what the
 * page requested.
 */
export async function printWithPagedJs(page: Page, url: string, options: { timeoutMs?: number; picture?: boolean } = {}): Promise<PagedPrint> {
  const { timeoutMs = 60_000, picture = true } = options;
  const requested: string[] = [];
  const onRequest = (request: HTTPRequest) => void requested.push(request.url());
  page.on('request', onRequest);
  try {
    return await paginateAndPrint(page, url, { timeoutMs, picture }, requested);
  } finally {
    page.off('request', onRequest);
  }
}

/** The work of `printWithPagedJs`; `requested` fills as the document loads. */
async function paginateAndPrint(page: Page, url: string, { timeoutMs, picture }: { timeoutMs: number; picture: boolean }, requested: string[]): Promise<PagedPrint> {
  const { origin, pathname } = new URL(url);
  if (!(await isPrinter(page, origin))) {
    const response = await page.goto(new URL(PRINTER_PAGE, url).href, { waitUntil: 'load', timeout: timeoutMs });
    if (!response?.ok() || !(await isPrinter(page, origin))) {
      throw new KitError(`la page d’impression du kit (${PRINTER_PAGE}) ne s’ouvre pas avec Paged.js`, { hint: 'Relancez la fabrication ; si cela se reproduit, relancez-la avec KIT_DEBUG=1 et transmettez le détail technique à l’équipe du kit.' });
    }
  }
  const broughtIn = await withinTime(page.evaluate(bringIn, url), timeoutMs, `loading ${pathname}`);
  if ('script' in broughtIn) {
    throw new KitError(`la page d’impression ${pathname} contient un script (${broughtIn.script}) : les documents sont imprimés sans script`, {
      hint: 'Retirez le script du gabarit d’impression (layouts/) ou du composant qui l’ajoute : ce qu’il ferait doit être écrit dans la page à la fabrication.',
    });
  }
  if (broughtIn.status !== 200) {
    throw new KitError(`la page d’impression ${pathname} répond ${broughtIn.status}`, { hint: 'Vérifiez que la page existe (src/pages/[...print].astro fabrique les pages d’impression).' });
  }
  const sourceText = await page.evaluate(textNodesIn, null, NOT_LAID_OUT);
  // A script error stops Paged.js for good: report it at once rather than waiting for the timeout.
  let onError: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (error) => reject(scriptError(pathname, error));
  });
  failed.catch(() => {}); // an error after the page is done must not crash the build
  page.on('pageerror', onError);
  let pages: number;
  try {
    pages = await Promise.race([withinTime(page.evaluate(paginate), timeoutMs, `paginating ${pathname}`), failed]).catch((error: unknown) => {
      // An exception thrown inside Paged.js rejects the evaluation itself.
      throw error instanceof TimeoutError || error instanceof KitError ? error : scriptError(pathname, error);
    });
  } finally {
    page.off('pageerror', onError);
  }
  const lost = findLostText(sourceText, await page.evaluate(textNodesIn, PAGE_CONTENT, NOT_LAID_OUT));
  if (lost) throw lostTextError(lost);
  const fields = await page.evaluate(fieldBoxes);
  const headings = await page.evaluate(headingTexts);
  const firstPage = picture ? await pictureOfFirstPage(page) : undefined;
  // Tagged (structure for screen readers) and with an outline (bookmarks from the headings).
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: timeoutMs });
  return { pdf, pages, firstPage, fields, requested, headings };
}

/**
 * The first paginated page as a WebP `THUMBNAIL_WIDTH` px wide, straight to the thumbnail's width and
 * format: no second pass through an image library. (Chromium applies a clip's scale only when capturing
 * beyond the window, puppeteer's default.) A picture waits for a frame of the page: it costs about as
 * much as the PDF itself.
 */
async function pictureOfFirstPage(page: Page): Promise<Uint8Array> {
  const first = await page.$('.pagedjs_page');
  const clip = await first!.boundingBox();
  return page.screenshot({ type: 'webp', quality: THUMBNAIL_QUALITY, clip: { ...clip!, scale: THUMBNAIL_WIDTH / clip!.width }, captureBeyondViewport: true });
}

/** A script error that stopped Paged.js, in French; the browser's message stays in `cause`. */
function scriptError(pathname: string, error: unknown): KitError {
  return new KitError(`Paged.js n’a pas pu mettre en page ${pathname} : une erreur de script l’a arrêté`, {
    hint: 'Vérifiez la CSS d’impression (layouts/) : Paged.js ne lit pas toutes les syntaxes récentes (:is(), :where(), imbrication…) ; KIT_DEBUG=1 affiche l’erreur.',
    cause: error,
  });
}
