import { reproducibleOfficeFile } from '../../output/reproducible-office.ts';
import { withPinnedDates } from '../print/pdf-metadata.ts';

/**
 * marp-cli dates each deck PDF and PPTX with the time of the build: this rewrites them with the build's
 * source date, so rebuilding a commit gives the same bytes. The HTML carries no date.
 */
export async function pinDeckDates(files: { pdf: Uint8Array; pptx: Uint8Array }, date: Date): Promise<{ pdf: Uint8Array; pptx: Uint8Array }> {
  return { pdf: await withPinnedDates(files.pdf, date), pptx: reproducibleOfficeFile(files.pptx, date) };
}
