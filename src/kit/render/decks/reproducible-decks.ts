import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import { withMetadata } from '../print/pdf-metadata.ts';

/** A deck's files that carry a date: its two PDFs and its two PowerPoint files. */
export interface DatedDeckFiles {
  pdf: Uint8Array;
  notesPdf: Uint8Array;
  pptx: Uint8Array;
  editablePptx: Uint8Array;
}

/**
 * A drawn deck's PDFs and PPTXs as published: each PDF gets its title, author, language and the build's
 * source date (Chromium dates it with the time of the build) and its bookmarks mended from the slides'
 * headings, each PPTX the source date, so rebuilding a
 * commit gives the same bytes. The HTML carries no date.
 */
export async function publishedDeckFiles(files: DatedDeckFiles, about: { title: string; author: string; subject: string; date: Date; version: string; headings: string[] }): Promise<DatedDeckFiles> {
  const metadata = { ...about, language: 'fr-FR', creator: 'Kit QPV (Marp, Chromium)' };
  const { bytes: pdf } = await withMetadata(files.pdf, metadata);
  const { bytes: notesPdf } = await withMetadata(files.notesPdf, { ...metadata, title: `${about.title} — avec les notes de la personne qui présente` });
  return { pdf, notesPdf, pptx: reproducibleOfficeFile(files.pptx, about.date), editablePptx: reproducibleOfficeFile(files.editablePptx, about.date) };
}
