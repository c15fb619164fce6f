import { glob } from 'node:fs/promises';
import { inAmoSpace, isPrintPage } from '../amo-space.ts';
import { absoluteUrl, siteAddress, underBase } from '../../site-address.ts';

/** The sitemap index @astrojs/sitemap writes at the site's root; pages announce it, robots.txt points to it. */
export const SITEMAP_INDEX = '/sitemap-index.xml';

/** Pages for visitors: every built page but the print pages (they only make the PDFs) and the AMOs' space (published apart). */
export async function visitorPages(outDir: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const file of glob('**/index.html', { cwd: outDir })) {
    const path = `/${file.split('\\').join('/').replace(/index\.html$/, '')}`;
    if (!isPrintPage(path) && !inAmoSpace(path)) pages.push(path);
  }
  return pages.sort();
}

/**
 * @astrojs/sitemap's filter: a page address (`https://…/fiches/sciapp/`) goes in the public sitemap unless it
 * is a print page or in the AMOs' space — never listed, even before the space is moved to its own output.
 */
export function inPublicSitemap(page: string): boolean {
  // Under a base path (`/kit-qpv/impression/…`) too: the filter is set before the site's address is read,
  // and no visitor's page has a folder of these names.
  const path = new URL(page).pathname.replace(/^\/[^/]+(?=\/(impression|espace-amo)(\/|$))/, '');
  return !isPrintPage(path) && !inAmoSpace(path);
}

/** `robots.txt`: robots kept off the print pages and the AMOs' space, and sent to the sitemap index; under the site's base path. */
export function robotsTxt(siteUrl: string): string {
  const { base } = siteAddress(siteUrl);
  return `User-agent: *\nDisallow: ${underBase('/impression/', base)}\nDisallow: ${underBase('/espace-amo/', base)}\n\nSitemap: ${absoluteUrl(SITEMAP_INDEX, siteUrl)}\n`;
}
