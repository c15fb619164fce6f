/**
 * Where a link written in a built page leads: resolved as the browser does, and read back from under the
 * site's base path. What check-links.ts checks, and what its messages show.
 */
import { sitePathOf } from '../../site-address.ts';

/** `decode(text)`, or `text` as it is when it is not validly encoded. */
export function safeDecode(decode: (text: string) => string, text: string): string {
  try {
    return decode(text);
  } catch {
    return text;
  }
}

/** Where a link of the page at `pagePath` leads, or nothing for a link that leaves the site. */
export interface LinkTarget {
  /** Site path of the target, percent-encoded as in a URL: `/fiches/essai/`. */
  path: string;
  /** The fragment, decoded (`première-partie`), when the link has one. */
  fragment?: string;
  /** `#section` or `?x`: a place in the page itself. */
  samePage: boolean;
  /** Written relative to the page (`../contact/`, `autre-page/`), not from the site's root. */
  relative: boolean;
}

/** Resolves `href` as the browser does on the page at `pagePath`; external schemes and `//host` are not the kit's. */
export function linkTarget(href: string, pagePath: string): LinkTarget | undefined {
  const written = href.trim();
  if (written === '' || written.startsWith('//') || /^[a-z][a-z\d+.-]*:/i.test(written)) return undefined;
  let url: URL;
  try {
    url = new URL(written, new URL(pagePath, 'http://site.invalid'));
  } catch {
    return { path: written, samePage: false, relative: !written.startsWith('/') };
  }
  const samePage = written.startsWith('#') || written.startsWith('?');
  const fragment = url.hash.length > 1 ? safeDecode(decodeURIComponent, url.hash.slice(1)) : undefined;
  return { path: url.pathname, fragment, samePage, relative: !samePage && !written.startsWith('/') };
}

/** A site path decoded (`/fiches/%C3%A9t%C3%A9/` → `/fiches/été/`), or undefined when it is not a valid address. */
export function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined; // « /100%/ » : not an address at all
  }
}

/**
 * A link as written in the content, from the site's root (`/contact/#a`), from its address in a page built
 * under `base` (`/kit-qpv/contact/#a`); undefined for a root-relative address outside the base. Other
 * links (relative, other sites, `#a`) are as they are.
 */
export function fromBase(href: string, base: string): string | undefined {
  const written = href.trim();
  if (base === '/' || !written.startsWith('/') || written.startsWith('//')) return href;
  const [path, rest] = /^([^?#]*)(.*)$/s.exec(written)!.slice(1);
  const onSite = sitePathOf(path, base);
  return onSite === undefined ? undefined : `${onSite}${rest}`;
}
