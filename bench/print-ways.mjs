// Three ways of printing the same letters of a built kit (its dist/ served by the build's static server, the
// build's Chromium), in this process, each timed from its first document to its last:
//  - naive: one letter at a time, each in a browser launched for it: load the print page, inject Paged.js,
//    page.pdf(), close the browser (what calling pagedjs-cli per document does, less its Node start-up);
//  - the kit's: the build's own printAll (src/kit/render/print/print-queue.ts) with an empty render cache of
//    its own (so every letter is rendered, as in a cold build): Paged.js in windows of one shared
//    BrowserSession at the build's concurrency, its checks, first-page picture, metadata, cache writes;
//  - the floor: the same shared browser, concurrency and window handling, page.goto() then page.pdf() with
//    no Paged.js.
// A shared browser first prints one letter in each of its windows, untimed: its launch and the opening of its
// windows (for the kit, each window's printer page and Paged.js) are not counted, in any way. The kit's way
// prints 20 letters, then every letter of the kit in the build's order: the time per letter of that run's last
// 20 letters, against its first 20's (the same kind of letters: a signatory's, one after the other), says
// whether printing stays flat as the kit grows.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { findBrowser } from '../src/kit/browser/find-browser.ts';
import { BrowserSession, pagesAtOnce } from '../src/kit/browser/browser-session.ts';
import { serveDirectory } from '../src/kit/browser/static-server.ts';
import { loadKit } from '../src/kit/load/load-kit.ts';
import { buildVariantMatrix } from '../src/kit/matrix/matrix.ts';
import { OutputCache } from '../src/kit/cache/output-cache.ts';
import { SiteFiles } from '../src/kit/cache/page-inputs.ts';
import { browserVersion } from '../src/kit/cache/pipeline-version.ts';
import { pagedPolyfillPath, printServerFiles } from '../src/kit/render/print/print-pdf.ts';
import { printAll } from '../src/kit/render/print/print-queue.ts';
import { benchFolder } from './scale-kit.mjs';

/** The build's pages working at once. */
export const BUILD_CONCURRENCY = pagesAtOnce();
const SAMPLE = 20;

/**
 * `count` letters spread evenly over the signatories, the recipient types taken in turn: as many of each
 * type as the kit has (an even stride over the letters would fall on the same types again and again).
 */
function spread(letters, count) {
  if (letters.length <= count) return letters;
  const bySignatory = [...Map.groupBy(letters, (letter) => letter.signatory).values()];
  return Array.from({ length: count }, (_, i) => {
    const own = bySignatory[Math.floor((i * bySignatory.length) / count)];
    return own[i % own.length];
  });
}

