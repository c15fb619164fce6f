import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AMO_SPACE_FOLDER, AMO_SPACE_PATH } from '../amo-space.ts';

/** The AMOs' space output next to the public one: `dist/` → `dist-amo/`. */
export function amoOutputFolder(publicOutDir: string): string {
  return join(dirname(publicOutDir), `${basename(publicOutDir)}-amo`);
}

/** What the AMOs' pages load from the site's root: styles, fonts and scripts, logos, the favicons. */
const SHARED = /^(_astro|_kit|favicon\.(ico|svg)|apple-touch-icon\.png)$/;

/** Whether a site path (`/_astro/site.css`) is taken along into the AMOs' space. */
export function sharedWithAmoSpace(path: string): boolean {
  return SHARED.test(path.split('/').filter(Boolean)[0] ?? '');
}

/**
 * Takes the AMOs' space out of the built site (`outDir`) into a folder of its own (`amoDir`), a site that
 * works alone: its pages under `/espace-amo/`, the styles, fonts and logos they load, a root page that
 * leads to it (by a relative address: the space may be published under the site's base path), and a `robots.txt` that keeps every robot out. The public site keeps none of it.
 */
export async function separateAmoSpace(outDir: string, amoDir: string): Promise<void> {
  await rm(amoDir, { recursive: true, force: true });
  await mkdir(amoDir, { recursive: true });
  const space = join(outDir, AMO_SPACE_FOLDER);
  if (existsSync(space)) await rename(space, join(amoDir, AMO_SPACE_FOLDER));
  for (const entry of await readdir(outDir)) {
    if (SHARED.test(entry)) await cp(join(outDir, entry), join(amoDir, entry), { recursive: true });
  }
  await writeFile(
    join(amoDir, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta http-equiv="refresh" content="0; url=${AMO_SPACE_FOLDER}/"><title>Espace des AMO</title></head><body><p><a href="${AMO_SPACE_FOLDER}/">Espace des AMO</a></p></body></html>\n`,
  );
  await writeFile(join(amoDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
}
