import sharp from 'sharp';

/** Width of a thumbnail file: twice the 238 CSS px it is shown at on the download pages. */
export const THUMBNAIL_WIDTH = 476;

/** The picture of an output's first page (or slide) as a WebP `THUMBNAIL_WIDTH` px wide. */
export function thumbnailWebp(picture: Uint8Array): Promise<Buffer> {
  return sharp(picture).resize({ width: THUMBNAIL_WIDTH }).webp({ quality: 78, effort: 4 }).toBuffer();
}
