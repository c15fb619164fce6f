import { describe, expect, it } from 'vitest';
import { formatLintHit, lintKit } from '../../src/kit/load/editorial-lint.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix } from '../../src/kit/matrix/matrix.ts';
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

  it('gives each signatory the brochure, a letter per recipient type, each fact sheet, and in the AMOs’ space the rulebook and each AMI form', () => {
    const outputs = buildVariantMatrix(kit).print.filter((v) => v.signatory === 'echafauder').map((v) => v.output.replace('kit/echafauder/', ''));
    expect(outputs.sort()).toEqual(
      [
        'plaquette.pdf',
        'espace-amo/reglement-ami.pdf',
        'courrier-elu.pdf',
        'courrier-epci.pdf',
        'courrier-bailleur-social.pdf',
        'courrier-politique-ville.pdf',
        'courrier-delegue-prefet.pdf',
        'courrier-adjoint.pdf',
        'courrier-sous-prefet-ville.pdf',
        'courrier-prefet-delegue.pdf',
        'courrier-ddt.pdf',
        'fiche-sciapp.pdf',
        'fiche-ofs-brs.pdf',
        'fiche-cooperative-habitants.pdf',
        'espace-amo/formulaire-mission.pdf',
        'espace-amo/formulaire-emargement.pdf',
        'espace-amo/formulaire-rendez-vous.pdf',
      ].sort(),
    );
  });

  it('addresses each recipient type with both forms, never guessed', () => {
    for (const recipient of kit.recipients) {
      expect(recipient.appel.madame, recipient.file).toMatch(/^Madame/);
      expect(recipient.appel.monsieur, recipient.file).toMatch(/^Monsieur/);
    }
  });
});
