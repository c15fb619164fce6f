import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { KitError } from '../../errors.ts';

/** `pagedjs` exports no subpaths: resolve its main entry and walk to the polyfill next to it. */
export function pagedPolyfillPath(): string {
  const main = createRequire(import.meta.url).resolve('pagedjs');
  return join(dirname(main), '..', 'dist', 'paged.polyfill.js');
}

/**
 * Opens a print page, lets Paged.js paginate it, and prints it to PDF at the page size its CSS asks for.
 * Returns the PDF bytes and the number of pages Paged.js laid out.
 */
export async function printWithPagedJs(page: Page, url: string, polyfill: string, timeoutMs = 60_000): Promise<{ pdf: Uint8Array; pages: number }> {
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { PagedConfig: unknown }).PagedConfig = {
      auto: true,
      after: () => {
        (window as unknown as { __kitPaged: boolean }).__kitPaged = true;
      },
    };
  });
  const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  if (!response?.ok()) {
    throw new KitError(`la page d’impression ${new URL(url).pathname} répond ${response?.status() ?? 'rien'}`, { hint: 'Vérifiez que la page existe dans src/pages/impression/.' });
  }
  await page.evaluate(() => document.fonts.ready);
  // A script error stops Paged.js for good: report it at once rather than waiting for the timeout.
  let onError: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    onError = (error) =>
      reject(
        new KitError(`Paged.js n’a pas pu mettre en page ${new URL(url).pathname} : ${error instanceof Error ? error.message : String(error)}`, {
          hint: 'Vérifiez la CSS d’impression (layouts/) : Paged.js ne lit pas toutes les syntaxes récentes (:is(), :where(), imbrication…).',
        }),
      );
  });
  failed.catch(() => {}); // an error after the page is done must not crash the build
  page.on('pageerror', onError);
  try {
    await page.addScriptTag({ path: polyfill });
    await Promise.race([page.waitForFunction(() => (window as unknown as { __kitPaged?: boolean }).__kitPaged === true, { timeout: timeoutMs }), failed]);
  } finally {
    page.off('pageerror', onError);
  }
  const pages = await page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
  // Tagged (structure for screen readers) and with an outline (bookmarks from the headings).
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout: timeoutMs });
  return { pdf, pages };
}
