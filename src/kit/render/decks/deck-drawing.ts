import { Marp } from '@marp-team/marp-core';
import type { Page } from 'puppeteer-core';
import { markdownItFrenchTypography } from '../../../typography/french.mjs';
import { digest } from '../../cache/output-cache.ts';
import { headingTexts } from '../print/pdf-metadata.ts';

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
  /** The notes PDF: an A4 page per slide, the slide above what the presenter says (tagged, no metadata yet). */
  notesPdf: Uint8Array;
  /** Each slide as a PNG of `SLIDE_PICTURE` size, in order. */
  pictures: Uint8Array[];
  /** Each slide's speaker notes (its HTML comments), in order; empty when it has none. */
  notes: string[];
  overflow: SlideOverflow[];
  /** The slides' headings' text, to mend the PDFs' bookmarks (see `withMetadata`). */
  headings: string[];
}

/** Slides are 1280 × 720 CSS pixels (16:9); their pictures 1920 × 1080 (Full HD, a projector's resolution). */
const SLIDE = { width: 1280, height: 720 };
export const SLIDE_PICTURE = { width: 1920, height: 1080 };

/** A deck through Marp Core with the kit's French typography and themes: the same engine as marp-cli's HTML. */
function renderMarp(markdown: string, themes: string[]): { slides: string[]; css: string; comments: string[][] } {
  const marp = new Marp({ html: false, inlineSVG: true }).use(markdownItFrenchTypography);
  for (const css of themes) marp.themeSet.add(css);
  const { html, css, comments } = marp.render(markdown, { htmlAsArray: true });
  return { slides: html as unknown as string[], css, comments };
}

/**
 * Pictures of slides already taken in this build, by what draws them (the slide's HTML and the deck's
 * CSS): most slides are the same for every signatory (only the title, « qui vous parle » and closing
 * slides carry their name, logo and contact), so fifty decks take each shared slide's picture once.
 */
export type SlidePictures = Map<string, Promise<Uint8Array>>;

/** The picture of `key` taken by another deck, or by `take` here (again, if the other deck's page failed). */
async function sharedPicture(pictures: SlidePictures, key: string, take: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const known = pictures.get(key);
  if (known) {
    const picture = await known.catch(() => undefined);
    if (picture) return picture;
  }
  const taking = take();
  pictures.set(key, taking);
  taking.catch(() => pictures.get(key) === taking && pictures.delete(key));
  return taking;
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
export async function drawDeck(page: Page, markdown: string, themes: string[], heading: NotesHeading, shared: SlidePictures): Promise<DrawnDeck> {
  const { slides, css, comments } = renderMarp(markdown, themes);
  const html = `<div class="marpit">${slides.join('')}</div>`;
  const notes = comments.map((parts) => parts.join('\n\n'));
  await page.setViewport({ ...SLIDE, deviceScaleFactor: SLIDE_PICTURE.width / SLIDE.width });
  const layout = `@page{size:${SLIDE.width}px ${SLIDE.height}px;margin:0}html,body{margin:0;padding:0;background:#fff}div.marpit>svg{display:block;width:${SLIDE.width}px;height:${SLIDE.height}px;break-after:page}`;
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style><style id="deck-layout">${layout}</style></head><body>${html}</body></html>`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(measureOverflow);
  const headings = await page.evaluate(headingTexts);
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
    const look = digest(css);
    for (let slide = 0; slide < count; slide++) {
      const picture = await sharedPicture(shared, digest(look, slides[slide]), async () => {
        await page.evaluate((top) => window.scrollTo(0, top), slide * SLIDE.height);
        const { data } = await camera.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
        return Buffer.from(data, 'base64');
      });
      pictures.push(picture);
    }
  } finally {
    await camera.detach().catch(() => {});
  }
  await page.evaluate(layOutNotes, notes, heading, NOTES_LAYOUT);
  const notesPdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
  return { pdf, notesPdf, pictures, notes, overflow, headings };
}

/** What heads each page of the notes PDF: the deck's title and who presents it. */
export interface NotesHeading {
  title: string;
  author: string;
}

/**
 * The notes PDF's page: A4 portrait, as PowerPoint's « Pages de commentaires » — a running head, the
 * slide (the same vector drawing, scaled: its text stays text), then its notes in reading size.
 */
const NOTES_LAYOUT = `@page{size:A4;margin:14mm 18mm 16mm}
html,body{margin:0;padding:0;background:#fff}
body{font-family:'Source Sans 3',system-ui,sans-serif;color:#1d2430}
.notes-page{break-after:page}
.notes-page:last-child{break-after:auto}
.notes-head{display:flex;justify-content:space-between;gap:8mm;font-size:10pt;color:#4b5563;border-bottom:0.5pt solid #c9d1cf;padding-bottom:2mm;margin-bottom:5mm}
.notes-page div.marpit>svg{display:block;width:100%;height:auto;aspect-ratio:16/9;outline:0.5pt solid #c9d1cf}
.notes-text{margin-top:7mm;font-size:12.5pt;line-height:1.5}
.notes-text .notes-label{font-size:10.5pt;font-weight:700;text-transform:uppercase;letter-spacing:0.04em;color:#0f5c4d;margin:0 0 2mm}
.notes-text p{margin:0 0 3mm}
.notes-none{color:#4b5563;font-style:italic}`;

/** Regroups the drawn slides, in the page, into notes pages (runs in the page: self-contained). */
function layOutNotes(notes: string[], heading: NotesHeading, css: string): void {
  document.getElementById('deck-layout')!.textContent = css;
  const slides = [...document.querySelectorAll('div.marpit > svg')];
  const element = (tag: string, className: string, text?: string) => {
    const created = document.createElement(tag);
    created.className = className;
    if (text !== undefined) created.textContent = text;
    return created;
  };
  slides.forEach((slide, index) => {
    const sheet = element('article', 'notes-page');
    const head = element('header', 'notes-head');
    head.append(element('span', '', `${heading.title} — ${heading.author}`), element('span', '', `Diapositive ${index + 1} sur ${slides.length}`));
    const frame = element('div', 'marpit');
    const text = element('section', 'notes-text');
    text.append(element('p', 'notes-label', 'Ce que dit la personne qui présente'));
    const paragraphs = (notes[index] ?? '').split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
    if (paragraphs.length === 0) text.append(element('p', 'notes-none', 'Pas de note pour cette diapositive.'));
    for (const paragraph of paragraphs) text.append(element('p', '', paragraph));
    sheet.append(head, frame, text);
    slide.replaceWith(sheet);
    frame.append(slide);
  });
}
