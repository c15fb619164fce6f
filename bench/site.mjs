// Benchmark of the site as a visitor on a phone gets it: Lighthouse (mobile, simulated slow 4G, the kit's
// own Chromium) on one page of each type, with layout shift, bytes of a first visit and JavaScript.
// Run after a build: node bench/site.mjs [<racine du kit>] (`npm run bench` runs it after the build).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../src/kit/browser/find-browser.ts';
import { serveDirectory } from '../src/kit/browser/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const kilobytes = (bytes) => `${Math.round(bytes / 1024)} Ko`;
const first = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory())?.name : undefined);

/** One page of each type the site has, public and AMOs' space. */
function pageTypes(root) {
  const dist = join(root, 'dist');
  const sheet = first(join(dist, 'fiches'));
  const example = first(join(dist, 'exemples'));
  const signatory = first(join(dist, 'kit'));
  return [
    ['Accueil', 'dist', '/'],
    ['Page de contenu (L’AMI)', 'dist', existsSync(join(dist, 'ami')) ? '/ami/' : undefined],
    ['Liste des fiches', 'dist', '/fiches/'],
    ['Fiche', 'dist', sheet && `/fiches/${sheet}/`],
    ['Exemple', 'dist', example && `/exemples/${example}/`],
    ['Documents d’un signataire', 'dist', signatory && `/kit/${signatory}/`],
    ['Contact', 'dist', existsSync(join(dist, 'contact')) ? '/contact/' : undefined],
    ['Générateur de courrier', 'dist', '/courrier/'],
    ['La présentation', 'dist', existsSync(join(dist, 'presentation')) ? '/presentation/' : undefined],
    ['Espace des AMO', 'dist-amo', '/espace-amo/'],
  ].filter(([, , path]) => path);
}

export async function benchSite(root) {
  const line = (text = '') => console.log(text);
  line('Site (Lighthouse mobile, une page par type ; cibles : performance ≥ 95, le reste 100, CLS < 0,05, accueil ≤ 100 Ko, pas de JavaScript sur les pages de contenu)');
  const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: ['--no-sandbox', '--disable-background-networking'] });
  const servers = { dist: await serveDirectory(join(root, 'dist')), 'dist-amo': await serveDirectory(join(root, 'dist-amo')) };
  const misses = [];
  try {
    for (const [name, output, path] of pageTypes(root)) {
      const page = await browser.newPage();
      const result = await lighthouse(new URL(path, servers[output].origin).href, { output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, undefined, page);
      await page.close();
      const { categories, audits } = result.lhr;
      const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
      const cls = audits['cumulative-layout-shift']?.numericValue ?? NaN;
      const bytes = audits['total-byte-weight']?.numericValue ?? NaN;
      const scripts = audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script')?.transferSize ?? 0;
      line(`   ${name.padEnd(28)} perf ${scores[0]} · access. ${scores[1]} · bonnes pratiques ${scores[2]} · SEO ${scores[3]} · CLS ${cls.toFixed(3)} · ${kilobytes(bytes)} · JS ${kilobytes(scripts)}`);
      const seoApplies = output === 'dist'; // the AMOs' space asks robots to stay out, on purpose
      if (scores[0] < 95 || scores[1] < 100 || scores[2] < 100 || (seoApplies && scores[3] < 100)) {
        const failing = Object.values(audits).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable').map((audit) => audit.id);
        misses.push(`${name} : ${failing.slice(0, 8).join(', ')}`);
      }
      if (cls >= 0.05) misses.push(`${name} : CLS ${cls.toFixed(3)}`);
      if (path === '/' && bytes > 100 * 1024) misses.push(`Accueil : ${kilobytes(bytes)} au lieu de 100 Ko au plus`);
      if (!['/courrier/', '/contact/'].includes(path) && scripts > 0) misses.push(`${name} : ${kilobytes(scripts)} de JavaScript`);
    }
  } finally {
    await browser.close();
    for (const server of Object.values(servers)) await server.close();
  }
  line(misses.length === 0 ? '   ✔ toutes les cibles du site sont atteintes' : `   ✘ à reprendre :\n${misses.map((miss) => `     - ${miss}`).join('\n')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchSite(resolve(process.argv[2] ?? '.'));
