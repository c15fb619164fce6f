/** Where `astro dev` serves the Paged.js polyfill, so print pages preview as paginated A4 sheets. */
export const PAGED_PREVIEW_SCRIPT = '/_kit/paged.polyfill.js';
