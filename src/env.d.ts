/// <reference types="astro/client" />

declare module 'virtual:kit' {
  export const kit: import('./kit/load-kit.ts').Kit;
  export const matrix: import('./kit/matrix.ts').VariantMatrix;
  /** PNG data URIs by signatory id, and by `partenaire:<id>` for partners. */
  export const logos: import('./kit/logos.ts').LogoSet;
  /** The same logos, lighter, for site pages. */
  export const webLogos: import('./kit/logos.ts').LogoSet;
}
