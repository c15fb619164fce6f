import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badCases } from '../support/bad-cases.ts';
import { copyFixture, runBuild } from '../support/fixture.ts';

// The mistakes of the corpus that only the whole build meets (Astro's own stages, the built site's links),
// or that must be seen as the editor sees them: the French message, exit code 1, no stack trace, the
// previous dist/ untouched and no staging folder left.
describe('npm run build on a content mistake', () => {
  for (const mistake of badCases().filter((c) => c.build)) {
    it(`${mistake.name}: ${mistake.description}`, () => {
      const copy = copyFixture(`bad-build-${mistake.name}`);
      try {
        mistake.apply(copy.root);
        mkdirSync(join(copy.root, 'dist'));
        writeFileSync(join(copy.root, 'dist/precedent.txt'), 'version précédente');
        const result = runBuild(copy.root);
        expect(result.status, result.output).toBe(1);
        expect(result.output).toContain(mistake.expected);
        expect(result.output).toContain('Rien n’a été publié : le dossier dist/ précédent est intact.');
        expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(result.output).not.toMatch(/\b(Error|error|Expected|Unexpected|Could not)\b.*:/);
        expect(readdirSync(join(copy.root, 'dist'))).toEqual(['precedent.txt']);
        expect(readFileSync(join(copy.root, 'dist/precedent.txt'), 'utf8')).toBe('version précédente');
        expect(existsSync(join(copy.root, '.kit/staging'))).toBe(false);
      } finally {
        copy.remove();
      }
    }, 180_000);
  }
});
