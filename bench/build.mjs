// Benchmark: times a full build (scripts/build.mjs, as `npm run build`) of a kit (default: this project) and prints the figures —
// total time, the site build, each PDF and deck batch as logged by the build — then the letter builder's (bench/builder.mjs).
// Run: npm run bench [-- <racine du kit>]
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { benchBuilder } from './builder.mjs';

const root = resolve(process.argv[2] ?? '.');
const buildEntry = join(import.meta.dirname, '../scripts/build.mjs');
const started = performance.now();
const run = spawnSync(process.execPath, [buildEntry, '--root', root], {
  encoding: 'utf8',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
});
const total = (performance.now() - started) / 1000;
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const lines = run.stdout.split('\n');
const times = (pattern) => lines.map((l) => pattern.exec(l)).filter(Boolean).map((m) => Number(m[1].replace(',', '.')));
const pdf = times(/\] PDF \d+\/\d+ .* — (\d+,\d+) s/);
const decks = (format) => times(new RegExp(`Présentation ${format} \\d+/\\d+ .* — (\\d+,\\d+) s`));
const stats = (values) => (values.length ? `${values.length} × moyenne ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)} s, max ${Math.max(...values).toFixed(2)} s` : 'aucun');
const site = /\[build\] (\d+) page\(s\) built in ([\d.]+)s/.exec(run.stdout);

console.log(`Kit : ${root}`);
console.log(`Machine : ${cpus().length} cœurs, Node ${process.version}`);
console.log(`Build complet : ${total.toFixed(2)} s`);
if (site) console.log(`Pages du site : ${site[1]}`);
const phases = /Terminé : (\d+) PDF \((\d+,\d+) s\) et (\d+) fichiers de présentation \((\d+,\d+) s\)/.exec(run.stdout);
if (phases) {
  const [, pdfCount, pdfSeconds, deckCount, deckSeconds] = phases;
  const perPdf = Number(pdfSeconds.replace(',', '.')) / Number(pdfCount);
  console.log(`Phase PDF : ${pdfCount} PDF en ${pdfSeconds} s, soit ${perPdf.toFixed(2)} s par PDF en débit`);
  console.log(`Phase présentations : ${deckCount} fichiers en ${deckSeconds} s`);
}
console.log(`PDF (Paged.js, un navigateur partagé), latence par PDF : ${stats(pdf)}`);
for (const format of ['HTML', 'PDF', 'PPTX']) console.log(`Présentation ${format} (par signataire, lot marp-cli) : ${stats(decks(format))}`);
await benchBuilder(root);
