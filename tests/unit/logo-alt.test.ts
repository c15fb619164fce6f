import { describe, expect, it } from 'vitest';
import { logoAlt, ofName } from '../../src/logo/logo-alt.ts';

describe('an organisation named in a French sentence', () => {
  it('elides « de » before a vowel or a mute h, and keeps it before a consonant', () => {
    expect(logoAlt('Alpha AMO Conseil')).toBe('Logo d’Alpha AMO Conseil');
    expect(logoAlt('Habitat Participatif France')).toBe('Logo d’Habitat Participatif France');
    expect(logoAlt('CAHP IDF')).toBe('Logo de CAHP IDF');
  });

  it('takes the article its content gives a name that begins with a common noun', () => {
    expect(logoAlt('Agence nationale de la cohésion des territoires', 'l’')).toBe('Logo de l’Agence nationale de la cohésion des territoires');
    expect(ofName('Agence nationale de la cohésion des territoires', "l'")).toBe('de l’Agence nationale de la cohésion des territoires');
    expect(ofName('Société coopérative Grand Est', 'la')).toBe('de la Société coopérative Grand Est');
    expect(ofName('Collectif d’animation', 'le')).toBe('du Collectif d’animation');
    expect(ofName('Compagnons bâtisseurs', 'les')).toBe('des Compagnons bâtisseurs');
  });
});
