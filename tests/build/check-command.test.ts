// `npm run check`, the editor's quick check: the whole content read and validated as the build reads it,
// without printing anything, in French, with the build's own messages and exit code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badCases } from '../support/bad-cases.ts';
import { copyFixture, runKitScript } from '../support/fixture.ts';

const runCheck = (root: string) => runKitScript('check.mjs', [], root);

describe('npm run check', () => {
  it('says the fixture kit is valid, with what the build will make, without writing anything', () => {
    const copy = copyFixture('check-valid');
    try {
      const { status, output } = runCheck(copy.root);
      expect(status, output).toBe(0);
      expect(output).toMatch(/Contenu valide : 4 signataire\(s\), \d+ type\(s\) d’interlocuteur, \d+ PDF et 4 présentation\(s\) à produire \(vérifié en \d+,\d s, sans rien imprimer\)\./);
      for (const folder of ['dist', 'dist-amo', '.kit']) expect(existsSync(join(copy.root, folder)), folder).toBe(false);
    } finally {
      copy.remove();
    }
  });

  // One mistake of each kind the content's read catches (the unit test pins every case's message).
  const sample = ['01-yaml-unclosed-bracket', '07-unknown-field-suggestion', '12-corrupt-logo', '20-letter-passage-missing', '22-deck-unknown-token', '48-news-missing-date'];
  for (const mistake of badCases().filter((c) => sample.includes(c.name))) {
    it(`stops on « ${mistake.description} » with the build's French message and exit code 1`, () => {
      const copy = copyFixture(`check-${mistake.name}`);
      try {
        mistake.apply(copy.root);
        const { status, output } = runCheck(copy.root);
        expect(status).toBe(1);
        expect(output).toContain(mistake.expected.trimEnd());
        expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
        expect(existsSync(join(copy.root, 'dist'))).toBe(false);
      } finally {
        copy.remove();
      }
    });
  }
});
