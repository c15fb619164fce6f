import { describe, expect, it } from 'vitest';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { inPublicSitemap, robotsTxt } from '../../src/kit/output/sitemap.ts';
import { newsSchema } from '../../src/schemas/news.ts';
import { frenchDate, newsFeed, newsHref, sourceHost } from '../../layouts/news.ts';
import { fixtureKit, projectRoot } from '../support/fixture.ts';

const kit = await loadKit(fixtureKit);

describe('news posts', () => {
  it('are read newest first, each at the address its file name gives without the day', () => {
    expect(kit.news.map((post) => [post.data.date, newsHref(post)])).toEqual([
      ['2022-03-01', '/actualites/nouvelle-d-un-partenaire/'],
      ['2022-02-01', '/espace-amo/actualites/pour-les-amo/'],
      ['2021-11-17', '/actualites/lancement/'],
    ]);
  });

  it('show their day as French readers write it', () => {
    expect(frenchDate('2021-11-17')).toBe('17 novembre 2021');
    expect(frenchDate('2022-03-01')).toBe('1er mars 2022');
    expect(frenchDate('2023-12-31')).toBe('31 décembre 2023');
  });

  it('say where a partner’s link leads', () => {
    expect(sourceHost('https://www.partenaire.test/actualites/x')).toBe('partenaire.test');
    expect(sourceHost('https://procivis-smc.fr/')).toBe('procivis-smc.fr');
  });

  it('accept a partner’s source with its link, and refuse a source without one or a day written the French way', () => {
    const post = { titre: 'Une nouvelle', date: '2022-03-01', description: 'Une nouvelle d’un partenaire.', audience: 'public' };
    expect(newsSchema.safeParse({ ...post, source: { nom: 'Réseau', url: 'https://reseau.test/a' } }).success).toBe(true);
    expect(newsSchema.safeParse({ ...post, source: { nom: 'Réseau' } }).success).toBe(false);
    expect(newsSchema.safeParse({ ...post, date: '01/03/2022' }).success).toBe(false);
    expect(newsSchema.safeParse({ ...post, audience: undefined }).success).toBe(false);
  });
});

describe('the news feed', () => {
  const feed = newsFeed(kit);
  const items = feed.items as { title: string; link: string; pubDate: Date; description: string }[];

  it('lists the public posts only, newest first, with absolute links', () => {
    expect(items.map((item) => item.link)).toEqual(['https://exemple.test/actualites/nouvelle-d-un-partenaire/', 'https://exemple.test/actualites/lancement/']);
    expect(items.map((item) => item.pubDate.toISOString().slice(0, 10))).toEqual(['2022-03-01', '2021-11-17']);
  });

  it('is in French, and says whose news a partner’s post summarises', () => {
    expect(feed.customData).toContain('<language>fr-FR</language>');
    expect(feed.customData).toContain('href="https://exemple.test/actualites/rss.xml" rel="self"');
    expect(items[0].description).toMatch(/^Résumé d’une actualité de Réseau d’essai\. /);
  });
});

describe('the sitemap and robots.txt', () => {
  it('keep the print pages and the AMOs’ space out, and the visitors’ pages in', () => {
    expect(inPublicSitemap('https://exemple.test/')).toBe(true);
    expect(inPublicSitemap('https://exemple.test/actualites/lancement/')).toBe(true);
    expect(inPublicSitemap('https://exemple.test/impression/hpf/plaquette/')).toBe(false);
    expect(inPublicSitemap('https://exemple.test/espace-amo/')).toBe(false);
    expect(inPublicSitemap('https://exemple.test/espace-amo/actualites/pour-les-amo/')).toBe(false);
    expect(inPublicSitemap('https://exemple.test/espace-amo/impression/hpf/reglement/')).toBe(false);
    expect(robotsTxt('https://exemple.test')).toBe('User-agent: *\nDisallow: /impression/\nDisallow: /espace-amo/\n\nSitemap: https://exemple.test/sitemap-index.xml\n');
  });

  it('follow a site published under a path', () => {
    expect(inPublicSitemap('https://reseau.test/kit-qpv/fiches/sciapp/')).toBe(true);
    expect(inPublicSitemap('https://reseau.test/kit-qpv/impression/hpf/plaquette/')).toBe(false);
    expect(inPublicSitemap('https://reseau.test/kit-qpv/espace-amo/')).toBe(false);
    expect(robotsTxt('https://reseau.test/kit-qpv/')).toBe('User-agent: *\nDisallow: /kit-qpv/impression/\nDisallow: /kit-qpv/espace-amo/\n\nSitemap: https://reseau.test/kit-qpv/sitemap-index.xml\n');
  });
});

describe('the project’s news', () => {
  it('keeps the AMOs’ practicalities (invoices, expenses, train tickets) out of the public posts', async () => {
    const project = await loadKit(projectRoot);
    const published = project.news.filter((post) => post.data.audience === 'public');
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const post of published) expect(post.source.text, post.file).not.toMatch(/600|factur|billets? de train|notes? de frais|croissant|Novotel/i);
  });

  it('gives a partner’s news its source and link, and the group’s launch day its own date', async () => {
    const project = await loadKit(projectRoot);
    const partner = project.news.filter((post) => post.data.source);
    expect(partner.length).toBeGreaterThan(0);
    for (const post of partner) expect(post.data.source!.url).toMatch(/^https:\/\//);
    expect(project.news.find((post) => post.slug === 'journee-de-lancement')?.data.date).toBe('2021-11-17');
  });
});
