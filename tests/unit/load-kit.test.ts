import { rmSync, writeFileSync, readFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { formatErrors, KitErrors } from '../../src/kit/errors.ts';
import { copyFixture, fixtureKit } from '../support/fixture.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Loads a copy of the fixture kit after `damage` changed it; returns the French report of the failure. */
async function reportAfter(damage: (root: string) => void): Promise<KitErrors> {
  const copy = copyFixture('load');
  cleanup = copy.remove;
  damage(copy.root);
  const error = await loadKit(copy.root).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(KitErrors);
  return error as KitErrors;
}

describe('loadKit on a valid kit', () => {
  it('reads signatories, recipient types and documents in their declared order', async () => {
    const kit = await loadKit(fixtureKit);
    expect(kit.signatories.map((s) => s.id)).toEqual(['alpha-amo', 'hpf']);
    expect(kit.recipients.map((r) => r.id)).toEqual(['elu', 'bailleur-social']);
    expect(kit.letters.map((l) => l.id)).toEqual(['courrier']);
    expect(kit.decks.map((d) => d.title)).toEqual(['Présentation d’essai']);
    expect(kit.site.partners.map((p) => p.id)).toEqual(['hpf', 'anct']);
  });

  it('splits each recipient file into its named passages', async () => {
    const kit = await loadKit(fixtureKit);
    expect(kit.recipients[0].passages).toEqual({
      accroche: 'Passage propre aux élus de la commune.',
      proposition: 'Nous proposons une rencontre avec les élus.',
    });
  });
});

describe('loadKit reports content mistakes in French, naming file and field', () => {
  it('a missing logo file', async () => {
    const report = await reportAfter((root) => rmSync(join(root, 'content/signataires/alpha-amo/logo.png')));
    expect(report.errors[0].details).toMatchObject({ file: 'content/signataires/alpha-amo/index.yaml', field: 'logo' });
    expect(formatErrors(report)).toMatch(/content\/signataires\/alpha-amo\/index\.yaml, ligne \d+ : « logo » — fichier introuvable : logo\.png/);
  });

  it('a missing required field and a misspelt one, both in one report', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'content/signataires/hpf/index.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('nomCourt: HPF', 'nomcourt: HPF'));
    });
    const fields = report.errors.map((e) => e.details.field).sort();
    expect(fields).toEqual(['nomCourt', 'nomcourt']);
    expect(formatErrors(report)).toMatch(/Le kit contient 2 erreurs/);
    expect(formatErrors(report)).toContain('champ obligatoire manquant');
    expect(formatErrors(report)).toContain('champ inconnu');
    expect(report.errors.find((e) => e.details.field === 'nomcourt')!.details.hint).toBe('Vouliez-vous écrire « nomCourt » ?');
  });

  it('unreadable YAML, with its line', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'content/site.yaml'), 'liste: [\n'));
    const lines = readFileSync(join(fixtureKit, 'content/site.yaml'), 'utf8').split('\n').length;
    expect(report.errors[0].details).toMatchObject({ file: 'content/site.yaml', code: 'yaml' });
    expect(report.errors[0].details.line).toBeGreaterThanOrEqual(lines);
    expect(report.errors[0].message).toBe('YAML illisible : « [ » jamais fermé par « ] »');
  });

  it('a default signatory that does not exist', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'content/site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('signataireParDefaut: hpf', 'signataireParDefaut: inconnu'));
    });
    expect(report.errors[0].details).toMatchObject({ file: 'content/site.yaml', field: 'signataireParDefaut' });
    expect(report.errors[0].details.hint).toContain('alpha-amo, hpf');
  });

  it('a letter placeholder that a recipient type does not define', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'letters/courrier.md'), '\n{{ conclusion }}\n'));
    expect(report.errors.map((e) => e.details.file).sort()).toEqual(['content/interlocuteurs/bailleur-social.md', 'content/interlocuteurs/elu.md']);
    expect(report.errors[0].details.hint).toContain('## conclusion');
  });

  it('a letter addressed to a recipient type that does not exist', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'letters/courrier.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('pages: 1', 'pages: 1\ninterlocuteurs: [elu, prefet]'));
    });
    expect(report.errors[0].details).toMatchObject({ file: 'letters/courrier.md', field: 'interlocuteurs.1' });
    expect(report.errors[0].message).toBe('type d’interlocuteur inconnu : « prefet »');
  });

  it('a deck image that is not in slides/', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'slides/presentation.md'), '\n![bg right](photos/absente.jpg)\n'));
    expect(report.errors[0].details.file).toBe('slides/presentation.md');
    expect(report.errors[0].message).toMatch(/image introuvable : photos\/absente\.jpg \(ligne \d+\)/);
  });

  it('a placeholder that can be no passage name, instead of printing it as typed', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'letters/courrier.md'), '\n{{ Signataire.nom }}\n'));
    expect(report.errors[0].details.file).toBe('letters/courrier.md');
    expect(report.errors[0].message).toMatch(/emplacement invalide « \{\{ Signataire\.nom \}\} » à la ligne \d+/);
  });

  it('a field of the wrong type, told apart from a missing one', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'letters/courrier.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('pages: 1', 'pages: une'));
    });
    expect(report.errors[0]).toMatchObject({ message: 'valeur de type incorrect', details: { file: 'letters/courrier.md', field: 'pages', hint: 'Il faut un nombre.' } });
  });

  it('an editorial rule whose pattern cannot be read, in French', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'content/redaction.yaml'), '  - type: interdit\n    id: parenthese\n    niveau: erreur\n    motif: "mot ("\n    conseil: un conseil\n'));
    expect(report.errors[0].details).toMatchObject({ file: 'content/redaction.yaml', field: 'regles.2.motif' });
    expect(report.errors[0].message).toContain('expression régulière invalide');
  });

  it('two files that would make the same page (.md and .mdx)', async () => {
    const report = await reportAfter((root) => writeFileSync(join(root, 'content/pages/accueil.mdx'), readFileSync(join(root, 'content/pages/accueil.md'))));
    expect(report.errors[0]).toMatchObject({ message: 'même nom que content/pages/accueil.md', details: { file: 'content/pages/accueil.mdx' } });
  });

  it('text outside any passage in a recipient file', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'content/interlocuteurs/elu.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('## accroche', 'Texte perdu.\n\n## accroche'));
    });
    expect(report.errors[0].details.file).toBe('content/interlocuteurs/elu.md');
    expect(report.errors[0].message).toMatch(/texte hors passage à la ligne \d+/);
  });

  it('an unknown token in a deck, with its line', async () => {
    const report = await reportAfter((root) => appendFileSync(join(root, 'slides/presentation.md'), '\n{{ signataire.fax }}\n'));
    expect(report.errors[0].details.file).toBe('slides/presentation.md');
    expect(report.errors[0].message).toMatch(/variable inconnue « \{\{ signataire\.fax \}\} » à la ligne \d+/);
  });

  it('a file name that cannot become a stable address', async () => {
    const report = await reportAfter((root) => {
      writeFileSync(join(root, 'content/interlocuteurs/Préfet.md'), readFileSync(join(root, 'content/interlocuteurs/elu.md')));
    });
    expect(report.errors[0].details.file).toBe('content/interlocuteurs/Préfet.md');
    expect(report.errors[0].details.hint).toContain('minuscules sans accent');
  });
});

describe('loadKit on a deck', () => {
  it('reports a deck without a title in French, naming the field', async () => {
    const report = await reportAfter((root) => {
      const file = join(root, 'slides/presentation.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Présentation d’essai\n', ''));
    });
    expect(report.errors[0]).toMatchObject({ message: 'champ obligatoire manquant', details: { file: 'slides/presentation.md', field: 'title' } });
  });
});
