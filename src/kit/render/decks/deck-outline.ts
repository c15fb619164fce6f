import { Marp } from '@marp-team/marp-core';

/** One slide as the site lists it: its number, its title, and whether it opens a part of the talk. */
export interface OutlineSlide {
  number: number;
  title: string;
  /** A section divider (`<!-- _class: section -->`): the slides after it belong to its part. */
  divider: boolean;
}

/**
 * The slides of a deck, read with Marp's own parser (the slides the HTML deck shows): each slide's first
 * heading, its tokens left as written (`{{ signataire.nom }}`), its class telling a section divider.
 */
export function deckOutline(source: string): OutlineSlide[] {
  const tokens = new Marp({ html: false }).markdown.parse(source, {});
  const slides: OutlineSlide[] = [];
  let inHeading = false;
  for (const token of tokens) {
    if (token.type === 'marpit_slide_open') {
      const classes = String((token.meta as { marpitDirectives?: { class?: string } } | null)?.marpitDirectives?.class ?? '').split(/\s+/);
      slides.push({ number: slides.length + 1, title: '', divider: classes.includes('section') });
    } else if (token.type === 'heading_open') {
      inHeading = slides.at(-1)?.title === '';
    } else if (token.type === 'inline' && inHeading) {
      slides.at(-1)!.title = token.content.trim();
      inHeading = false;
    } else if (token.type === 'heading_close') {
      inHeading = false;
    }
  }
  return slides.map((slide) => ({ ...slide, title: slide.title || `Diapositive ${slide.number}` }));
}
