// The look: the theme slides/kit-qpv.css at PowerPoint's 13.33 × 7.5 in (1 CSS px = 1/96 in = 0.75 pt).

export const SLIDE = { w: 13.333, h: 7.5 };
export const PX = 1 / 96;
export const PAD = { x: 72 * PX, y: 56 * PX };
export const FONT = 'Source Sans 3';
export const COLOR = { ink: '1D2430', muted: '4B5563', brand: '0F5C4D', brandSoft: 'E6F2EF', accent: 'A6360C', white: 'FFFFFF', onBrand: 'D1E7E1' };
/** Points of each text role (the theme's CSS pixels × 0.75); text is shrunk to fit, never under 18 pt. */
export const SIZE = { h1: 39, h2: 33, h3: 27, body: 21, caption: 18, minimum: 18, pageNumber: 18 };
/** The master's footer: the logos' height and the line they stand on; content ends above it. */
export const FOOTER = { logoHeight: 0.42, bottom: SLIDE.h - 0.22 };
export const CONTENT_BOTTOM = FOOTER.bottom - FOOTER.logoHeight - 0.15;
export const MASTER = { withLogos: 'KIT_QPV_LOGOS', plain: 'KIT_QPV', brand: 'KIT_QPV_COULEUR' };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
