import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FONT_FAMILY, fontFile } from './fonts.ts';

/** @font-face rules with the site's font as data URIs, so the HTML deck is self-contained and works offline. */
async function embeddedFontFaces(): Promise<string> {
  const faces = await Promise.all(
    ([400, 700] as const).map(async (weight) => {
      const data = (await fontFile(weight, 'woff2')).toString('base64');
      return `@font-face{font-family:'${FONT_FAMILY}';font-weight:${weight};font-style:normal;font-display:swap;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    }),
  );
  return faces.join('\n');
}

/** Copies the deck themes (`slides/*.css`) into `target`, fonts embedded at the end. */
export async function prepareThemes(slidesDir: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const fonts = await embeddedFontFaces();
  for (const name of (await readdir(slidesDir)).filter((n) => n.endsWith('.css'))) {
    const css = await readFile(join(slidesDir, name), 'utf8');
    await writeFile(join(target, name), `${css}\n${fonts}\n`);
  }
}

