import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles } from '../../src/kit/matrix/matrix.ts';
import { fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';
import { builtAmoSpace, builtSite, useBuiltSite } from '../support/built-site.ts';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page of a built output (print pages are for the PDF build, not for visitors). */
function pagesOf(root: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'impression' && entry.name !== '_astro') walk(path);
      else if (entry.name === 'index.html') pages.push(`/${relative(root, dir)}/`.replace('//', '/'));
    }
  };
  walk(root);
  return pages.sort();
}
const sitePages = () => pagesOf(builtSite);
/** The AMOs' space's pages, without the root page that only leads to it. */
const amoPages = () => pagesOf(builtAmoSpace).filter((path) => path !== '/');

const site = useBuiltSite();
/** Every page of both outputs, with the server that serves it. */
const everyPage = () => [...[...sitePages(), '/404.html'].map((path) => ({ path, origin: site.server.origin })), ...amoPages().map((path) => ({ path, origin: site.amoServer.origin }))];

describe('the built site, in Chromium', () => {
  it('has the pages a visitor expects', () => {
    expect(sitePages()).toEqual(['/', '/actualites/', '/actualites/lancement/', '/actualites/nouvelle-d-un-partenaire/', '/contact/', '/courrier/', '/donnees-personnelles/', '/exemples/', '/exemples/essai/', '/fiches/', '/fiches/essai/', '/kit/', '/kit/alpha-amo/', '/kit/atelier-eleonore/', '/kit/cooperative-grand-est/', '/kit/hpf/', '/presentation/']);
    expect(amoPages()).toEqual(['/espace-amo/', '/espace-amo/actualites/', '/espace-amo/actualites/pour-les-amo/', '/espace-amo/ami/', '/espace-amo/kit/alpha-amo/', '/espace-amo/kit/atelier-eleonore/', '/espace-amo/kit/cooperative-grand-est/', '/espace-amo/kit/hpf/']);
  });

  it('opens the phone menu from the keyboard, marks the current section, and shows the row of links on a wide screen', async () => {
    await site.session.withPage(async (page) => {
      await page.setViewport({ width: 360, height: 740 });
      await page.goto(new URL('/fiches/essai/', site.server.origin).href, { waitUntil: 'load' });
      const header = await page.$eval('.site-header', (element) => element.getBoundingClientRect().height);
      expect(header).toBeLessThanOrEqual(120);
      const visibleLinks = () => page.$$eval('a', (anchors) => anchors.filter((a) => a.closest('nav[aria-label="Menu principal"]') && a.checkVisibility()).map((a) => a.textContent!.trim()));
      expect(await visibleLinks()).toEqual([]);
      // Skip link, home, then the menu's button: Enter opens it, and Tab reaches its links.
      for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
      await page.keyboard.press('Enter');
      expect(await visibleLinks()).toEqual(['Accueil', 'Réponses possibles', 'Exemples', 'Actualités', 'Documents', 'Contact']);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Accueil');
      const current = await page.$$eval('.site-nav--phone a[aria-current]', (anchors) => anchors.map((a) => [a.textContent!.trim(), a.getAttribute('aria-current')]));
      expect(current).toEqual([['Réponses possibles', 'true']]);
      expect(await page.$$eval('.breadcrumbs li', (items) => items.map((li) => li.textContent!.trim()))).toEqual(['Accueil', 'Réponses possibles', 'La fiche d’essai']);

      await page.setViewport({ width: 1280, height: 800 });
      expect(await visibleLinks()).toEqual(['Accueil', 'Réponses possibles', 'Exemples', 'Actualités', 'Documents', 'Contact']);
      expect(await page.$('.site-menu__toggle').then((toggle) => toggle!.isVisible())).toBe(false);
    });
  });

  it('passes axe-core (WCAG 2.1 A and AA) on every page, at phone and desktop widths', async () => {
    for (const { path, origin } of everyPage()) {
      for (const width of [360, 1280]) {
        const violations = await site.session.withPage(async (page) => {
          await page.setViewport({ width, height: 800 });
          await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
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
    for (const { path, origin } of everyPage()) {
      await site.session.withPage(async (page) => {
        page.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(origin) && !url.startsWith('data:')) outside.push(`${path} → ${url}`);
        });
        await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle0' });
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
