import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import { withMetadata } from '../print/pdf-metadata.ts';

/**
 * A drawn deck's PDF and PPTX as published: the PDF gets its title, author, language and the build's
 * source date (Chromium dates it with the time of the build), the PPTX the source date, so rebuilding a
 * commit gives the same bytes. The HTML carries no date.
 */
export async function publishedDeckFiles(files: { pdf: Uint8Array; pptx: Uint8Array }, about: { title: string; author: string; subject: string; date: Date }): Promise<{ pdf: Uint8Array; pptx: Uint8Array }> {
  const { bytes } = await withMetadata(files.pdf, { ...about, language: 'fr-FR', creator: 'Kit QPV (Marp, Chromium)' });
  return { pdf: bytes, pptx: reproducibleOfficeFile(files.pptx, about.date) };
}
