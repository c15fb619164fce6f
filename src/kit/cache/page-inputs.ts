import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { attributesOf, OPENING_TAG } from '../output/html-scan.ts';
import { sitePathOf, underBase } from '../../site-address.ts';

/**
 * What a built page loads, read from the files themselves: the page's HTML, its stylesheets and scripts,
 * the images it shows, the fonts and images its CSS asks for (through `@import` too). Together with the
 * page, their bytes make the page's fingerprint: the same fingerprint, the same print.
 */

/** Attributes that make the browser fetch something, per tag (links, `<a href>`, are not fetched). */
const FETCHED: Record<string, string[]> = {
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
};
/** `<link rel>` values that do not fetch for the page's rendering. */
const LINK_NOT_FETCHED = /^(canonical|alternate|author|help|license|next|prev|search|sitemap|me)$/i;

const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;

/** Addresses a stylesheet (a file, a `<style>` block or a `style` attribute) fetches. */
export function cssReferences(css: string): string[] {
  return [...css.replace(CSS_COMMENT, '').matchAll(CSS_URL)].map((match) => match.slice(1).find((value) => value !== undefined) ?? '').filter(Boolean);
}

/** Addresses a page fetches to render: tags' `src`/`href`/`srcset`…, and the CSS written in the page. */
export function htmlReferences(html: string): string[] {
  const found: string[] = [];
  const withoutComments = html.replace(COMMENT, '');
  for (const [, css] of withoutComments.matchAll(STYLE_BLOCK)) found.push(...cssReferences(css));
  // Scripts' and styles' text holds no tag.
  const markup = withoutComments.replace(/<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
  for (const [, tagName, source] of markup.matchAll(OPENING_TAG)) {
    const tag = tagName.toLowerCase();
    const attributes = attributesOf(source);
    const style = attributes.get('style');
    if (style) found.push(...cssReferences(style));
    if (tag === 'link' && (attributes.get('rel') ?? '').split(/\s+/).every((rel) => LINK_NOT_FETCHED.test(rel))) continue;
    for (const name of FETCHED[tag] ?? []) {
      const value = attributes.get(name);
      if (!value) continue;
      if (name === 'srcset') found.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]).filter(Boolean));
      else found.push(value);
    }
  }
  return found;
}

/** The site path an address points to from `base` (a path), or undefined for another site or a data URI. */
function sitePath(address: string, base: string): string | undefined {
  if (/^(data|blob|about|javascript|mailto|tel):/i.test(address)) return undefined;
  const url = new URL(address, new URL(base, 'http://kit.invalid'));
  return url.host === 'kit.invalid' ? decodeURIComponent(url.pathname) : `${url.protocol}//${url.host}${url.pathname}`;
}

/** The fingerprint of one built page and what it loads. */
export interface PageInputs {
  /** Hash of the page and of every file it loads, with their paths. */
  digest: string;
  /** Site paths of every file loaded (other sites' addresses as they are), the page excepted. */
  loads: Set<string>;
}

/**
 * Reads pages of a built site (`outDir`, served at `/` or at its base path) and what they load, each file read and hashed once
 * per build. A path the site does not have counts as « absent » (the browser would get a 404).
 */
export class SiteFiles {
  private readonly outDir: string;
  private readonly base: string;
  private readonly hashes = new Map<string, Promise<{ hash: string; references: string[] }>>();

  /** `base`: the path the site is built under (`/kit-qpv/`), which its pages' addresses start with. */
  constructor(outDir: string, base = '/') {
    this.outDir = outDir;
    this.base = base;
  }

  /** The site path of an address the pages write (`/kit-qpv/_astro/x.css` → `/_astro/x.css`). */
  pathWithoutBase(pathname: string): string {
    return sitePathOf(pathname, this.base) ?? pathname;
  }

  private async file(path: string): Promise<string> {
    const target = join(this.outDir, path);
    const info = await stat(target).catch(() => undefined);
    return info?.isDirectory() ? join(target, 'index.html') : target;
  }

  /** A file's hash and the addresses it references itself (a page's or a stylesheet's). */
  private read(path: string): Promise<{ hash: string; references: string[] }> {
    let found = this.hashes.get(path);
    if (!found) {
      found = (async () => {
        if (!path.startsWith('/')) return { hash: 'autre site', references: [] };
        const bytes = await readFile(await this.file(path)).catch(() => undefined);
        if (!bytes) return { hash: 'absent', references: [] };
        const hash = createHash('sha256').update(bytes).digest('hex');
        const file = await this.file(path);
        const references = file.endsWith('.html') ? htmlReferences(bytes.toString('utf8')) : file.endsWith('.css') ? cssReferences(bytes.toString('utf8')) : [];
        return { hash, references };
      })();
      this.hashes.set(path, found);
    }
    return found;
  }

  /** The page at site path `page` (`/impression/hpf/plaquette/`) and everything it loads. */
  async page(page: string): Promise<PageInputs> {
    const loads = new Set<string>();
    const parts: string[] = [];
    const visit = async (path: string) => {
      const { hash, references } = await this.read(path);
      parts.push(`${path} ${hash}`);
      for (const reference of references) {
        const address = sitePath(reference, underBase(path, this.base));
        const target = address?.startsWith('/') ? this.pathWithoutBase(address) : address;
        if (target === undefined || loads.has(target) || target === page) continue;
        loads.add(target);
        await visit(target);
      }
    };
    await visit(page);
    return { digest: createHash('sha256').update(parts.join('\n')).digest('hex'), loads };
  }
}
