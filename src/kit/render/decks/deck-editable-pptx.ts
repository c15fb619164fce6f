import { Marp } from '@marp-team/marp-core';
import PptxGenJS from 'pptxgenjs';
import sharp from 'sharp';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { markdownItFrenchTypography } from '../../../typography/french.mjs';
import { reproducibleZip } from '../../output/reproducible-zip.ts';
import type { DeckProperties } from './deck-pptx.ts';

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

// ---------------------------------------------------------------------------------------------------
// What a slide says, read from Marp's own tokens (the parse the HTML deck is rendered from)
// ---------------------------------------------------------------------------------------------------

/** A stretch of text with one look. `lineBreak`: a line break comes before it (Marp keeps single newlines). */
interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  href?: string;
  lineBreak?: boolean;
}

/** An image of the deck: its data URI, pixel size, text alternative and, if the alt said so, its size in CSS pixels. */
interface Picture {
  data: string;
  alt: string;
  pixels: { width: number; height: number };
  css?: { width?: number; height?: number };
}

interface ListMark {
  ordered: boolean;
  /** 0 for a top-level item, 1 for an item of a nested list… */
  level: number;
  start: number;
  /** false for the second paragraph of an item: indented like the item, without a bullet. */
  marker: boolean;
}

type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; list?: ListMark; quote: boolean }
  /** The images of one paragraph, side by side (a row of logos), or one picture alone. */
  | { kind: 'pictures'; pictures: Picture[] };

/** A Marp background (`![bg]`, `![bg right:38%]`): the whole slide, or one side of it. */
interface Background {
  picture: Picture;
  split?: 'left' | 'right';
  /** Share of the slide width the split background takes (0.5 when not given). */
  share: number;
}

interface SlideContent {
  classes: string[];
  paginate: boolean;
  blocks: Block[];
  backgrounds: Background[];
  notes: string;
}

type Token = ReturnType<Marp['markdown']['parse']>[number];

const dataImage = /^data:image\/(png|jpe?g|gif);base64,/i;

/** Width and height of a PNG/JPEG data URI, as its header says. */
async function pixelSize(data: string): Promise<{ width: number; height: number }> {
  const { width, height } = await sharp(Buffer.from(data.slice(data.indexOf(',') + 1), 'base64')).metadata();
  return { width: width ?? 1, height: height ?? 1 };
}

/** The alt text without Marp's keywords (`w:385px`, `bg`…), and the size keywords in CSS pixels. */
function pictureOf(image: Token, pixels: { width: number; height: number }): Picture {
  const marpImage = image.meta?.marpitImage ?? {};
  const words: { content: string; consumed: boolean }[] = marpImage.options ?? [];
  const px = (value: unknown) => (typeof value === 'string' && /^[\d.]+px$/.test(value) ? Number.parseFloat(value) : undefined);
  const width = px(marpImage.width);
  const height = px(marpImage.height);
  return {
    data: image.attrGet('src') ?? '',
    alt: words.filter((word) => !word.consumed).map((word) => word.content).join(' '),
    pixels,
    css: width || height ? { width, height } : undefined,
  };
}

/** The runs of an inline token; its images are handed to `onImage`. */
function runsOf(inline: Token, onImage: (image: Token) => void): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let lineBreak = false;
  const push = (text: string) => {
    runs.push({ text, bold: bold > 0, italic: italic > 0, href, lineBreak });
    lineBreak = false;
  };
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italic++; break;
      case 'em_close': italic--; break;
      case 'link_open': href = child.attrGet('href') ?? undefined; break;
      case 'link_close': href = undefined; break;
      case 'softbreak':
      case 'hardbreak': lineBreak = runs.length > 0; break;
      case 'image': onImage(child); break;
      case 'marpit_comment': break; // a speaker note, collected with the others
      default: if (child.content) push(child.content);
    }
  }
  return runs;
}

/** Speaker notes as Marp collects them: the HTML comments that are not directives. */
const isNote = (token: Token) => token.type === 'marpit_comment' && token.meta?.marpitCommentParsed === undefined;

