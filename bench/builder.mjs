// Benchmark of the letter builder (/courrier/) of a built kit: the JavaScript it costs (gzipped, at page
// load, for the preview's Paged.js and for the DOCX, each loaded when first needed), and the time from a keystroke to the updated
// preview in real Chromium (median of 20). Run after a build: node bench/builder.mjs [<racine du kit>]
// (`npm run bench` runs it after timing the build).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { findBrowser } from '../src/kit/browser/find-browser.ts';
import { BrowserSession } from '../src/kit/browser/browser-session.ts';
import { serveDirectory } from '../src/kit/browser/static-server.ts';
import { PREVIEW_DEBOUNCE_MS } from '../src/builder/preview.ts';

const KEYSTROKES = 20;

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gzipped = (dist, files) => [...files].reduce((total, file) => total + gzipSync(readFileSync(join(dist, file))).length, 0);

/** The modules a script loads: static imports at once, dynamic ones (`import()`) when the code asks. */
function moduleGraph(dist, entry) {
  const eager = new Set();
  const lazy = new Set();
  const visit = (file, set) => {
    if (eager.has(file) || set.has(file)) return;
    set.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const target = (specifier) => new URL(specifier, `http://x/${file}`).pathname.slice(1);
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) visit(target(match[1]), set);
    for (const match of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) visit(target(match[1]), lazy);
  };
  visit(entry, eager);
  for (const file of eager) lazy.delete(file);
  return { eager, lazy };
}

/** The builder's JavaScript, as the page loads it: its module and imports, Paged.js (in the preview frame), the DOCX part. */
export function builderWeight(dist) {
  const html = readFileSync(join(dist, 'courrier/index.html'), 'utf8');
  const entry = /<script type="module" src="\/([^"]+)"/.exec(html)?.[1];
  const paged = /paged\.polyfill(?:\.min)?\.[\w-]+\.js/.exec(html)?.[0];
  if (!entry || !paged) throw new Error('Le préparateur de courrier du site construit est introuvable (script ou Paged.js).');
  const { eager, lazy } = moduleGraph(dist, entry);
  return {
    page: gzipSync(html).length,
    code: gzipped(dist, eager),
    paged: gzipped(dist, [`_astro/${paged}`]),
    docx: gzipped(dist, lazy),
  };
}

/** Keystroke → preview updated on screen (the new layout swapped in, then the next frame painted), in ms. */
export async function keystrokeToPreview(dist, keystrokes = KEYSTROKES) {
  const server = await serveDirectory(dist);
  const session = await BrowserSession.open(await findBrowser());
  try {
    return await session.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(new URL('/courrier/', server.origin).href, { waitUntil: 'load' });
      await page.waitForSelector('.builder-preview-viewport[data-ready]', { timeout: 30_000 });
      const firstPreview = await page.evaluate(() => performance.now());
      await page.click('#civilite-madame');
      await page.waitForSelector('.builder-preview-viewport[data-ready]');
      await page.$eval('#destinataireNom', (input) => {
        input.value = 'Claire ';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.waitForSelector('.builder-preview-viewport[data-ready]');
      await page.focus('#destinataireNom');
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      const times = [];
      for (let i = 0; i < keystrokes; i++) {
        const typed = `Claire ${letters.slice(0, i + 1)}`;
        await page.evaluate((expected) => {
          const frame = document.querySelector('.builder-preview-viewport iframe');
          const state = { start: 0, end: 0 };
          window.__bench = state;
          document.addEventListener('keydown', (event) => (state.start = event.timeStamp), { once: true, capture: true });
          const visible = () => [...frame.contentDocument.querySelectorAll('.builder-preview-pages')].find((c) => c.style.visibility !== 'hidden');
          const observer = new MutationObserver(() => {
            if (!visible()?.textContent.includes(`Madame ${expected}`)) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => (state.end = performance.now())));
          });
          observer.observe(frame.contentDocument.body, { childList: true, subtree: true, attributes: true });
        }, typed);
        await page.keyboard.type(letters[i]);
        await page.waitForFunction(() => window.__bench.end > 0, { timeout: 30_000 });
        times.push(await page.evaluate(() => window.__bench.end - window.__bench.start));
      }
      return { firstPreview, times };
    });
  } finally {
    await session.close();
    await server.close();
  }
}

/** Prints the builder's figures for the kit built under `root`. */
export async function benchBuilder(root) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'courrier/index.html'))) {
    console.log(`Préparateur de courrier : ${dist}/courrier/ introuvable — construisez le kit d’abord (npm run build).`);
    return;
  }
  const weight = builderWeight(dist);
  console.log(`Préparateur de courrier, page HTML (données du kit et logos compris) : ${kilobytes(weight.page)} gzip`);
  console.log(`Préparateur de courrier, JavaScript au chargement : ${kilobytes(weight.code)} gzip ; Paged.js de l’aperçu, chargé quand l’aperçu approche de l’écran ou que le formulaire est commencé : ${kilobytes(weight.paged)} gzip`);
  console.log(`Préparateur de courrier, JavaScript avec le DOCX (chargé à la première demande) : ${kilobytes(weight.code + weight.paged + weight.docx)} gzip (DOCX ${kilobytes(weight.docx)})`);
  const { firstPreview, times } = await keystrokeToPreview(dist);
  console.log(`Préparateur de courrier, premier aperçu : ${Math.round(firstPreview)} ms après le début du chargement`);
  console.log(
    `Préparateur de courrier, frappe → aperçu à jour : médiane ${Math.round(median(times))} ms sur ${times.length} (min ${Math.round(Math.min(...times))}, max ${Math.round(Math.max(...times))} ; dont ${PREVIEW_DEBOUNCE_MS} ms d’attente de fin de frappe)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchBuilder(resolve(process.argv[2] ?? '.'));
