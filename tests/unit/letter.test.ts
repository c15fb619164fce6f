import { describe, expect, it } from 'vitest';
import { fillPassages, letterPlaceholders, splitPassages } from '../../src/letter/passages.ts';
import { KitError } from '../../src/kit/errors.ts';

describe('letter passages', () => {
  it('splits a recipient body on its `## name` headings', () => {
    expect(splitPassages('## accroche\nUn.\n\n## proposition\nDeux.\n', 'x.md')).toEqual({ accroche: 'Un.', proposition: 'Deux.' });
  });

  it('refuses a passage defined twice, with its line', () => {
    const error = (() => {
      try {
        splitPassages('## a\nUn.\n## a\nDeux.', 'x.md', 10);
      } catch (e) {
        return e as KitError;
      }
    })();
    expect(error).toMatchObject({ message: 'passage « a » défini deux fois', details: { file: 'x.md', line: 12 } });
  });

  it('refuses text that belongs to no passage (it would vanish from the letter)', () => {
    expect(() => splitPassages('Perdu.\n## a\nUn.', 'x.md')).toThrow(KitError);
  });

  it('finds placeholders with their line and fills them', () => {
    const body = 'Début.\n\n{{ accroche }}\n\nFin, {{appel}}.';
    expect(letterPlaceholders(body)).toEqual([{ name: 'accroche', line: 3 }, { name: 'appel', line: 5 }]);
    expect(fillPassages(body, { accroche: 'Bonjour', appel: 'Madame' })).toBe('Début.\n\nBonjour\n\nFin, Madame.');
  });
});

