import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { fontFile } from '../fonts.ts';
import { visitorPages } from '../../output/sitemap.ts';
import { socialCardPath } from './social-card-path.ts';
import { digest, restoreFile, type OutputCache } from '../../cache/output-cache.ts';
import { pipelineVersion } from '../../cache/pipeline-version.ts';
import { writeOutputFile } from '../../output/output-file.ts';

const CARD = 'image.png';

type Node = { type: string; props: Record<string, unknown> };
const div = (style: Record<string, unknown>, children: unknown): Node => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

/** A 1200×630 share image: the page title on the kit's green, the site's name and address below. */
export async function socialCardPng(card: { title: string; siteTitle: string; siteHost: string }): Promise<Buffer> {
  const [regular, bold] = await Promise.all([fontFile(400, 'woff'), fontFile(700, 'woff')]);
  const svg = await satori(
    div({ width: '100%', height: '100%', boxSizing: 'border-box', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#0f5c4d', color: '#ffffff', fontFamily: 'Source Sans' }, [
      div({ fontSize: 30, color: '#d1e7e1' }, card.siteTitle),
      div({ fontSize: card.title.length > 60 ? 64 : 76, fontWeight: 700, lineHeight: 1.1 }, card.title),
      div({ fontSize: 28, color: '#d1e7e1' }, card.siteHost),
    ]) as never,
    { width: 1200, height: 630, fonts: [{ name: 'Source Sans', data: regular, weight: 400 }, { name: 'Source Sans', data: bold, weight: 700 }] },
  );
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '’');

/**
 * One share image per visitor page, titled as the page itself (its <h1>, typeset like the page), so a
 * link posted anywhere shows what it leads to; taken from the cache when its words and the pipeline
 * (the typeface is pinned by the lockfile) are unchanged.
 */
export async function writeSocialCards(outDir: string, site: { titre: string; url: string }, cache: OutputCache): Promise<number> {
  const pages = await visitorPages(outDir);
  const pipeline = await pipelineVersion();
  for (const path of pages) {
    const html = await readFile(join(outDir, path, 'index.html'), 'utf8');
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, '').trim();
    const card = { title: decode(heading || site.titre), siteTitle: site.titre, siteHost: new URL(site.url).host };
    const target = join(outDir, socialCardPath(path));
    const key = digest('image-de-partage', pipeline, card);
    const cached = await cache.get('image-de-partage', key);
    if (cached) {
      await restoreFile(cached.files[CARD], target);
      cache.count('image-de-partage', 'cached');
      continue;
    }
    const png = await socialCardPng(card);
    await writeOutputFile(target, png);
    await cache.put('image-de-partage', key, { [CARD]: png }, {});
    cache.count('image-de-partage', 'rendered', [socialCardPath(path).slice(1)]);
  }
  return pages.length;
}
