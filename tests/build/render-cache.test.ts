import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, runBuild } from '../support/fixture.ts';

/** What the build reports in `.kit/build-report.json`. */
interface Report {
  browserLaunched: boolean;
  outputs: Record<string, { rendered: number; cached: number }>;
  rendered: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Every output file of a signatory, on the site and in the AMOs' space: what its folders hold, the download pages excepted. */
const outputsOf = (dist: string, signatory: string) =>
  [
    ...filesUnder(join(dist, 'kit', signatory)).map((file) => `kit/${signatory}/${file}`),
    ...filesUnder(join(`${dist}-amo`, 'espace-amo/kit', signatory)).map((file) => `espace-amo/kit/${signatory}/${file}`),
  ]
    .filter((file) => !file.endsWith('/index.html'))
    .sort();

describe('the render cache, build after build', () => {
  let fixture: ReturnType<typeof copyFixture>;
  let dist: string;
  const steps: { status: number | null; output: string; report: Report; files: Map<string, Buffer> }[] = [];

  /** Builds the copy and keeps its log, report and files. */
  function build() {
    const { status, output } = runBuild(fixture.root, { SOURCE_DATE_EPOCH: '' });
    const report = status === 0 ? (JSON.parse(readFileSync(join(fixture.root, '.kit/build-report.json'), 'utf8')) as Report) : ({ rendered: [], outputs: {}, browserLaunched: true } as Report);
    const files = new Map(status === 0 ? filesUnder(dist).map((file) => [file, readFileSync(join(dist, file))] as const) : []);
    steps.push({ status, output, report, files });
  }

  beforeAll(async () => {
    fixture = copyFixture('cache');
    dist = join(fixture.root, 'dist');
    // Its own repository with one commit: the files' date stays the same from one build to the next.
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@exemple.test', ...args], { cwd: fixture.root, env: { ...process.env, GIT_COMMITTER_DATE: '1735732800 +0100' } });
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', 'kit');
    build(); // 0: cold
    build(); // 1: nothing changed
    const recipient = join(fixture.root, 'content/interlocuteurs/elu.md');
    writeFileSync(recipient, readFileSync(recipient, 'utf8').replace('Passage propre aux élus de la commune.', 'Passage propre aux élus de la commune, et une phrase de plus.'));
    build(); // 2: one passage of one recipient type
    const logo = join(fixture.root, 'content/signataires/alpha-amo/logo.png');
    writeFileSync(logo, await sharp(readFileSync(logo)).negate({ alpha: false }).png().toBuffer());
    build(); // 3: one signatory's logo
    cpSync(join(fixture.root, 'content/signataires/atelier-eleonore'), join(fixture.root, 'content/signataires/nouvel-amo'), { recursive: true });
    const card = join(fixture.root, 'content/signataires/nouvel-amo/index.yaml');
    writeFileSync(card, readFileSync(card, 'utf8').replace(/^nom: .*$/m, 'nom: Nouvel AMO').replace(/^nomCourt: .*$/m, 'nomCourt: Nouvel AMO'));
    build(); // 4: one more signatory
  }, 900_000);

  afterAll(() => fixture?.remove());

  it('every build succeeds', () => {
    for (const step of steps) expect(step.status, step.output.slice(-3000)).toBe(0);
    expect(steps).toHaveLength(5);
  });

  it('a cold build renders every output and starts the browser', () => {
    const { report } = steps[0];
    expect(report.browserLaunched).toBe(true);
    for (const [kind, count] of Object.entries(report.outputs)) expect(count.cached, kind).toBe(0);
    expect(report.outputs.pdf.rendered).toBeGreaterThan(20);
  });

  it('a rebuild with nothing changed renders nothing, starts no browser, and writes the same bytes', () => {
    const [cold, again] = steps;
    expect(again.report.rendered).toEqual([]);
    expect(again.report.browserLaunched).toBe(false);
    for (const [kind, count] of Object.entries(again.report.outputs)) expect(count.rendered, kind).toBe(0);
    expect(again.output).toMatch(/PDF \(tous repris du cache\).*navigateur non lancé/);
    expect([...again.files.keys()]).toEqual([...cold.files.keys()]);
    const differing = [...cold.files].filter(([file, bytes]) => !again.files.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing, 'fichiers différents entre le rendu et le cache').toEqual([]);
  });

  it('a changed passage renders only the letters of its recipient type, their Word files and the zips that hold them', () => {
    const signatories = ['alpha-amo', 'atelier-eleonore', 'cooperative-grand-est', 'hpf'];
    const expected = signatories.flatMap((s) => [`kit/${s}/courrier-elu.pdf`, `kit/${s}/apercus/courrier-elu.webp`, `kit/${s}/courrier-elu.docx`, `kit/${s}/kit-qpv-${s}.zip`]);
    expect([...steps[2].report.rendered].sort()).toEqual(expected.sort());
    expect(steps[2].report.browserLaunched).toBe(true);
  });

  it('a changed logo renders every output of its signatory, and nothing of the others', () => {
    expect([...steps[3].report.rendered].sort()).toEqual(outputsOf(dist, 'alpha-amo'));
  });

  it('a new signatory renders their outputs and their page’s share image only', () => {
    expect([...steps[4].report.rendered].sort()).toEqual([...outputsOf(dist, 'nouvel-amo'), 'cartes/kit--nouvel-amo.png'].sort());
  });
});
