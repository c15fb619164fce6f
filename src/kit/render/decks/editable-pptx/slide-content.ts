// What a slide says, in the shapes the reader yields and the layouts place: runs of text, pictures,
// blocks (headings, paragraphs, rows of pictures) and Marp backgrounds.

/** A stretch of text with one look. `lineBreak`: a line break comes before it (Marp keeps single newlines). */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  href?: string;
  lineBreak?: boolean;
}

/** An image of the deck: its data URI, pixel size, text alternative and, if the alt said so, its size in CSS pixels. */
export interface Picture {
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

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; list?: ListMark; quote: boolean }
  /** The images of one paragraph, side by side (a row of logos), or one picture alone. */
  | { kind: 'pictures'; pictures: Picture[] };

/** A Marp background (`![bg]`, `![bg right:38%]`): the whole slide, or one side of it. */
export interface Background {
  picture: Picture;
  split?: 'left' | 'right';
  /** Share of the slide width the split background takes (0.5 when not given). */
  share: number;
}

export interface SlideContent {
  classes: string[];
  paginate: boolean;
  blocks: Block[];
  backgrounds: Background[];
  notes: string;
}
