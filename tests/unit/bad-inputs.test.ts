import { describe, expect, it } from 'vitest';
import { formatErrors, isKitError } from '../../src/kit/errors.ts';
import { prepareKit } from '../../src/kit/prepare-kit.ts';
import { badCases } from '../support/bad-cases.ts';
import { copyFixture } from '../support/fixture.ts';

const silent = { warn: () => {} };

// Every mistake of the corpus that the content's one read catches: the editor's message, pinned.
describe('a content mistake, caught when the kit is read, reads in French with its file, line, field and fix', () => {
  for (const mistake of badCases().filter((c) => !c.build)) {
    it(`${mistake.name}: ${mistake.description}`, async () => {
      const copy = copyFixture(`bad-${mistake.name}`);
      try {
        mistake.apply(copy.root);
        const error = await prepareKit(copy.root, silent).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isKitError(error), `no French report: ${String(error)}`).toBe(true);
        expect(formatErrors(error)).toBe(mistake.expected);
      } finally {
        copy.remove();
      }
    });
  }

  it('has a corpus of at least 30 mistakes', () => {
    expect(badCases().length).toBeGreaterThanOrEqual(30);
  });
});