/** Each slide of the deck, read from Marp's tokens: its classes, blocks, backgrounds and notes. */
async function readSlides(markdown: string, themes: string[]): Promise<SlideContent[]> {
  const marp = new Marp({ html: false, inlineSVG: true }).use(markdownItFrenchTypography);
  for (const css of themes) marp.themeSet.add(css);
  const tokens = marp.markdown.parse(markdown, {});
  const sizes = new Map<string, Promise<{ width: number; height: number }>>();
  const sizeOf = (data: string) => sizes.get(data) ?? sizes.set(data, pixelSize(data)).get(data)!;
  const slides: SlideContent[] = [];
  let slide: SlideContent | undefined;
  let notes: string[] = [];
  let heading = 0;
  let quote = 0;
  const lists: { ordered: boolean; start: number; itemParagraphs: number }[] = [];
  const pending: Promise<void>[] = [];

  /** A paragraph's images: its backgrounds go to the slide, the others make one row of pictures. */
  const addImages = (images: Token[], target: SlideContent) => {
    const row: Picture[] = [];
    for (const image of images) {
      const data = image.attrGet('src') ?? '';
      if (!dataImage.test(data)) continue; // a web image cannot be embedded: the HTML deck still shows it
      const marpImage = image.meta?.marpitImage ?? {};
      // Placed now, measured later: the order stays the Markdown's whatever finishes first.
      const picture: Picture = { data, alt: '', pixels: { width: 1, height: 1 } };
      if (marpImage.background) {
        const share = Number.parseFloat(marpImage.backgroundSplitSize ?? '50') / 100;
        target.backgrounds.push({ picture, split: marpImage.backgroundSplit, share: Number.isFinite(share) ? share : 0.5 });
      } else row.push(picture);
      pending.push(sizeOf(data).then((pixels) => void Object.assign(picture, pictureOf(image, pixels))));
    }
    if (row.length > 0) target.blocks.push({ kind: 'pictures', pictures: row });
  };

  for (const token of tokens) {
    if (token.type === 'marpit_slide_open') {
      const directives = token.meta?.marpitDirectives ?? {};
      slide = { classes: String(directives.class ?? '').split(/\s+/).filter(Boolean), paginate: directives.paginate === true, blocks: [], backgrounds: [], notes: '' };
      notes = [];
      continue;
    }
    if (!slide) continue;
    if (token.type === 'marpit_slide_close') {
      slide.notes = notes.join('\n\n');
      slides.push(slide);
      slide = undefined;
      continue;
    }
    if (isNote(token)) notes.push(token.content);
    for (const child of token.children ?? []) if (isNote(child)) notes.push(child.content);
    switch (token.type) {
      case 'heading_open': heading = Number(token.tag.slice(1)); break;
      case 'heading_close': heading = 0; break;
      case 'blockquote_open': quote++; break;
      case 'blockquote_close': quote--; break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', start: Number(token.attrGet('start') ?? 1), itemParagraphs: 0 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close': lists.pop(); break;
      case 'list_item_open': lists.at(-1)!.itemParagraphs = 0; break;
      case 'fence':
      case 'code_block':
        slide.blocks.push({ kind: 'paragraph', runs: [{ text: token.content.replace(/\n$/, ''), bold: false, italic: false }], quote: quote > 0 });
        break;
      case 'inline':
      case 'marpit_hidden_inline': {
        const images: Token[] = [];
        const runs = runsOf(token, (image) => images.push(image));
        const hasText = runs.some((run) => run.text.trim() !== '');
        if (hasText && heading) slide.blocks.push({ kind: 'heading', level: heading, runs });
        else if (hasText) {
          const list = lists.at(-1);
          const mark = list && { ordered: list.ordered, level: lists.length - 1, start: list.start, marker: list.itemParagraphs++ === 0 };
          slide.blocks.push({ kind: 'paragraph', runs, list: mark, quote: quote > 0 });
        }
        addImages(images, slide);
        break;
      }
    }
  }
  await Promise.all(pending);
  return slides;
}

// ---------------------------------------------------------------------------------------------------
// The look: the theme slides/kit-qpv.css at PowerPoint's 13.33 × 7.5 in (1 CSS px = 1/96 in = 0.75 pt)
// ---------------------------------------------------------------------------------------------------

