// Runs the Astro CLI (`node scripts/astro.mjs build`) with its telemetry off: this machine's network is
// closed and the kit sends nothing anywhere. (An environment variable in package.json would not work in
// Windows' cmd.)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
await import(pathToFileURL(astroBin).href);
