/// <reference types="astro/client" />

declare module 'virtual:kit' {
  export const kit: import('./kit/load/load-kit.ts').Kit;
  export const matrix: import('./kit/matrix/matrix.ts').VariantMatrix;
  /** PNG data URIs by signatory id, and by `partenaire:<id>` for partners. */
  export const logos: import('./kit/render/images/logos.ts').LogoSet;
  /** The same logos, lighter, for site pages. */
  export const webLogos: import('./kit/render/images/logos.ts').LogoSet;
}
