import { describe, expect, it } from 'vitest';
import { debugDetails, formatErrors, KitError, kitErrorsOf } from '../../src/kit/errors.ts';
import { frameworkErrorToKitError } from '../../src/kit/framework-errors.ts';

describe('the kit’s one error type', () => {
  it('prints file, line, field, message and fix, in that order', () => {
    const error = new KitError('champ inconnu', { code: 'champ-inconnu', file: 'content/site.yaml', line: 4, field: 'titr', hint: 'Vouliez-vous écrire « titre » ?' });
    expect(formatErrors(error)).toBe('Le kit contient une erreur :\n  ✖ content/site.yaml, ligne 4 : « titr » — champ inconnu\n    → Vouliez-vous écrire « titre » ?');
  });

  it('is recognised across module instances by its mark, not its class', () => {
    const twin = Object.assign(new Error('copie'), { [Symbol.for('kit-qpv.error')]: 'many', errors: [new KitError('a'), new KitError('b')] });
    expect(kitErrorsOf(twin).map((e) => e.message)).toEqual(['a', 'b']);
    expect(kitErrorsOf(new Error('autre'))).toEqual([]);
  });

  it('turns a framework failure into a French error at its file and line, its English kept for KIT_DEBUG', () => {
    const astro = Object.assign(new Error('Unexpected character `!` before name'), { loc: { file: '/kit/content/pages/a.mdx', line: 7, column: 3 } });
    const error = frameworkErrorToKitError(astro, '/kit') as KitError;
    expect(formatErrors(error)).toMatch(/^Le kit contient une erreur :\n {2}✖ content\/pages\/a\.mdx, ligne 7 — ce fichier n’a pas pu être transformé en page\n/);
    expect(formatErrors(error)).not.toContain('Unexpected');
    expect(debugDetails(error)).toContain('Unexpected character `!` before name');
  });

  it('never prints an unknown failure’s English message, only how to see it', () => {
    const text = formatErrors(new TypeError('Cannot read properties of undefined'));
    expect(text).toContain('KIT_DEBUG=1');
    expect(text).not.toContain('Cannot read');
  });
});
