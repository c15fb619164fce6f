// What a slide says, read from Marp's own tokens (the parse the HTML deck is rendered from).
import { Marp } from '@marp-team/marp-core';
import sharp from 'sharp';
import { markdownItFrenchTypography } from '../../../../typography/french.mjs';
import type { Picture, Run, SlideContent } from './slide-content.ts';

type Token = ReturnType<Marp['markdown']['parse']>[number];

const dataImage = /^data:image\/(png|jpe?g|gif);base64,/i;

/** Width and height of a PNG/JPEG data URI, as its header says. */
export async function pixelSize(data: string): Promise<{ width: number; height: number }> {
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
export async function readSlides(markdown: string, themes: string[]): Promise<SlideContent[]> {
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
