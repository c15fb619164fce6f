import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import sharp from 'sharp';
import type { Kit } from '../../load/load-kit.ts';
import { KitError, KitErrors } from '../../errors.ts';
import { fitLogo, LOGO_SLOTS, MM_PER_INCH, PRINT_DPI, type LogoSlotName } from '../../../logo/logo-placement.ts';
import { sanitiseSvg } from '../../../logo/svg-sanitise.ts';
import { SvgError } from '../../../logo/svg-reader.ts';
import { svgSyntaxError } from './svg-syntax.ts';
import { ofName } from '../../../logo/logo-alt.ts';

/** Site folder of the logo files; their names carry a hash of their bytes, so they can be cached for ever. */
export const LOGO_FOLDER = '/_kit/logos/';

/** A logo as pages and outputs use it: file URLs (no bytes), its trimmed proportions. Plain JSON. */
export interface LogoImage {
  /** File printed documents show: the sanitised SVG, or a PNG sharp at print size. */
  print: string;
  /** File site pages show: the same SVG, or a lighter PNG. */
  web: string;
  /** PNG at print size, for what needs a bitmap (the letter builder's Word file). */
  png: string;
  /** Width ÷ height of the mark, margins trimmed. */
  aspect: number;
}

/** One logo made ready: what pages see, and the PNG bytes for DOCX, PPTX and decks. */
export interface PreparedLogo extends LogoImage {
  pngBytes: Buffer;
  /** Files to publish, by site path. */
  files: Map<string, Buffer>;
  /** What the SVG sanitiser took out, in French. */
  removed: string[];
  /** Pixels of a bitmap's mark once trimmed; undefined for an SVG (it prints sharp at any size). */
  pixels?: { width: number; height: number };
}

/** PNG bytes of each logo at print size, by key: for the Word letters and the decks. */
export type LogoSet = Record<string, Buffer>;

/** Each logo's digest for the render cache's keys, computed once per logo however many outputs show it. */
export function logoDigests(logos: LogoSet): (id: string) => string {
  const digests = new Map<string, string>();
  return (id) => digests.get(id) ?? digests.set(id, createHash('sha256').update(logos[id]).digest('hex')).get(id)!;
}

/** Logos by key: a signatory's id, or `partenaire:<id>`. */
export interface LogoAssets {
  images: Record<string, LogoImage>;
  pngs: LogoSet;
  /** Every logo file to publish, by site path. */
  files: Map<string, Buffer>;
}

/** Where a logo is used: each signatory's and each partner's slots in the printed documents. */
const SIGNATORY_PRINT_SLOTS: LogoSlotName[] = ['letterHeader', 'brochureContact', 'sheetHeader', 'documentHeader'];
const PARTNER_PRINT_SLOTS: LogoSlotName[] = ['letterFooter', 'brochurePartners', 'documentHeader'];

/** Pixels of the print PNG's long side: 300 dpi over the largest printed box (60 mm), with room for the deck's title slide. */
const PRINT_LONG_SIDE = 1200;
/** The web PNG fits twice the largest site box, for sharp screens. */
const WEB_BOX = { width: 2 * LOGO_SLOTS.siteSignatory.maxWidth, height: 2 * LOGO_SLOTS.siteSignatory.maxHeight };
/** Colour difference from the corner that still counts as margin when trimming. */
const TRIM_THRESHOLD = 12;

/** Who owns a logo and where it comes from, for messages. */
interface LogoSource {
  key: string;
  /** « le logo de Alpha AMO Conseil », « le logo du partenaire ANCT ». */
  owner: string;
  path: string;
  /** Kit-relative path of the logo file. */
  file: string;
}

const hashName = (key: string, bytes: Buffer, extension: string) =>
  `${LOGO_FOLDER}${key.replace(/^partenaire:/, '')}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${extension}`;

function unreadable(source: LogoSource, reason: string, line?: number): KitError {
  return new KitError(`${source.owner} est illisible : ${reason}`, {
    code: 'logo-illisible',
    file: source.file,
    line,
    hint: 'Exportez à nouveau le logo depuis votre logiciel de dessin (SVG, PNG ou JPEG) et remplacez le fichier.',
  });
}

/** The bounding box of what is drawn in a PNG (alpha or colour different from the corner), or the whole picture. */
async function markBox(png: Buffer): Promise<{ left: number; top: number; width: number; height: number; full: { width: number; height: number } }> {
  const { width, height } = await sharp(png).metadata();
  try {
    const { info } = await sharp(png).trim({ threshold: TRIM_THRESHOLD }).toBuffer({ resolveWithObject: true });
    return { left: -(info.trimOffsetLeft ?? 0), top: -(info.trimOffsetTop ?? 0), width: info.width, height: info.height, full: { width: width!, height: height! } };
  } catch {
    // Nothing to trim (a plain picture): keep it whole.
    return { left: 0, top: 0, width: width!, height: height!, full: { width: width!, height: height! } };
  }
}

