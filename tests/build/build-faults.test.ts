// The whole build (scripts/build.mjs) on a copy of the fixture kit, stopped by Ctrl-C, or by text the
// print layout lost: a French message, the right exit code, no staging folder, the previous dist/ as it
// was, and no browser left running.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, projectRoot, runBuild } from '../support/fixture.ts';

interface Process {
  pid: number;
  ppid: number;
  stat: string;
  args: string;
}

function processes(): Process[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line)!)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), stat: m[3], args: m[4] }));
}

/** Every process started by `pid`, however deep (browsers are detached, but still its children). */
function descendantsOf(pid: number): Process[] {
  const all = processes();
  const found: Process[] = [];
  for (let parents = [pid]; parents.length > 0; ) {
    const children = all.filter((p) => parents.includes(p.ppid));
    found.push(...children);
    parents = children.map((p) => p.pid);
  }
  return found;
}

/** Those of `recorded` still running (a zombie has ended: it only waits for its parent to read its status). */
function stillRunning(recorded: Process[]): Process[] {
  const now = new Map(processes().map((p) => [p.pid, p]));
  return recorded.filter((p) => {
    const current = now.get(p.pid);
    return current !== undefined && !current.stat.startsWith('Z') && current.args === p.args;
  });
}

/** A previous kit in dist/, which a failed or interrupted build must leave as it was. */
function previousDist(root: string) {
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/precedent.txt'), 'version précédente');
}

const expectPreviousDist = (root: string) => {
  expect(readdirSync(join(root, 'dist'))).toEqual(['precedent.txt']);
  expect(readFileSync(join(root, 'dist/precedent.txt'), 'utf8')).toBe('version précédente');
};

describe('Ctrl-C during npm run build', () => {
  it.each([
    { when: 'while the PDFs print', line: /PDF 1\/\d+ / },
    { when: 'while the decks are drawn', line: /Présentation 1\/\d+ / },
  ])('$when: every browser closed, a French line, exit code 130, no staging, the previous dist/ kept', async ({ line }) => {
    const copy = copyFixture('ctrl-c');
    let recorded: Process[] = [];
    try {
      previousDist(copy.root);
      const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.mjs'), '--root', copy.root], {
        cwd: projectRoot,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      let output = '';
      // 'close': exited, and its output all read.
      const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk;
          if (line.test(output)) resolve();
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        void exited.then(() => reject(new Error(`the build ended before the expected line:\n${output}`)));
      });
      // Wait for a Chromium (there is one while the PDFs print and the decks are drawn), then record them all.
      for (let waited = 0; !descendantsOf(child.pid!).some((p) => /chrom/i.test(p.args)) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      recorded = descendantsOf(child.pid!);
      expect(recorded.filter((p) => /chrom/i.test(p.args)).length, 'Chromium was running when Ctrl-C came').toBeGreaterThan(0);
      child.kill('SIGINT');
      const code = await exited;

      expect(code, output).toBe(130);
      expect(output).toContain('Fabrication interrompue : rien n’a été publié, le dossier dist/ précédent est intact.');
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(existsSync(join(copy.root, '.kit/staging'))).toBe(false);
      expectPreviousDist(copy.root);
      // SIGKILL takes a moment to end a process: wait for it, up to 5 s.
      for (let waited = 0; stillRunning(recorded).length > 0 && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(stillRunning(recorded).map((p) => p.args.slice(0, 120))).toEqual([]);
      expect(processes().filter((p) => p.args.includes(copy.root) && !p.stat.startsWith('Z'))).toEqual([]);
    } finally {
      for (const p of stillRunning(recorded)) process.kill(p.pid, 'SIGKILL');
      copy.remove();
    }
  }, 180_000);
});

describe('npm run build with text the print layout would lose', () => {
  it('stops, naming the source and the first lost words, instead of publishing a PDF with part of its text', () => {
    const copy = copyFixture('lost-text');
    try {
      previousDist(copy.root);
      const file = join(copy.root, 'brochures/reglement.md');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n${'Texte<br/>\n'.repeat(100)}Phrase finale du règlement.\n`);
      const result = runBuild(copy.root);

      expect(result.status, result.output).toBe(1);
      expect(result.output).toMatch(
        /brochures\/reglement\.md — le PDF espace-amo\/kit\/[\w-]+\/reglement\.pdf ne contient pas tout le texte : la mise en page s’est arrêtée avant « Phrase finale du règlement\. »/,
      );
      expect(result.output).toContain('→ Un bloc est sans doute plus haut qu’une page, par exemple un paragraphe fait de nombreux retours à la ligne : découpez-le en plusieurs paragraphes');
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(existsSync(join(copy.root, '.kit/staging'))).toBe(false);
      expectPreviousDist(copy.root);
    } finally {
      copy.remove();
    }
  }, 180_000);
});
