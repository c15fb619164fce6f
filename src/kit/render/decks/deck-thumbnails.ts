import { join } from 'node:path';
import type { BrowserSession } from '../../browser/browser-session.ts';
import { KitError } from '../../errors.ts';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { THUMBNAIL_WIDTH, writeThumbnail } from '../images/thumbnails.ts';

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
export async function writeDeckThumbnails(options: { session: BrowserSession; origin: string; variants: DeckVariant[]; outDir: string }): Promise<DeckThumbnail[]> {
  const { session, origin, variants, outDir } = options;
  const made: DeckThumbnail[] = [];
  for (const variant of variants) {
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
      const picture = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: found.width, height: found.height, scale: THUMBNAIL_WIDTH / found.width } });
      await writeThumbnail(picture, join(outDir, variant.thumbnail));
      return found;
    });
    if (shape.slides === 0) {
      throw new KitError(`la présentation ${variant.outputs.html} ne contient aucune diapositive`, { code: 'presentation', hint: 'Vérifiez la présentation (slides/) : elle doit commencer par son en-tête --- puis au moins une diapositive.' });
    }
    made.push({ variant, slides: shape.slides });
  }
  return made;
}