const SLIDE = { w: 13.333, h: 7.5 };
const PX = 1 / 96;
const PAD = { x: 72 * PX, y: 56 * PX };
const FONT = 'Source Sans 3';
const COLOR = { ink: '1D2430', muted: '4B5563', brand: '0F5C4D', brandSoft: 'E6F2EF', accent: 'A6360C', white: 'FFFFFF', onBrand: 'D1E7E1' };
/** Points of each text role (the theme's CSS pixels × 0.75); text is shrunk to fit, never under 18 pt. */
const SIZE = { h1: 39, h2: 33, h3: 27, body: 21, caption: 18, minimum: 18, pageNumber: 18 };
/** The master's footer: the logos' height and the line they stand on; content ends above it. */
const FOOTER = { logoHeight: 0.42, bottom: SLIDE.h - 0.22 };
const CONTENT_BOTTOM = FOOTER.bottom - FOOTER.logoHeight - 0.15;
const MASTER = { withLogos: 'KIT_QPV_LOGOS', plain: 'KIT_QPV', brand: 'KIT_QPV_COULEUR' };

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface TextLook {
  size: number;
  color: string;
}

/** How a slide kind draws its text: colours, alignment, the size of each role. */
interface TextStyle {
  color: string;
  strong: string;
  link: string;
  heading: string;
  caption: string;
  align: 'left' | 'center';
  headings: Record<number, number>;
  /** A paragraph's own size and colour, where the theme gives one (the speaker's name, a quotation…). */
  paragraph?: (block: Extract<Block, { kind: 'paragraph' }>) => Partial<TextLook> | undefined;
  /** Lists drawn without bullets (the closing slide's contact lines). */
  plainLists?: boolean;
  /** Pictures on a white rounded box, as the title slide shows logos on the brand colour. */
  framedPictures?: boolean;
  /** Pictures centred (text-align: center); otherwise they start on the left, as the text does. */
  centredPictures?: boolean;
}

const contentStyle: TextStyle = { color: COLOR.ink, strong: COLOR.accent, link: COLOR.brand, heading: COLOR.brand, caption: COLOR.muted, align: 'left', headings: { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } };

/** A paragraph that is only italic text is a caption (« Photo à fournir : … — crédit : … »). */
const isCaption = (block: Block) => block.kind === 'paragraph' && !block.list && block.runs.every((run) => run.italic || run.text.trim() === '');

