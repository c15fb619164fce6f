// `npm run build` (through scripts/launch.mjs): the whole kit into dist/ — the site, every PDF and deck —
// or, when something is wrong, a French report of what to fix, exit code 1, the previous dist/ untouched
// and no staging folder left. `KIT_DEBUG=1` adds the technical detail (causes, stacks) for a developer.
// Usage: node scripts/build.mjs [--root <kit folder>]   (a fixture kit in tests)
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { debugDetails, formatErrors } from '../src/kit/errors.ts';
import { frameworkErrorToKitError } from '../src/kit/framework-errors.ts';
import { amoStagingFolder, stagingFolder } from '../src/kit/output/publish.ts';
import { runCleanups, stopOnSignals, onInterrupt } from '../src/kit/shutdown.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
// A build is for publishing, whatever the shell says. Vite's own names (DEV, PROD, MODE…) left in the
// environment (Vitest sets them for its tests) would reach the pages' `import.meta.env` as they render:
// with DEV=1 every print page would carry the preview script of `astro dev`, and be paginated twice.
process.env.NODE_ENV = 'production';
for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];

// Astro announces a failing integration hook in English just before the failure reaches us: the French
// report below replaces it.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => (/An unhandled error occurred while running the/.test(String(chunk)) ? true : write(chunk, ...rest));
}
const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = resolve(values.root ?? process.cwd());
const removeStaging = () => {
  for (const folder of [stagingFolder(root), amoStagingFolder(root)]) rmSync(folder, { recursive: true, force: true });
};

onInterrupt(removeStaging);
stopOnSignals('Fabrication interrompue : rien n’a été publié, le dossier dist/ précédent est intact.');

try {
  removeStaging(); // left by a build that was killed outright
  await build({ root });
} catch (error) {
  runCleanups();
  removeStaging();
  console.error(`\n${formatErrors(frameworkErrorToKitError(error, root))}`);
  console.error('Rien n’a été publié : le dossier dist/ précédent est intact.');
  if (process.env.KIT_DEBUG) console.error(`\nDétail technique (KIT_DEBUG) :\n${debugDetails(error)}`);
  // Exit now: a library may still hold a timer or a socket open after a failure.
  process.exit(1);
}
