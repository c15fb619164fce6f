import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { kit } from 'virtual:kit';
import { newsFeed } from '../../../layouts/news.ts';

/** The public news feed, `/actualites/rss.xml`: the `public` posts, newest first (layouts/news.ts). */
export function GET({ site }: APIContext): Promise<Response> {
  return rss(newsFeed(kit, site!));
}
