// A logo the visitor picks may be any SVG file: before the browser draws it, it is rebuilt from an allow
// list of elements and attributes, so that nothing runs (scripts, event attributes, foreignObject) and
// nothing is fetched (links, images and styles pointing outside the file). Pure string work, no DOM: the
// same function runs in the browser and in the unit tests.

import { decodeEntities, doctypeEntities, readTag, SvgError, type Tag } from './svg-reader.ts';

export interface SanitisedSvg {
  /** The rebuilt SVG, with `width` and `height` set to the requested size. */
  svg: string;
  width: number;
  height: number;
  /** What was taken out, in French, for the message to the visitor (empty when nothing was). */
  removed: string[];
}

const ELEMENTS = new Set(
  (
    'svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan textPath ' +
    'linearGradient radialGradient stop clipPath mask pattern marker image style switch filter feBlend ' +
    'feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap ' +
    'feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge ' +
    'feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence'
  ).split(' '),
);
/** Dropped with their content, and named to the visitor: they run code or embed other documents. */
const DANGEROUS: Record<string, string> = {
  script: 'un script',
  foreignobject: 'un objet étranger (foreignObject)',
  iframe: 'un cadre (iframe)',
  embed: 'un objet intégré',
  object: 'un objet intégré',
  handler: 'un script',
  listener: 'un script',
  set: 'une animation',
  animate: 'une animation',
};
const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
const MAX_DEPTH = 256;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** CSS with no way out of the file: imports, external url()s and the functions that fetch are refused. */
function safeCss(css: string, removed: Set<string>): string {
  // Escapes could spell a function name in disguise; image-set() and src() fetch strings.
  if (/\\|image-set\s*\(|\bsrc\s*\(|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) {
    removed.add('une feuille de style externe');
    return '';
  }
  let safe = css.replace(/@import[^;]*;?/gi, () => {
    removed.add('une feuille de style externe');
    return '';
  });
  safe = safe.replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _quote, target: string) => {
    if (target.trim().startsWith('#')) return whole;
    removed.add('un lien vers l’extérieur');
    return 'none';
  });
  return safe;
}

