// `npm run nouveau -- <sorte> <nom>`: what it creates passes `npm run check` at once and appears in the
// build; a name that exists or is invalid is refused in French, nothing written.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, fixtureKit, runBuild, runKitScript } from '../support/fixture.ts';
import '../support/global-setup.ts';

const run = (script: string, args: string[], root: string) => runKitScript(script, args, root);

describe('npm run nouveau', () => {
  let copy: ReturnType<typeof copyFixture>;
  let build: { status: number | null; output: string };
  const today = new Date().toISOString().slice(0, 10);
  const created: Record<string, string> = {};

  beforeAll(() => {
    copy = copyFixture('scaffold');
    // The fixture's render cache: only what the new entries change is printed.
    cpSync(join(fixtureKit, '.kit/cache'), join(copy.root, '.kit/cache'), { recursive: true });
    for (const [kind, slug] of [['signataire', 'atelier-neuf'], ['interlocuteur', 'adjoint-neuf'], ['fiche', 'bail-neuf'], ['exemple', 'projet-neuf'], ['actualite', 'nouvelle-neuve']]) {
      const result = run('nouveau.mjs', [kind, slug], copy.root);
      created[kind] = result.output;
      expect(result.status, result.output).toBe(0);
    }
    build = runBuild(copy.root);
  }, 300_000);
  afterAll(() => copy?.remove());

  it('creates every file with its fields explained, and says what to do next', () => {
    expect(created.signataire).toContain('+ content/signataires/atelier-neuf/index.yaml');
    expect(created.signataire).toContain('+ content/signataires/atelier-neuf/logo.svg');
    expect(created.signataire).toContain('npm run check');
    expect(created.actualite).toContain(`+ content/actualites/${today}-nouvelle-neuve.md`);
    const signatory = readFileSync(join(copy.root, 'content/signataires/atelier-neuf/index.yaml'), 'utf8');
    for (const field of ['nom:', 'nomCourt:', 'logo:', '# siteWeb:', '# courriel:', '# telephone:', '# adresse:', '# presentation:', 'signature:']) expect(signatory).toContain(field);
    // The recipient type has a passage for each placeholder of the letters.
    const recipient = readFileSync(join(copy.root, 'content/interlocuteurs/adjoint-neuf.md'), 'utf8');
    const letter = readFileSync(join(copy.root, 'letters', readdirSync(join(copy.root, 'letters'))[0]), 'utf8');
    for (const [, name] of letter.matchAll(/\{\{\s*([a-z0-9-]+)\s*\}\}/g)) if (!['appel', 'presentation'].includes(name)) expect(recipient).toContain(`## ${name}`);
  });

  it('makes files that pass npm run check at once', () => {
    const check = run('check.mjs', [], copy.root);
    expect(check.status, check.output).toBe(0);
    expect(check.output).toMatch(/Contenu valide : 5 signataire\(s\)/);
  });

  it('makes files that appear in the build: the signatory’s documents, the letter to the new recipient type, the sheet, the example, the news item', () => {
    expect(build.status, build.output).toBe(0);
    const dist = join(copy.root, 'dist');
    for (const path of ['kit/atelier-neuf/index.html', 'kit/atelier-neuf/courrier-adjoint-neuf.pdf', 'kit/hpf/courrier-adjoint-neuf.pdf', 'kit/atelier-neuf/fiche-bail-neuf.pdf', 'fiches/bail-neuf/index.html', 'exemples/projet-neuf/index.html', 'actualites/nouvelle-neuve/index.html']) {
      expect(existsSync(join(dist, path)), path).toBe(true);
    }
  });

  it('refuses an existing name or an invalid one, in French, and writes nothing', () => {
    const twice = run('nouveau.mjs', ['fiche', 'bail-neuf'], copy.root);
    expect(twice.status).toBe(1);
    expect(twice.output).toContain('Rien n’a été créé :\n  ✖ « bail-neuf » existe déjà : content/fiches/bail-neuf.md');
    const invalid = run('nouveau.mjs', ['exemple', 'Projet Été'], copy.root);
    expect(invalid.status).toBe(1);
    expect(invalid.output).toContain('nom invalide : « Projet Été »');
    expect(existsSync(join(copy.root, 'content/exemples/Projet Été.md'))).toBe(false);
    const unknown = run('nouveau.mjs', ['page', 'essai'], copy.root);
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain('sorte de contenu inconnue : « page »');
  });
});
