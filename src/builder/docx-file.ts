// The Word version of the letter, built in the browser by the letter engine's DOCX renderer. Loaded only
// when the visitor asks for it (dynamic import): the docx library is most of the builder's weight.
import { docxBytes, letterToDocx, pngFromDataUri } from '../letter/letter-docx.ts';
import type { LetterImages } from '../letter/letter-html.ts';
import type { LetterModel } from '../letter/letter-model.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function letterDocxBlob(letter: LetterModel, images: LetterImages): Promise<Blob> {
  const document = letterToDocx(letter, {
    senderLogo: images.senderLogo && pngFromDataUri(images.senderLogo.src),
    footerLogos: images.footerLogos.map((logo) => pngFromDataUri(logo.src)),
  });
  const bytes = await docxBytes(document);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE });
}
