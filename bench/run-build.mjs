// One build of a kit, run as `npm run build` runs it (the pinned Node, scripts/build.mjs --root <kit>), measured
// from outside: wall time from spawn to exit, the peak memory of its process tree (memory.mjs), and the build's
// own report, <kit>/.kit/build-report.json (removed first, so a report left by an earlier build is never read).
// The log is kept in .kit/bench/logs/<name>.log; a failed build throws with its end. A stamp of the project's
// code is taken before and after: the render cache's keys hold the pipeline's code, so a file saved in
// src/ while the bench runs (someone working in the same tree) makes the next build render everything.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleProcessTree } from './memory.mjs';
import { benchFolder, projectRoot } from './scale-kit.mjs';

export const reportPath = (root) => join(root, '.kit/build-report.json');

/** The code a build runs, as the project holds it (the kit's content apart). */
const CODE = ['src', 'layouts', 'scripts', 'astro.config.mjs', 'package-lock.json'];

/** Newest modification time and number of files of the project's code: changes when a file is saved, added or removed. */
export function codeStamp() {
  let newest = 0;
  let files = 0;
  const visit = (path) => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) return readdirSync(path).forEach((name) => visit(join(path, name)));
    newest = Math.max(newest, info.mtimeMs);
    files += 1;
  };
  for (const path of CODE) visit(join(projectRoot, path));
  return `${files}:${newest}`;
}

export async function runBuild(root, { name, env = {} }) {
  rmSync(reportPath(root), { force: true });
  const codeBefore = codeStamp();
  const started = performance.now();
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.mjs'), '--root', root], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleProcessTree(child.pid);
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const status = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? signal));
  });
  const totalMs = performance.now() - started;
  const memory = sampler.stop();
  const logs = join(benchFolder, 'logs');
  mkdirSync(logs, { recursive: true });
  const logFile = join(logs, `${name}.log`);
  writeFileSync(logFile, log);
  if (status !== 0) {
    throw new Error(`La fabrication « ${name} » a échoué (code ${status}) ; journal complet : ${logFile}\n${log.split('\n').slice(-30).join('\n')}`);
  }
  const report = existsSync(reportPath(root)) ? JSON.parse(readFileSync(reportPath(root), 'utf8')) : undefined;
  return { totalMs, memory, report, log, logFile, codeBefore, codeAfter: codeStamp() };
}

/** Paths of the outputs the build rendered (not taken from its cache), from its report. */
export const renderedPaths = (report) => report?.rendered ?? [];

/** Outputs rendered, all kinds together: the report's list, else the sum of its per-kind counts. */
export function renderedCount(report) {
  if (!report) return undefined;
  if (Array.isArray(report.rendered)) return report.rendered.length;
  return Object.values(report.outputs ?? {}).reduce((sum, kind) => sum + (kind?.rendered ?? 0), 0);
}

/** « 50 pdf, 50 docx » from the report's per-kind counts (kinds with none left out). */
export function renderedByKind(report) {
  const kinds = Object.entries(report?.outputs ?? {}).filter(([, counts]) => counts?.rendered > 0);
  return kinds.length === 0 ? 'aucune' : kinds.map(([kind, counts]) => `${counts.rendered} ${kind}`).join(', ');
}

/** « 50 pdf, 50 docx » taken from the cache. */
export function cachedByKind(report) {
  const kinds = Object.entries(report?.outputs ?? {}).filter(([, counts]) => counts?.cached > 0);
  return kinds.length === 0 ? 'aucune' : kinds.map(([kind, counts]) => `${counts.cached} ${kind}`).join(', ');
}

/** Per-output times the build logs (« PDF 3/12 kit/hpf/plaquette.pdf — 0,42 s »), by label: PDF, Présentation, Word, Zip */
export function loggedTimes(log) {
  const times = new Map();
  for (const match of log.matchAll(/\] (PDF|Présentation|Word|Zip) \d+\/\d+ \S+ — (\d+,\d+) s/g)) {
    times.set(match[1], [...(times.get(match[1]) ?? []), Number(match[2].replace(',', '.')) * 1000]);
  }
  return times;
}
