// One layout per slide class of the theme: each places the slide's blocks as the theme draws that class.
import type PptxGenJS from 'pptxgenjs';
import { COLOR, CONTENT_BOTTOM, PAD, PX, SLIDE } from './look.ts';
import { drawBackgrounds, framesOf, GAP, isTitle, stack } from './place-blocks.ts';
import type { Block, Picture, SlideContent } from './slide-content.ts';
import { contentStyle, layText, type TextStyle } from './text-layout.ts';

/** The deck's logos as pictures: the master's footer shows them, the title slide adds the partners' when the deck omits them. */
export interface Deck {
  signatoryLogo: Picture;
  partnerLogos: Picture[];
}

type Layout = (slide: PptxGenJS.Slide, content: SlideContent, deck: Deck) => void;

/** No class (and unknown classes): the title, then text and pictures down the slide. */
export const defaultLayout: Layout = (slide, content) => {
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

export const layouts: Record<string, Layout> = {
  titre: titleLayout,
  intervenant: speakerLayout,
  section: sectionLayout,
  colonnes: columnsLayout,
  citation: quoteLayout,
  schema: diagramLayout,
  fin: closingLayout,
};
