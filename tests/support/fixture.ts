import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const fixtureKit = join(projectRoot, 'tests/fixtures/kit');

/**
 * A built file of a kit root: in `dist/`, or in `dist-amo/` when it belongs to the AMOs' space
 * (`espace-amo/kit/hpf/reglement.pdf`), as the build publishes it.
 */
export function builtPath(root: string, ...parts: string[]): string {
  const path = parts.join('/').replace(/^\/+/, '');
  return join(root, path.startsWith('espace-amo/') ? 'dist-amo' : 'dist', path);
}

/** A disposable copy of the fixture kit at the same depth, so its astro.config.mjs still finds the project's. */
export function copyFixture(name: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(projectRoot, 'tests/fixtures', `.tmp-${name}-`));
  cpSync(fixtureKit, root, { recursive: true, filter: (src) => !/[\\/](dist|dist-amo|\.kit|\.astro)$/.test(src) });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs one of the kit's commands (`scripts/<script>`) on a kit root, as npm runs it, and returns what a user sees. */
export function runKitScript(script: string, args: string[], root: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', script), ...args, '--root', root], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    timeout: 280_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Runs the build's entry on a kit root, as `npm run build` does, and returns what a user sees. */
export function runBuild(root: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  return runKitScript('build.mjs', [], root, env);
}
