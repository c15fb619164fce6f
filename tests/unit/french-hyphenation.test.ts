// Soft hyphens in the letters' justified text: French breaks, and nothing a reader would copy changed.
import { describe, expect, it } from 'vitest';
import { SOFT_HYPHEN, withFrenchHyphenation, withParagraphHyphenation } from '../../src/typography/french-hyphenation.ts';

const shown = (text: string) => withFrenchHyphenation(text).replaceAll(SOFT_HYPHEN, '-');

describe('withFrenchHyphenation', () => {
  it('marks the breaks of the French patterns in long lower-case words', () => {
    expect(shown('l’accompagnement des habitants')).toBe('l’ac-com-pa-gne-ment des ha-bi-tants');
    expect(shown('renouvellement urbain')).toBe('re-nou-vel-le-ment ur-bain');
  });

  it('keeps two letters before a break and carries three after it', () => {
    // The patterns allow « co-opé-ra-tive » and « pré-fec-ture »: « tive » stays whole, « co » may end a line.
    expect(shown('coopérative')).toBe('co-opé-ra-tive');
    expect(shown('quartiers prioritaires')).toBe('quar-tiers prio-ri-taires');
    for (const word of withFrenchHyphenation('sensibilisation participatif développement').split(' ')) {
      const parts = word.split(SOFT_HYPHEN);
      expect(parts[0].length, word).toBeGreaterThanOrEqual(2);
      expect(parts.at(-1)!.length, word).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves whole names, acronyms, short words, web addresses, emails and numbers', () => {
    const text = 'Madame la Préfète, ANCT, Marseille, logis, https://habitatparticipatif-france.fr/?EtudeActionHabitatParticipatifEnQpv contact@habitatparticipatif-france.fr 1 500 logements2024';
    expect(withFrenchHyphenation(text)).toBe(text);
  });

  it('changes nothing but the soft hyphens', () => {
    const text = 'Nous souhaiterions vous présenter, lors d’un rendez-vous d’une heure, la démarche « habitat participatif ».';
    const hyphenated = withFrenchHyphenation(text);
    expect(hyphenated).not.toBe(text);
    expect(hyphenated.replaceAll(SOFT_HYPHEN, '')).toBe(text);
  });
});

describe('withParagraphHyphenation', () => {
  const formula = 'Je vous prie d’agréer l’expression de ma considération\u00a0distinguée.';
  it('leaves the last two word groups of a paragraph whole, a no-break group counting as one', () => {
    const [text] = withParagraphHyphenation([formula]);
    expect(text.endsWith('ma considération\u00a0distinguée.')).toBe(true);
    expect(text).toContain(`ex${SOFT_HYPHEN}pres${SOFT_HYPHEN}sion`);
  });

  it('counts the groups across the paragraph’s runs, from its end', () => {
    const [first, last] = withParagraphHyphenation(['l’expression de ma ', 'considération']);
    expect(last).toBe('considération');
    expect(first).toBe(`l’ex${SOFT_HYPHEN}pres${SOFT_HYPHEN}sion de ma `);
  });
});