/** Rough advance of a character in em, for a sans serif as wide as Arial (PowerPoint's stand-in when Source Sans 3 is missing). */
function charWidth(char: string): number {
  if (char === ' ' || char === '\u00a0' || char === '\u202f') return 0.28;
  if (/[iljtfrI.,;:!'’()«»|-]/.test(char)) return 0.3;
  if (/[mwMW]/.test(char)) return 0.85;
  if (/[A-ZÀ-Ý0-9]/.test(char)) return 0.66;
  return 0.54;
}

/** Lines a paragraph takes in `width` inches at `size` points, wrapping at spaces as a text frame does. */
function lineCount(runs: Run[], width: number, size: number): number {
  const widthEm = (width * 72) / size;
  let lines = 1;
  let line = 0;
  for (const run of runs) {
    if (run.lineBreak) {
      lines++;
      line = 0;
    }
    for (const word of run.text.split(/(?<= )/)) {
      const advance = [...word].reduce((sum, char) => sum + charWidth(char), 0) * (run.bold ? 1.07 : 1);
      if (line > 0 && line + advance - 0.28 > widthEm) {
        lines++;
        line = 0;
      }
      line += advance;
    }
  }
  return lines;
}

/** A text frame's paragraphs at one scale: pptxgenjs runs, and the height they need. */
interface LaidText {
  runs: PptxGenJS.TextProps[];
  height: number;
}

/** Points between a bullet (or a number: « 10. » needs more) and its text, per list level. */
const INDENT = { bullet: 24, number: 34 };
const LINE = 1.2;

/** The size and colour of a text block in `style`, its size scaled, never under 18 pt. */
function lookOf(block: Exclude<Block, { kind: 'pictures' }>, style: TextStyle, scale: number): TextLook {
  const own = block.kind === 'paragraph' ? style.paragraph?.(block) : undefined;
  const base = block.kind === 'heading' ? (style.headings[block.level] ?? SIZE.body) : isCaption(block) ? SIZE.caption : (own?.size ?? SIZE.body);
  const color = block.kind === 'heading' ? style.heading : isCaption(block) ? style.caption : (own?.color ?? style.color);
  return { size: Math.max(SIZE.minimum, Math.round(base * scale * 2) / 2), color };
}

/** The pptxgenjs runs of text blocks, and their height in a frame `width` inches wide. */
function layText(blocks: Block[], width: number, style: TextStyle, scale: number): LaidText {
  const runs: PptxGenJS.TextProps[] = [];
  let height = 0;
  const texts = blocks.filter((block) => block.kind !== 'pictures');
  texts.forEach((block, index) => {
    const { size, color } = lookOf(block, style, scale);
    const list = block.kind === 'paragraph' && !style.plainLists ? block.list : undefined;
    const heading = block.kind === 'heading';
    const indent = list ? (list.ordered ? INDENT.number : INDENT.bullet) : 0;
    const last = index === texts.length - 1;
    const spaceAfter = last ? 0 : heading ? size * 0.35 : list ? size * 0.25 : size * 0.5;
    height += (lineCount(block.runs, width - (indent * ((list?.level ?? 0) + 1)) / 72, size) * size * LINE + spaceAfter) / 72;
    const bullet: PptxGenJS.TextPropsOptions['bullet'] = !list
      ? false
      : !list.marker
        ? { characterCode: '00A0', indent } // a second paragraph of an item: its indent, no bullet
        : list.ordered
          ? { type: 'number', numberStartAt: list.start, indent }
          : { indent };
    block.runs.forEach((run, at) => {
      const paragraph = at === 0 ? { bullet, indentLevel: list?.level || undefined, paraSpaceAfter: spaceAfter || undefined } : {};
      runs.push({
        text: run.text,
        options: {
          ...paragraph,
          align: style.align,
          fontFace: FONT,
          fontSize: size,
          lang: 'fr-FR',
          color: heading ? color : run.bold ? style.strong : run.href ? style.link : color,
          bold: heading || run.bold,
          italic: run.italic,
          ...(run.href ? { hyperlink: { url: run.href }, underline: { style: 'sng' as const } } : {}),
          ...(run.lineBreak && at > 0 ? { softBreakBefore: true } : {}),
          breakLine: at === block.runs.length - 1 && !last,
        },
      });
    });
  });
  return { runs, height: height + 0.08 };
}

// ---------------------------------------------------------------------------------------------------
// Placing a slide's blocks: text frames and pictures stacked in a box, text shrunk if it must
// ---------------------------------------------------------------------------------------------------

type Frame = { kind: 'text'; blocks: Block[] } | { kind: 'pictures'; pictures: Picture[] };

const isTitle = (block: Block) => block.kind === 'heading' && block.level === 1;

/** A title is a frame of its own; the text blocks after it share one frame (one editable list); each row of pictures is a frame. */
function framesOf(blocks: Block[]): Frame[] {
  const frames: Frame[] = [];
  for (const block of blocks) {
    const last = frames.at(-1);
    if (block.kind === 'pictures') frames.push({ kind: 'pictures', pictures: block.pictures });
    else if (last?.kind === 'text' && !isTitle(block) && !isTitle(last.blocks[0])) last.blocks.push(block);
    else frames.push({ kind: 'text', blocks: [block] });
  }
  return frames;
}

/** A picture's size from its Marp size keywords; without them, as wide as `width` allows. */
function preferredSize(picture: Picture, width: number): { w: number; h: number } {
  const aspect = picture.pixels.width / picture.pixels.height;
  const { width: cssWidth, height: cssHeight } = picture.css ?? {};
  if (cssWidth && cssHeight) return { w: cssWidth * PX, h: cssHeight * PX };
  if (cssWidth) return { w: cssWidth * PX, h: (cssWidth * PX) / aspect };
  if (cssHeight) return { w: cssHeight * PX * aspect, h: cssHeight * PX };
  return { w: width, h: width / aspect };
}

const GAP = 0.2;
/** Between the pictures of a row (the theme's 16 px), and around a framed one (its 10 px padding). */
const ROW_GAP = 16 * PX;
const FRAME_PAD = 10 * PX;

/** The pictures of a row at their preferred sizes, all scaled by one factor so the row fits `width`. */
function rowSizes(pictures: Picture[], width: number, framed: boolean): { w: number; h: number }[] {
  const pad = framed ? 2 * FRAME_PAD : 0;
  const sizes = pictures.map((picture) => preferredSize(picture, pictures.length === 1 ? width - pad : (width - pad) / pictures.length));
  const total = sizes.reduce((sum, size) => sum + size.w + pad, 0) + ROW_GAP * (pictures.length - 1);
  const fit = Math.min(1, width / total);
  return sizes.map((size) => ({ w: size.w * fit, h: size.h * fit }));
}

/**
 * Stacks frames in `box`, top first (or centred): text frames as tall as their text, rows of pictures
 * as big as the room left (aspect kept). When the text alone does not fit, every text is made smaller
 * together, down to 18 pt; the text frames also shrink on overflow in PowerPoint once edited.
 */
function stack(slide: PptxGenJS.Slide, blocks: Block[], box: Box, style: TextStyle, valign: 'top' | 'middle' = 'top', maxPictureHeight = Infinity): void {
  const frames = framesOf(blocks);
  const framed = style.framedPictures === true;
  const pad = framed ? 2 * FRAME_PAD : 0;
  const gaps = GAP * Math.max(0, frames.length - 1) + frames.filter((frame) => frame.kind === 'pictures').length * pad;
  const rows = frames.map((frame) => (frame.kind === 'pictures' ? rowSizes(frame.pictures, box.w, framed) : []));
  const rowHeight = (sizes: { h: number }[]) => Math.min(maxPictureHeight, Math.max(0, ...sizes.map((size) => size.h)));
  const minimumPictures = rows.reduce((sum, sizes) => sum + Math.min(1, rowHeight(sizes)), 0);
  let scale = 1;
  const layAll = () => frames.map((frame) => (frame.kind === 'text' ? layText(frame.blocks, box.w, style, scale) : undefined));
  let laid = layAll();
  const textHeight = () => laid.reduce((sum, text) => sum + (text?.height ?? 0), 0);
  while (scale > 0.5 && textHeight() + gaps + minimumPictures > box.h) {
    scale -= 0.04;
    laid = layAll();
  }
  // Pictures share what the text leaves, each row at most its preferred height.
  const room = Math.max(0, box.h - textHeight() - gaps);
  const wanted = rows.reduce((sum, sizes) => sum + rowHeight(sizes), 0);
  const shrink = wanted > room ? room / wanted : 1;
  const heights = frames.map((frame, index) => (frame.kind === 'text' ? laid[index]!.height : rowHeight(rows[index]) * shrink + pad));
  const total = heights.reduce((sum, height) => sum + height, 0) + GAP * Math.max(0, frames.length - 1);
  let y = valign === 'middle' ? box.y + Math.max(0, (box.h - total) / 2) : box.y;
  frames.forEach((frame, index) => {
    if (frame.kind === 'text') {
      const text = laid[index]!;
      // As tall as its text, no taller: LibreOffice (7.4) also grows shrink-on-overflow text to fill its frame.
      slide.addText(text.runs, { x: box.x, y, w: box.w, h: Math.max(0.3, Math.min(text.height, box.y + box.h - y)), margin: 0, valign: 'top', fit: 'shrink', objectName: isTitle(frame.blocks[0]) ? 'Titre' : 'Texte' });
    } else {
      const factor = (heights[index] - pad) / Math.max(0.01, rowHeight(rows[index]));
      const sizes = rows[index].map((size) => ({ w: size.w * factor, h: size.h * factor }));
      const width = sizes.reduce((sum, size) => sum + size.w + pad, 0) + ROW_GAP * (sizes.length - 1);
      let x = style.align === 'center' || style.centredPictures ? box.x + (box.w - width) / 2 : box.x;
      frame.pictures.forEach((picture, at) => {
        const size = sizes[at];
        addPicture(slide, picture, { x: x + pad / 2, y: y + pad / 2 + (heights[index] - pad - size.h) / 2, ...size }, framed);
        x += size.w + pad + ROW_GAP;
      });
    }
    y += heights[index] + GAP;
  });
}

/** A picture in `box`; `framed`: on a white rounded box around it. */
function addPicture(slide: PptxGenJS.Slide, picture: Picture, box: Box, framed = false): void {
  if (framed) {
    slide.addShape('roundRect', { x: box.x - FRAME_PAD, y: box.y - FRAME_PAD, w: box.w + 2 * FRAME_PAD, h: box.h + 2 * FRAME_PAD, fill: { color: COLOR.white }, line: { color: COLOR.white, width: 0.5 }, rectRadius: 8 * PX, objectName: 'Fond blanc' });
  }
  // pptxgenjs would describe a picture without alt text by its file name (« preencoded.png »).
  slide.addImage({ data: picture.data, ...box, altText: picture.alt || 'Image', objectName: picture.alt || 'Image' });
}

/** A picture covering `box` entirely, cropped rather than stretched (Marp's backgrounds are `cover`). */
function addCover(slide: PptxGenJS.Slide, picture: Picture, box: Box): void {
  const aspect = picture.pixels.width / picture.pixels.height;
  const height = Math.max(box.w / aspect, box.h);
  slide.addImage({ data: picture.data, x: box.x, y: box.y, w: height * aspect, h: height, sizing: { type: 'cover', w: box.w, h: box.h }, altText: picture.alt || 'Image de fond', objectName: picture.alt || 'Image de fond' });
}

// ---------------------------------------------------------------------------------------------------
// One layout per slide class of the theme
// ---------------------------------------------------------------------------------------------------

/** Draws the slide's Marp backgrounds; returns the box left for the content (a split one takes a side). */
function drawBackgrounds(slide: PptxGenJS.Slide, backgrounds: Background[], bottom: number): Box {
  const full = backgrounds.filter((background) => !background.split);
  const split = backgrounds.filter((background) => background.split);
  full.forEach((background, index) => addCover(slide, background.picture, { x: (SLIDE.w / full.length) * index, y: 0, w: SLIDE.w / full.length, h: SLIDE.h }));
  const box = { x: PAD.x, y: PAD.y, w: SLIDE.w - 2 * PAD.x, h: bottom - PAD.y };
  if (split.length === 0) return box;
  const width = SLIDE.w * Math.min(0.9, split[0].share);
  const right = split[0].split === 'right';
  const left = right ? SLIDE.w - width : 0;
  split.forEach((background, index) => addCover(slide, background.picture, { x: left + (width / split.length) * index, y: 0, w: width / split.length, h: SLIDE.h }));
  return { ...box, x: right ? PAD.x : width + PAD.x, w: SLIDE.w - width - 2 * PAD.x };
}

type Layout = (slide: PptxGenJS.Slide, content: SlideContent, deck: Deck) => void;

/** No class (and unknown classes): the title, then text and pictures down the slide. */
const defaultLayout: Layout = (slide, content) => {
  stack(slide, content.blocks, drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM), contentStyle);
};

/** One big drawing under the title (the AMI steps), centred in the room left, at most 520 px high as in the theme. */
const diagramLayout: Layout = (slide, content) => {
  const box = drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM);
  const title = content.blocks[0] && isTitle(content.blocks[0]) ? [content.blocks[0]] : [];
  const titleHeight = title.length > 0 ? layText(title, box.w, contentStyle, 1).height + GAP : 0;
  stack(slide, title, { ...box, h: titleHeight }, contentStyle);
  stack(slide, content.blocks.slice(title.length), { ...box, y: box.y + titleHeight, h: box.h - titleHeight }, { ...contentStyle, centredPictures: true }, 'middle', 520 * PX);
};

