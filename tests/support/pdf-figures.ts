import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** A picture of a tagged PDF: its text alternative, and whether its marked content draws something. */
export interface PdfFigure {
  alt: string;
  /** Page index, from 0. */
  page: number;
  /** The figure's content paints an image or paths (a broken picture draws nothing, or only its alt text). */
  drawn: boolean;
}

const text = (object: PDFObject | undefined) => (object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : '');

/** The decoded content stream(s) of a page, as Latin-1 text. */
function pageContent(page: PDFDict): string {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.context.lookup(ref)) : [contents];
  return streams
    .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
    .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
    .join('\n');
}

/** The operators between the `BDC` opening marked content `mcid` and its matching `EMC`. */
function markedContent(content: string, mcid: number): string {
  const start = content.search(new RegExp(`/MCID\\s+${mcid}\\s*>>\\s*BDC`));
  if (start < 0) return '';
  let depth = 0;
  const operators = /\b(BDC|BMC|EMC)\b/g;
  operators.lastIndex = start;
  for (let match = operators.exec(content); match; match = operators.exec(content)) {
    depth += match[1] === 'EMC' ? -1 : 1;
    if (depth === 0) return content.slice(start, match.index);
  }
  return content.slice(start);
}

/** Every `Figure` of a tagged PDF (Chromium tags each `<img>` with its alt text), with what it draws. */
export async function pdfFigures(bytes: Uint8Array): Promise<PdfFigure[]> {
  const pdf = await PDFDocument.load(bytes);
  const pages: PDFDict[] = pdf.getPages().map((page) => page.node);
  const contents = new Map<PDFDict, string>();
  const figures: PdfFigure[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('S')) !== PDFName.of('Figure')) continue;
    const page = object.lookup(PDFName.of('Pg'));
    if (!(page instanceof PDFDict)) continue;
    const kids = object.lookup(PDFName.of('K'));
    const mcids = (kids instanceof PDFArray ? kids.asArray() : [kids]).flatMap((kid) => {
      const value = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
      if (value instanceof PDFNumber) return [value.asNumber()];
      if (value instanceof PDFDict && value.lookup(PDFName.of('MCID')) instanceof PDFNumber) return [(value.lookup(PDFName.of('MCID')) as PDFNumber).asNumber()];
      return [];
    });
    if (!contents.has(page)) contents.set(page, pageContent(page));
    const marked = mcids.map((mcid) => markedContent(contents.get(page)!, mcid)).join('\n');
    figures.push({ alt: text(object.lookup(PDFName.of('Alt'))), page: pages.findIndex((node) => node === page), drawn: /\sDo\b|\s(?:f\*?|F|S|s|B\*?|b\*?|sh)\s/.test(` ${marked} `) });
  }
  return figures;
}
