// The entry point: the deck read slide by slide, each laid out on its master, then the file pptxgenjs
// writes made schema-valid.
import PptxGenJS from 'pptxgenjs';
import type { DeckProperties } from '../deck-pptx.ts';
import { COLOR, FONT, FOOTER, MASTER, PAD, SIZE, SLIDE } from './look.ts';
import { fixedPptx } from './pptx-fixes.ts';
import { pixelSize, readSlides } from './read-slides.ts';
import type { Picture, SlideContent } from './slide-content.ts';
import { defaultLayout, layouts, type Deck } from './slide-layouts.ts';

/** A logo the slide master or the title slide shows: its PNG and its text alternative. */
export interface DeckLogo {
  png: Buffer;
  alt: string;
}

export interface EditableDeckInput {
  /** The signatory's deck, Marp Markdown with frontmatter: tokens already filled, every image a data URI (PNG/JPEG), the signatory's logo image alt carrying Marp size keywords like `w:385px h:128px`. */
  markdown: string;
  /** The deck themes' CSS (slides/*.css with fonts), as renderMarp in deck-drawing.ts registers them. */
  themes: string[];
  /** Carried by the slide master: the signatory's logo and the partners' logos (HPF, ANCT). */
  signatoryLogo: DeckLogo;
  partnerLogos: DeckLogo[];
  properties: DeckProperties;
}

async function logoPicture(logo: DeckLogo): Promise<Picture> {
  const data = `data:image/png;base64,${logo.png.toString('base64')}`;
  return { data, alt: logo.alt, pixels: await pixelSize(data) };
}

/**
 * The masters: white with the signatory's logo then the partners' in the bottom-left corner (content
 * slides); white without them (slides that show a logo themselves); the brand colour (the title slide).
 */
function defineMasters(pptx: PptxGenJS, deck: Deck): void {
  const objects: PptxGenJS.SlideMasterProps['objects'] = [];
  let x = PAD.x;
  for (const logo of [deck.signatoryLogo, ...deck.partnerLogos]) {
    const w = (FOOTER.logoHeight * logo.pixels.width) / logo.pixels.height;
    objects.push({ image: { data: logo.data, x, y: FOOTER.bottom - FOOTER.logoHeight, w, h: FOOTER.logoHeight, altText: logo.alt, objectName: logo.alt } });
    x += w + 0.25;
  }
  pptx.defineSlideMaster({ title: MASTER.withLogos, background: { color: COLOR.white }, objects });
  pptx.defineSlideMaster({ title: MASTER.plain, background: { color: COLOR.white } });
  pptx.defineSlideMaster({ title: MASTER.brand, background: { color: COLOR.brand } });
}

/** The master of a slide: the title slide is on the brand colour; a slide that shows a logo of the deck does without the footer's. */
function masterOf(content: SlideContent, kind: string | undefined, deck: Deck): string {
  if (kind === 'titre') return MASTER.brand;
  const logos = new Set([deck.signatoryLogo, ...deck.partnerLogos].map((logo) => logo.data));
  const showsLogo = content.blocks.some((block) => block.kind === 'pictures' && block.pictures.some((picture) => logos.has(picture.data)));
  return showsLogo || kind === 'section' ? MASTER.plain : MASTER.withLogos;
}

/** The page number, bottom right, as Marp's `paginate` draws it. */
function slideNumber(onBrand: boolean): PptxGenJS.SlideNumberProps {
  return { x: SLIDE.w - 1.5, y: SLIDE.h - 0.55, w: 1.2, h: 0.4, fontFace: FONT, fontSize: SIZE.pageNumber, color: onBrand ? COLOR.onBrand : COLOR.muted, align: 'right' };
}

/**
 * The deck as a PowerPoint file a presenter can edit: real titles, text, bullets and numbering (with
 * their levels), bold and italic runs, links and pictures, one slide per Marp slide, laid out like the
 * theme slides/kit-qpv.css, the speaker notes in the notes pane and the logos on the slide master.
 */
export async function editableDeckPptx(input: EditableDeckInput): Promise<Uint8Array> {
  const slides = await readSlides(input.markdown, input.themes);
  const deck: Deck = { signatoryLogo: await logoPicture(input.signatoryLogo), partnerLogos: await Promise.all(input.partnerLogos.map(logoPicture)) };
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = input.properties.title;
  pptx.author = input.properties.author;
  pptx.subject = input.properties.subject;
  pptx.company = input.properties.author;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  defineMasters(pptx, deck);
  for (const content of slides) {
    const kind = content.classes.find((name) => name in layouts);
    const masterName = masterOf(content, kind, deck);
    const slide = pptx.addSlide({ masterName });
    (kind ? layouts[kind] : defaultLayout)(slide, content, deck);
    if (content.paginate) slide.slideNumber = slideNumber(masterName === MASTER.brand);
    if (content.notes) slide.addNotes(content.notes);
  }
  const written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return fixedPptx(written);
}
