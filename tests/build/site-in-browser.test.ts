import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles } from '../../src/kit/matrix/matrix.ts';
import { fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';
import { builtSite, useBuiltSite } from '../support/built-site.ts';

const dist = builtSite;
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every site page (print pages are for the PDF build, not for visitors). */
function sitePages(): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'impression' && entry.name !== '_astro') walk(path);
      else if (entry.name === 'index.html') pages.push(`/${relative(dist, dir)}/`.replace('//', '/'));
    }
  };
  walk(dist);
  return pages.sort();
}

const site = useBuiltSite();

describe('the built site, in Chromium', () => {
  it('has the pages a visitor expects', () => {
    expect(sitePages()).toEqual(['/', '/ami/', '/courrier/', '/exemples/', '/exemples/essai/', '/fiches/', '/fiches/essai/', '/kit/', '/kit/alpha-amo/', '/kit/atelier-eleonore/', '/kit/cooperative-grand-est/', '/kit/hpf/']);
  });

  it('passes axe-core (WCAG 2.1 A and AA) on every page, at phone and desktop widths', async () => {
    for (const path of sitePages()) {
      for (const width of [360, 1280]) {
        const violations = await site.session.withPage(async (page) => {
          await page.setViewport({ width, height: 800 });
          await page.goto(new URL(path, site.server.origin).href, { waitUntil: 'load' });
          await page.addScriptTag({ path: axeSource });
          return page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
            const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
          });
        });
        expect(violations, `${path} à ${width} px`).toEqual([]);
      }
    }
  });

  it('makes no request outside the site: fonts, logos and styles are all served from it', async () => {
    const outside: string[] = [];
    for (const path of sitePages()) {
      await site.session.withPage(async (page) => {
        page.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(site.server.origin) && !url.startsWith('data:')) outside.push(`${path} → ${url}`);
        });
        await page.goto(new URL(path, site.server.origin).href, { waitUntil: 'networkidle0' });
      });
    }
    expect(outside).toEqual([]);
  });

  it('links every download of a signatory’s page to a file that exists', async () => {
    const broken = await site.session.withPage(async (page) => {
      await page.goto(new URL('/kit/alpha-amo/', site.server.origin).href, { waitUntil: 'load' });
      const links = await page.$$eval('main a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      const missing: string[] = [];
      for (const link of links) {
        const response = await fetch(link);
        if (!response.ok) missing.push(link);
      }
      // Every file the matrix makes for this signatory is offered.
      const offered = links.map((link) => new URL(link).pathname);
      const own = outputFiles(buildVariantMatrix(await loadKit(fixtureKit))).filter((file) => file.startsWith('kit/alpha-amo/'));
      expect(own.length).toBeGreaterThan(0);
      for (const file of own) expect(offered, file).toContain(`/${file}`);
      return missing;
    });
    expect(broken).toEqual([]);
  });
});
