/**
 * What the link check reads from a built page: the addresses it links to and the ids it can be
 * scrolled to. No HTML parser is a dependency of the kit, and Astro's output is regular (quoted
 * attributes, no stray `<`), so tags are read with regexes that keep quoted values whole.
 */

export interface ScannedPage {
  /** Every `href`, entities decoded, in document order (`<base>` excepted). */
  hrefs: string[];
  /** Fragment targets: `id` of any element, `name` of `<a>`. */
  ids: Set<string>;
}

/** Text that is not markup: comments, and the raw text of scripts and styles (a script may hold `<a href="…">` strings). */
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>/gi;
/** An opening tag; a quoted value may hold `>`. Text escaped as `&lt;a href…` in code blocks is not a tag. */
export const OPENING_TAG = /<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;`, `&#39;`, `&#xE9;`… as the browser reads them in an attribute value. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, reference: string) => {
    if (reference[0] !== '#') return NAMED_ENTITIES[reference.toLowerCase()] ?? whole;
    const code = reference[1] === 'x' || reference[1] === 'X' ? Number.parseInt(reference.slice(2), 16) : Number(reference.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The attributes of an opening tag's source (what follows its name), lower-cased names, entities decoded. */
export function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    // The browser keeps the first of two attributes with the same name.
    if (!attributes.has(key)) attributes.set(key, decodeEntities(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

export function scanHtml(html: string): ScannedPage {
  const hrefs: string[] = [];
  const ids = new Set<string>();
  for (const [, tagName, source] of html.replace(NOT_MARKUP, '').matchAll(OPENING_TAG)) {
    const tag = tagName.toLowerCase();
    const attributes = attributesOf(source);
    const href = attributes.get('href');
    if (href !== undefined && tag !== 'base') hrefs.push(href);
    const id = attributes.get('id');
    if (id) ids.add(id);
    const name = attributes.get('name');
    if (name && tag === 'a') ids.add(name);
  }
  return { hrefs, ids };
}
