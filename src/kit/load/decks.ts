import { existsSync } from 'node:fs';
import { deckTokens, deckTokenNames } from '../render/decks/deck-tokens.ts';
import { localDeckImages } from '../render/decks/deck-images.ts';
import type { LoadContext } from './context.ts';
import { deckSchema } from '../../schemas/deck.ts';

export interface Deck {
  id: string;
  file: string;
  title: string;
  /** Marp Markdown, frontmatter included, with `{{ signataire.… }}` tokens still in place. */
  source: string;
}

/** `slides/<id>.md` Marp decks: a title for the metadata, known tokens only, local images present. */
export async function loadDecks(context: LoadContext): Promise<Deck[]> {
  const decks: Deck[] = [];
  for (const { id, file } of await context.listEntries('slides', /\.md$/)) {
    const source = await context.attempt(() => context.readMarkdown(file));
    if (!source) continue;
    const raw = source.text;
    const data = context.validated(deckSchema, source.data, file, source.lineOf);
    for (const token of deckTokens(raw)) {
      if (!(deckTokenNames as readonly string[]).includes(token.name)) {
        context.report(`variable inconnue « {{ ${token.name} }} »`, { code: 'variable-inconnue', file, line: token.line, hint: `Variables possibles : ${deckTokenNames.map((n) => `{{ ${n} }}`).join(', ')}.` });
      }
    }
    for (const image of localDeckImages(raw)) {
      if (!existsSync(context.path('slides', image.path))) {
        context.report(`image introuvable : ${image.path}`, { code: 'image-introuvable', file, line: image.line, hint: 'Déposez l’image dans slides/ (chemin relatif à slides/) ou corrigez le chemin.' });
      }
    }
    if (data) decks.push({ id, file, title: data.title, source: raw });
  }
  return decks;
}
