// A site published under a path (GitLab Pages' https://<groupe>.gitlab.io/<projet>/): the address in
// content/site.yaml alone puts every page, asset, document, sitemap and feed address under it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../../src/kit/browser/find-browser.ts';
import { launchArgs } from '../../src/kit/browser/browser-session.ts';
import { serveDirectory } from '../../src/kit/browser/static-server.ts';
import { copyFixture, runBuild } from '../support/fixture.ts';

const BASE = '/kit-qpv/';
let copy: ReturnType<typeof copyFixture>;
let dist: string;
let build: ReturnType<typeof runBuild>;

beforeAll(() => {
  copy = copyFixture('base-path');
  const site = join(copy.root, 'content/site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^url: .*$/m, 'url: https://reseau.exemple.test/kit-qpv/'));
  build = runBuild(copy.root);
  dist = join(copy.root, 'dist');
}, 280_000);

afterAll(() => copy?.remove());

/** Every root-relative address in the HTML pages of `folder`, with the page it is on. */
function rootRelativeAddresses(folder: string): { page: string; address: string }[] {
  const found: { page: string; address: string }[] = [];
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(folder, file), 'utf8');
    for (const [, address] of html.matchAll(/\s(?:href|src|action)="(\/(?!\/)[^"]*)"/g)) found.push({ page: file, address });
  }
  return found;
}

describe('a kit whose site is published under a path', () => {
  it('builds, its link check finding no address that leads nowhere', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('writes every root-relative address of every page, print pages and the AMOs’ space included, under the path', () => {
    const addresses = [...rootRelativeAddresses(dist), ...rootRelativeAddresses(join(copy.root, 'dist-amo'))];
    expect(addresses.length).toBeGreaterThan(100);
    expect(addresses.filter(({ address }) => !address.startsWith(BASE))).toEqual([]);
  });

  it('gives the sitemap, the news feed, robots.txt and the social cards the full address under the path', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://reseau.exemple.test/kit-qpv/contact/</loc>');
    expect(sitemap).not.toMatch(/<loc>https:\/\/reseau\.exemple\.test\/(?!kit-qpv\/)/);
    expect(sitemap).not.toContain('/impression/');
    const feed = readFileSync(join(dist, 'actualites/rss.xml'), 'utf8');
    expect(feed).toContain('<link>https://reseau.exemple.test/kit-qpv/actualites/lancement/</link>');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain('Disallow: /kit-qpv/impression/\nDisallow: /kit-qpv/espace-amo/\n\nSitemap: https://reseau.exemple.test/kit-qpv/sitemap-index.xml');
    const home = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<link rel="canonical" href="https://reseau.exemple.test/kit-qpv/">');
    expect(home).toMatch(/<meta property="og:image" content="https:\/\/reseau\.exemple\.test\/kit-qpv\/[^"]+\.png">/);
  });

  it('opens in a browser at the path with every file it asks for found: styles, fonts, logos, thumbnails, documents', async () => {
    const server = await serveDirectory(dist, {}, BASE);
    const browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, args: launchArgs(await findBrowser()) });
    // The host serves dist/ under /kit-qpv/ only: a request outside it is a broken address.
    const missing: string[] = [];
    try {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (request.url().startsWith(server.origin) && !pathname.startsWith(BASE)) {
          missing.push(pathname);
          void request.abort();
        } else void request.continue();
      });
      page.on('response', (response) => {
        if (response.status() >= 400) missing.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      const links: string[] = [];
      for (const path of ['', 'kit/alpha-amo/', 'courrier/', 'fiches/essai/']) {
        await page.goto(`${server.origin}${BASE}${path}`, { waitUntil: 'networkidle0' });
        // The thumbnails load lazily: bring them in.
        await page.evaluate(() => Promise.all([...document.images].map((image) => ((image.loading = 'eager'), image.decode().catch(() => {})))));
        links.push(...(await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href$=".pdf"], a[href$=".docx"], a[href$=".zip"]')].map((a) => a.href))));
      }
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect((await fetch(link)).status, link).toBe(200);
    } finally {
      await browser.close();
      await server.close();
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
