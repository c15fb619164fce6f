import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The kit's typeface, self-hosted from @fontsource (the site loads its CSS; images and decks need the files). */
export const FONT_FAMILY = 'Source Sans 3';

/** A Latin file of the typeface: `.woff` for satori (it reads no `.woff2`), `.woff2` for the decks' CSS. */
export function fontFile(weight: 400 | 700, format: 'woff' | 'woff2'): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  return readFile(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.${format}`));
}
