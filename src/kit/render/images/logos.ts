import { statSync } from 'node:fs';
import sharp from 'sharp';
import type { Kit } from '../../load/load-kit.ts';
import { KitError } from '../../errors.ts';

/** Logos as PNG data URIs, by signatory or partner id: embedded as images in PDFs and decks. */
export type LogoSet = Record<string, string>;

/** Long side of a logo raster: 900 px prints sharp at 300 dpi up to 7,6 cm; 320 px is plenty on screen. */
export const LOGO_SIZES = { print: 900, web: 320 } as const;

/** Renders one logo file (SVG, PNG, JPEG) to a PNG data URI, transparent background kept. */
export async function logoToPng(path: string, file: string, field: string, size: number = LOGO_SIZES.print): Promise<string> {
  try {
    const png = await sharp(path, { density: 300 })
      .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer();
    return `data:image/png;base64,${png.toString('base64')}`;
  } catch {
    throw new KitError('logo illisible (fichier abîmé ou format non reconnu)', {
      code: 'logo-illisible',
      file,
      field,
      hint: 'Enregistrez le logo en SVG, PNG ou JPEG valide et remplacez le fichier.',
    });
  }
}

/** Rasterised logos by file, size and modification: `astro dev` reloads the kit on each edit without redrawing them. */
const rasterised = new Map<string, Promise<string>>();

function cachedLogo(path: string, file: string, field: string, size: number): Promise<string> {
  const { mtimeMs, size: bytes } = statSync(path);
  const key = `${path}|${mtimeMs}|${bytes}|${size}`;
  let png = rasterised.get(key);
  if (!png) {
    png = logoToPng(path, file, field, size);
    png.catch(() => rasterised.delete(key));
    rasterised.set(key, png);
  }
  return png;
}

/** Every logo the documents (`print`) or the site pages (`web`, lighter) need: each signatory's and each partner's. */
export async function loadLogos(kit: Kit, use: keyof typeof LOGO_SIZES = 'print'): Promise<LogoSet> {
  const size = LOGO_SIZES[use];
  const entries = await Promise.all([
    ...kit.signatories.map(async (s) => [s.id, await cachedLogo(s.logoPath, s.file, 'logo', size)] as const),
    ...kit.site.partners.map(async (p, i) => [`partenaire:${p.id}`, await cachedLogo(p.logoPath, 'content/site.yaml', `partenaires.${i}.logo`, size)] as const),
  ]);
  return Object.fromEntries(entries);
}
