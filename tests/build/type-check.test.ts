import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from '../support/fixture.ts';

it('type-checks the code and the Astro components (astro check) without an error', () => {
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const result = spawnSync(process.execPath, [astroBin, 'check'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 180_000,
  });
  const report = `${result.stdout}\n${result.stderr}`;
  expect(report).toMatch(/- 0 errors/);
  expect(result.status, report).toBe(0);
}, 200_000);
