import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signatorySchema } from '../../src/schemas/signatory.ts';
import { recipientSchema, genericSalutation } from '../../src/schemas/recipient.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { KitErrors } from '../../src/kit/errors.ts';
import { fixtureKit } from '../support/fixture.ts';

/** The fixture kit's sources in a temporary folder, changed by `edit`, for the defaults' effect on a loaded kit. */
const copies: string[] = [];
afterEach(() => {
  for (const root of copies.splice(0)) rmSync(root, { recursive: true, force: true });
});
function fixtureCopy(edit: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'kit-schemas-'));
  copies.push(root);
  cpSync(fixtureKit, root, { recursive: true, filter: (src) => !/[\\/](dist|\.kit|\.astro|node_modules)$/.test(src) });
  edit(root);
  return root;
}

async function loadErrors(root: string) {
  const error = await loadKit(root).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KitErrors);
  return (error as KitErrors).errors;
}

const signatory = {
  nom: 'Alpha AMO Conseil',
  nomCourt: 'Alpha AMO',
  logo: 'logo.svg',
  signature: { nom: 'Camille Essai', fonction: 'Gérante' },
};

describe('signatory schema', () => {
  it('accepts a signatory whose contact details are not known yet', () => {
    expect(signatorySchema.safeParse(signatory).success).toBe(true);
  });

  it('rejects a logo that is neither SVG, PNG nor JPEG, naming the field', () => {
    const result = signatorySchema.safeParse({ ...signatory, logo: 'logo.gif' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['logo']);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const result = signatorySchema.safeParse({ ...signatory, courriell: 'a@b.fr' });
    expect(result.error!.issues[0].code).toBe('unrecognized_keys');
  });

  it('accepts a signer whose role is not known yet (the letter prints it « à compléter »)', () => {
    const result = signatorySchema.safeParse({ ...signatory, signature: { nom: 'Camille Essai' } });
    expect(result.success).toBe(true);
  });

  it('rejects an e-mail address that is not one', () => {
    expect(signatorySchema.safeParse({ ...signatory, courriel: 'contact.alpha' }).success).toBe(false);
  });
});

describe('recipient schema', () => {
  const recipient = {
    libelle: 'Maire',
    appel: { madame: 'Madame la Maire', monsieur: 'Monsieur le Maire' },
    destinataire: ['Mairie'],
    objet: 'Demande de rendez-vous',
    formuleFinale: 'Je vous prie d’agréer, {{ appel }}, l’expression de ma haute considération.',
  };

  it('needs both forms of address, so the gender is chosen and never guessed', () => {
    const result = recipientSchema.safeParse({ ...recipient, appel: { madame: 'Madame la Maire' } });
    expect(result.error!.issues[0].path).toEqual(['appel', 'monsieur']);
  });

  it('needs a closing formula, so the letter never ends without one', () => {
    const { formuleFinale, ...withoutClosing } = recipient;
    const result = recipientSchema.safeParse(withoutClosing);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['formuleFinale']);
    expect(recipientSchema.parse({ ...withoutClosing, formuleFinale }).formuleFinale).toBe(formuleFinale);
  });

  it('puts a recipient type without an order after those with one, in lists and in the letters made', async () => {
    // « aaa » would come first alphabetically: only the missing order can put it last.
    const root = fixtureCopy((dir) =>
      writeFileSync(
        join(dir, 'content/interlocuteurs/aaa-prefecture.md'),
        '---\nlibelle: Préfecture\nappel:\n  madame: Madame la Préfète\n  monsieur: Monsieur le Préfet\ndestinataire:\n  - Préfecture\nobjet: Demande de rendez-vous\nformuleFinale: Je vous prie d’agréer, {{ appel }}, l’expression de ma haute considération.\n---\n## accroche\nPassage propre à la préfecture.\n\n## proposition\nNous proposons une rencontre.\n',
      ),
    );
    const kit = await loadKit(root);
    const ordered = kit.recipients.filter((r) => r.id !== 'aaa-prefecture');
    expect(ordered.length).toBeGreaterThan(0);
    expect(kit.recipients.map((r) => r.id)).toEqual([...ordered.map((r) => r.id), 'aaa-prefecture']);
    const letters = buildVariantMatrix(kit).print.filter((v) => v.kind === 'courrier' && v.signatory === kit.signatories[0].id);
    expect(letters.at(-1)!.recipient).toBe('aaa-prefecture');
  });

  it('builds the form of address for an unknown addressee from both forms', () => {
    expect(genericSalutation(recipient.appel)).toBe('Madame la Maire, Monsieur le Maire');
  });
});

describe('site schema', () => {
  it('puts the HPF and ANCT logos on letters and covers unless told otherwise: a kit that drops ANCT is told where it is still used', async () => {
    // The fixture's site.yaml leaves both lists to their defaults.
    expect(readFileSync(join(fixtureKit, 'content/site.yaml'), 'utf8')).not.toMatch(/logosPiedDeCourrier|logosCouverture/);
    const root = fixtureCopy((dir) => {
      const file = join(dir, 'content/site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/  - id: anct\n(    .+\n)+/, ''));
    });
    const errors = await loadErrors(root);
    expect(errors.map((e) => [e.details.file, e.details.field, e.message])).toEqual([
      ['content/site.yaml', 'logosPiedDeCourrier.1', 'partenaire inconnu : « anct »'],
      ['content/site.yaml', 'logosCouverture.1', 'partenaire inconnu : « anct »'],
    ]);
  });

  it('takes HPF as the site’s signatory unless told otherwise, so a kit without HPF must name another', async () => {
    const root = fixtureCopy((dir) => {
      const file = join(dir, 'content/site.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^signataireParDefaut: .*\n/m, ''));
      rmSync(join(dir, 'content/signataires/hpf'), { recursive: true });
    });
    const errors = await loadErrors(root);
    expect(errors.map((e) => [e.details.field, e.message])).toContainEqual(['signataireParDefaut', 'signataire inconnu : « hpf »']);
  });

  it('requires an https address for the public site', () => {
    const result = siteSchema.safeParse({ titre: 'Kit', description: 'Une description assez longue.', url: 'http://exemple.test', partenaires: [], contact: { courriel: 'a@b.fr' } });
    expect(result.error!.issues.some((i) => i.path[0] === 'url')).toBe(true);
  });
});
