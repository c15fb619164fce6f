import sharp from 'sharp';
// Publishing dist/ (replaceDirectory) is tested in publish.test.ts, with simulated system errors.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckSourceFor } from '../../src/kit/render/decks/decks.ts';
import { deckTokens } from '../../src/kit/render/decks/deck-tokens.ts';
import { inlineDeckImages, localDeckImages } from '../../src/kit/render/decks/deck-images.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';
import { fitLogo, LOGO_SLOTS } from '../../src/logo/logo-placement.ts';

describe('per-signatory deck source', () => {
  it('fills every token and names the signatory as author', async () => {
    const kit = await loadKit(fixtureKit);
    const alpha = kit.signatories.find((s) => s.id === 'alpha-amo')!;
    const logo = await sharp({ create: { width: 300, height: 100, channels: 4, background: '#c00' } }).png().toBuffer();
    const source = deckSourceFor(kit.decks[0].source, alpha, { logos: { 'alpha-amo': logo }, amiSteps: 'data:image/svg+xml;base64,BBBB' });
    expect(deckTokens(source)).toEqual([]);
    expect(source).toMatch(/^---\nauthor: "Alpha AMO Conseil"\n/);
    // The logo comes at its size on the title slide (3 : 1 in a 520 × 150 px box), with Marp's size keywords.
    const { width, height } = fitLogo(3, LOGO_SLOTS.deckTitle);
    expect(source).toContain(`![Logo de Alpha AMO Conseil w:${width}px h:${height}px](data:image/png;base64,${logo.toString('base64')})`);
    expect(source).toContain('Alpha AMO Conseil — contact@alpha-amo.test');
  });

  it('prints « à compléter » for contact details the signatory has not given', async () => {
    const kit = await loadKit(fixtureKit);
    const hpf = kit.signatories.find((s) => s.id === 'hpf')!;
    expect(deckSourceFor(kit.decks[0].source, hpf, { logos: { hpf: await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer() }, amiSteps: 'data:' })).toContain('Habitat Participatif France — courriel à compléter');
  });
});

describe('deck images', () => {
  it('inlines local images and backgrounds as data URIs, leaving web and token images alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-slides-'));
    mkdirSync(join(dir, 'photos'));
    writeFileSync(join(dir, 'photos/chantier.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(dir, 'photos/schema.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="4" height="2" fill="red"/></svg>');
    const source = '![bg right](photos/chantier.png)\n![Logo]({{ signataire.logo }})\n![Web](https://exemple.test/a.png)\n![Schéma](photos/schema.svg)';
    expect(localDeckImages(source)).toEqual([{ path: 'photos/chantier.png', line: 1 }, { path: 'photos/schema.svg', line: 4 }]);
    const inlined = await inlineDeckImages(source, dir);
    expect(inlined).toContain('![bg right](data:image/png;base64,iVBORw==)');
    expect(inlined).toContain('![Logo]({{ signataire.logo }})');
    expect(inlined).toContain('![Web](https://exemple.test/a.png)');
    // Marp (markdown-it) refuses SVG data URIs: SVG goes in as PNG.
    expect(inlined).toMatch(/!\[Schéma\]\(data:image\/png;base64,[A-Za-z0-9+/=]+\)/);
  });
});
