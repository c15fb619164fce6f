/// <reference types="astro/client" />

declare module 'virtual:kit' {
  export const kit: import('./kit/load/load-kit.ts').Kit;
  export const matrix: import('./kit/matrix/matrix.ts').VariantMatrix;
  /** Every logo's files and proportions, by signatory id, and by `partenaire:<id>` for partners. */
  export const logoImages: Record<string, import('./kit/render/images/logos.ts').LogoImage>;
}
