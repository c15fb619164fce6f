import rss from '@astrojs/rss';
import { kit } from 'virtual:kit';
import { newsFeed } from '../../../layouts/news.ts';

/** The public news feed, `/actualites/rss.xml`: the `public` posts, newest first (layouts/news.ts). */
export function GET(): Promise<Response> {
  return rss(newsFeed(kit));
}
