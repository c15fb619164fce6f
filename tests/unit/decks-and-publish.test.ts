import sharp from 'sharp';
// Publishing dist/ (replaceDirectory) is tested in publish.test.ts, with simulated system errors.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckKey, deckSourceFor, prepareDeckSources } from '../../src/kit/render/decks/decks.ts';
import { buildVariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { deckTokens } from '../../src/kit/render/decks/deck-tokens.ts';
import { frenchDeckPlayer } from '../../src/kit/render/decks/deck-player.ts';
import { inlineDeckImages, localDeckImages } from '../../src/kit/render/decks/deck-images.ts';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';
import { fitLogo, LOGO_SLOTS } from '../../src/logo/logo-placement.ts';

describe('per-signatory deck source', () => {
  it('fills every token and names the signatory as author', async () => {
    const kit = await loadKit(fixtureKit);
    const alpha = kit.signatories.find((s) => s.id === 'alpha-amo')!;
    const logo = await sharp({ create: { width: 300, height: 100, channels: 4, background: '#c00' } }).png().toBuffer();
    const source = deckSourceFor(kit.decks[0].source, alpha, { logos: { 'alpha-amo': logo }, amiSteps: 'data:image/svg+xml;base64,BBBB', partners: [] });
    expect(deckTokens(source)).toEqual([]);
    expect(source).toMatch(/^---\nauthor: "Alpha AMO Conseil"\n/);
    // The logo comes at its size on the title slide (3 : 1 in a 520 × 150 px box), with Marp's size keywords.
    const { width, height } = fitLogo(3, LOGO_SLOTS.deckTitle);
    expect(source).toContain(`![Logo d’Alpha AMO Conseil w:${width}px h:${height}px](data:image/png;base64,${logo.toString('base64')})`);
    expect(source).toContain('Alpha AMO Conseil — contact@alpha-amo.test');
  });

  it('prints « à compléter » for contact details the signatory has not given', async () => {
    const kit = await loadKit(fixtureKit);
    const hpf = kit.signatories.find((s) => s.id === 'hpf')!;
    expect(deckSourceFor(kit.decks[0].source, hpf, { logos: { hpf: await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).png().toBuffer() }, amiSteps: 'data:', partners: [] })).toContain('Habitat Participatif France — courriel à compléter');
  });

  it('puts the partners\' logos on the slides that ask for them, at their size, without repeating the signatory\'s own', async () => {
    const kit = await loadKit(fixtureKit);
    const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#0f5c4d' } }).png().toBuffer();
    const logos = { hpf: await png(10, 10), 'alpha-amo': await png(30, 10), 'partenaire:hpf': await png(400, 100), 'partenaire:anct': await png(100, 100) };
    const partners = kit.site.partners.filter((p) => ['hpf', 'anct'].includes(p.id));
    const deck = '![Logo]({{ signataire.logo }})\n\n{{ logos.partenaires }}\n';
    const hpfLogo = fitLogo(4, LOGO_SLOTS.deckPartners);
    const anctLogo = fitLogo(1, LOGO_SLOTS.deckPartners);
    const forAlpha = deckSourceFor(deck, kit.signatories.find((s) => s.id === 'alpha-amo')!, { logos, amiSteps: 'data:', partners });
    expect(forAlpha).toContain(`![Logo d’Habitat Participatif France w:${hpfLogo.width}px h:${hpfLogo.height}px](data:image/png;base64,${logos['partenaire:hpf'].toString('base64')})`);
    expect(forAlpha).toContain(`![Logo de l’Agence nationale de la cohésion des territoires w:${anctLogo.width}px h:${anctLogo.height}px](data:image/png;base64,`);
    const forHpf = deckSourceFor(deck, kit.signatories.find((s) => s.id === 'hpf')!, { logos, amiSteps: 'data:', partners });
    expect(forHpf).not.toContain(logos['partenaire:hpf'].toString('base64'));
    expect(forHpf).toContain('Logo de l’Agence nationale');
  });
});

describe('what identifies a signatory\'s deck in the render cache', () => {
  async function sources(edit: (kit: Kit) => void = () => {}) {
    const kit = await loadKit(fixtureKit);
    edit(kit);
    const logo = (colour: string) => sharp({ create: { width: 30, height: 10, channels: 3, background: colour } }).png().toBuffer();
    const logos = Object.fromEntries(await Promise.all([...kit.signatories.map((s) => s.id), ...kit.site.partners.map((p) => `partenaire:${p.id}`)].map(async (id) => [id, await logo(id === 'alpha-amo' ? '#c00' : '#00c')] as const)));
    const variants = buildVariantMatrix(kit).decks;
    return { kit, variants, prepared: await prepareDeckSources(kit, variants, logos), logos };
  }

  it('differs by signatory and changes only with what fills that signatory\'s deck', async () => {
    const before = await sources();
    const keys = (s: typeof before) => Object.fromEntries(s.variants.map((v) => [v.signatory, s.prepared.inputs.get(deckKey(v))]));
    const original = keys(before);
    expect(new Set(Object.values(original)).size).toBe(before.variants.length);
    const phoned = keys(await sources((kit) => (kit.signatories.find((s) => s.id === 'alpha-amo')!.telephone = '04 99 99 99 99')));
    for (const id of Object.keys(original)) expect(phoned[id] === original[id], id).toBe(id !== 'alpha-amo');
    const steps = keys(await sources((kit) => (kit.amiSteps.etapes[0].titre = 'Autre titre')));
    for (const id of Object.keys(original)) expect(steps[id], id).not.toBe(original[id]);
    const partnerRenamed = keys(await sources((kit) => (kit.site.partners.find((p) => p.id === 'anct')!.nom = 'ANCT')));
    for (const id of Object.keys(original)) expect(partnerRenamed[id], id).not.toBe(original[id]);
  });

  it('fills a deck only when asked, with the same tokens as the deck source', async () => {
    const { variants, prepared, logos } = await sources();
    const alpha = variants.find((v) => v.signatory === 'alpha-amo')!;
    const filled = await prepared.fill(alpha);
    expect(deckTokens(filled)).toEqual([]);
    expect(filled).toContain(`data:image/png;base64,${logos['alpha-amo'].toString('base64')}`);
    expect(filled).toMatch(/^---\nauthor: "Alpha AMO Conseil"\n/);
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

describe('the deck player in French', () => {
  it('stops, naming the English label, when marp-cli’s template no longer has it', () => {
    const template = '<meta charset="UTF-8"><button title="Previous slide">Previous slide</button>';
    expect(() => frenchDeckPlayer(template)).toThrow(/libellé « title="Next slide">Next slide< » est introuvable.*deck-player\.ts/);
  });
});