/** A logo's files named by a hash of their bytes (one file when print and web are the same bytes), and their URLs. */
function published(key: string, files: { print: [Buffer, string]; web: [Buffer, string]; png: Buffer }): Pick<PreparedLogo, 'print' | 'web' | 'png' | 'pngBytes' | 'files'> {
  const entries = { print: files.print, web: files.web, png: [files.png, 'png'] as [Buffer, string] };
  const urls = Object.fromEntries(Object.entries(entries).map(([use, [bytes, extension]]) => [use, hashName(key, bytes, extension)])) as Record<keyof typeof entries, string>;
  return { ...urls, pngBytes: files.png, files: new Map(Object.entries(entries).map(([use, [bytes]]) => [urls[use as keyof typeof entries], bytes])) };
}

/** Rewrites the root's viewBox, width and height of a sanitised SVG. */
function withViewBox(svg: string, box: { x: number; y: number; width: number; height: number }, size: { width: number; height: number }): string {
  const end = svg.indexOf('>');
  const root = svg
    .slice(0, end)
    .replace(/\s(?:viewBox|width|height|preserveAspectRatio)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg width="${size.width}" height="${size.height}" viewBox="${[box.x, box.y, box.width, box.height].map((n) => +n.toFixed(3)).join(' ')}"`);
  return root + svg.slice(end);
}

/** An SVG logo: well-formed XML, sanitised, trimmed to its mark through its viewBox, and a PNG for bitmap formats. */
async function prepareSvg(source: LogoSource): Promise<PreparedLogo> {
  const text = readFileSync(source.path, 'utf8');
  const syntax = svgSyntaxError(text);
  if (syntax) throw unreadable(source, `ce n’est pas un SVG valide : ${syntax.reason}`, syntax.line);
  let sanitised;
  try {
    sanitised = sanitiseSvg(text, 1000);
  } catch (error) {
    if (error instanceof SvgError) throw unreadable(source, error.message.replace(/^Ce /, 'ce '));
    throw error;
  }
  const viewBox = /\sviewBox="([^"]*)"/.exec(sanitised.svg.slice(0, sanitised.svg.indexOf('>')))![1].trim().split(/[\s,]+/).map(Number);
  let raster: Buffer;
  try {
    raster = await sharp(Buffer.from(sanitised.svg)).png().toBuffer();
  } catch {
    throw unreadable(source, 'le dessin SVG ne peut pas être rendu (un élément ou une valeur que le moteur de rendu ne lit pas)');
  }
  const mark = await markBox(raster);
  // Pixels back to user units, as the browser draws a viewBox into its box (centred, proportions kept).
  const scale = Math.min(mark.full.width / viewBox[2], mark.full.height / viewBox[3]);
  const offsetX = (mark.full.width - viewBox[2] * scale) / 2;
  const offsetY = (mark.full.height - viewBox[3] * scale) / 2;
  const box = { x: viewBox[0] + (mark.left - offsetX) / scale, y: viewBox[1] + (mark.top - offsetY) / scale, width: mark.width / scale, height: mark.height / scale };
  const aspect = box.width / box.height;
  const size = aspect >= 1 ? { width: 600, height: Math.max(1, Math.round(600 / aspect)) } : { width: Math.max(1, Math.round(600 * aspect)), height: 600 };
  const svg = Buffer.from(withViewBox(sanitised.svg, box, size));
  const pngBytes = await sharp(svg, { density: 72 * (PRINT_LONG_SIDE / 600) }).resize({ width: PRINT_LONG_SIDE, height: PRINT_LONG_SIDE, fit: 'inside' }).png({ compressionLevel: 9 }).toBuffer();
  return { ...published(source.key, { print: [svg, 'svg'], web: [svg, 'svg'], png: pngBytes }), aspect, removed: sanitised.removed };
}

/** A bitmap logo (PNG, JPEG): trimmed to its mark, a print PNG and a lighter web PNG, never enlarged. */
async function prepareBitmap(source: LogoSource): Promise<PreparedLogo> {
  let trimmed: Buffer;
  let info: { width: number; height: number };
  // A file sharp cannot even identify is no image; one it identifies but cannot decode to the end is damaged.
  const format = await sharp(source.path).metadata().then(
    (metadata) => metadata.format,
    () => undefined,
  );
  if (!format) throw unreadable(source, 'ce n’est pas une image (format non reconnu)');
  try {
    const whole = await sharp(source.path, { failOn: 'truncated' }).rotate().png().toBuffer();
    const mark = await markBox(whole);
    ({ data: trimmed, info } = await sharp(whole).extract({ left: mark.left, top: mark.top, width: mark.width, height: mark.height }).png().toBuffer({ resolveWithObject: true }));
  } catch {
    throw unreadable(source, 'le fichier est tronqué ou abîmé (l’image s’arrête avant la fin)');
  }
  const pngBytes = await sharp(trimmed).resize({ width: PRINT_LONG_SIDE, height: PRINT_LONG_SIDE, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
  const web = await sharp(trimmed).resize({ ...WEB_BOX, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 9 }).toBuffer();
  return {
    ...published(source.key, { print: [pngBytes, 'png'], web: [web, 'png'], png: pngBytes }),
    aspect: info.width / info.height,
    removed: [],
    pixels: { width: info.width, height: info.height },
  };
}

/** Prepared logos by file, size and modification: `astro dev` reloads the kit on each edit without redrawing them. */
const prepared = new Map<string, Promise<PreparedLogo>>();

function prepareLogo(source: LogoSource): Promise<PreparedLogo> {
  const { mtimeMs, size } = statSync(source.path);
  const key = `${source.key}|${source.path}|${mtimeMs}|${size}`;
  let logo = prepared.get(key);
  if (!logo) {
    logo = /\.svg$/i.test(source.path) ? prepareSvg(source) : prepareBitmap(source);
    logo.catch(() => prepared.delete(key));
    prepared.set(key, logo);
  }
  return logo;
}

/** « 23 ppp », « 17 mm ». */
const french = (value: number) => Math.round(value).toLocaleString('fr-FR');

/** A bitmap too small for the largest box it prints in, as a French warning; undefined when it prints sharp. */
export function tooSmallToPrint(owner: string, file: string, pixels: { width: number; height: number }, slots: LogoSlotName[]): string | undefined {
  const aspect = pixels.width / pixels.height;
  const widest = Math.max(...slots.map((slot) => fitLogo(aspect, LOGO_SLOTS[slot]).width));
  const dpi = pixels.width / (widest / MM_PER_INCH);
  if (dpi >= PRINT_DPI) return undefined;
  const needed = Math.ceil((widest / MM_PER_INCH) * PRINT_DPI);
  return `${file} : ${owner} est trop petit pour l’impression (${pixels.width} × ${pixels.height} px utiles) : imprimé sur ${french(widest)} mm de large, il ne fait que ${french(dpi)} ppp au lieu de ${PRINT_DPI}, il sera flou. Fournissez-le en SVG, ou en PNG d’au moins ${needed} px de large.`;
}

/**
 * Every logo of the kit, made ready once: SVGs checked and sanitised, margins trimmed, files named by a
 * hash of their bytes. A file that cannot be read stops the build (all such files are reported at once);
 * a logo too small to print sharp, or an SVG that carried scripts or links, is a warning.
 */
export async function prepareLogos(kit: Kit): Promise<{ logos: LogoAssets; warnings: string[] }> {
  const sources: (LogoSource & { slots: LogoSlotName[] })[] = [
    ...kit.signatories.map((s) => ({ key: s.id, owner: `le logo ${ofName(s.nom, s.article)}`, path: s.logoPath, file: relative(kit.root, s.logoPath).split('\\').join('/'), slots: SIGNATORY_PRINT_SLOTS })),
    ...kit.site.partners.map((p) => ({ key: `partenaire:${p.id}`, owner: `le logo du partenaire ${p.nom}`, path: p.logoPath, file: relative(kit.root, p.logoPath).split('\\').join('/'), slots: PARTNER_PRINT_SLOTS })),
  ];
  const settled = await Promise.allSettled(sources.map(prepareLogo));
  const errors = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (errors.length > 0) throw errors.every((error) => error instanceof KitError) ? new KitErrors(errors as KitError[]) : errors[0];

  const logos: LogoAssets = { images: {}, pngs: {}, files: new Map() };
  const warnings: string[] = [];
  settled.forEach((result, index) => {
    const logo = (result as PromiseFulfilledResult<PreparedLogo>).value;
    const source = sources[index];
    logos.images[source.key] = { print: logo.print, web: logo.web, png: logo.png, aspect: logo.aspect };
    logos.pngs[source.key] = logo.pngBytes;
    for (const [path, bytes] of logo.files) logos.files.set(path, bytes);
    if (logo.removed.length > 0) {
      warnings.push(`${source.file} : ${source.owner} contenait ${logo.removed.join(', ')} : retiré de toutes les sorties (site, PDF, présentation, Word). Remplacez le fichier par un SVG simple pour ne plus voir cet avertissement.`);
    }
    const small = logo.pixels && tooSmallToPrint(source.owner, source.file, logo.pixels, source.slots);
    if (small) warnings.push(small);
  });
  return { logos, warnings };
}
