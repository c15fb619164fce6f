import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { KitError } from '../../errors.ts';
import { PAGED_PREVIEW_SCRIPT } from './paged-preview.ts';
import { THUMBNAIL_QUALITY, THUMBNAIL_WIDTH } from '../images/thumbnails.ts';
import { findLostText, NOT_LAID_OUT, PAGE_CONTENT, textNodesIn, type LostText } from './lost-text.ts';

/** `pagedjs` exports no subpaths: resolve its main entry and walk to the polyfill next to it. */
export function pagedPolyfillPath(): string {
  const main = createRequire(import.meta.url).resolve('pagedjs');
  return join(dirname(main), '..', 'dist', 'paged.polyfill.js');
}

/**
 * What the print server adds to the built site: Paged.js, at the address `astro dev` serves it too. Loaded
 * by address rather than injected as text, the browser compiles it once for the whole build (about a
 * quarter of a second saved per PDF).
 */
export function printServerFiles(): Record<string, string> {
  return { [PAGED_PREVIEW_SCRIPT]: pagedPolyfillPath() };
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
  /** The first page as a WebP `THUMBNAIL_WIDTH` px wide: the download page's thumbnail. */
  firstPage: Uint8Array;
  /** Form fields laid out in the pages, in document order. */
  fields: FieldBox[];
  /** Every address the page requested (its own included), for the cache to check it knew them all. */
  requested: string[];
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

/**
 * Opens a print page, lets Paged.js paginate it, checks that the pages hold all of the document's text,
 * and prints it to PDF at the page size its CSS asks for. Returns the PDF bytes, the number of pages
 * Paged.js laid out, a picture of the first page, the form fields' boxes and what the page requested.
 */
export async function printWithPagedJs(page: Page, url: string, timeoutMs = 60_000): Promise<PagedPrint> {
  // The page may be reused for the next document: what is registered here is removed before returning.
  const { identifier } = await page.evaluateOnNewDocument(() => {
    (window as unknown as { PagedConfig: unknown }).PagedConfig = {
      auto: true,
      after: () => {
        (window as unknown as { __kitPaged: boolean }).__kitPaged = true;
      },
    };
  });
  const requested: string[] = [];
  const onRequest = (request: HTTPRequest) => void requested.push(request.url());
  page.on('request', onRequest);
  try {
    return await paginateAndPrint(page, url, timeoutMs, requested);
  } finally {
    page.off('request', onRequest);
    await page.removeScriptToEvaluateOnNewDocument(identifier).catch(() => {});
  }
}

/** The work of `printWithPagedJs` once the page is set up; `requested` fills as the page loads. */
async function paginateAndPrint(page: Page, url: string, timeoutMs: number, requested: string[]): Promise<PagedPrint> {
  const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  if (!response?.ok()) {
    throw new KitError(`la page d’impression ${new URL(url).pathname} répond ${response?.status() ?? 'rien'}`, { hint: 'Vérifiez que la page existe (src/pages/[...print].astro fabrique les pages d’impression).' });
  }
  await page.evaluate(() => document.fonts.ready);
  const sourceText = await page.evaluate(textNodesIn, null, NOT_LAID_OUT);
  // A script error stops Paged.js for good: report it at once rather than waiting for the timeout.
  let onError: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (error) =>
      reject(
        new KitError(`Paged.js n’a pas pu mettre en page ${new URL(url).pathname} : une erreur de script l’a arrêté`, {
          hint: 'Vérifiez la CSS d’impression (layouts/) : Paged.js ne lit pas toutes les syntaxes récentes (:is(), :where(), imbrication…) ; KIT_DEBUG=1 affiche l’erreur.',
          cause: error,
        }),
      );
  });
  failed.catch(() => {}); // an error after the page is done must not crash the build
  page.on('pageerror', onError);
  try {
    await page.addScriptTag({ url: new URL(PAGED_PREVIEW_SCRIPT, url).href });
    await Promise.race([page.waitForFunction(() => (window as unknown as { __kitPaged?: boolean }).__kitPaged === true, { timeout: timeoutMs }), failed]);
  } finally {
    page.off('pageerror', onError);
  }
  const lost = findLostText(sourceText, await page.evaluate(textNodesIn, PAGE_CONTENT, NOT_LAID_OUT));
  if (lost) throw lostTextError(lost);
  const pages = await page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
  const fields = await page.evaluate(fieldBoxes);
  const first = await page.$('.pagedjs_page');
  const clip = await first!.boundingBox();
  // Straight to the thumbnail's width and format: no second pass through an image library. (Chromium
  // applies a clip's scale only when capturing beyond the window, puppeteer's default.)
  const firstPage = await page.screenshot({ type: 'webp', quality: THUMBNAIL_QUALITY, clip: { ...clip!, scale: THUMBNAIL_WIDTH / clip!.width }, captureBeyondViewport: true });
  // Tagged (structure for screen readers) and with an outline (bookmarks from the headings).
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: timeoutMs });
  return { pdf, pages, firstPage, fields, requested };
}
