import { describe, expect, it } from 'vitest';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, variantsOf } from '../../src/kit/matrix/matrix.ts';
import { KitErrors } from '../../src/kit/errors.ts';
import { fixtureKit } from '../support/fixture.ts';

const kit = await loadKit(fixtureKit);

/** Letters each signatory gets: one per letter and recipient type it is addressed to. */
const lettersPerSignatory = (k: Kit) => k.letters.reduce((n, letter) => n + (letter.data.interlocuteurs?.length ?? k.recipients.length), 0);

describe('variant matrix', () => {
  it('has one PDF per signatory × (brochure + letter × recipient type + sheet + form)', () => {
    // Several of each, or a product would not show: the fixture must keep them.
    for (const list of [kit.signatories, kit.brochures, kit.recipients]) expect(list.length).toBeGreaterThan(1);
    for (const list of [kit.letters, kit.sheets, kit.decks, kit.forms]) expect(list.length).toBeGreaterThan(0);
    const matrix = buildVariantMatrix(kit);
    expect(matrix.print).toHaveLength(kit.signatories.length * (kit.brochures.length + lettersPerSignatory(kit) + kit.sheets.length + kit.forms.length));
    expect(matrix.decks).toHaveLength(kit.signatories.length * kit.decks.length);
  });

  it('gives stable, French, shareable paths; the AMOs’ documents under espace-amo/', () => {
    const outputs = buildVariantMatrix(kit).print.filter((v) => v.signatory === 'alpha-amo').map((v) => v.output);
    expect(outputs).toEqual([
      'kit/alpha-amo/plaquette.pdf',
      'espace-amo/kit/alpha-amo/reglement.pdf',
      'kit/alpha-amo/courrier-elu.pdf',
      'kit/alpha-amo/courrier-bailleur-social.pdf',
      'kit/alpha-amo/fiche-essai.pdf',
      'espace-amo/kit/alpha-amo/formulaire-mission.pdf',
      'espace-amo/kit/alpha-amo/formulaire-emargement.pdf',
      'espace-amo/kit/alpha-amo/formulaire-rendez-vous.pdf',
    ]);
    expect(buildVariantMatrix(kit).print.find((v) => v.signatory === 'alpha-amo' && v.documentId === 'reglement')!.printPath).toBe('/espace-amo/impression/alpha-amo/reglement/');
    expect(buildVariantMatrix(kit).decks[0].outputs).toEqual({
      html: 'kit/alpha-amo/presentation.html',
      pdf: 'kit/alpha-amo/presentation.pdf',
      notesPdf: 'kit/alpha-amo/presentation-notes.pdf',
      pptx: 'kit/alpha-amo/presentation.pptx',
      editablePptx: 'kit/alpha-amo/presentation-modifiable.pptx',
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
    const before = buildVariantMatrix(kit).print.length / kit.signatories.length;
    // Each letter addressed to every type (no `interlocuteurs`) gets the new type too.
    const lettersForAll = kit.letters.filter((l) => !l.data.interlocuteurs).length;
    expect(lettersForAll).toBeGreaterThan(0);
    expect(matrix.print).toHaveLength((kit.signatories.length + 1) * (before + lettersForAll));
    expect(variantsOf(matrix, 'beta').print.map((v) => v.name)).toContain(`${kit.letters[0].id}-prefecture`);
    expect(variantsOf(matrix, 'beta').decks).toHaveLength(kit.decks.length);
  });

  it('makes a letter only for the recipient types it lists', () => {
    const [first, ...others] = kit.recipients;
    expect(others.length).toBeGreaterThan(0);
    const letter = kit.letters[0];
    const onlyFirst: Kit = { ...kit, letters: [{ ...letter, data: { ...letter.data, interlocuteurs: [first.id] } }] };
    expect(buildVariantMatrix(onlyFirst).print.filter((v) => v.kind === 'courrier').map((v) => v.output)).toEqual(kit.signatories.map((s) => `kit/${s.id}/${letter.id}-${first.id}.pdf`));
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
