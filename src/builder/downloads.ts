// The letter leaves the builder as a file the browser saves: the DOCX is built here, in the browser, by
// the letter engine; its code (the docx library) is fetched only at the first request.
import type { LetterImages } from '../letter/letter-html.ts';
import type { LetterModel } from '../letter/letter-model.ts';

/** Saves `blob` under `name` in the visitor's downloads (a link clicked, no server). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Builds the letter's DOCX in the browser and saves it as `name`. */
export async function downloadDocx(letter: LetterModel, images: LetterImages, name: string): Promise<void> {
  const { letterDocxBlob } = await import('./docx-file.ts');
  saveBlob(await letterDocxBlob(letter, images), name);
}
