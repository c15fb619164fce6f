import type { Kit } from '../src/kit/load/load-kit.ts';
import type { Audience } from '../src/schemas/audience.ts';
import { AMO_SPACE_PATH } from '../src/kit/amo-space.ts';
import { absoluteUrl } from '../src/site-address.ts';

/** One entry of the main menu. */
export interface MenuItem {
  href: string;
  label: string;
  order: number;
}

/** The address of a content page in its space: the home page is the site's root. */
export function pageHref(id: string, audience: Audience): string {
  if (audience === 'amo') return `${AMO_SPACE_PATH}${id}/`;
  return id === 'accueil' ? '/' : `/${id}/`;
}

/**
 * The main menu of a space, from the pages' and documents' `menu` field and the sections the kit makes.
 * The AMOs' space lists its own pages, then a way back to the public site by its full address.
 */
export function siteMenu(kit: Kit, audience: Audience): MenuItem[] {
  const pages = kit.pages
    .filter((p) => p.data.audience === audience && p.data.menu !== undefined)
    .map((p) => ({ href: pageHref(p.id, audience), label: p.data.titreMenu ?? p.data.titre, order: p.data.menu! }));
  const documents = kit.brochures
    .filter((b) => b.data.audience === audience && b.data.pageDuSite && b.data.menu !== undefined)
    .map((b) => ({ href: pageHref(b.data.pageDuSite!, audience), label: b.data.titreMenu ?? b.data.titre, order: b.data.menu! }));
  const sections: MenuItem[] =
    audience === 'amo'
      ? [
          { href: AMO_SPACE_PATH, label: 'Accueil de l’espace', order: 0 },
          ...(kit.news.some((post) => post.data.audience === 'amo') ? [{ href: `${AMO_SPACE_PATH}actualites/`, label: 'Actualités', order: 5 }] : []),
          { href: absoluteUrl('/', kit.site.url), label: 'Site public', order: 100 },
        ]
      : [
          { href: '/fiches/', label: 'Réponses possibles', order: 3 },
          ...(kit.examples.length > 0 ? [{ href: '/exemples/', label: 'Exemples', order: 4 }] : []),
          ...(kit.news.some((post) => post.data.audience === 'public') ? [{ href: '/actualites/', label: 'Actualités', order: 5 }] : []),
          { href: '/kit/', label: 'Documents', order: 6 },
        ];
  return [...pages, ...documents, ...sections].sort((a, b) => a.order - b.order);
}

/** `aria-current` of a menu link: `page` on its own page, `true` inside its section, nothing elsewhere. */
export function menuState(href: string, current: string): 'page' | 'true' | undefined {
  if (href === current) return 'page';
  const root = href === '/' || href === AMO_SPACE_PATH;
  return !root && href.startsWith('/') && current.startsWith(href) ? 'true' : undefined;
}

/**
 * The breadcrumbs of a sub-page (`/fiches/sciapp/`): home, the menu section it belongs to, the page. A
 * page of the first level, or the home page, has none.
 */
export function breadcrumbsOf(current: string, menu: MenuItem[], label: string, home: { href: string; label: string }): { href: string; label: string }[] {
  const depth = current.slice(home.href.length).split('/').filter(Boolean).length;
  if (!current.startsWith(home.href) || depth < 2) return [];
  const section = menu.find((item) => item.href !== home.href && item.href.startsWith('/') && current.startsWith(item.href) && item.href !== current);
  return [home, ...(section ? [{ href: section.href, label: section.label }] : []), { href: current, label }];
}
