import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { cardOfPage, socialCardPng } from '../../src/kit/render/images/social-cards.ts';

const site = { titre: 'Habitat participatif en quartiers prioritaires', url: 'https://qpv.habitatparticipatif-france.fr' };
const page = (nav: string, h1: string) =>
  `<header><nav class="site-nav site-nav--phone" aria-label="Menu principal"><ul><li><a href="/fiches/" aria-current="true">Ailleurs</a></li></ul></nav><nav class="site-nav site-nav--wide" aria-label="Menu principal"><ul>${nav}</ul></nav></header><main><h1>${h1}</h1></main>`;

describe('a page’s share image', () => {
  it('says the page’s title and, on a sub-page, the section of the menu it belongs to', () => {
    const sheet = page('<li><a href="/">Accueil</a></li><li><a href="/fiches/" aria-current="true">Réponses possibles</a></li>', 'La <abbr>SCIAPP</abbr> &amp; ses limites');
    expect(cardOfPage(sheet, site)).toEqual({ title: 'La SCIAPP & ses limites', section: 'Réponses possibles', siteTitle: site.titre, siteHost: 'qpv.habitatparticipatif-france.fr' });
  });

  it('has no section on a page of the first level, and the site’s title when the page has no heading', () => {
    expect(cardOfPage(page('<li><a href="/contact/" aria-current="page">Contact</a></li>', 'Contact'), site).section).toBeUndefined();
    expect(cardOfPage('<main></main>', site).title).toBe(site.titre);
  });

  it('is a 1200 × 630 PNG', async () => {
    const png = await socialCardPng(cardOfPage(page('', 'La SCIAPP'), site));
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });
});
