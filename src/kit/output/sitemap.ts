import { glob, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inAmoSpace, isPrintPage } from '../amo-space.ts';

/** Pages for visitors: every built page but the print pages (they only make the PDFs) and the AMOs' space (published apart). */
export async function visitorPages(outDir: string): Promise<string[]> {
  const pages: string[] = [];
  for await (const file of glob('**/index.html', { cwd: outDir })) {
    const path = `/${file.split('\\').join('/').replace(/index\.html$/, '')}`;
    if (!isPrintPage(path) && !inAmoSpace(path)) pages.push(path);
  }
  return pages.sort();
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** `sitemap.xml` for search engines and `robots.txt` pointing to it, keeping robots off the print pages. */
export async function writeSitemap(outDir: string, siteUrl: string): Promise<number> {
  const pages = await visitorPages(outDir);
  const urls = pages.map((path) => `  <url><loc>${escapeXml(new URL(path, siteUrl).href)}</loc></url>`).join('\n');
  await writeFile(join(outDir, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
  await writeFile(join(outDir, 'robots.txt'), `User-agent: *\nDisallow: /impression/\nDisallow: /espace-amo/\n\nSitemap: ${new URL('/sitemap.xml', siteUrl).href}\n`);
  return pages.length;
}
