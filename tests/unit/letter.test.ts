import { describe, expect, it } from 'vitest';
import { composeLetter, frenchDate } from '../../src/letter/compose-letter.ts';
import { fillPassages, letterPlaceholders, splitPassages } from '../../src/letter/passages.ts';
import { KitError } from '../../src/kit/errors.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';

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

const kit = await loadKit(fixtureKit);

describe('composeLetter', () => {
  const letter = kit.letters[0];
  const elu = kit.recipients.find((r) => r.id === 'elu')!;
  const alpha = kit.signatories.find((s) => s.id === 'alpha-amo')!;
  const hpf = kit.signatories.find((s) => s.id === 'hpf')!;

  it('addresses both genders when the recipient is not named', () => {
    const model = composeLetter({ letter, recipient: elu, signatory: alpha });
    expect(model.salutation).toBe('Madame la Maire, Monsieur le Maire,');
    expect(model.bodyHtml).toContain('Je vous prie d’agréer, Madame la Maire, Monsieur le Maire, l’expression');
    expect(model.recipientLines).toEqual(elu.destinataire);
  });

  it('uses the form chosen for a named recipient', () => {
    const model = composeLetter({ letter, recipient: elu, signatory: alpha, addressee: { gender: 'monsieur', lines: ['Monsieur le Maire', 'Mairie de Test'] } });
    expect(model.salutation).toBe('Monsieur le Maire,');
    expect(model.recipientLines).toEqual(['Monsieur le Maire', 'Mairie de Test']);
  });

  it('puts the recipient’s passages and the signatory’s presentation into the shared body', () => {
    const html = composeLetter({ letter, recipient: elu, signatory: alpha }).bodyHtml;
    expect(html).toContain('<p>Alpha AMO Conseil accompagne les projets d’habitat participatif.</p>');
    expect(html).toContain('<p>Passage propre aux élus de la commune.</p>');
    expect(html.indexOf('Passage propre')).toBeLessThan(html.indexOf('Paragraphe commun'));
  });

  it('fills the form of address inside a recipient’s passage too', () => {
    const polite = { ...elu, passages: { ...elu.passages, proposition: 'Nous vous proposons, {{ appel }}, une rencontre.' } };
    expect(composeLetter({ letter, recipient: polite, signatory: alpha }).bodyHtml).toContain('Nous vous proposons, Madame la Maire, Monsieur le Maire, une rencontre.');
  });

  it('falls back to the letter’s default presentation', () => {
    expect(composeLetter({ letter, recipient: elu, signatory: hpf }).bodyHtml).toContain('Présentation par défaut du signataire.');
  });

  it('shows missing contact details as « à compléter » rather than dropping them', () => {
    const model = composeLetter({ letter, recipient: elu, signatory: hpf });
    expect(model.sender.addressLines).toEqual(['Adresse à compléter']);
    expect(model.sender.contactLines).toEqual(['Courriel à compléter', 'www.habitatparticipatif-france.fr']);
  });

  it('leaves the date blank unless one is given, in French', () => {
    expect(composeLetter({ letter, recipient: elu, signatory: alpha }).dateLine).toMatch(/^Le …+$/);
    expect(frenchDate(new Date(2026, 10, 23))).toBe('23 novembre 2026');
  });
});
