import { AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { LetterModel, Run, Runs } from './letter-model.ts';
import { fitLogo, LOGO_SLOTS, type LogoSlot } from '../logo/logo-placement.ts';
import { pngSize } from '../logo/png-size.ts';

/** A PNG image and its size in pixels. */
export interface PngImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Images of the DOCX: the sender's logo in the page header, the partners' logos in the footer. */
export interface LetterDocxImages {
  senderLogo?: PngImage;
  footerLogos: PngImage[];
}

/** PNG bytes with their size. */
export function pngImage(data: Uint8Array): PngImage {
  return { data, ...pngSize(data) };
}

/** A PNG data URI as bytes with its size. */
export function pngFromDataUri(uri: string): PngImage {
  const binary = atob(uri.slice(uri.indexOf(',') + 1));
  return pngImage(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

const MM = 56.7; // twips per millimetre
const PX_PER_MM = 96 / 25.4;
const FONT = 'Arial';
const SIZE = 21; // half-points: 10.5 pt, as the printed letter

/**
 * A logo at the size the printed letter gives it (`LOGO_SLOTS`), in Word's pixels (96 to the inch). `id`
 * numbers the pictures of one document: left to the library, it would come from a counter shared by every
 * document the process makes, and the same letter would not give the same bytes from one build to the next.
 */
function image(png: PngImage, slot: LogoSlot, id: number): ImageRun {
  const { width, height } = fitLogo(png.width / png.height, slot);
  return new ImageRun({ type: 'png', data: png.data, transformation: { width: Math.round(width * PX_PER_MM), height: Math.round(height * PX_PER_MM) }, altText: { id: String(id), name: `Logo ${id}` } });
}

function textRuns(runs: Runs, extra: { size?: number; color?: string; bold?: boolean } = {}): TextRun[] {
  return runs.flatMap((run: Run) =>
    run.text.split('\n').map(
      (part, index) =>
        new TextRun({
          text: part,
          break: index > 0 ? 1 : undefined,
          bold: run.bold || extra.bold,
          italics: run.italic,
          // A field still to fill in stays visibly marked in the document.
          highlight: run.missing ? 'yellow' : undefined,
          font: FONT,
          size: extra.size ?? SIZE,
          color: extra.color,
        }),
    ),
  );
}

const paragraph = (runs: Runs, options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; indentMm?: number; bold?: boolean } = {}) =>
  new Paragraph({ children: textRuns(runs, { bold: options.bold }), alignment: options.alignment, spacing: { after: options.after ?? 120 }, indent: options.indentMm ? { left: options.indentMm * MM } : undefined });

const noBorders = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/**
 * The letter as a Word document (A4, the print margins): the sender's logo in the header, the sender and
 * the address block side by side, the same paragraphs and typography as the PDF, the partners' logos in
 * the footer. Runs in Node and in the browser.
 */
export function letterToDocx(letter: LetterModel, images: LetterDocxImages): Document {
  const sender = [
    new Paragraph({ children: textRuns([{ text: letter.sender.name }], { bold: true, size: 18 }) }),
    ...letter.sender.lines.map((line) => new Paragraph({ children: textRuns(line, { size: 18, color: '4B5563' }) })),
  ];
  const recipient = letter.recipient.map((line) => new Paragraph({ children: textRuns(line) }));
  const head = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...noBorders, insideHorizontal: noBorders.top, insideVertical: noBorders.top },
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: sender, width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders }),
          new TableCell({ children: [new Paragraph({ spacing: { before: 14 * MM } }), ...recipient], width: { size: 50, type: WidthType.PERCENTAGE }, borders: noBorders, margins: { left: 6 * MM } }),
        ],
      }),
    ],
  });
  const children = [
    head,
    new Paragraph({ children: textRuns(letter.placeAndDate), alignment: AlignmentType.RIGHT, spacing: { before: 8 * MM, after: 5 * MM } }),
    new Paragraph({ children: textRuns([{ text: 'Objet\u00a0: ', bold: true }, ...letter.subject.map((run) => ({ ...run, bold: true }))]), spacing: { after: 5 * MM } }),
    paragraph([{ text: letter.salutation }], { after: 3 * MM }),
    ...letter.body.map((runs) => paragraph(runs, { alignment: AlignmentType.JUSTIFIED })),
    paragraph(letter.closing, { alignment: AlignmentType.JUSTIFIED }),
    new Paragraph({ children: [textRuns([letter.signer.name], { bold: true })].flat(), indent: { left: 80 * MM }, spacing: { before: 6 * MM } }),
    new Paragraph({ children: textRuns([letter.signer.role]), indent: { left: 80 * MM } }),
    new Paragraph({ children: textRuns([{ text: letter.signer.organisation }]), indent: { left: 80 * MM } }),
    ...(letter.enclosure ? [new Paragraph({ children: textRuns([{ text: `Pièce jointe\u00a0: plaquette «\u00a0${letter.enclosure}\u00a0»` }], { size: 18, color: '4B5563' }), spacing: { before: 6 * MM } })] : []),
  ];
  const { senderLogo, footerLogos } = images;
  return new Document({
    creator: letter.sender.name,
    title: `Courrier — ${letter.subject.map((run) => run.text).join('')}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE, language: { value: 'fr-FR' } } } } },
    sections: [
      {
        properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 14 * MM, right: 18 * MM, bottom: 30 * MM, left: 22 * MM, header: 8 * MM, footer: 10 * MM } } },
        headers: { default: new Header({ children: senderLogo ? [new Paragraph({ children: [image(senderLogo, LOGO_SLOTS.letterHeader, 1)], spacing: { after: 4 * MM } })] : [] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: footerLogos.flatMap((logo, index) => [...(index > 0 ? [new TextRun({ text: '        ' })] : []), image(logo, LOGO_SLOTS.letterFooter, index + 2)]) })],
          }),
        },
        children,
      },
    ],
  });
}

/** The DOCX file's bytes (in Node and in the browser). */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
