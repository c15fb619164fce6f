// Runs before `npm run build` and `npm test`: on a fresh clone (no node_modules) or after a change of
// package-lock.json, installs the exact dependencies with `npm ci` first. Runs on any Node ≥ 20; the
// pinned Node 24 (devDependency `node`) takes over once installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lockfile = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';

const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lockfile).mtimeMs;
if (stale) {
  console.log(existsSync(installed) ? 'package-lock.json a changé : réinstallation (npm ci)…' : 'Première utilisation : installation des dépendances (npm ci)…');
  try {
    execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
  } catch {
    console.error('L’installation a échoué (npm ci). Vérifiez la connexion au registre npm, puis relancez la commande.');
    process.exit(1);
  }
}
