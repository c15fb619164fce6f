import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, runBuild } from '../support/fixture.ts';

// The copy gets its own git repository with one commit at a known date: the build dates its files with
// it, and a commit made meanwhile in the project's repository cannot change it between the two builds.
const commitSeconds = 1_735_732_800; // 2025-01-01T12:00:00Z
const commitDate = new Date(commitSeconds * 1000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('two builds of the same commit, the render cache deleted in between', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let first: string;
  let second: string;
  const builds: ReturnType<typeof runBuild>[] = [];

  beforeAll(() => {
    fixture = copyFixture('reproducible');
    first = join(fixture.root, 'dist-premier');
    second = join(fixture.root, 'dist');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@exemple.test', ...args], {
        cwd: fixture.root,
        env: { ...process.env, GIT_COMMITTER_DATE: `${commitSeconds} +0100` },
      });
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', 'kit figé');
    // An empty SOURCE_DATE_EPOCH counts as unset: the date must come from the commit.
    builds.push(runBuild(fixture.root, { SOURCE_DATE_EPOCH: '' }));
    if (builds[0].status !== 0) return; // the first test shows its log
    renameSync(second, first);
    // Without the render cache: the second build renders everything again.
    rmSync(join(fixture.root, '.kit/cache'), { recursive: true, force: true });
    builds.push(runBuild(fixture.root, { SOURCE_DATE_EPOCH: '' }));
  }, 600_000);

  afterAll(() => fixture?.remove());

  it('both succeed', () => {
    for (const build of builds) expect(build.status, build.output).toBe(0);
    expect(builds[1].output).toContain('Date des fichiers : 01/01/2025 12:00 UTC (dernier commit)');
    expect(builds[1].output, 'the second build rendered everything again').not.toContain('repris du cache');
  });

  it('write byte-identical files in dist/', () => {
    const names = filesUnder(first);
    expect(filesUnder(second)).toEqual(names);
    expect(names.length).toBeGreaterThan(30);
    const differing = names.filter((name) => !readFileSync(join(first, name)).equals(readFileSync(join(second, name))));
    expect(differing, `fichiers différents d’une fabrication à l’autre : ${differing.join(', ')}`).toEqual([]);
  });

  it('date the PDFs and the PPTX with the commit', async () => {
    for (const file of ['kit/hpf/plaquette.pdf', 'kit/hpf/presentation.pdf']) {
      const pdf = await PDFDocument.load(readFileSync(join(second, file)), { updateMetadata: false });
      expect(pdf.getCreationDate(), file).toEqual(commitDate);
      expect(pdf.getModificationDate(), file).toEqual(commitDate);
    }
    const deck = await PDFDocument.load(readFileSync(join(second, 'kit/hpf/presentation.pdf')), { updateMetadata: false });
    expect(deck.getAuthor()).toBe('Habitat Participatif France');
    expect(deck.catalog.has(PDFName.of('Outlines')), 'le sommaire (signets) de Marp est gardé').toBe(true);
    const core = strFromU8(unzipSync(readFileSync(join(second, 'kit/hpf/presentation.pptx')))['docProps/core.xml']);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T12:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-01T12:00:00Z</dcterms:modified>');
  });
});
