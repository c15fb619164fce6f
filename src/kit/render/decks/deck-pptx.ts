import PptxGenJS from 'pptxgenjs';

/** What the PPTX says about itself (File › Properties in PowerPoint). */
export interface DeckProperties {
  title: string;
  author: string;
  subject: string;
}

/**
 * The faithful PowerPoint deck: each slide is its picture, as projected, with its speaker notes in the
 * notes pane. The layout is 13.33 × 7.5 in, PowerPoint's own 16:9. Dated at build time: the published
 * file is re-dated with the source date (`publishedDeckFiles`).
 */
export async function pictureDeckPptx(pictures: Uint8Array[], notes: string[], properties: DeckProperties): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = properties.title;
  pptx.author = properties.author;
  pptx.subject = properties.subject;
  pptx.company = properties.author;
  pictures.forEach((picture, index) => {
    const slide = pptx.addSlide();
    slide.background = { data: `data:image/png;base64,${Buffer.from(picture).toString('base64')}` };
    if (notes[index]) slide.addNotes(notes[index]);
  });
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

