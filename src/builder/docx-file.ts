// The Word version of the letter, built in the browser by the letter engine's DOCX renderer. Loaded only
// when the visitor asks for it (dynamic import): the docx library is most of the builder's weight.
import { docxBytes, letterToDocx, pngFromDataUri, pngImage, type PngImage } from '../letter/letter-docx.ts';
import type { LetterImages } from '../letter/letter-html.ts';
import type { LetterModel } from '../letter/letter-model.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A logo's PNG: the visitor's own is a data URI; the kit's are files of this site (same origin, already in the cache from the preview). */
async function logoPng(src: string): Promise<PngImage> {
  if (src.startsWith('data:')) return pngFromDataUri(src);
  const response = await fetch(src);
  if (!response.ok) throw new Error(`${src}: ${response.status}`);
  return pngImage(new Uint8Array(await response.arrayBuffer()));
}

export async function letterDocxBlob(letter: LetterModel, images: LetterImages): Promise<Blob> {
  const document = letterToDocx(letter, {
    senderLogo: images.senderLogo && (await logoPng(images.senderLogo.src)),
    footerLogos: await Promise.all(images.footerLogos.map((logo) => logoPng(logo.src))),
  });
  const bytes = await docxBytes(document);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE });
}
