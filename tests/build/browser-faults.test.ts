// Faults of the browser the build starts: killed mid-queue, it is relaunched and every document and deck
// still made; a document that fails twice names its source.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserSession } from '../../src/kit/browser/browser-session.ts';
import { findBrowser, type BrowserLocation } from '../../src/kit/browser/find-browser.ts';
import { serveDirectory } from '../../src/kit/browser/static-server.ts';
import { KitError } from '../../src/kit/errors.ts';
import type { Kit } from '../../src/kit/load/load-kit.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, type PrintVariant } from '../../src/kit/matrix/matrix.ts';
import { prepareDeckSources } from '../../src/kit/render/decks/decks.ts';
import { buildDeckOutputs } from '../../src/kit/render/decks/deck-outputs.ts';
import { prepareLogos } from '../../src/kit/render/images/logos.ts';
import { printAll } from '../../src/kit/render/print/print-queue.ts';
import { printServerFiles } from '../../src/kit/render/print/print-pdf.ts';
import { OutputCache } from '../../src/kit/cache/output-cache.ts';
import { SiteFiles } from '../../src/kit/cache/page-inputs.ts';
import { fixtureKit } from '../support/fixture.ts';

/** Processes whose parent is `pid`, with their command line. */
function childrenOf(pid: number): { pid: number; args: string }[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits with 1 when there is none
  }
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line)!)
    .map((m) => ({ pid: Number(m[1]), args: m[2] }));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/^Z/.test(execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  } catch {
    return false;
  }
};

let browser: BrowserLocation;
let site: string;
let out: string;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let silent: Server;
const kit = { root: fixtureKit, signatories: [{ id: 'essai', nom: 'Signataire d’essai' }], site: { titre: 'Kit d’essai' } } as unknown as Kit;