/** An attribute value that only points inside the file (or embeds a bitmap), else undefined. */
function safeValue(element: string, name: string, value: string, removed: Set<string>): string | undefined {
  const bare = value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
  if (name === 'href' || name === 'xlink:href' || name === 'src') {
    if (value.trim().startsWith('#')) return value;
    if ((element === 'image' || element === 'feImage') && INLINE_IMAGE.test(value.trim())) return value;
    removed.add(bare.startsWith('javascript:') ? 'un lien javascript:' : 'un lien vers l’extérieur');
    return undefined;
  }
  if (bare.includes('javascript:')) {
    removed.add('un lien javascript:');
    return undefined;
  }
  if (name === 'style') return safeCss(value, removed);
  if (/url\(/i.test(value)) {
    const targets = [...value.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((match) => match[2].trim());
    if (targets.some((target) => !target.startsWith('#')) || value.includes('\\')) {
      removed.add('un lien vers l’extérieur');
      return undefined;
    }
  }
  return value;
}

/** A length in CSS pixels, or undefined for percentages and what cannot be read. */
function length(value: string | undefined): number | undefined {
  const match = value && /^\s*([\d.]+)\s*(px|pt|pc|mm|cm|in)?\s*$/.exec(value);
  if (!match) return undefined;
  const factor = { px: 1, pt: 4 / 3, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 }[match[2] ?? 'px']!;
  const result = Number(match[1]) * factor;
  return result > 0 && Number.isFinite(result) ? result : undefined;
}

/**
 * Rebuilds an SVG file from what can only draw: allowed elements (no script, no foreignObject, no
 * animation), attributes without event handlers, links only inside the file or to embedded bitmaps,
 * styles without imports or external url(). Sets its size so that its longer side is `longSide` pixels.
 * Throws an `SvgError` (French) when the file is not a readable SVG.
 */
export function sanitiseSvg(source: string, longSide: number): SanitisedSvg {
  const removed = new Set<string>();
  let entities: Record<string, string> = {};
  const out: string[] = [];
  const open: { name: string; kept: boolean; output: string }[] = [];
  let dropDepth = 0; // > 0 inside an element that is dropped with its content
  let root: Tag | undefined;
  let rootIndex = -1;
  let finished = false;
  let position = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parent = () => open[open.length - 1];

  while (position < source.length) {
    const next = source.indexOf('<', position);
    const text = source.slice(position, next < 0 ? source.length : next);
    if (text.trim()) {
      if (!root || finished) throw new SvgError('Ce fichier n’est pas un SVG : il ne commence pas par un élément <svg>.');
      if (dropDepth === 0) out.push(escapeText(parent().name === 'style' ? safeCss(decodeEntities(text, entities), removed) : decodeEntities(text, entities)));
    } else if (text && dropDepth === 0 && root && !finished) out.push(text);
    if (next < 0) break;
    position = next;
    const skipTo = (marker: string) => {
      const end = source.indexOf(marker, position);
      if (end < 0) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
      return end + marker.length;
    };
    if (source.startsWith('<?', position)) position = skipTo('?>');
    else if (source.startsWith('<!--', position)) position = skipTo('-->');
    else if (source.startsWith('<![CDATA[', position)) {
      const end = skipTo(']]>');
      if (!root || finished) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
      const data = source.slice(position + 9, end - 3);
      if (dropDepth === 0) out.push(escapeText(parent().name === 'style' ? safeCss(data, removed) : data));
      position = end;
    } else if (/^<!DOCTYPE/i.test(source.slice(position, position + 9))) {
      const bracket = source.indexOf('[', position);
      const close = source.indexOf('>', position);
      const end = bracket >= 0 && bracket < close ? source.indexOf(']', bracket) : close;
      if (end < 0 || close < 0) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
      entities = doctypeEntities(source.slice(position, end));
      position = source.indexOf('>', end) + 1;
    } else if (source.startsWith('</', position)) {
      const end = source.indexOf('>', position);
      const name = source.slice(position + 2, end).trim();
      const element = open.pop();
      if (end < 0 || !element || element.name !== name) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
      if (dropDepth > 0) dropDepth--;
      else out.push(`</${element.output}>`);
      if (open.length === 0) finished = true;
      position = end + 1;
    } else {
      const { tag, end } = readTag(source, position);
      position = end;
      if (finished) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');
      if (!root) {
        if (tag.name !== 'svg') throw new SvgError('Ce fichier n’est pas un SVG : il ne commence pas par un élément <svg>.');
        root = tag;
      }
      if (open.length >= MAX_DEPTH) throw new SvgError('Ce fichier SVG est trop complexe pour servir de logo.');
      const output = tag.name === 'a' ? 'g' : tag.name; // a link becomes a plain group
      const kept = dropDepth === 0 && ELEMENTS.has(output);
      if (dropDepth === 0 && !kept && DANGEROUS[tag.name.toLowerCase()]) removed.add(DANGEROUS[tag.name.toLowerCase()]);
      if (!tag.selfClosing) open.push({ name: tag.name, kept, output });
      if (!kept) {
        if (!tag.selfClosing) dropDepth++;
        continue;
      }
      const attributes: string[] = [];
      for (const [name, raw] of tag.attributes) {
        if (/^on/i.test(name)) {
          removed.add('un attribut d’événement (onload, onclick…)');
          continue;
        }
        if (tag.name === 'a' && /href$/.test(name)) continue;
        if (name.includes(':') && !/^(xlink|xml|xmlns):/.test(name)) continue; // editor data (inkscape:, sodipodi:…)
        if (name.startsWith('xmlns:') && name !== 'xmlns:xlink') continue;
        if (name === 'xmlns' || name === 'xmlns:xlink') continue; // written below
        if (tag === root && (name === 'width' || name === 'height')) continue; // set below
        const value = safeValue(output, name, decodeEntities(raw, entities), removed);
        if (value !== undefined) attributes.push(`${name}="${escapeAttribute(value)}"`);
      }
      if (tag === root) {
        rootIndex = out.length;
        if (tag.selfClosing) finished = true;
      }
      out.push(`<${output}${attributes.length ? ` ${attributes.join(' ')}` : ''}${tag.selfClosing ? '/>' : '>'}`);
    }
  }
  if (!root || rootIndex < 0) throw new SvgError('Ce fichier n’est pas un SVG : il ne commence pas par un élément <svg>.');
  if (!finished) throw new SvgError('Ce fichier SVG est mal formé : il ne peut pas être lu.');

  // Size: the longer side at `longSide` pixels, keeping the drawing's proportions.
  const value = (name: string) => root!.attributes.find(([n]) => n === name)?.[1];
  const viewBox = value('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const box = viewBox?.length === 4 && viewBox[2] > 0 && viewBox[3] > 0 ? { width: viewBox[2], height: viewBox[3] } : undefined;
  const intrinsic = { width: length(value('width')) ?? box?.width, height: length(value('height')) ?? box?.height };
  if (!intrinsic.width || !intrinsic.height) throw new SvgError('Ce logo SVG n’indique pas sa taille (ni viewBox, ni largeur et hauteur) : enregistrez-le à nouveau depuis votre logiciel de dessin, ou donnez-le en PNG.');
  const scale = longSide / Math.max(intrinsic.width, intrinsic.height);
  const width = Math.max(1, Math.round(intrinsic.width * scale));
  const height = Math.max(1, Math.round(intrinsic.height * scale));
  const extra = [`xmlns="${SVG_NS}"`, `xmlns:xlink="${XLINK_NS}"`, `width="${width}"`, `height="${height}"`];
  if (!box) extra.push(`viewBox="0 0 ${+intrinsic.width.toFixed(3)} ${+intrinsic.height.toFixed(3)}"`);
  out[rootIndex] = out[rootIndex].replace(/^<svg/, `<svg ${extra.join(' ')}`);
  return { svg: out.join(''), width, height, removed: [...removed] };
}