/** The title slide on the brand colour: the signatory's logo on white, title, subtitle, presenter, the partners' logos. */
const titleLayout: Layout = (slide, content, deck) => {
  const blocks = [...content.blocks];
  // The partners' logos come from the deck (`{{ logos.partenaires }}`); a deck without them still shows them.
  if (blocks.filter((block) => block.kind === 'pictures').length < 2 && deck.partnerLogos.length > 0) {
    blocks.push({ kind: 'pictures', pictures: deck.partnerLogos.map((logo) => ({ ...logo, css: { height: 80 } })) });
  }
  const white = COLOR.white;
  stack(slide, blocks, drawBackgrounds(slide, content.backgrounds, SLIDE.h - PAD.y), { ...contentStyle, color: white, strong: white, link: white, heading: white, caption: COLOR.onBrand, framedPictures: true }, 'middle');
};

/** « Qui vous parle ? » : the presenting AMO, centred: logo, name (large), organisation, contact (muted). */
const speakerLayout: Layout = (slide, content) => {
  const paragraphs = content.blocks.filter((block) => block.kind === 'paragraph');
  const style: TextStyle = {
    ...contentStyle,
    paragraph: (block) => (block.runs.some((run) => run.bold) ? { size: 27 } : block === paragraphs.at(-1) && paragraphs.length > 1 ? { color: COLOR.muted } : undefined),
  };
  stack(slide, content.blocks, drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM), style, 'middle');
};

