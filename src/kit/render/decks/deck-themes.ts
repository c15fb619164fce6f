import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FONT_FAMILY, fontFile } from '../fonts.ts';

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

/** The deck themes (`slides/*.css`), by file name, the font embedded at the end of each. */
export async function loadThemes(slidesDir: string): Promise<Map<string, string>> {
  const fonts = await embeddedFontFaces();
  const themes = new Map<string, string>();
  for (const name of (await readdir(slidesDir)).filter((n) => n.endsWith('.css')).sort()) {
    themes.set(name, `${await readFile(join(slidesDir, name), 'utf8')}\n${fonts}\n`);
  }
  return themes;
}

/** Writes the themes into `target`, for marp-cli's `--theme-set`. */
export async function writeThemes(themes: Map<string, string>, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const [name, css] of themes) await writeFile(join(target, name), css);
}

