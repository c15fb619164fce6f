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

/** One deck drawn in the browser: its PDF, a picture of each slide, their notes, what overflows. */
export interface DrawnDeck {
  /** Chromium's PDF, one page per slide, tagged, with a bookmark per slide title (no metadata yet). */
  pdf: Uint8Array;
  /** Each slide as a PNG of `SLIDE_PICTURE` size, in order. */
  pictures: Uint8Array[];
  /** Each slide's speaker notes (its HTML comments), in order; empty when it has none. */
  notes: string[];
  overflow: SlideOverflow[];
}

/** Slides are 1280 × 720 CSS pixels (16:9); their pictures 1920 × 1080 (Full HD, a projector's resolution). */
const SLIDE = { width: 1280, height: 720 };
export const SLIDE_PICTURE = { width: 1920, height: 1080 };

/** A deck through Marp Core with the kit's French typography and themes: the same engine as marp-cli's HTML. */
function renderMarp(markdown: string, themes: string[]): { html: string; css: string; comments: string[][] } {
  const marp = new Marp({ html: false, inlineSVG: true }).use(markdownItFrenchTypography);
  for (const css of themes) marp.themeSet.add(css);
  return marp.render(markdown);
}

/** Each slide's text section (a slide with a background image is drawn as several layered sections). */
function measureOverflow(): SlideOverflow[] {
  return [...document.querySelectorAll('div.marpit > svg > foreignObject > section')]
    .filter((section) => !['background', 'pseudo'].includes(section.getAttribute('data-marpit-advanced-background') ?? ''))
    .map((section) => ({ slide: Number(section.id), pixels: section.scrollHeight - section.clientHeight }))
    .filter((slide) => slide.pixels > 2);
}

/**
 * Draws a deck once in a page of the shared browser and takes everything from that one layout: the
 * slides that overflow, the PDF (Chromium's own print: tagged, a bookmark per slide title) and a picture
 * of every slide (for the PPTX, the thumbnail and the notes). The slides are stacked one per window
 * height; each picture is the window scrolled to its slide.
 */
export async function drawDeck(page: Page, markdown: string, themes: string[]): Promise<DrawnDeck> {
  const { html, css, comments } = renderMarp(markdown, themes);
  await page.setViewport({ ...SLIDE, deviceScaleFactor: SLIDE_PICTURE.width / SLIDE.width });
  const layout = `@page{size:${SLIDE.width}px ${SLIDE.height}px;margin:0}html,body{margin:0;padding:0;background:#fff}div.marpit>svg{display:block;width:${SLIDE.width}px;height:${SLIDE.height}px;break-after:page}`;
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style><style>${layout}</style></head><body>${html}</body></html>`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(measureOverflow);
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
  const count = await page.evaluate(() => document.querySelectorAll('div.marpit > svg').length);
  // The pictures through a DevTools session of the deck's own: puppeteer's page.screenshot() lets one
  // page of the browser take a picture at a time, so decks drawn side by side would wait for each other
  // (measured: 8 decks 27.4 s that way, 21.2 s this way, same pixels). A new session starts without the
  // page's window settings: they are given again.
  const camera = await page.createCDPSession();
  const pictures: Uint8Array[] = [];
  try {
    await camera.send('Emulation.setDeviceMetricsOverride', { ...SLIDE, deviceScaleFactor: SLIDE_PICTURE.width / SLIDE.width, mobile: false });
    for (let slide = 0; slide < count; slide++) {
      await page.evaluate((top) => window.scrollTo(0, top), slide * SLIDE.height);
      const { data } = await camera.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
      pictures.push(Buffer.from(data, 'base64'));
    }
  } finally {
    await camera.detach().catch(() => {});
  }
  return { pdf, pictures, notes: comments.map((parts) => parts.join('\n\n')), overflow };
}