/** A section divider on the brand's soft colour, a thick brand bar on the left: big title, muted subtitle. */
const sectionLayout: Layout = (slide, content) => {
  slide.background = { color: COLOR.brandSoft };
  slide.addShape('rect', { x: 0, y: 0, w: 24 * PX, h: SLIDE.h, fill: { color: COLOR.brand }, line: { color: COLOR.brand, width: 0 }, objectName: 'Barre' });
  const style: TextStyle = { ...contentStyle, headings: { ...contentStyle.headings, 1: 48 }, paragraph: () => ({ size: 24, color: COLOR.muted }) };
  stack(slide, content.blocks, drawBackgrounds(slide, content.backgrounds, SLIDE.h - PAD.y), style, 'middle');
};

/** Columns: what follows the title is cut at each h2, each part a text frame side by side. */
const columnsLayout: Layout = (slide, content) => {
  const box = drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM);
  const firstColumn = content.blocks.findIndex((block) => block.kind === 'heading' && block.level === 2);
  if (firstColumn < 0) return stack(slide, content.blocks, box, contentStyle);
  const style: TextStyle = { ...contentStyle, headings: { ...contentStyle.headings, 2: 25.5 } };
  const head = content.blocks.slice(0, firstColumn);
  const headHeight = head.length > 0 ? framesOf(head).reduce((sum, frame) => sum + (frame.kind === 'text' ? layText(frame.blocks, box.w, style, 1).height : 0) + GAP, 0) : 0;
  if (head.length > 0) stack(slide, head, { ...box, h: headHeight }, style);
  const columns: Block[][] = [];
  for (const block of content.blocks.slice(firstColumn)) {
    if (block.kind === 'heading' && block.level === 2) columns.push([]);
    columns.at(-1)!.push(block);
  }
  const gutter = 64 * PX;
  const width = (box.w - gutter * (columns.length - 1)) / columns.length;
  const top = box.y + headHeight;
  // One heading height for all, so the columns' lists start on the same line.
  const headingHeight = Math.max(...columns.map(([heading]) => layText([heading], width, style, 1).height));
  columns.forEach(([heading, ...body], index) => {
    const x = box.x + index * (width + gutter);
    stack(slide, [heading], { x, y: top, w: width, h: headingHeight }, style);
    // The theme's h2 rule: a 4 px line in the brand's soft colour under the heading.
    slide.addShape('line', { x, y: top + headingHeight, w: width, h: 0, line: { color: COLOR.brandSoft, width: 3 }, objectName: 'Filet' });
    stack(slide, body, { x, y: top + headingHeight + GAP, w: width, h: box.y + box.h - top - headingHeight - GAP }, style);
  });
};

