import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language of the text, e.g. `fr-FR`. */
  language: string;
}

/** Sets title, author, language and producer after printing (Chromium only sets the title from <title>). */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  if (metadata.subject) document.setSubject(metadata.subject);
  if (metadata.keywords) document.setKeywords(metadata.keywords);
  document.setLanguage(metadata.language);
  document.setCreator('Kit QPV (Astro, Paged.js)');
  document.setProducer('Kit QPV');
  return { bytes: await document.save(), pageCount: document.getPageCount() };
}
