// The bench of issue 9: figures printed, in French, each next to its target (no timed test anywhere).
//
//   npm run bench                        scale kit of 50 signatories (bench/scale-kit.mjs), every scenario
//   npm run bench -- --signataires 10    a smaller scale kit, for a quicker run
//   npm run bench -- --root <kit>        an existing kit as it is (`--root .`: this project)
//
// Scenarios, in this order, one build at a time (builds: bench/run-build.mjs; memory: bench/memory.mjs):
//   1. cold build, render cache (.kit/cache/) and dist/ removed: total, Astro part, outputs part, PDFs per
//      second, peak memory of the build's process tree;
//   2. no-op rebuild: outputs rendered (0 expected), browser launched or not;
//   3. one signatory added, rebuilt (only its outputs expected), then removed;
//   4. one sentence added to a letter passage (content/interlocuteurs/<id>.md), rebuilt (only that recipient
//      type's letters expected, with their thumbnails and the zips that hold them), then put back.
//      It comes after 3 so that putting the passage back is rebuilt by no scenario: whatever the cache keeps,
//      each of 3 and 4 renders only what its own change asks for;
//   5. print ways on the built kit's letters (bench/print-ways.mjs): naive, the kit's, the floor, with ratios;
// then the letter builder's figures (bench/builder.mjs).
// Figures from the build itself (Astro part, outputs, rendered outputs) come from <kit>/.kit/build-report.json;
// without it they are said missing. With --root, scenarios 3 and 4 are skipped (the bench does not edit the
// sources of a kit it did not generate), and the cold build removes that kit's .kit/cache/ and dist/.
// The scale kit's builds get a fixed SOURCE_DATE_EPOCH: the kit lives inside this repository, whose last
// commit (the date the build would take otherwise) may change while the bench runs.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findBrowser } from '../src/kit/browser/find-browser.ts';
import { loadKit } from '../src/kit/load/load-kit.ts';
import { buildVariantMatrix } from '../src/kit/matrix/matrix.ts';
import { benchBuilder } from './builder.mjs';
import { benchSite } from './site.mjs';
import { decimal, duration, gigabytes, ratio, seconds, target, targetLine, targets, withTarget } from './format.mjs';
import { benchPrintWays } from './print-ways.mjs';
import { cachedByKind, loggedTimes, renderedByKind, renderedCount, renderedPaths, runBuild } from './run-build.mjs';
import { ADDED_SIGNATORY, addSignatory, changeLetterPassage, generateScaleKit, projectRoot, removeCacheAndDist, removeSignatory } from './scale-kit.mjs';

const ISSUE_SIGNATORIES = 50;
const ISSUE_RECIPIENTS = 7;
const MISSING = 'rapport de fabrication absent';

const { values, positionals } = parseArgs({ options: { signataires: { type: 'string' }, root: { type: 'string' } }, allowPositionals: true });
const given = values.root ?? positionals[0];
const count = Number(values.signataires ?? ISSUE_SIGNATORIES);
if (!given && !(Number.isInteger(count) && count >= 1)) {
  console.error(`--signataires attend un nombre entier d’au moins 1 (reçu : « ${values.signataires} »).`);
  process.exit(1);
}

const line = (text = '') => console.log(text);
const step = (text) => line(`   … ${text}`);

line('Banc d’essai du kit (issue 9)');
line(`Machine : ${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? 'processeur inconnu'}), ${gigabytes(totalmem())} de mémoire, Node ${process.version}`);
const browser = await findBrowser();
line(`Navigateur : ${browser.path} (${browser.source})`);

let root;
let env = {};
if (given) {
  root = resolve(given);
  line(`Kit : ${root} (tel quel ; scénarios 3 et 4 ignorés)`);
} else {
  step(`génération du kit d’essai (${count} signataires)`);
  const scale = await generateScaleKit(count);
  root = scale.root;
  env = { SOURCE_DATE_EPOCH: '946684800' };
  line(`Kit d’essai : ${relative(projectRoot, root)} — ${scale.kept.length} signataire(s) du kit (${scale.kept.join(', ')}) et ${scale.generated.length} généré(s) (amo-bench-01…)`);
}
const kit = await loadKit(root);
const matrix = buildVariantMatrix(kit);
const letters = matrix.print.filter((variant) => variant.kind === 'courrier');
line(`Signataires : ${kit.signatories.length} ; types d’interlocuteur : ${kit.recipients.length} (${kit.recipients.map((r) => r.id).join(', ')})`);
if (kit.recipients.length < ISSUE_RECIPIENTS) {
  line(`   ⚠ moins que les ${ISSUE_RECIPIENTS} types d’interlocuteur de l’issue 9 : le banc n’en invente pas, il y a donc ${letters.length} courriers au lieu de ${kit.signatories.length * ISSUE_RECIPIENTS}.`);
}
line(`À fabriquer : ${matrix.print.length} PDF (dont ${letters.length} courriers, autant de DOCX), ${matrix.decks.length} présentation(s) (HTML, PDF, PDF avec notes, PPTX modifiable, PPTX images), un zip par signataire`);

