import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';

const read = (path: string) => readFileSync(builtPath(fixtureKit, path), 'utf8');
/** The text of a page's main content, typography's no-break spaces as plain spaces. */
const text = (html: string) => (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').replace(/<[^>]+>/g, '').replace(/[\s\u00a0\u202f]+/g, ' ');

describe('news on the built fixture site', () => {
  it('is built', () => {
    expect(inject('fixtureBuild').status, inject('fixtureBuild').output).toBe(0);
  });

  it('has an RSS feed of the public posts only, newest first, with absolute links, in French', () => {
    const feed = read('actualites/rss.xml');
    const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
      link: /<link>([^<]+)<\/link>/.exec(item)?.[1],
      date: /<pubDate>([^<]+)<\/pubDate>/.exec(item)?.[1],
    }));
    expect(items).toEqual([
      { link: 'https://exemple.test/actualites/nouvelle-d-un-partenaire/', date: 'Tue, 01 Mar 2022 12:00:00 GMT' },
      { link: 'https://exemple.test/actualites/lancement/', date: 'Wed, 17 Nov 2021 12:00:00 GMT' },
    ]);
    expect(feed).toContain('<language>fr-FR</language>');
    expect(feed).toContain('<link>https://exemple.test/</link>');
    expect(feed).not.toMatch(/réservée aux AMO|pour-les-amo/);
  });

  it('lists the public posts newest first, each day in French in a <time datetime>, a partner’s news marked as such', () => {
    const list = read('actualites/index.html');
    const days = [...list.matchAll(/<time datetime="([\d-]+)">([^<]+)<\/time>/g)].map(([, iso, words]) => [iso, words.replace(/[\u00a0\u202f]/g, ' ')]);
    expect(days).toEqual([
      ['2022-03-01', '1er mars 2022'],
      ['2021-11-17', '17 novembre 2021'],
    ]);
    expect(text(list)).toContain('Actualité de Réseau d’essai');
    expect(list).toContain('<a href="/actualites/rss.xml">');
    expect(list).not.toContain('pour-les-amo');
  });

  it('shows a partner’s news with a visible source and its link, and says that the text is our summary', () => {
    const post = read('actualites/nouvelle-d-un-partenaire/index.html');
    expect(post).toContain('<a href="https://www.partenaire.test/actualites/reunion-annuelle">Réseau d’essai</a>');
    expect(text(post)).toContain('Source : Réseau d’essai (partenaire.test), article du 22 février 2022.');
    expect(text(post)).toContain('Ce texte est notre résumé d’une actualité publiée par Réseau d’essai.');
    expect(post).toContain('<time datetime="2022-03-01">');
    // The group's own news has no source.
    expect(text(read('actualites/lancement/index.html'))).not.toContain('Source :');
  });

  it('announces the feed and the sitemap index in the head of every public page', () => {
    for (const page of ['index.html', 'fiches/essai/index.html', 'actualites/lancement/index.html']) {
      const head = read(page).split('</head>')[0];
      expect(head, page).toContain('<link rel="alternate" type="application/rss+xml" title="Actualités — Kit d’essai" href="/actualites/rss.xml">');
      expect(head, page).toContain('<link rel="sitemap" href="/sitemap-index.xml">');
    }
  });

  it('keeps a post for the AMOs in their space: never on the public site nor in its menu', () => {
    expect(existsSync(builtPath(fixtureKit, 'espace-amo/actualites/pour-les-amo/index.html'))).toBe(true);
    expect(existsSync(`${fixtureKit}/dist/actualites/pour-les-amo`)).toBe(false);
    expect(text(read('espace-amo/actualites/index.html'))).toContain('Une nouvelle réservée aux AMO');
    expect(read('espace-amo/actualites/pour-les-amo/index.html')).toContain('<a href="/espace-amo/actualites/" aria-current="true">Actualités</a>');
  });
});
