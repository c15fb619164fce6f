import { PDFDocument, PDFHexString, PDFName, rgb, type PDFPage } from 'pdf-lib';
import type { FieldBox } from './print-pdf.ts';

/** PDF points per CSS pixel: 72 points and 96 pixels to the inch. */
const POINTS_PER_PIXEL = 0.75;

/** Typed text: the size of the printed labels' neighbours, smaller in several-line boxes and table cells. */
const FONT_SIZE = { single: 10, multiline: 9 } as const;

/** Room between a text box's edges and the typed text, in points: sideways, then above and below. */
const TEXT_INSET = { x: 2.5, y: 1.5 } as const;

/** Ink of typed text and ticks: the print's `--color-ink`. */
const INK = rgb(0x1d / 255, 0x24 / 255, 0x30 / 255);

/** Where a box sits in PDF user space: points, from the bottom left corner of the page's MediaBox. */
export function pdfRectangle(page: Pick<PDFPage, 'getMediaBox'>, box: Pick<FieldBox, 'x' | 'y' | 'width' | 'height'>) {
  const media = page.getMediaBox();
  // Two decimals: the same layout gives the same bytes, whatever the float noise of the browser's boxes.
  const points = (pixels: number) => Math.round(pixels * POINTS_PER_PIXEL * 100) / 100;
  return {
    x: media.x + points(box.x),
    y: media.y + media.height - points(box.y + box.height),
    width: points(box.width),
    height: points(box.height),
  };
}

/** `rectangle` shrunk by `by` on each side. */
function inset(rectangle: ReturnType<typeof pdfRectangle>, by: { x: number; y: number }) {
  return { x: rectangle.x + by.x, y: rectangle.y + by.y, width: rectangle.width - 2 * by.x, height: rectangle.height - 2 * by.y };
}

/**
 * Adds an AcroForm field on each printed box: a named text field (several lines when the box asks for them)
 * or a check box, drawn without border or background so the printed box shows through. Fields are created
 * in document order, which is also the order of each page's annotations; the pages ask for tabbing by rows,
 * which the forms' layout (rows of boxes, read left to right) makes the same order.
 */
export async function withFormFields(pdf: Uint8Array, fields: FieldBox[]): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const form = document.getForm();
  const pages = document.getPages();
  for (const box of fields) {
    const page = pages[box.page];
    const rectangle = pdfRectangle(page, box);
    const look = { textColor: INK, backgroundColor: undefined, borderColor: undefined, borderWidth: 0 };
    let field;
    if (box.type === 'case') {
      field = form.createCheckBox(box.name);
      field.addToPage(page, { ...rectangle, ...look });
    } else {
      field = form.createTextField(box.name);
      if (box.multiline) field.enableMultiline();
      field.addToPage(page, { ...inset(rectangle, TEXT_INSET), ...look });
      field.setFontSize(box.multiline ? FONT_SIZE.multiline : FONT_SIZE.single);
    }
    // The tooltip: what a screen reader says on entering the field.
    if (box.label) field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(box.label));
  }
  for (const page of new Set(fields.map((box) => pages[box.page]))) page.node.set(PDFName.of('Tabs'), PDFName.of('R'));
  return document.save();
}
