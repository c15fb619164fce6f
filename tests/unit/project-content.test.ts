import { describe, expect, it } from 'vitest';
import { formatLintHit, lintKit } from '../../src/kit/editorial-lint.ts';
import { loadKit } from '../../src/kit/load-kit.ts';
import { buildVariantMatrix } from '../../src/kit/matrix.ts';
import { projectRoot } from '../support/fixture.ts';

// The kit's own content, checked as the build checks it: a content mistake fails `npm test` too.
const kit = await loadKit(projectRoot);

describe('the project’s content', () => {
  it('breaks no editorial rule of level « erreur » (content/redaction.yaml)', async () => {
    const errors = (await lintKit(projectRoot, kit.editorialRules!)).filter((hit) => hit.level === 'erreur');
    expect(errors.map(formatLintHit)).toEqual([]);
  });

  it('has the three default signatories, HPF first by default', () => {
    expect(kit.signatories.map((s) => s.id)).toEqual(expect.arrayContaining(['hpf', 'echafauder', 'cahp-idf']));
    expect(kit.site.signataireParDefaut).toBe('hpf');
  });

  it('gives every signatory a letter per recipient type, the brochure and each fact sheet', () => {
    const matrix = buildVariantMatrix(kit);
    const perSignatory = kit.brochures.length + kit.letters.length * kit.recipients.length + kit.sheets.length;
    expect(matrix.print).toHaveLength(kit.signatories.length * perSignatory);
  });
});