/** A duration from the report, which may lack it. */
const reported = (ms) => (typeof ms === 'number' ? duration(ms) : 'non indiqué');

/** The lines every build shares: total, parts, rendered outputs, peak memory. */
function describeBuild(name, { totalMs, memory, report, log }) {
  const pages = /\[build\] (\d+) page\(s\) built in/.exec(log)?.[1];
  line(`   Durée totale : ${duration(totalMs)}${pages ? ` (${pages} pages HTML)` : ''}`);
  if (report) {
    line(`   Partie Astro : ${reported(report.astroMs)} ; sorties : ${reported(report.outputsMs)} (impression des PDF ${reported(report.printMs)}, présentations ${reported(report.decksMs)})`);
    line(`   Sorties fabriquées : ${renderedByKind(report)} (${renderedCount(report)} fichiers, aperçus compris) ; reprises du cache : ${cachedByKind(report)}`);
    line(`   Navigateur lancé : ${report.browserLaunched ? 'oui' : 'non'}`);
    if (name === 'cold' && typeof report.decksMs === 'number' && matrix.decks.length > 0) {
      const perSignatory = report.decksMs / matrix.decks.length;
      line(`   ${withTarget('Présentations, les cinq fichiers, par signataire', `${seconds(perSignatory, 2)} (${matrix.decks.length} présentations en ${duration(report.decksMs)})`, '≤ 2,5 s', perSignatory <= 2500)}`);
    }
  } else {
    line(`   Partie Astro, sorties, sorties fabriquées : ${MISSING}`);
  }
  if (memory.rss === undefined) line('   Mémoire maximale : non mesurée (Linux seulement)');
  else {
    const figure = `RSS ${gigabytes(memory.rss)}`;
    const text = name === 'cold' ? withTarget('Mémoire maximale à froid', figure, '< 2 Go', memory.rss < 2 * 1024 ** 3) : figure;
    line(`   Mémoire maximale (fabrication et Chromium, somme des RSS) : ${text}, au bout de ${seconds(memory.atMs, 1)} avec ${memory.processesAtPeak} processus (${memory.processes} au plus) ; PSS ${memory.pss === undefined ? 'non relevé' : gigabytes(memory.pss)} (relevé toutes les 2 s) ; ${memory.samples} relevés en ${seconds(memory.samplingMs)}`);
  }
}

/** « PDF 750 × moyenne 0,62 s, max 1,40 s » for each kind of output the build logged. */
function describeLoggedTimes(log) {
  for (const [label, times] of loggedTimes(log)) {
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    line(`   Dans le journal, ${label} : ${times.length} × moyenne ${seconds(mean)}, max ${seconds(Math.max(...times))} (latence de chaque sortie, plusieurs à la fois)`);
  }
}

/** Rendered outputs that `expected` does not account for, printed (the first ten) with a verdict. */
function describeUnexpected(report, expected, what) {
  if (!report) return line(`   ${targetLine(what, MISSING, '0 autre', undefined)}`);
  const others = renderedPaths(report).filter((path) => !expected(path));
  line(`   ${targetLine(what, `${others.length} autre(s) fichier(s) refabriqué(s)`, '0 autre', others.length === 0)}`);
  for (const path of others.slice(0, 10)) line(`     ${path}`);
  if (others.length > 10) line(`     … et ${others.length - 10} autre(s)`);
}

