import { describe, expect, it } from 'vitest';
import { findLostText } from '../../src/kit/render/print/lost-text.ts';

const lines = (count: number) => Array.from({ length: count }, () => '\nTexte');

describe('text lost by the print layout', () => {
  it('finds nothing when the pages hold the text, however white space, no-break spaces and page splits fall', () => {
    const source = ['Règlement d’essai', '\n', 'Le règlement d’essai tient\u202fsur une page.', ' Fin\u00a0!'];
    expect(findLostText(source, ['Règlement d’essai', 'Le règlement d’essai', ' tient sur une', 'page. Fin !'])).toBeUndefined();
  });

  it('ignores the hyphen Paged.js adds where it splits a word across two pages', () => {
    expect(findLostText(['une phrase interminable'], ['une phrase intermi\u2011', 'nable'])).toBeUndefined();
  });

  it('names the first words the pages lack, from the start of the word', () => {
    const source = ['Objet', 'Le règlement.', ...lines(100), '\nPhrase finale du règlement, assez longue pour être coupée ici.'];
    const paginated = ['Objet', 'Le règlement.', ...lines(41), ...lines(59), ...lines(49)];
    expect(findLostText(source, paginated)).toEqual({ kind: 'missing', from: 'Phrase finale du règlement, assez longue pour être…' });
    expect(findLostText(['Un deux trois quatre'], ['Un deux tr'])).toEqual({ kind: 'missing', from: 'trois quatre' });
  });

  it('reports text laid out again instead of the end', () => {
    expect(findLostText(lines(10), lines(14))).toEqual({ kind: 'repeated', end: '…Texte Texte Texte Texte Texte Texte Texte Texte' });
  });

  it('reports a block missing in the middle, even when the last one is there', () => {
    expect(findLostText(['Début.', '\nMilieu perdu.', '\nFin.'], ['Début.', '\nFin.'])).toEqual({ kind: 'missing', from: 'Milieu perdu. Fin.' });
  });
});
