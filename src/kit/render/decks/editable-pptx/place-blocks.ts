// Placing a slide's blocks: text frames and pictures stacked in a box, text shrunk if it must.
// The slide's Marp backgrounds are drawn first, and leave that box.
import type PptxGenJS from 'pptxgenjs';
import { COLOR, PAD, PX, SLIDE, type Box } from './look.ts';
import type { Background, Block, Picture } from './slide-content.ts';
import { layText, type TextStyle } from './text-layout.ts';

type Frame = { kind: 'text'; blocks: Block[] } | { kind: 'pictures'; pictures: Picture[] };

export const isTitle = (block: Block) => block.kind === 'heading' && block.level === 1;

/** A title is a frame of its own; the text blocks after it share one frame (one editable list); each row of pictures is a frame. */
export function framesOf(blocks: Block[]): Frame[] {
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

export const GAP = 0.2;
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
export function stack(slide: PptxGenJS.Slide, blocks: Block[], box: Box, style: TextStyle, valign: 'top' | 'middle' = 'top', maxPictureHeight = Infinity): void {
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

// ---------------------------------------------------------------------------------------------------

/** Draws the slide's Marp backgrounds; returns the box left for the content (a split one takes a side). */
export function drawBackgrounds(slide: PptxGenJS.Slide, backgrounds: Background[], bottom: number): Box {
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
