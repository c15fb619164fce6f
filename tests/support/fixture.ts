import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const fixtureKit = join(projectRoot, 'tests/fixtures/kit');

/** A disposable copy of the fixture kit at the same depth, so its astro.config.mjs still finds the project's. */
export function copyFixture(name: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(projectRoot, 'tests/fixtures', `.tmp-${name}-`));
  cpSync(fixtureKit, root, { recursive: true, filter: (src) => !/[\\/](dist|\.kit|\.astro)$/.test(src) });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the real `astro build` on a kit root, as `npm run build` does, and returns what a user sees. */
export function runBuild(root: string): { status: number | null; output: string } {
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const result = spawnSync(process.execPath, [astroBin, 'build', '--root', root], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 280_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
