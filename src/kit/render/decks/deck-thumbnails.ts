import { join } from 'node:path';
import pLimit from 'p-limit';
import type { BrowserSession } from '../../browser/browser-session.ts';
import { isKitError, KitError } from '../../errors.ts';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { THUMBNAIL_QUALITY, THUMBNAIL_WIDTH } from '../images/thumbnails.ts';
import { writeOutputFile } from '../../output/output-file.ts';

export interface DeckThumbnail {
  variant: DeckVariant;
  /** Slides in the built deck. */
  slides: number;
}

/** The built deck's slides and size (from the first slide's viewBox: 1280 × 720 for 16:9), read in the page. */
function deckShape(): { slides: number; width: number; height: number } {
  const svgs = document.querySelectorAll('svg[data-marpit-svg]');
  const [, , width, height] = (svgs[0]?.getAttribute('viewBox') ?? '0 0 0 0').split(/\s+/).map(Number);
  return { slides: svgs.length, width, height };
}

/**
 * Photographs the first slide of each built HTML deck (the file visitors download, as marp-cli made it) in
 * the shared browser, with a window the size of a slide so the slide fills it, and writes it with the print
 * thumbnails. Returns each deck's number of slides, for its download page.
 */
export async function writeDeckThumbnails(options: { session: BrowserSession; origin: string; variants: DeckVariant[]; outDir: string; concurrency: number }): Promise<DeckThumbnail[]> {
  const { session, origin, variants, outDir, concurrency } = options;
  const limit = pLimit(concurrency);
  const once = (variant: DeckVariant) => photograph(session, origin, variant, outDir);
  return Promise.all(
    variants.map((variant) =>
      limit(() =>
        // The browser may have died (it is relaunched): once more, then a French error.
        once(variant)
          .catch((error: unknown) => (isKitError(error) ? Promise.reject(error) : once(variant)))
          .catch((error: unknown) => {
            if (isKitError(error)) throw error;
            throw new KitError(`la première diapositive de ${variant.outputs.html} n’a pas pu être photographiée, deux fois de suite`, {
              code: 'presentation',
              hint: 'Relancez la fabrication ; si cela se reproduit, relancez-la avec KIT_DEBUG=1 et transmettez le détail technique à l’équipe du kit.',
              cause: error,
            });
          }),
      ),
    ),
  );
}

/** One deck's first slide, written as its thumbnail; its number of slides. */
async function photograph(session: BrowserSession, origin: string, variant: DeckVariant, outDir: string): Promise<DeckThumbnail> {
  const shape = await session.withPage(async (page) => {
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(new URL(`/${variant.outputs.html}`, origin).href, { waitUntil: 'load' });
    const found = await page.evaluate(deckShape);
    if (found.slides === 0 || !found.width || !found.height) return found;
    if (found.width !== 1280 || found.height !== 720) await page.setViewport({ width: found.width, height: found.height });
    // The on-screen controls (page number, buttons) are not part of the slide.
    await page.addStyleTag({ content: '.bespoke-marp-osc { display: none !important; }' });
    await page.evaluate(() => document.fonts.ready);
    // Two frames: the deck fits its slide to the window on resize.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const picture = await page.screenshot({ type: 'webp', quality: THUMBNAIL_QUALITY, clip: { x: 0, y: 0, width: found.width, height: found.height, scale: THUMBNAIL_WIDTH / found.width } });
    await writeOutputFile(join(outDir, variant.thumbnail), picture);
    return found;
  });
  if (shape.slides === 0) {
    throw new KitError(`la présentation ${variant.outputs.html} ne contient aucune diapositive`, { code: 'presentation', hint: 'Vérifiez la présentation (slides/) : elle doit commencer par son en-tête --- puis au moins une diapositive.' });
  }
  return { variant, slides: shape.slides };
}
