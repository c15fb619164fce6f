/** Where the share image of a site page lives: `/` → `/cartes/accueil.png`, `/fiches/sciapp/` → `/cartes/fiches--sciapp.png`. */
export function socialCardPath(pagePath: string): string {
  const slug = pagePath.replace(/^\/|\/$/g, '').replaceAll('/', '--');
  return `/cartes/${slug || 'accueil'}.png`;
}
