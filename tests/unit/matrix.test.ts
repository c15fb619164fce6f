import { describe, expect, it } from 'vitest';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, variantsOf } from '../../src/kit/matrix/matrix.ts';
import { KitErrors } from '../../src/kit/errors.ts';
import { fixtureKit } from '../support/fixture.ts';

const kit = await loadKit(fixtureKit);

describe('variant matrix', () => {
  it('has one PDF per signatory × (brochure + letter × recipient type + sheet)', () => {
    const matrix = buildVariantMatrix(kit);
    // 2 signatories × (2 brochures + 1 letter × 2 recipients + 1 sheet)
    expect(matrix.print).toHaveLength(2 * (2 + 2 + 1));
    expect(matrix.decks).toHaveLength(2);
  });

  it('gives stable, French, shareable paths', () => {
    const outputs = buildVariantMatrix(kit).print.filter((v) => v.signatory === 'alpha-amo').map((v) => v.output);
    expect(outputs).toEqual([
      'kit/alpha-amo/plaquette.pdf',
      'kit/alpha-amo/reglement.pdf',
      'kit/alpha-amo/courrier-elu.pdf',
      'kit/alpha-amo/courrier-bailleur-social.pdf',
      'kit/alpha-amo/fiche-essai.pdf',
    ]);
    expect(buildVariantMatrix(kit).decks[0].outputs).toEqual({
      html: 'kit/alpha-amo/presentation.html',
      pdf: 'kit/alpha-amo/presentation.pdf',
      pptx: 'kit/alpha-amo/presentation.pptx',
    });
  });

  it('points each PDF at its print page', () => {
    const letter = buildVariantMatrix(kit).print.find((v) => v.output === 'kit/hpf/courrier-elu.pdf')!;
    expect(letter).toMatchObject({ kind: 'courrier', recipient: 'elu', printPath: '/impression/hpf/courrier-elu/', expectedPages: 1 });
  });

  it('grows with the content: a new signatory or recipient type adds its variants', () => {
    const grown: Kit = {
      ...kit,
      signatories: [...kit.signatories, { ...kit.signatories[0], id: 'beta' }],
      recipients: [...kit.recipients, { ...kit.recipients[0], id: 'prefecture' }],
    };
    const matrix = buildVariantMatrix(grown);
    expect(matrix.print).toHaveLength(3 * (2 + 3 + 1));
    expect(variantsOf(matrix, 'beta').print.map((v) => v.name)).toContain('courrier-prefecture');
    expect(variantsOf(matrix, 'beta').decks).toHaveLength(1);
  });

  it('makes a letter only for the recipient types it lists', () => {
    const onlyElu: Kit = { ...kit, letters: [{ ...kit.letters[0], data: { ...kit.letters[0].data, interlocuteurs: ['elu'] } }] };
    expect(buildVariantMatrix(onlyElu).print.filter((v) => v.kind === 'courrier').map((v) => v.output)).toEqual(['kit/alpha-amo/courrier-elu.pdf', 'kit/hpf/courrier-elu.pdf']);
  });

  it('refuses two sources that would write the same file', () => {
    const clash: Kit = { ...kit, brochures: [...kit.brochures, { ...kit.brochures[0], id: 'fiche-essai', file: 'brochures/fiche-essai.md' }] };
    const error = (() => {
      try {
        buildVariantMatrix(clash);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KitErrors);
    expect((error as KitErrors).errors[0].message).toContain('kit/alpha-amo/fiche-essai.pdf');
  });
});