/** Paged.js then page.pdf(), nothing else: what pagedjs-cli does for one document. */
async function pagedOnly(page, url, polyfill) {
  await page.evaluateOnNewDocument(() => {
    window.PagedConfig = { auto: true, after: () => (window.__benchPaged = true) };
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ path: polyfill });
  await page.waitForFunction(() => window.__benchPaged === true, { timeout: 60_000 });
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

async function naive(letters, { browser, origin, polyfill, outDir }) {
  const started = performance.now();
  for (const letter of letters) {
    const session = await BrowserSession.open(browser);
    try {
      const pdf = await session.withPage((page) => pagedOnly(page, new URL(letter.printPath, origin).href, polyfill));
      writeFileSync(join(outDir, `${letter.signatory}-${letter.name}.pdf`), pdf);
    } finally {
      await session.close();
    }
  }
  return performance.now() - started;
}

/** The build's printAll on `letters`, with an empty cache; returns the time and when each letter was done (ms from the start). */
async function kitWay(letters, { kit, session, origin, dist, browser, outDir }) {
  const done = [];
  // A cache of its own for each run, so nothing printed before (the warm-up letter) is taken back from it.
  const cache = new OutputCache(mkdtempSync(join(outDir, 'cache-')));
  const site = new SiteFiles(dist);
  const version = await browserVersion(browser);
  const started = performance.now();
  await printAll({ kit, variants: letters, session, origin, site, outDir, cache, browserVersion: version, concurrency: BUILD_CONCURRENCY, onOutput: () => done.push(performance.now() - started) });
  if (done.length !== letters.length) throw new Error(`Banc d’essai : ${letters.length - done.length} courrier(s) repris d’un cache au lieu d’être imprimés.`);
  return { ms: performance.now() - started, done };
}

async function floor(letters, { session, origin, outDir }) {
  const limit = pLimit(BUILD_CONCURRENCY);
  const started = performance.now();
  await Promise.all(
    letters.map((letter) =>
      limit(() =>
        // Windows reused from one letter to the next, as printAll does (an option older sessions ignore).
        session.withPage(
          async (page) => {
            await page.goto(new URL(letter.printPath, origin).href, { waitUntil: 'load', timeout: 60_000 });
            writeFileSync(join(outDir, `${letter.signatory}-${letter.name}.pdf`), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
          },
          { reuse: true },
        ),
      ),
    ),
  );
  return performance.now() - started;
}

/** Runs `work` with a shared browser that has already printed one letter (untimed) with `warmUp`. */
async function inSharedBrowser(context, warmUp, work) {
  const session = await BrowserSession.open(context.browser);
  try {
    await warmUp({ ...context, session });
    return await work({ ...context, session });
  } finally {
    await session.close();
  }
}

/**
 * The three ways on the letters of the kit built under `root`. Returns per-letter times (ms): naive, kit and
 * floor on the same 20 letters, and the kit's on every letter (average, and its last 20 letters).
 */
export async function benchPrintWays(root, { onStep = () => {} } = {}) {
  const kit = await loadKit(root);
  const letters = buildVariantMatrix(kit).print.filter((variant) => variant.kind === 'courrier');
  const sample = spread(letters, SAMPLE);
  const outDir = join(benchFolder, 'print-ways');
  rmSync(outDir, { recursive: true, force: true });
  const folder = (way) => {
    mkdirSync(join(outDir, way), { recursive: true });
    return join(outDir, way);
  };
  const dist = join(root, 'dist');
  const server = await serveDirectory(dist, printServerFiles());
  const context = { kit, dist, browser: await findBrowser(), origin: server.origin, polyfill: pagedPolyfillPath() };
  try {
    onStep(`naïve, ${sample.length} courriers`);
    const naiveMs = await naive(sample, { ...context, outDir: folder('naive') });
    onStep(`kit, ${sample.length} courriers`);
    const warmUp = letters.slice(-BUILD_CONCURRENCY);
    const kitSample = await inSharedBrowser({ ...context, outDir: folder('kit-20') }, (c) => kitWay(warmUp, c), (c) => kitWay(sample, c));
    onStep(`plancher, ${sample.length} courriers`);
    const floorMs = await inSharedBrowser({ ...context, outDir: folder('floor') }, (c) => floor(warmUp, c), (c) => floor(sample, c));
    onStep(`kit, ${letters.length} courriers`);
    const kitAll = await inSharedBrowser({ ...context, outDir: folder('kit-all') }, (c) => kitWay(warmUp, c), (c) => kitWay(letters, c));
    const window = Math.min(SAMPLE, kitAll.done.length);
    const lastWindowMs = kitAll.done.at(-1) - (kitAll.done.length > window ? kitAll.done.at(-1 - window) : 0);
    return {
      concurrency: BUILD_CONCURRENCY,
      sample: sample.length,
      all: letters.length,
      naive: naiveMs / sample.length,
      kit: kitSample.ms / sample.length,
      floor: floorMs / sample.length,
      kitAllAverage: kitAll.ms / letters.length,
      kitAllFirst: kitAll.done[window - 1] / window,
      kitAllLast: lastWindowMs / window,
      lastWindow: window,
    };
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