/** A quotation, large, a brand bar on its left, and its source beneath, muted. */
const quoteLayout: Layout = (slide, content) => {
  const box = drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM);
  const quoted = content.blocks.filter((block) => block.kind === 'paragraph' && block.quote);
  if (quoted.length === 0) return stack(slide, content.blocks, box, contentStyle, 'middle');
  const style: TextStyle = {
    ...contentStyle,
    headings: { ...contentStyle.headings, 1: 30 },
    paragraph: (block) => (block.quote ? { size: 27 } : { size: 18, color: COLOR.muted }),
  };
  const bar = 8 * PX;
  const indent = bar + 32 * PX;
  const title = content.blocks.filter(isTitle);
  const after = content.blocks.slice(content.blocks.lastIndexOf(quoted.at(-1)!) + 1);
  const heights = [title, quoted, after].map((blocks) => (blocks.length > 0 ? layText(blocks, box.w - (blocks === quoted ? indent : 0), style, 1).height : 0));
  const total = heights.reduce((sum, height) => sum + height, 0) + GAP * 2;
  let y = box.y + Math.max(0, (box.h - total) / 2);
  if (title.length > 0) stack(slide, title, { ...box, y, h: heights[0] }, style);
  y += heights[0] + GAP;
  const quoteHeight = Math.min(heights[1], box.y + box.h - y - heights[2] - GAP);
  slide.addShape('rect', { x: box.x, y, w: bar, h: quoteHeight, fill: { color: COLOR.brand }, line: { color: COLOR.brand, width: 0 }, objectName: 'Barre' });
  stack(slide, quoted, { x: box.x + indent, y, w: box.w - indent, h: quoteHeight }, style);
  y += quoteHeight + GAP;
  if (after.length > 0) stack(slide, after, { ...box, y, h: box.y + box.h - y }, style);
};

