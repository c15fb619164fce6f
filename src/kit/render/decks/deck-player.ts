// marp-cli's HTML player (its « bespoke » template) speaks English: « Page 1 of 17 », « Open presenter
// view (p) »… and nothing in marp-cli translates it. Its labels are replaced here, in the file marp-cli
// wrote, by the words a French presenter expects; the player's code is otherwise untouched.

/** Each label as marp-cli 4.5.1 writes it (the on-screen buttons, the overview, the presenter view), and its French. */
const FRENCH_LABELS: readonly (readonly [english: string, french: string])[] = [
  ['title="Previous slide">Previous slide<', 'title="Diapositive précédente">Diapositive précédente<'],
  ['title="Next slide">Next slide<', 'title="Diapositive suivante">Diapositive suivante<'],
  ['title="Toggle fullscreen (f)">Toggle fullscreen<', 'title="Plein écran (touche f)">Plein écran<'],
  ['title="Toggle overview view (o)">Toggle overview view<', 'title="Vue d’ensemble des diapositives (touche o)">Vue d’ensemble<'],
  ['title="Open presenter view (p)">Open presenter view<', 'title="Ouvrir le mode présentateur, avec les notes (touche p)">Mode présentateur<'],
  ['`Page ${t+1} of ${e.slides.length}`', '`Diapositive ${t+1} sur ${e.slides.length}`'],
  ['t.title="Close overview"', 't.title="Fermer la vue d’ensemble"'],
  ['`${t} is disabled due to restricted localStorage.`', '`${t} : indisponible, ce navigateur n’autorise pas le stockage local.`'],
  ['e(t,"Presenter view")', 'e(t,"Mode présentateur")'],
  ['e(t,"Overview view")', 'e(t,"Vue d’ensemble")'],
  ['title:"Previous"},"Previous")', 'title:"Diapositive précédente"},"Précédente")'],
  ['title:"Next"},"Next")', 'title:"Diapositive suivante"},"Suivante")'],
  ['title:"Smaller notes font size"},"Smaller notes font size")', 'title:"Réduire le texte des notes (touche -)"},"Texte des notes plus petit")'],
  ['title:"Bigger notes font size"},"Bigger notes font size")', 'title:"Agrandir le texte des notes (touche +)"},"Texte des notes plus grand")'],
  ['title:"Current time"', 'title:"Heure"'],
  ['title:"Timer"', 'title:"Temps écoulé depuis l’ouverture"'],
  // The presenter view's clock in the French way (15:08:59), whatever the browser's language.
  ['toLocaleTimeString()', 'toLocaleTimeString("fr-FR")'],
];

/** Asks search engines to leave the deck out: it is a signatory's file to project, not a page of the site. */
const NOINDEX: readonly [string, string] = ['<meta charset="UTF-8">', '<meta charset="UTF-8"><meta name="robots" content="noindex">'];

/** Every label above and the `noindex` tag, as one search: a deck's HTML (images included, about 1 MB) is read once. */
const REPLACEMENTS = new Map<string, string>([...FRENCH_LABELS, NOINDEX]);
const SEARCH = new RegExp([...REPLACEMENTS.keys()].map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/**
 * The player of a deck marp-cli wrote, in French and marked `noindex`. A label not found means marp-cli
 * changed its template: the error says so to the developer who updated it (the lockfile pins marp-cli).
 */
export function frenchDeckPlayer(html: string): string {
  const found = new Set<string>();
  const french = html.replace(SEARCH, (english) => {
    found.add(english);
    return REPLACEMENTS.get(english)!;
  });
  const missing = [...REPLACEMENTS.keys()].find((english) => !found.has(english));
  if (missing !== undefined) {
    throw new Error(`Le lecteur HTML de marp-cli a changé : le libellé « ${missing} » est introuvable. Mettez à jour FRENCH_LABELS (src/kit/render/decks/deck-player.ts).`);
  }
  return french;
}