/** Each build in turn, said when the project's code changed since the previous one (the cache cannot serve then). */
let previous;
async function build(name) {
  const result = await runBuild(root, { name, env });
  const warning = '(quelqu’un travaille dans le même arbre ?) : le cache ne peut pas resservir, chiffres à refaire sur un arbre stable.';
  if (previous && result.codeBefore !== previous.codeBefore) line(`   ⚠ Le code du projet (src/, layouts/, scripts/, package-lock.json) a changé depuis la fabrication précédente ${warning}`);
  else if (result.codeBefore !== result.codeAfter) line(`   ⚠ Le code du projet a changé pendant cette fabrication ${warning}`);
  previous = result;
  return result;
}

const restores = [];
const restoreAll = () => restores.splice(0).reverse().forEach((restore) => restore());
try {
  line('');
  line('1. Fabrication à froid (cache de rendu et dist/ supprimés)');
  removeCacheAndDist(root);
  const cold = await build('froid');
  describeBuild('cold', cold);
  const coldLabel = `≤ 4 min${kit.signatories.length === ISSUE_SIGNATORIES ? '' : ` (pour ${ISSUE_SIGNATORIES} signataires ; ici ${kit.signatories.length})`}`;
  line(`   ${targetLine('Fabrication à froid', duration(cold.totalMs), coldLabel, kit.signatories.length === ISSUE_SIGNATORIES ? cold.totalMs <= 240_000 : undefined)}`);
  const pdfs = cold.report?.outputs?.pdf?.rendered;
  if (pdfs !== undefined && cold.report.printMs > 0) {
    line(`   PDF par seconde : ${decimal(pdfs / (cold.report.printMs / 1000))} pendant l’impression (${pdfs} PDF en ${duration(cold.report.printMs)}) ; ${decimal(pdfs / (cold.totalMs / 1000))} sur la durée totale`);
  } else line(`   PDF par seconde : ${MISSING}`);
  describeLoggedTimes(cold.log);

  line('');
  line('2. Reconstruction sans changement');
  const noop = await build('sans-changement');
  describeBuild('noop', noop);
  const rendered = renderedCount(noop.report);
  line(`   ${targetLine('Sorties refabriquées sans changement', rendered === undefined ? MISSING : String(rendered), '0', rendered === undefined ? undefined : rendered === 0)}`);
  // The site's own build (Node and Astro starting, the pages) is what any Astro site costs; the target is
  // on what the kit adds after it: logos, outputs from the cache, zips, download facts, publication.
  const kitPart = typeof noop.report?.kitMs === 'number' ? noop.report.kitMs : undefined;
  line(`   ${targetLine('Reconstruction sans changement, part du kit après le site Astro', kitPart === undefined ? MISSING : seconds(kitPart), '≤ 3 s', kitPart === undefined ? undefined : kitPart <= 3000)}`);
  if (kitPart !== undefined) line(`     (le site Astro lui-même, démarrage de Node compris : ${seconds(noop.totalMs - kitPart)})`);

  if (given) {
    line('');
    line('3. et 4. Ajout d’un signataire, changement d’un passage : ignorés avec --root (le banc ne modifie pas ce kit)');
  } else {
    line('');
    line(`3. Ajout d’un signataire (${ADDED_SIGNATORY}), fabrication, puis retrait`);
    await addSignatory(root, { id: ADDED_SIGNATORY, label: 'ajout', template: kit.signatories[0].id });
    restores.push(() => removeSignatory(root, ADDED_SIGNATORY));
    const added = await build('ajout-signataire');
    restoreAll();
    describeBuild('added', added);
    const own = renderedPaths(added.report).filter((path) => path.includes(ADDED_SIGNATORY)).length;
    if (added.report) line(`   Sorties du nouveau signataire : ${own}`);
    describeUnexpected(added.report, (path) => path.includes(ADDED_SIGNATORY), 'Seulement celles du nouveau signataire');

    const recipient = kit.recipients.find((r) => r.id === 'elu')?.id ?? kit.recipients[0].id;
    const change = changeLetterPassage(root, recipient);
    restores.push(change.restore);
    line('');
    line(`4. Une phrase ajoutée au passage « ${change.passage} » de content/interlocuteurs/${recipient}.md, fabrication, puis retour au texte d’origine`);
    const changed = await build('passage');
    restoreAll();
    describeBuild('passage', changed);
    const concerned = matrix.print.filter((variant) => variant.recipient === recipient);
    const names = new Set(concerned.map((variant) => variant.name));
    const ofRecipient = (path) => names.has(basename(path, extname(path)));
    if (changed.report) {
      const paths = renderedPaths(changed.report);
      const counted = (extension) => paths.filter((path) => ofRecipient(path) && path.endsWith(extension)).length;
      line(`   Courriers « ${recipient} » refabriqués : ${counted('.pdf')} PDF et ${counted('.docx')} DOCX sur ${concerned.length} ; zips : ${paths.filter((path) => path.endsWith('.zip')).length}`);
    }
    describeUnexpected(changed.report, (path) => ofRecipient(path) || path.endsWith('.zip'), `Seulement les courriers « ${recipient} », leurs aperçus et les zips`);
  }

  line('');
  line('5. Trois façons d’imprimer les mêmes courriers (navigateur partagé lancé et ses fenêtres ouvertes avant la mesure)');
  const ways = await benchPrintWays(root, { onStep: (what) => step(what) });
  line(`   Naïve (un navigateur lancé par courrier, un courrier à la fois, Paged.js puis page.pdf()), ${ways.sample} courriers : ${seconds(ways.naive)} par courrier`);
  line(`   Kit (printAll du build, cache vide : Paged.js chargé une fois dans chacune des ${ways.concurrency} fenêtres d’un navigateur partagé, chaque courrier amené dans la page d’imprimeur, vérifications, aperçu du premier courrier de chaque signataire, métadonnées, mise en cache), ${ways.sample} courriers : ${seconds(ways.kit)} par courrier`);
  line(`   Plancher (page.goto() puis page.pdf() sans Paged.js, même navigateur partagé, ${ways.concurrency} à la fois), ${ways.sample} courriers : ${seconds(ways.floor)} par courrier`);
  line(`   ${targetLine('Kit / plancher', ratio(ways.kit / ways.floor), '≤ 1,6×', ways.kit / ways.floor <= 1.6)}`);
  line(`   Naïve / kit : ${ratio(ways.naive / ways.kit)}`);
  line(`   Kit sur les ${ways.all} courriers, dans l’ordre de la fabrication : ${seconds(ways.kitAllFirst)} par courrier pour les ${ways.lastWindow} premiers, ${seconds(ways.kitAllLast)} pour les ${ways.lastWindow} derniers (moyenne ${seconds(ways.kitAllAverage)})`);
  const flat = Math.max(ways.kitAllLast, ways.kitAllFirst) / Math.min(ways.kitAllLast, ways.kitAllFirst);
  line(`   ${targetLine(`Temps par courrier, aux ${ways.lastWindow} premiers et aux ${ways.lastWindow} derniers des ${ways.all} courriers`, `${seconds(ways.kitAllFirst)} et ${seconds(ways.kitAllLast)}, écart ${ratio(flat)}`, '≤ 1,2×', flat <= 1.2)}`);
  if (ways.all < 350) line(`     (l’issue demande 350 courriers : ${ISSUE_SIGNATORIES} signataires × ${ISSUE_RECIPIENTS} types ; ici ${ways.all})`);

  line('');
  line('6. npm run check : tout ce qui se vérifie sans imprimer (contenu, règles de relecture, logos, jetons de la présentation)');
  const timedCheck = (kitRoot) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/check.mjs'), '--root', kitRoot], { encoding: 'utf8' });
    return { ms: performance.now() - started, ok: result.status === 0 };
  };
  const realKit = timedCheck(projectRoot);
  line(`   ${targetLine('Vérification du kit du dépôt, démarrage de Node compris', `${seconds(realKit.ms, 1)}${realKit.ok ? '' : ' (le kit contient une erreur)'}`, '≤ 10 s', realKit.ms <= 10_000)}`);
  if (resolve(root) !== resolve(projectRoot)) {
    const benchKit = timedCheck(root);
    line(`   Vérification du kit d’essai (${kit.signatories.length} signataires) : ${seconds(benchKit.ms, 1)}, contre ${duration(cold.totalMs)} pour sa fabrication à froid (${ratio(cold.totalMs / benchKit.ms)} plus rapide)`);
  }
} catch (error) {
  restoreAll();
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

line('');
line('Cibles');
for (const { name, figure, label, ok } of targets) line(`   ${ok === undefined ? '·' : ok ? '✔' : '✘'} ${name} : ${figure} — ${target(label, ok)}`);

line('');
await benchBuilder(root);
line('');
await benchSite(root);
