import { Marp } from '@marp-team/marp-core';
import type { Page } from 'puppeteer-core';
import { markdownItFrenchTypography } from '../../../typography/french.mjs';

/** A slide whose content is taller than the slide: Marp would cut it off without a word. */
export interface SlideOverflow {
  /** 1-based slide number, as shown in the deck. */
  slide: number;
  /** How many CSS pixels stick out at the bottom. */
  pixels: number;
}

/**
 * Renders a deck with Marp Core and the kit's themes in a browser page and measures every slide.
 * The same engine and themes as the real decks, so what overflows here overflows in the PDF and PPTX.
 */
export async function overflowingSlides(page: Page, markdown: string, themes: string[]): Promise<SlideOverflow[]> {
  const marp = new Marp({ html: false }).use(markdownItFrenchTypography);
  for (const css of themes) marp.themeSet.add(css);
  const { html, css } = marp.render(markdown);
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style></head><body>${html}</body></html>`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // A slide with a background image is drawn as several layered sections; the text is in the one that
  // is not a background layer. Marp numbers each slide's sections with the slide's number (id).
  return page.evaluate(() =>
    [...document.querySelectorAll('div.marpit > svg > foreignObject > section')]
      .filter((section) => !['background', 'pseudo'].includes(section.getAttribute('data-marpit-advanced-background') ?? ''))
      .map((section) => ({ slide: Number(section.id), pixels: section.scrollHeight - section.clientHeight }))
      .filter((slide) => slide.pixels > 2),
  );
}
