import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language of the text, e.g. `fr-FR`. */
  language: string;
  /** Creation and modification date: the build's source date, so rebuilding a commit gives the same bytes. */
  date: Date;
}

/** Sets title, author, language, producer and dates after printing (Chromium only sets the title from <title>). */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords) document.setKeywords(metadata.keywords);
  document.setLanguage(metadata.language);
  document.setCreator('Kit QPV (Astro, Paged.js)');
  document.setProducer('Kit QPV');
  pinDates(document, metadata.date);
  return { bytes: await document.save(), pageCount: document.getPageCount() };
}

/** Replaces the creation and modification dates of a PDF made elsewhere (marp-cli), keeping the rest of its metadata and outline. */
export async function withPinnedDates(pdf: Uint8Array, date: Date): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pinDates(document, date);
  return document.save();
}

// The browser writes the time of printing; the source date makes the file depend on the commit only.
// Neither Chromium nor pdf-lib writes a trailer /ID here, so there is no random identifier to pin.
function pinDates(document: PDFDocument, date: Date): void {
  document.setCreationDate(date);
  document.setModificationDate(date);
}
