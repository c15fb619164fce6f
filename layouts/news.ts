import type { RSSOptions } from '@astrojs/rss';
import type { Kit, NewsPost } from '../src/kit/load/load-kit.ts';
import type { Audience } from '../src/schemas/audience.ts';
import { AMO_SPACE_PATH } from '../src/kit/amo-space.ts';
import { frenchTypography } from '../src/typography/french.mjs';
import { absoluteUrl } from '../src/site-address.ts';

/** The public news feed, announced in the head of every public page. */
export const NEWS_FEED_PATH = '/actualites/rss.xml';

/** The news list of a space: `/actualites/`, or `/espace-amo/actualites/` for the AMOs. */
export function newsIndexHref(audience: Audience): string {
  return audience === 'amo' ? `${AMO_SPACE_PATH}actualites/` : '/actualites/';
}

/** A post's page: `/actualites/journee-de-lancement/`. */
export function newsHref(post: NewsPost): string {
  return `${newsIndexHref(post.data.audience)}${post.slug}/`;
}

/** The posts of a space, newest first (the kit keeps them in that order). */
export function newsOf(kit: Kit, audience: Audience): NewsPost[] {
  return kit.news.filter((post) => post.data.audience === audience);
}

/**
 * A day as French readers write it: « 17 novembre 2021 », « 1er mars 2022 ». Noon UTC is the same day in
 * every time zone, so a reader's clock never moves a post to the day before.
 */
export function frenchDate(day: string): string {
  const words = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
  return words.replace(/^1 /, '1er ');
}

/** `procivis-smc.fr`: where a partner's link leads, shown beside its name. */
export function sourceHost(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}

/**
 * The public feed (`/actualites/rss.xml`, read by @astrojs/rss): the `public` posts only, newest first, with
 * absolute links (under the site's base path), in French; a partner's news says whose it is. Titles and descriptions get the site's French
 * typography, as on the pages.
 */
export function newsFeed(kit: Kit): RSSOptions {
  const feedUrl = absoluteUrl(NEWS_FEED_PATH, kit.site.url);
  return {
    title: `Actualités — ${kit.site.titre}`,
    description: frenchTypography('Les nouvelles de la démarche et, résumées avec leur source, celles de ses partenaires.'),
    site: absoluteUrl('/', kit.site.url),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>fr-FR</language><atom:link href="${feedUrl}" rel="self" type="application/rss+xml"/>`,
    items: newsOf(kit, 'public').map((post) => ({
      title: frenchTypography(post.data.titre),
      link: absoluteUrl(newsHref(post), kit.site.url),
      pubDate: new Date(`${post.data.date}T12:00:00Z`),
      description: frenchTypography(post.data.source ? `Résumé d’une actualité de ${post.data.source.nom}. ${post.data.description}` : post.data.description),
    })),
  };
}
