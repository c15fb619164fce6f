import { existsSync, statSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KitError, KitErrors } from '../errors.ts';
import type { Kit } from '../load/load-kit.ts';

/** The content file behind a page of the built site, to name it in messages. */
export function sourceOfPage(kit: Kit, pagePath: string): string | undefined {
  const [first, second] = pagePath.split('/').filter(Boolean);
  if (!first) return kit.pages.find((p) => p.id === 'accueil')?.file;
  if (first === 'fiches' && second) return kit.sheets.find((s) => s.id === second)?.file;
  if (first === 'exemples' && second) return kit.examples.find((e) => e.id === second)?.file;
  if (first === 'impression') return undefined;
  return kit.pages.find((p) => p.id === first)?.file ?? kit.brochures.find((b) => b.data.pageDuSite === first)?.file;
}

function exists(outDir: string, path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false; // « /100%/ » : not an address at all
  }
  const target = join(outDir, decoded);
  if (!existsSync(target)) return false;
  return statSync(target).isFile() || existsSync(join(target, 'index.html'));
}

/**
 * Every link from one page of the site to another (or to a PDF of the kit) must lead somewhere:
 * a broken link is a content mistake, reported with the file it comes from. Runs before the PDFs and
 * decks exist, so `planned` lists them (`/kit/hpf/plaquette.pdf`…).
 */
export async function checkInternalLinks(outDir: string, kit: Kit, planned: Set<string>): Promise<void> {
  const errors: KitError[] = [];
  for await (const file of glob('**/*.html', { cwd: outDir })) {
    const pagePath = `/${file.split('\\').join('/').replace(/index\.html$/, '')}`;
    const html = await readFile(join(outDir, file), 'utf8');
    const broken = new Set<string>();
    for (const [, href] of html.matchAll(/\shref="(\/[^"#?]*)/g)) {
      if (!planned.has(href) && !exists(outDir, href)) broken.add(href);
    }
    for (const href of broken) {
      const source = sourceOfPage(kit, pagePath);
      errors.push(
        new KitError(`lien cassé vers ${href} (page ${pagePath})`, {
          file: source,
          hint: 'Corrigez l’adresse du lien : les pages du site sont listées dans le menu, les documents dans /kit/<signataire>/.',
        }),
      );
    }
  }
  if (errors.length > 0) throw new KitErrors(errors);
}
