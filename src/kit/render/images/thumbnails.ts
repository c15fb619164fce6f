import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';

/** Width of a thumbnail file: twice the 238 CSS px it is shown at on the download pages. */
export const THUMBNAIL_WIDTH = 476;

/** Writes the picture of an output's first page (or slide) as a WebP `THUMBNAIL_WIDTH` px wide; returns its size in pixels. */
export async function writeThumbnail(picture: Uint8Array, target: string): Promise<{ width: number; height: number }> {
  const { data, info } = await sharp(picture).resize({ width: THUMBNAIL_WIDTH }).webp({ quality: 78, effort: 4 }).toBuffer({ resolveWithObject: true });
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, data);
  return { width: info.width, height: info.height };
}