/** The closing slide: everything centred, the question large, contact lines without bullets, logos in a row. */
const closingLayout: Layout = (slide, content) => {
  const style: TextStyle = { ...contentStyle, align: 'center', headings: { ...contentStyle.headings, 1: 54 }, plainLists: true };
  stack(slide, content.blocks, drawBackgrounds(slide, content.backgrounds, CONTENT_BOTTOM), style, 'middle');
};

const layouts: Record<string, Layout> = {
  titre: titleLayout,
  intervenant: speakerLayout,
  section: sectionLayout,
  colonnes: columnsLayout,
  citation: quoteLayout,
  schema: diagramLayout,
  fin: closingLayout,
};

// ---------------------------------------------------------------------------------------------------
// The deck
// ---------------------------------------------------------------------------------------------------

interface Deck {
  signatoryLogo: Picture;
  partnerLogos: Picture[];
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
 * Fixes what pptxgenjs 4.0.1 writes against the Office schema, which PowerPoint answers with a repair
 * prompt: a paragraph gets an `<a:pPr>` before each of its runs (only one is allowed, first: the one
 * with the bullet), and a colour background lacks its `<a:effectLst/>`.
 */
function schemaValid(xml: string): string {
  const paragraphProperties = /<a:pPr\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g;
  return xml
    .replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_whole, inner: string) => {
      const first = inner.startsWith('<a:pPr') ? (inner.match(paragraphProperties)?.[0] ?? '') : '';
      return `<a:p>${first}${inner.slice(first.length).replace(paragraphProperties, '')}</a:p>`;
    })
    .replace(/(<\/a:solidFill>)<\/p:bgPr>/g, '$1<a:effectLst/></p:bgPr>');
}

/**
 * A bullet takes the colour of its paragraph's text, not of a bold first run (the theme colours only
 * `strong`): the colour of the first run that is not bold, written as the bullet's own.
 */
function bulletsInTextColour(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (paragraph: string) => {
    if (!paragraph.includes('<a:buSzPct')) return paragraph;
    const runs = [...paragraph.matchAll(/<a:rPr\b([^>]*)>\s*<a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g)];
    const colour = (runs.find((run) => !/\bb="1"/.test(run[1])) ?? runs[0])?.[2];
    return colour ? paragraph.replace('<a:buSzPct', `<a:buClr><a:srgbClr val="${colour}"/></a:buClr><a:buSzPct`) : paragraph;
  });
}

/** The date pptxgenjs gave the file, kept for its zip entries (the build re-dates everything later). */
function writtenAt(entries: Record<string, Uint8Array>): Date {
  const created = /<dcterms:created\b[^>]*>([^<]+)</.exec(strFromU8(entries['docProps/core.xml'] ?? new Uint8Array()))?.[1];
  const date = new Date(created ?? Date.now());
  return Number.isNaN(date.getTime()) ? new Date() : date;
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
  return reproducibleZip(written, writtenAt(unzipSync(written)), (name, data) => (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name) ? strToU8(bulletsInTextColour(schemaValid(strFromU8(data)))) : data));
}
