import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lookup } from 'mrmime';
import sharp from 'sharp';

// Markdown images, Marp backgrounds included: ![alt](path "title") / ![bg right](photo.jpg)
const imagePattern = /(!\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g;
const isLocal = (url: string) => !/^(https?:|data:|\{\{)/.test(url);

/** `photos/la%20cour.jpg` → `photos/la cour.jpg`; a stray « % » is left as typed. */
function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Local image paths of a deck (relative to `slides/`), with their line, for validation. */
export function localDeckImages(source: string): { path: string; line: number }[] {
  return [...source.matchAll(imagePattern)]
    .filter((match) => isLocal(match[2]))
    .map((match) => ({ path: decodePath(match[2]), line: source.slice(0, match.index).split('\n').length }));
}

/**
 * An image as a data URI Marp accepts: markdown-it refuses `data:image/svg+xml` (it could carry
 * scripts), so SVG is rasterised to PNG, at twice its size for sharp projection.
 */
export async function imageDataUri(file: string): Promise<string> {
  if (/\.svg$/i.test(file)) {
    const png = await sharp(file, { density: 144 }).png().toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  }
  return `data:${lookup(file) ?? 'application/octet-stream'};base64,${(await readFile(file)).toString('base64')}`;
}

/** Replaces local images by data URIs, so every format of the deck (HTML above all) is self-contained. */
export async function inlineDeckImages(source: string, slidesDir: string): Promise<string> {
  const data = new Map<string, string>();
  for (const { path } of localDeckImages(source)) {
    const file = join(slidesDir, path);
    if (!data.has(path) && existsSync(file)) {
      data.set(path, await imageDataUri(file));
    }
  }
  return source.replace(imagePattern, (whole, open: string, url: string, close: string) => {
    const inlined = data.get(decodePath(url));
    return inlined ? `${open}${inlined}${close}` : whole;
  });
}