/** A small print page: Paged.js lays it out on one A5 page. `head` goes before the text. */
function printPage(name: string, head = '') {
  mkdirSync(join(site, 'impression', name), { recursive: true });
  writeFileSync(
    join(site, 'impression', name, 'index.html'),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>@page { size: A5; margin: 15mm }</style>${head}</head>` +
      `<body><h1>Document ${name}</h1><p>Un paragraphe du document ${name}, pour que la page ait du texte.</p></body></html>`,
  );
}

function variant(name: string): PrintVariant {
  return {
    kind: 'plaquette',
    audience: 'public',
    group: 'plaquette',
    signatory: 'essai',
    documentId: name,
    sourceFile: `brochures/${name}.md`,
    name,
    printPath: `/impression/${name}/`,
    output: `kit/essai/${name}.pdf`,
    thumbnail: `kit/essai/apercus/${name}.webp`,
    title: `Document ${name}`,
    label: name,
    expectedPages: 1,
  };
}

/** The French error of printing the test page `name` alone in a browser of its own, and the tries said on the way. */
async function failureOf(name: string, options: { timeoutMs?: number } = {}): Promise<{ error: KitError; retries: string[] }> {
  const session = await BrowserSession.open(browser);
  const retries: string[] = [];
  try {
    const failure = await printAll({
      kit,
      variants: [variant(name)],
      session,
      origin: server.origin,
      site: new SiteFiles(site),
      outDir: out,
      cache: new OutputCache(out),
      browserVersion: 'essai',
      concurrency: 2,
      ...options,
      onRetry: (message) => retries.push(message),
      onOutput: () => {},
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(KitError);
    return { error: failure as KitError, retries };
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  browser = await findBrowser();
  site = mkdtempSync(join(tmpdir(), 'kit-faults-site-'));
  out = mkdtempSync(join(tmpdir(), 'kit-faults-out-'));
  for (let n = 1; n <= 6; n += 1) printPage(`doc-${n}`);
  // A picture from a server that never answers: the document never finishes loading.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  printPage('sans-fin', `<img src="http://127.0.0.1:${(silent.address() as AddressInfo).port}/jamais.png" alt="">`);
  // A picture named in a CSS syntax the fingerprint does not read (a string in image-set(), no url()):
  // the page's fingerprint cannot cover it.
  printPage('image-par-css', `<div style="width: 10mm; height: 10mm; background-image: image-set('/image-par-css.png' 1x)"></div>`);
  printPage('image-par-balise', '<link rel="preload" as="image" href="/image-par-balise.png">');
  printPage('avec-script', '<script>document.title = "changé";</script>');
  server = await serveDirectory(site, printServerFiles());
});

afterAll(async () => {
  await server?.close();
  silent?.closeAllConnections();
  silent?.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('the render cache of prints', () => {
  it('keeps a print whose page loaded only what its files name, and not one whose page loaded more', async () => {
    const session = await BrowserSession.open(browser);
    const cacheRoot = mkdtempSync(join(tmpdir(), 'kit-faults-cache-'));
    const cache = new OutputCache(cacheRoot);
    const print = async () => {
      const rendered: string[] = [];
      await printAll({
        kit,
        variants: [variant('image-par-balise'), variant('image-par-css')],
        session,
        origin: server.origin,
        site: new SiteFiles(site),
        outDir: out,
        cache,
        browserVersion: 'essai',
        concurrency: 2,
        onOutput: (printed) => rendered.push(printed.name),
      });
      return rendered.sort();
    };
    try {
      expect(await print()).toEqual(['image-par-balise', 'image-par-css']);
      expect(await print(), 'printed again: only the page whose CSS fetched a picture the fingerprint missed').toEqual(['image-par-css']);
      expect(cache.contentOf('kit/essai/image-par-css.pdf'), 'a zip holding it hashes its bytes').toBeUndefined();
      expect(cache.contentOf('kit/essai/image-par-balise.pdf')).toMatch(/^pdf\/[0-9a-f]{64}\/document\.pdf$/);
    } finally {
      await session.close();
      rmSync(cacheRoot, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the print browser', () => {
  it('is relaunched when its process is killed mid-queue, and every document is still printed', async () => {
    const session = await BrowserSession.open(browser);
    const browsers = () => childrenOf(process.pid).filter((p) => p.args.startsWith(browser.path));
    const [first] = browsers();
    expect(first, 'the session’s Chromium, a child of this process').toBeDefined();
    const retries: string[] = [];
    let killedAt = 0;
    const variants = Array.from({ length: 6 }, (_, i) => variant(`doc-${i + 1}`));
    try {
      const printed = await printAll({
        kit,
        variants,
        session,
        origin: server.origin,
        site: new SiteFiles(site),
        outDir: out,
        cache: new OutputCache(out),
        browserVersion: 'essai',
        concurrency: 3,
        onRetry: (message) => retries.push(message),
        onOutput: () => {
          if (killedAt) return;
          killedAt = performance.now();
          process.kill(first.pid, 'SIGKILL');
        },
      });
      expect(printed.map((p) => p.variant.output)).toEqual(variants.map((v) => v.output));
      for (const v of variants) expect(readFileSync(join(out, v.output)).subarray(0, 5).toString(), v.output).toBe('%PDF-');
      // The documents that were printing when it died were tried again in the new browser.
      expect(retries.length).toBeGreaterThan(0);
      for (const message of retries) expect(message).toMatch(/^kit\/essai\/doc-\d\.pdf : le navigateur s’est arrêté \(relancé\), nouvel essai\.$/);
      expect(alive(first.pid)).toBe(false);
      expect(browsers().map((p) => p.pid)).not.toContain(first.pid);
      expect(browsers()).toHaveLength(1);
    } finally {
      await session.close();
    }
    expect(browsers()).toEqual([]);
  }, 60_000);

  it('stops on a document that fails twice, naming its source in French', async () => {
    const { error, retries } = await failureOf('sans-fin', { timeoutMs: 1500 });
    expect(error.details.file).toBe('brochures/sans-fin.md');
    expect(error.message).toBe('la mise en page de kit/essai/sans-fin.pdf n’a pas fini en 1,5 s, deux fois de suite');
    expect(error.details.hint).toMatch(/bloc plus haut qu’une page/);
    expect(retries).toEqual(['kit/essai/sans-fin.pdf : la mise en page n’a pas fini en 1,5 s, nouvel essai.']);
    expect(existsSync(join(out, 'kit/essai/sans-fin.pdf'))).toBe(false);
  }, 60_000);
});

describe('a print page', () => {
  it('is refused when it holds a script, naming the page in French, without a second try', async () => {
    const { error, retries } = await failureOf('avec-script');
    expect(error.message).toBe('la page d’impression /impression/avec-script/ contient un script (document.title = "changé";) : les documents sont imprimés sans script');
    expect(error.details.file).toBe('brochures/avec-script.md');
    expect(error.details.hint).toMatch(/Retirez le script/);
    expect(retries).toEqual([]);
  }, 60_000);
});

describe('the deck drawings, in the shared browser', () => {
  it('draws again the decks whose browser was killed, and makes every file of every deck', async () => {
    const loaded = await loadKit(fixtureKit);
    const variants = buildVariantMatrix(loaded).decks.slice(0, 3);
    const { logos } = await prepareLogos(loaded);
    const session = await BrowserSession.open(browser);
    const browsers = () => childrenOf(process.pid).filter((p) => p.args.startsWith(browser.path));
    const [first] = browsers();
    const deckOut = mkdtempSync(join(tmpdir(), 'kit-faults-decks-'));
    const retries: string[] = [];
    let killed = false;
    try {
      const built = await buildDeckOutputs({
        kit: loaded,
        variants,
        sources: await prepareDeckSources(loaded, variants, logos.pngs),
        session,
        outDir: deckOut,
        browserVersion: 'essai',
        cache: new OutputCache(deckOut),
        date: new Date('2025-01-01T12:00:00Z'),
        version: 'version essai du 1er janvier 2025',
        concurrency: 2,
        onRetry: (message) => retries.push(message),
        onOutput: () => {
          if (killed) return;
          killed = true;
          process.kill(first.pid, 'SIGKILL');
        },
      });
      expect(built.map((deck) => deck.slides)).toEqual(variants.map(() => built[0].slides));
      for (const variant of variants) {
        for (const file of [variant.outputs.pdf, variant.outputs.pptx, variant.outputs.html, variant.thumbnail]) expect(existsSync(join(deckOut, file)), file).toBe(true);
      }
      // The deck that was being drawn when it died was drawn again in the new browser.
      expect(retries.length).toBeGreaterThan(0);
      for (const message of retries) expect(message).toMatch(/^kit\/[a-z-]+\/presentation\.pdf : le navigateur s’est arrêté \(relancé\), nouvel essai\.$/);
      expect(alive(first.pid)).toBe(false);
    } finally {
      await session.close();
      rmSync(deckOut, { recursive: true, force: true });
    }
  }, 120_000);
});
