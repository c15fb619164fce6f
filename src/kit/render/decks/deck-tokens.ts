/**
 * Tokens a deck may use, replaced per signatory: `{{ signataire.nom }}`, `{{ signataire.logo }}`…
 * the diagrams drawn from content (`{{ schema.etapesAmi }}`, a PNG data URI) and the partners' logos
 * (`{{ logos.partenaires }}`: their images, alt text and size included, on one line).
 * `{{ signataire.deNom }}` is the name after « de », elided where French wants it (« d’Alpha AMO »,
 * « de CAHP IDF »): « Logo {{ signataire.deNom }} ». The names are French because editors write them.
 */
export const deckTokenNames = [
  'signataire.nom',
  'signataire.deNom',
  'signataire.nomCourt',
  'signataire.logo',
  'signataire.siteWeb',
  'signataire.courriel',
  'signataire.telephone',
  'signature.nom',
  'signature.fonction',
  'schema.etapesAmi',
  'logos.partenaires',
] as const;

export type DeckTokenName = (typeof deckTokenNames)[number];

const tokenPattern = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Every `{{ name }}` token in a deck source, with its line (1-based). */
export function deckTokens(source: string): { name: string; line: number }[] {
  return [...source.matchAll(tokenPattern)].map((match) => ({
    name: match[1],
    line: source.slice(0, match.index).split('\n').length,
  }));
}

/** Replaces every token by its value; tokens were validated when the kit was loaded. */
export function fillDeckTokens(source: string, values: Record<DeckTokenName, string>): string {
  return source.replace(tokenPattern, (whole, name: string) => (name in values ? values[name as DeckTokenName] : whole));
}
