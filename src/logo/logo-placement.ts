// Where logos are shown and how big, written once: the printed documents, the Word letter, the deck and
// the site all size a logo from these boxes and its trimmed proportions. Pure data and arithmetic, so the
// letter builder uses it in the browser as well.

/** A box a logo must fit in, in the unit of the medium, and the space kept free around it. */
export interface LogoSlot {
  maxWidth: number;
  maxHeight: number;
  unit: 'mm' | 'px';
  /** Free space on each side, in the same unit. */
  clear: number;
  align: 'start' | 'center' | 'end';
}

/**
 * Every place a logo appears. Millimetres for print (and Word), CSS pixels for the screen. A wide mark
 * fills the width, a tall one the height; the area cap keeps a squat mark from looking heavier than a
 * wide one next to it.
 */
export const LOGO_SLOTS = {
  /** Letter: the sender's logo, top left. */
  letterHeader: { maxWidth: 60, maxHeight: 22, unit: 'mm', clear: 3, align: 'start' },
  /** Letter footer: the partners' logos, centred in a row. */
  letterFooter: { maxWidth: 34, maxHeight: 12, unit: 'mm', clear: 4, align: 'center' },
  /** Brochure: the partners' logos above the cover band. */
  brochurePartners: { maxWidth: 40, maxHeight: 14, unit: 'mm', clear: 4, align: 'start' },
  /** Brochure: the signatory's logo in the contact box. */
  brochureContact: { maxWidth: 38, maxHeight: 20, unit: 'mm', clear: 3, align: 'center' },
  /** Fact sheet: the signatory's logo, right of the title. */
  sheetHeader: { maxWidth: 45, maxHeight: 16, unit: 'mm', clear: 3, align: 'end' },
  /** Plain document (rulebook, forms): the signatory's and the partners' logos in the header row. */
  documentHeader: { maxWidth: 40, maxHeight: 13, unit: 'mm', clear: 4, align: 'start' },
  /** Site: a signatory's logo on the download pages. */
  siteSignatory: { maxWidth: 200, maxHeight: 72, unit: 'px', clear: 8, align: 'start' },
  /** Site footer: the partners' logos. */
  siteFooter: { maxWidth: 150, maxHeight: 48, unit: 'px', clear: 12, align: 'start' },
  /** Deck: the signatory's logo on the title slide (slide 1280 × 720 px). */
  deckTitle: { maxWidth: 520, maxHeight: 150, unit: 'px', clear: 10, align: 'start' },
  /** Deck: the partners' logos (HPF, ANCT) on the title and closing slides. */
  deckPartners: { maxWidth: 260, maxHeight: 80, unit: 'px', clear: 8, align: 'start' },
} as const satisfies Record<string, LogoSlot>;

export type LogoSlotName = keyof typeof LOGO_SLOTS;

/** Largest area a logo may take, as a share of the box's height squared (see `LOGO_SLOTS`). */
const AREA_CAP = 2.2;

/** The size a logo of proportions `aspect` (width / height) takes in `slot`, in the slot's unit (rounded to 0.1). */
export function fitLogo(aspect: number, slot: LogoSlot): { width: number; height: number } {
  const ratio = Number.isFinite(aspect) && aspect > 0 ? aspect : 1;
  let height = Math.min(slot.maxHeight, slot.maxWidth / ratio);
  const cap = AREA_CAP * slot.maxHeight * slot.maxHeight;
  if (height * height * ratio > cap) height = Math.sqrt(cap / ratio);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { width: round(height * ratio), height: round(height) };
}

/** Inline CSS giving a logo its size in `slot`: `width:38mm;height:12.7mm`. */
export function logoStyle(aspect: number, slot: LogoSlot): string {
  const { width, height } = fitLogo(aspect, slot);
  return `width:${width}${slot.unit};height:${height}${slot.unit}`;
}

/** Millimetres to inches. */
export const MM_PER_INCH = 25.4;

/** Resolution a bitmap logo needs to print sharp. */
export const PRINT_DPI = 300;
