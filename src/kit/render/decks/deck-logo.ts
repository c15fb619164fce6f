import { pngSize } from '../../../logo/png-size.ts';
import { fitLogo, LOGO_SLOTS } from '../../../logo/logo-placement.ts';

/** A logo for the self-contained HTML deck: its print PNG as a data URI (the deck works offline). */
export function deckLogoDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

/**
 * Gives every image of `source` showing the logo `uri` the logo's size on a slide (src/logo/logo-placement.ts),
 * with Marp's own size keywords in its alt text (`![Logo w:385px h:128px](…)`): a wide, a tall or a square
 * logo takes the same room whatever the deck's theme says about images.
 */
export function sizeDeckLogo(source: string, uri: string, png: Buffer): string {
  const pixels = pngSize(png);
  const { width, height } = fitLogo(pixels.width / pixels.height, LOGO_SLOTS.deckTitle);
  return source.split(`](${uri})`).map((part, index, parts) => (index < parts.length - 1 ? `${part} w:${width}px h:${height}px` : part)).join(`](${uri})`);
}
