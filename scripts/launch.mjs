// The one way every npm script runs the kit: `node scripts/launch.mjs <script.mjs | package-bin> [args…]`.
//
// It runs on whatever Node the machine has (≥ 20.17, what npm 11 needs), installs the exact dependencies
// when they are missing or older than package-lock.json, then runs the script with the Node pinned by the
// project (devDependency `node`) by its absolute path. The shell that started `npm run` resolved `node`
// before anything was installed, so nothing after the install may look `node` up on the PATH again.
// Arguments, signals and the exit code go through unchanged.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
const installedLock = join(root, 'node_modules/.package-lock.json');
const pinnedNodeFolder = join(root, 'node_modules/node/bin');

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** The pinned Node's executable, or undefined when it is not installed yet. */
function pinnedNode() {
  return ['node', 'node.exe', 'node.cmd'].map((name) => join(pinnedNodeFolder, name)).find((path) => existsSync(path));
}

function installIsStale() {
  if (!existsSync(installedLock) || !pinnedNode()) return true;
  return statSync(installedLock).mtimeMs < statSync(lockfile).mtimeMs;
}

/** `npm ci`, with the npm that runs this script when there is one (npm sets npm_execpath), so no PATH lookup either. */
function install() {
  console.log(existsSync(installedLock) ? 'package-lock.json a changé : réinstallation des dépendances (npm ci)…' : 'Première utilisation : installation des dépendances (npm ci)…');
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(command, [...args, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm.cmd' });
  if (result.status !== 0) {
    fail('L’installation des dépendances a échoué (npm ci) : vérifiez l’accès au registre npm, puis relancez la commande.');
  }
}

/** A script of the project (`scripts/build.mjs`), or the executable of an installed package (`vitest`). */
function entryPoint(target) {
  if (/\.(m?js|ts)$/.test(target)) return join(root, target);
  const manifestPath = join(root, 'node_modules', target, 'package.json');
  if (!existsSync(manifestPath)) fail(`Le paquet « ${target} » n’est pas installé : supprimez node_modules/ et relancez la commande.`);
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const relativeBin = typeof bin === 'string' ? bin : bin?.[target];
  if (!relativeBin) fail(`Le paquet « ${target} » n’a pas de commande à lancer.`);
  return join(root, 'node_modules', target, relativeBin);
}

const [target, ...args] = process.argv.slice(2);
if (!target) fail('Usage : node scripts/launch.mjs <script.mjs | paquet> [arguments…]');

if (installIsStale()) install();
const node = pinnedNode();
if (!node) fail('Node n’a pas été installé dans node_modules/node/ : supprimez node_modules/ et relancez la commande.');

const child = spawn(node, [entryPoint(target), ...args], { cwd: process.cwd(), stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

// Ctrl-C reaches the whole process group, the child included; a signal sent to this process alone is passed on.
// The child handles a repeated signal as one.
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of signals) process.on(signal, forward);

child.on('error', (error) => fail(`Impossible de lancer ${node} : ${error.message}`));
child.on('exit', (code, signal) => {
  for (const s of signals) process.off(s, forward);
  if (signal) {
    // Die of the same signal, so the caller (npm, a shell, CI) sees what happened.
    process.kill(process.pid, signal);
    setTimeout(() => process.exit(1), 1000).unref();
    return;
  }
  process.exit(code ?? 1);
});
