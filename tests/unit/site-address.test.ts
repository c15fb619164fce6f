// The site's address in one place (content/site.yaml): at a domain's root or under a path, and every
// address of the built site following it.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, htmlUnderBase, siteAddress, sitePathOf, underBase } from '../../src/site-address.ts';

describe('the site’s address', () => {
  it('splits into an origin and a base path that ends with a slash', () => {
    expect(siteAddress('https://qpv.habitatparticipatif-france.fr')).toEqual({ origin: 'https://qpv.habitatparticipatif-france.fr', base: '/' });
    expect(siteAddress('https://reseau.gitlab.io/kit-qpv')).toEqual({ origin: 'https://reseau.gitlab.io', base: '/kit-qpv/' });
    expect(siteAddress('https://reseau.gitlab.io/kit-qpv/')).toEqual({ origin: 'https://reseau.gitlab.io', base: '/kit-qpv/' });
  });

  it('puts site paths under the base and reads them back', () => {
    expect(underBase('/contact/', '/kit-qpv/')).toBe('/kit-qpv/contact/');
    expect(underBase('/', '/kit-qpv/')).toBe('/kit-qpv/');
    expect(underBase('/contact/', '/')).toBe('/contact/');
    expect(sitePathOf('/kit-qpv/contact/', '/kit-qpv/')).toBe('/contact/');
    expect(sitePathOf('/kit-qpv', '/kit-qpv/')).toBe('/');
    expect(sitePathOf('/contact/', '/kit-qpv/'), 'outside the base').toBeUndefined();
    expect(absoluteUrl('/actualites/rss.xml', 'https://reseau.gitlab.io/kit-qpv/')).toBe('https://reseau.gitlab.io/kit-qpv/actualites/rss.xml');
  });

  it('rewrites a page’s root-relative addresses under the base, and nothing else', () => {
    const page = [
      '<a href="/contact/">Contact</a><a href="/">Accueil</a><a href="#haut">Haut</a><a href="https://anct.gouv.fr/">ANCT</a><a href="//cdn.test/x">x</a>',
      '<link rel="stylesheet" href="/kit-qpv/_astro/site.css"><img src="/_kit/logos/hpf.svg" srcset="/_kit/logos/hpf.png 1x, /_kit/logos/hpf@2.png 2x" alt="">',
      '<form action="/contact/"></form><a href="../fiches/">Fiches</a><p>Écrivez à /contact/ si besoin.</p>',
      '<iframe data-srcdoc="&lt;script src=&quot;/kit-qpv/_astro/paged.js&quot;&gt;&lt;/script&gt;&lt;img src=&quot;/_kit/logos/a.png&quot;&gt;"></iframe>',
    ].join('');
    expect(htmlUnderBase(page, '/kit-qpv/')).toBe(
      [
        '<a href="/kit-qpv/contact/">Contact</a><a href="/kit-qpv/">Accueil</a><a href="#haut">Haut</a><a href="https://anct.gouv.fr/">ANCT</a><a href="//cdn.test/x">x</a>',
        '<link rel="stylesheet" href="/kit-qpv/_astro/site.css"><img src="/kit-qpv/_kit/logos/hpf.svg" srcset="/kit-qpv/_kit/logos/hpf.png 1x, /kit-qpv/_kit/logos/hpf@2.png 2x" alt="">',
        '<form action="/kit-qpv/contact/"></form><a href="../fiches/">Fiches</a><p>Écrivez à /contact/ si besoin.</p>',
        '<iframe data-srcdoc="&lt;script src=&quot;/kit-qpv/_astro/paged.js&quot;&gt;&lt;/script&gt;&lt;img src=&quot;/kit-qpv/_kit/logos/a.png&quot;&gt;"></iframe>',
      ].join(''),
    );
    expect(htmlUnderBase(page, '/'), 'at a domain’s root').toBe(page);
  });
});
