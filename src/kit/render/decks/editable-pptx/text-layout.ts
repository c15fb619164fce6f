// Text as PowerPoint will set it: each block's size and colour in a slide kind's style, its lines
// measured to know the height of its frame, and the pptxgenjs runs that draw it.
import type PptxGenJS from 'pptxgenjs';
import { COLOR, FONT, SIZE } from './look.ts';
import type { Block, Run } from './slide-content.ts';

interface TextLook {
  size: number;
  color: string;
}

/** How a slide kind draws its text: colours, alignment, the size of each role. */
export interface TextStyle {
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

export const contentStyle: TextStyle = { color: COLOR.ink, strong: COLOR.accent, link: COLOR.brand, heading: COLOR.brand, caption: COLOR.muted, align: 'left', headings: { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } };

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
export function layText(blocks: Block[], width: number, style: TextStyle, scale: number): LaidText {
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
