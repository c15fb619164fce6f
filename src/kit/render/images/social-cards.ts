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

/** The site's mark, the favicon itself (public/favicon.svg), for the cards: read once. */
let brandMark: Promise<string> | undefined;
const brandMarkSvg = () => (brandMark ??= readFile(new URL('../../../../public/favicon.svg', import.meta.url), 'utf8'));

/**
 * A 1200×630 share image with the site's identity: its mark and name, the section the page belongs to,
 * the page's title in the kit's green, the site's address on the brand band.
 */
export async function socialCardPng(card: { title: string; section?: string; siteTitle: string; siteHost: string }): Promise<Buffer> {
  const [regular, bold, markSvg] = await Promise.all([fontFile(400, 'woff'), fontFile(700, 'woff'), brandMarkSvg()]);
  const mark = `data:image/svg+xml;utf8,${encodeURIComponent(markSvg)}`;
  const svg = await satori(
    div({ width: '100%', height: '100%', boxSizing: 'border-box', flexDirection: 'column', background: '#ffffff', color: '#1d2430', fontFamily: 'Source Sans' }, [
      div({ flexGrow: 1, flexDirection: 'column', justifyContent: 'space-between', padding: '60px 72px 48px' }, [
        div({ alignItems: 'center', gap: 22 }, [
          { type: 'img', props: { src: mark, width: 76, height: 76 } },
          div({ fontSize: 32, fontWeight: 700, maxWidth: 900, lineHeight: 1.15 }, card.siteTitle),
        ]),
        div({ flexDirection: 'column', gap: 18 }, [
          ...(card.section ? [div({ fontSize: 30, fontWeight: 700, color: '#a6360c' }, card.section)] : []),
          div({ fontSize: card.title.length > 60 ? 62 : 74, fontWeight: 700, lineHeight: 1.08, color: '#0f5c4d', maxWidth: 1040 }, card.title),
        ]),
      ]),
      div({ height: 86, alignItems: 'center', justifyContent: 'space-between', padding: '0 72px', background: '#0f5c4d', color: '#ffffff', fontSize: 28 }, [
        div({}, card.siteHost),
        div({ width: 120, height: 12, borderRadius: 6, background: '#f2b880' }, []),
      ]),
    ]) as never,
    { width: 1200, height: 630, fonts: [{ name: 'Source Sans', data: regular, weight: 400 }, { name: 'Source Sans', data: bold, weight: 700 }] },
  );
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '’');

/**
 * What a page's card says: its <h1> (the site's title when it has none), and the section it belongs to —
 * the menu entry marked `aria-current="true"` — when it is a sub-page.
 */
export function cardOfPage(html: string, site: { titre: string; url: string }): { title: string; section?: string; siteTitle: string; siteHost: string } {
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1].replace(/<[^>]+>/g, '').trim();
  const section = /<nav class="site-nav site-nav--wide"[\s\S]*?<a href="[^"]*" aria-current="true">([^<]+)<\/a>/.exec(html)?.[1];
  return { title: decode(heading || site.titre), ...(section ? { section: decode(section) } : {}), siteTitle: site.titre, siteHost: new URL(site.url).host };
}

/**
 * One share image per visitor page, titled as the page itself (its <h1>, typeset like the page), so a
 * link posted anywhere shows what it leads to; taken from the cache when its words and the pipeline
 * (the typeface is pinned by the lockfile) are unchanged.
 */
export async function writeSocialCards(outDir: string, site: { titre: string; url: string }, cache: OutputCache): Promise<number> {
  const pages = await visitorPages(outDir);
  // The mark lives outside the code the pipeline version covers: a new one renders every card again.
  const [pipeline, mark] = await Promise.all([pipelineVersion(), brandMarkSvg()]);
  for (const path of pages) {
    const html = await readFile(join(outDir, path, 'index.html'), 'utf8');
    const card = cardOfPage(html, site);
    const target = join(outDir, socialCardPath(path));
    const key = digest('image-de-partage', pipeline, mark, card);
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
