// Reading an SVG file's markup as plain strings, with no DOM, so the same code runs in the browser and in
// Node: one tag at a time, entities decoded (XML's own and a DOCTYPE's simple ones).

/** The file cannot be read as an SVG image: the message is French, shown next to the logo field. */
export class SvgError extends Error {}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references and entities (XML’s own, then `entities`) replaced. */
export function decodeEntities(text: string, entities: Record<string, string>): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z_][\w.-]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return XML_ENTITIES[name] ?? entities[name] ?? whole;
  });
}

export interface Tag {
  name: string;
  attributes: [string, string][];
  selfClosing: boolean;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** The tag that opens at `start` (`<name attr="…">`), and where it ends. */
export function readTag(source: string, start: number): { tag: Tag; end: number } {
  NAME.lastIndex = start + 1;
  const name = NAME.exec(source)?.[0];
  if (!name) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
  let position = NAME.lastIndex;
  const attributes: [string, string][] = [];
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(source);
    if (!match) break;
    attributes.push([match[1], match[2] ?? match[3]]);
    position = ATTRIBUTE.lastIndex;
  }
  const close = /\s*(\/?)>/y;
  close.lastIndex = position;
  const end = close.exec(source);
  if (!end) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
  return { tag: { name, attributes, selfClosing: end[1] === '/' }, end: close.lastIndex };
}

/** Simple internal entities of a DOCTYPE (old Illustrator exports use them for namespaces); never recursive. */
export function doctypeEntities(doctype: string): Record<string, string> {
  const entities: Record<string, string> = {};
  for (const match of doctype.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    const value = match[2] ?? match[3];
    if (value.length <= 2000 && !value.includes('&')) entities[match[1]] = value;
  }
  return entities;
}
