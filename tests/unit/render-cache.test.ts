import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { digest, OutputCache, restoreFile } from '../../src/kit/cache/output-cache.ts';
import { writeOutputFile } from '../../src/kit/output/output-file.ts';
import { cssReferences, htmlReferences, SiteFiles } from '../../src/kit/cache/page-inputs.ts';
import { pipelineDigest } from '../../src/kit/cache/pipeline-version.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kit-cache-'));
  folders.push(folder);
  return folder;
}

/** A built site: every file given by its site path. */
function site(files: Record<string, string>): string {
  const root = tempFolder();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('what a page loads, read from its files', () => {
  it('finds stylesheets, scripts, images (srcset too), SVG images and CSS in the page, not links to other pages', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="/_astro/print.css"><link rel="canonical" href="https://example.org/x/"><link rel="preload" as="font" href="/f.woff2">
      <script type="module" src="/s.js"></script><script>const a = '<img src="/not-an-image.png">';</script>
      <style>@import "/imported.css"; .x { background: url('/bg.png') } /* url(/commented.png) */</style></head>
      <body><a href="/other-page/">autre page</a><img src="/_kit/logos/a.svg" alt=""><img srcset="/a-1x.png 1x, /a-2x.png 2x" alt="">
      <svg><image href="/drawing.png"/></svg><div style="background-image: url(&quot;/inline.png&quot;)"></div>
      <!-- <img src="/comment.png"> --></body></html>`;
    expect(htmlReferences(html).sort()).toEqual(['/_astro/print.css', '/_kit/logos/a.svg', '/a-1x.png', '/a-2x.png', '/bg.png', '/drawing.png', '/f.woff2', '/imported.css', '/inline.png', '/s.js'].sort());
  });

  it('reads url() and @import in a stylesheet, quoted or not, and skips comments', () => {
    expect(cssReferences(`@import url(base.css); @import 'more.css'; @font-face { src: url("../fonts/a.woff2") format("woff2"), url(b.woff) } /* url(x.png) */`)).toEqual(['base.css', 'more.css', '../fonts/a.woff2', 'b.woff']);
  });

  it('changes the fingerprint of exactly the pages that load a changed file, down to a font named by a stylesheet', async () => {
    const files = {
      '/lettre/index.html': '<link rel="stylesheet" href="/_astro/lettre.css"><img src="/_kit/logos/alpha.svg" alt="">',
      '/plaquette/index.html': '<link rel="stylesheet" href="/_astro/plaquette.css">',
      '/_astro/lettre.css': '@import "commun.css"; p { color: black }',
      '/_astro/plaquette.css': 'h1 { color: green }',
      '/_astro/commun.css': '@font-face { font-family: S; src: url(./fonts/s.woff2) }',
      '/_astro/fonts/s.woff2': 'police v1',
      '/_kit/logos/alpha.svg': '<svg/>',
    };
    const fingerprints = async (root: string) => {
      const siteFiles = new SiteFiles(root);
      return { letter: await siteFiles.page('/lettre/'), brochure: await siteFiles.page('/plaquette/') };
    };
    const before = await fingerprints(site(files));
    expect([...before.letter.loads].sort()).toEqual(['/_astro/commun.css', '/_astro/fonts/s.woff2', '/_astro/lettre.css', '/_kit/logos/alpha.svg']);
    expect(await fingerprints(site(files)), 'the same files, the same fingerprints').toEqual(before);

    const fontChanged = await fingerprints(site({ ...files, '/_astro/fonts/s.woff2': 'police v2' }));
    expect(fontChanged.letter.digest).not.toBe(before.letter.digest);
    expect(fontChanged.brochure.digest).toBe(before.brochure.digest);

    const logoChanged = await fingerprints(site({ ...files, '/_kit/logos/alpha.svg': '<svg><rect/></svg>' }));
    expect(logoChanged.letter.digest).not.toBe(before.letter.digest);
    expect(logoChanged.brochure.digest).toBe(before.brochure.digest);

    const cssChanged = await fingerprints(site({ ...files, '/_astro/plaquette.css': 'h1 { color: red }' }));
    expect(cssChanged.letter.digest).toBe(before.letter.digest);
    expect(cssChanged.brochure.digest).not.toBe(before.brochure.digest);

    const pageChanged = await fingerprints(site({ ...files, '/plaquette/index.html': '<link rel="stylesheet" href="/_astro/plaquette.css"><p>Un mot de plus.</p>' }));
    expect(pageChanged.letter.digest).toBe(before.letter.digest);
    expect(pageChanged.brochure.digest).not.toBe(before.brochure.digest);
  });

  it('tells a missing file from a present one', async () => {
    const page = { '/p/index.html': '<img src="/manque.png" alt="">' };
    const missing = await new SiteFiles(site(page)).page('/p/');
    const present = await new SiteFiles(site({ ...page, '/manque.png': 'image' })).page('/p/');
    expect(missing.digest).not.toBe(present.digest);
  });
});

describe('the render cache', () => {
  it('hashes its parts with their boundaries: ("ab", "c") is not ("a", "bc")', () => {
    expect(digest('ab', 'c')).not.toBe(digest('a', 'bc'));
    expect(digest({ a: 1 }, new Uint8Array([1, 2]))).toBe(digest({ a: 1 }, new Uint8Array([1, 2])));
  });

  it('gives back what was stored under a key, with its facts, and nothing under another key', async () => {
    const cache = new OutputCache(tempFolder());
    await cache.put('pdf', 'k1', { 'document.pdf': new Uint8Array([37, 80, 68, 70]) }, { pageCount: 2 });
    const entry = await cache.get<{ pageCount: number }>('pdf', 'k1');
    expect(entry?.meta).toEqual({ pageCount: 2 });
    expect(readdirSync(dirname(entry!.files['document.pdf']))).toContain('document.pdf');
    expect(await cache.get('pdf', 'k2')).toBeUndefined();
    expect(await cache.get('docx', 'k1'), 'kinds are apart').toBeUndefined();
  });

  it('restores an output as a link to its entry, and a rewritten output never changes the entry', async () => {
    const root = tempFolder();
    const cache = new OutputCache(root);
    await cache.put('pdf', 'k', { 'document.pdf': new Uint8Array([1, 2, 3]) }, {});
    const stored = (await cache.get('pdf', 'k'))!.files['document.pdf'];
    expect(statSync(stored).mode & 0o222, 'read-only in the cache').toBe(0);
    const output = join(root, 'dist', 'kit', 'a', 'courrier-elu.pdf');
    await restoreFile(stored, output);
    expect(statSync(output).ino, 'the same file: nothing copied').toBe(statSync(stored).ino);
    await restoreFile(stored, output);
    await writeOutputFile(output, new Uint8Array([9, 9]));
    expect([...readFileSync(output)]).toEqual([9, 9]);
    expect([...readFileSync(stored)], 'the entry keeps its bytes').toEqual([1, 2, 3]);
    expect(readdirSync(dirname(output))).toEqual(['courrier-elu.pdf']);
  });

  it('treats an entry whose file was cut short as absent', async () => {
    const cache = new OutputCache(tempFolder());
    await cache.put('pdf', 'k', { 'document.pdf': new Uint8Array(100) }, {});
    truncateSync((await cache.get('pdf', 'k'))!.files['document.pdf'], 10);
    expect(await cache.get('pdf', 'k')).toBeUndefined();
  });

  it('keeps after pruning only the entries the build used, and removes a killed build’s temporary folder', async () => {
    const root = tempFolder();
    const earlier = new OutputCache(root);
    await earlier.put('pdf', 'ancien', { 'document.pdf': new Uint8Array(1) }, {});
    await earlier.put('pdf', 'garde', { 'document.pdf': new Uint8Array(1) }, {});
    mkdirSync(join(earlier.folder, '.tmp-abandonne'));
    const build = new OutputCache(root);
    expect(await build.get('pdf', 'garde')).toBeDefined();
    await build.put('docx', 'nouveau', { 'courrier.docx': new Uint8Array(1) }, {});
    await build.prune();
    expect(readdirSync(join(build.folder, 'pdf'))).toEqual(['garde']);
    expect(readdirSync(join(build.folder, 'docx'))).toEqual(['nouveau']);
    expect(readdirSync(build.folder).sort()).toEqual(['docx', 'pdf']);
  });

  it('counts what came from the cache and lists what was rendered', () => {
    const cache = new OutputCache(tempFolder());
    cache.count('pdf', 'cached');
    cache.count('pdf', 'rendered', ['kit/a/courrier-elu.pdf', 'kit/a/apercus/courrier-elu.webp']);
    expect(cache.counts.get('pdf')).toEqual({ rendered: 1, cached: 1 });
    expect(cache.rendered).toEqual(['kit/a/courrier-elu.pdf', 'kit/a/apercus/courrier-elu.webp']);
  });
});

describe('the pipeline version in every cache key', () => {
  const project = {
    'package-lock.json': '{"lockfileVersion": 3}',
    'src/kit/render/print/print-pdf.ts': 'export const margins = 0;',
    'src/kit/output/check-links.ts': 'export const links = [];',
    'src/kit/load/load-kit.ts': 'export const kit = {};',
    'src/letter/compose-letter.ts': 'export const letter = "";',
  };

  it('changes with the renderers, the letter engine and the lockfile', async () => {
    const before = await pipelineDigest(site(project));
    for (const path of ['src/kit/render/print/print-pdf.ts', 'src/letter/compose-letter.ts', 'package-lock.json']) {
      expect(await pipelineDigest(site({ ...project, [path]: `${project[path as keyof typeof project]} // changed` })), path).not.toBe(before);
    }
  });

  it('stays when only the link check or the content reader changes, so an edit there renders nothing again', async () => {
    const before = await pipelineDigest(site(project));
    expect(await pipelineDigest(site({ ...project, 'src/kit/output/check-links.ts': 'export const links = ["changed"];' }))).toBe(before);
    expect(await pipelineDigest(site({ ...project, 'src/kit/load/load-kit.ts': 'export const kit = { changed: true };' }))).toBe(before);
  });
});
