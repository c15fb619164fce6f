// How contact details are printed, in one place for the letter, the brochure, the site and the slides.

/** `https://www.exemple.fr/` → `www.exemple.fr`: what a reader types, not what a browser needs. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
