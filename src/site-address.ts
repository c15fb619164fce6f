/**
 * The site's address, written once in `content/site.yaml` (`url`): at the root of its domain
 * (`https://qpv.habitatparticipatif-france.fr`) or under a path (`https://reseau.gitlab.io/kit-qpv/`). The
 * path is the site's base: every page, asset, document, sitemap and feed address starts with it. Pages and
 * content are written from the site's root (`/contact/`); the build puts them under the base (see
 * `htmlUnderBase`), and the kit's own steps read them back without it (`sitePathOf`). No Node API: the
 * site's pages and the letter builder use it too.
 */

/** The origin (`https://reseau.gitlab.io`) and the base path, `/` or `/kit-qpv/` (always ending with a slash). */
export function siteAddress(url: string): { origin: string; base: string } {
  const { origin, pathname } = new URL(url);
  return { origin, base: pathname.endsWith('/') ? pathname : `${pathname}/` };
}

/** A site path (`/contact/`, `/kit/hpf/plaquette.pdf`) at its address under `base`: `/kit-qpv/contact/`. */
export function underBase(path: string, base: string): string {
  return base === '/' ? path : `${base}${path.replace(/^\//, '')}`;
}

/** The full address of a site path: `https://reseau.gitlab.io/kit-qpv/contact/`. */
export function absoluteUrl(path: string, siteUrl: string): string {
  const { origin, base } = siteAddress(siteUrl);
  return new URL(underBase(path, base), origin).href;
}

/** The site path of an address under `base` (`/kit-qpv/contact/` → `/contact/`); undefined when it is not under it. */
export function sitePathOf(pathname: string, base: string): string | undefined {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : undefined;
}

/** Attributes whose value is an address the browser loads or follows (`srcset` holds several). */
const ADDRESS_ATTRIBUTE = /(\s(?:href|src|action|poster|data|srcset|data-srcdoc)=)(["'])(.*?)\2/gis;
/** A root-relative address in an attribute's value or a `srcset` list (not `//host`, not one already under the base). */
const ROOT_RELATIVE = /(^|,\s*|&quot;|&#34;)\/(?!\/)/g;

/**
 * An HTML page with its root-relative addresses under `base`: `href="/contact/"` → `href="/kit-qpv/contact/"`,
 * in links, images and their `srcset`, forms, and the HTML of a frame kept in `data-srcdoc`. Addresses
 * already under the base (Astro's own assets) and other sites' are left as they are.
 */
export function htmlUnderBase(html: string, base: string): string {
  if (base === '/') return html;
  return html.replace(ADDRESS_ATTRIBUTE, (whole, name: string, quote: string, value: string) => {
    const rewritten = value.replace(ROOT_RELATIVE, (match: string, before: string, offset: number) => {
      const rest = value.slice(offset + match.length - 1);
      return rest.startsWith(base) ? match : `${before}${base}`;
    });
    return `${name}${quote}${rewritten}${quote}`;
  });
}
