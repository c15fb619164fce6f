import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marpCli } from '@marp-team/marp-cli';
import { KitError } from '../../errors.ts';
import type { Kit, Signatory } from '../../load/load-kit.ts';
import { logoDigests, type LogoSet } from '../images/logos.ts';
import { deckLogoDataUri, sizeDeckLogo } from './deck-logo.ts';
import { pngSize } from '../../../logo/png-size.ts';
import { fitLogo, LOGO_SLOTS } from '../../../logo/logo-placement.ts';
import { logoAlt, ofName } from '../../../logo/logo-alt.ts';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { fillDeckTokens, type DeckTokenName } from './deck-tokens.ts';
import { inlineDeckImages } from './deck-images.ts';
import { displayUrl } from '../display.ts';
import { amiStepsSvg } from '../images/ami-steps-svg.ts';
import { loadThemes, writeThemes } from './deck-themes.ts';
import { frenchDeckPlayer } from './deck-player.ts';
import type { DeckLogo } from './editable-pptx/editable-deck-pptx.ts';
import sharp from 'sharp';
import { digest } from '../../cache/output-cache.ts';

const missing = 'à compléter';

/** Images a deck may show, drawn once per build. */
export interface DeckAssets {
  logos: LogoSet;
  /** The AMI steps diagram, as an SVG data URI. */
  amiSteps: string;
  /** The partners whose logos the title and closing slides carry (`logosCouverture` in content/site.yaml). */
  partners: Partner[];
}

type Partner = Kit['site']['partners'][number];

/** The cover partners (`logosCouverture`), in order. */
const coverPartners = (kit: Kit) => kit.site.logosCouverture.map((id) => kit.site.partners.find((p) => p.id === id)!);

/** The partners' logos a signatory's deck shows: not its own (HPF does not repeat its logo), each with its alt text. */
function partnerLogosOf(signatory: Signatory, { logos, partners }: Pick<DeckAssets, 'logos' | 'partners'>): DeckLogo[] {
  return partners.filter((partner) => partner.id !== signatory.id).map((partner) => ({ png: logos[`partenaire:${partner.id}`], alt: logoAlt(partner.nom, partner.article) }));
}

/** `{{ logos.partenaires }}`: each partner's logo as a Markdown image, with its alt text and its size on a slide. */
function partnerLogosMarkdown(signatory: Signatory, assets: DeckAssets): string {
  return partnerLogosOf(signatory, assets)
    .map(({ png, alt }) => {
      const pixels = pngSize(png);
      const { width, height } = fitLogo(pixels.width / pixels.height, LOGO_SLOTS.deckPartners);
      return `![${alt} w:${width}px h:${height}px](${deckLogoDataUri(png)})`;
    })
    .join(' ');
}

/** The deck tokens a signatory's own text fills: everything but the pictures. */
function deckTextValues(signatory: Signatory): Omit<Record<DeckTokenName, string>, 'signataire.logo' | 'schema.etapesAmi' | 'logos.partenaires'> {
  return {
    'signataire.nom': signatory.nom,
    'signataire.deNom': ofName(signatory.nom, signatory.article),
    'signataire.nomCourt': signatory.nomCourt,
    'signataire.siteWeb': signatory.siteWeb ? displayUrl(signatory.siteWeb) : `site web ${missing}`,
    'signataire.courriel': signatory.courriel ?? `courriel ${missing}`,
    'signataire.telephone': signatory.telephone ?? `téléphone ${missing}`,
    'signature.nom': signatory.signature.nom ?? `nom ${missing}`,
    'signature.fonction': signatory.signature.fonction ?? `fonction ${missing}`,
  };
}

/** The values of the deck tokens for one signatory. */
export function deckValues(signatory: Signatory, assets: DeckAssets): Record<DeckTokenName, string> {
  return { ...deckTextValues(signatory), 'signataire.logo': deckLogoDataUri(assets.logos[signatory.id]), 'schema.etapesAmi': assets.amiSteps, 'logos.partenaires': partnerLogosMarkdown(signatory, assets) };
}

/** The deck source of one signatory: tokens filled and the signatory as author (PDF/PPTX metadata). */
export function deckSourceFor(source: string, signatory: Signatory, assets: DeckAssets): string {
  const values = deckValues(signatory, assets);
  const filled = sizeDeckLogo(fillDeckTokens(source, values), values['signataire.logo'], assets.logos[signatory.id]);
  return filled.replace(/^---\r?\n/, `---\nauthor: ${JSON.stringify(signatory.nom)}\n`);
}

/** One run of marp-cli: its exit code, or what it threw, and what it printed. */
interface MarpRun {
  ok: boolean;
  /** Its warnings and errors, in English; its « [  INFO ] a.md => b.pdf » lines are left out. */
  output: string[];
  thrown?: unknown;
}

/**
 * Runs marp-cli's API with its console output captured. Its INFO lines name temporary paths that mean
 * nothing to the reader (our own log has a line per output); its errors, in English, must not reach the
 * reader either: the caller turns a failure into a French error and keeps them for KIT_DEBUG.
 */
async function runMarp(argv: string[]): Promise<MarpRun> {
  const output: string[] = [];
  const { warn, error } = console;
  const capture = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (!/\[\s+INFO\s+\]/.test(line)) output.push(line);
  };
  console.warn = capture;
  console.error = capture;
  try {
    return { ok: (await marpCli(argv, {})) === 0, output };
  } catch (thrown) {
    return { ok: false, output, thrown };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** A conversion that failed, in French, naming the decks; marp-cli's own words kept as the cause. */
function deckFailure(kit: Kit, variants: DeckVariant[], run: MarpRun): KitError {
  const english = [...run.output, run.thrown instanceof Error ? run.thrown.message : run.thrown === undefined ? '' : String(run.thrown)].join('\n');
  const decks = [...new Set(variants.map((v) => v.deckId))].map((id) => kit.decks.find((d) => d.id === id)?.file ?? id);
  return new KitError('la conversion Marp (HTML) a échoué', {
    code: 'presentation',
    file: decks.join(', '),
    hint: 'Vérifiez la syntaxe de la présentation et le thème (slides/*.css) ; KIT_DEBUG=1 affiche le message de Marp.',
    cause: new Error(`marp-cli HTML:\n${english}`, { cause: run.thrown }),
  });
}

/** Marp Core with the kit's French typography (plain JS: marp-cli imports it with Node itself). */
const marpEngine = fileURLToPath(new URL('../../../typography/marp-engine.mjs', import.meta.url));

/**
 * What each deck variant is made of, and how to fill it. `inputs` identifies a variant's filled deck
 * without filling it: the deck's source with its images, the signatory's text values, their logo and
 * the AMI steps (the code that fills is in the pipeline version). `fill` fills a variant's deck —
 * tokens, logo size, the AMI diagram (drawn once, on first use) — and is called only for the decks to
 * render: a rebuild with every deck in the cache fills none.
 */
export interface DeckSources {
  inputs: Map<string, string>;
  themes: Map<string, string>;
  fill: (variant: DeckVariant) => Promise<string>;
  /** The logos the editable PPTX's slide master carries: the signatory's and its cover partners'. */
  masterLogos: (variant: DeckVariant) => { signatoryLogo: DeckLogo; partnerLogos: DeckLogo[] };
}

export const deckKey = (variant: DeckVariant) => `${variant.signatory}/${variant.deckId}`;

/** Reads the decks and their images once per build; the tokens are filled per signatory on demand. */
export async function prepareDeckSources(kit: Kit, variants: DeckVariant[], logos: LogoSet): Promise<DeckSources> {
  const inlined = new Map<string, string>();
  for (const deck of kit.decks) inlined.set(deck.id, await inlineDeckImages(deck.source, join(kit.root, 'slides')));
  const deckDigests = new Map([...inlined].map(([id, source]) => [id, digest(source)]));
  const logoDigest = logoDigests(logos);
  const amiSteps = digest(JSON.stringify(kit.amiSteps));
  const partners = coverPartners(kit);
  const partnerLogos = digest(JSON.stringify(partners), ...partners.map((p) => logoDigest(`partenaire:${p.id}`)));
  const inputs = new Map<string, string>();
  for (const variant of variants) {
    const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
    inputs.set(deckKey(variant), digest(deckDigests.get(variant.deckId)!, JSON.stringify(deckTextValues(signatory)), logoDigest(signatory.id), amiSteps, partnerLogos));
  }
  let diagram: Promise<string> | undefined;
  const drawDiagram = async () => `data:image/png;base64,${(await sharp(Buffer.from(await amiStepsSvg(kit.amiSteps)), { density: 144 }).png().toBuffer()).toString('base64')}`;
  return {
    inputs,
    themes: await loadThemes(join(kit.root, 'slides')),
    fill: async (variant) => {
      diagram ??= drawDiagram();
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      return deckSourceFor(inlined.get(variant.deckId)!, signatory, { logos, amiSteps: await diagram, partners });
    },
    masterLogos: (variant) => {
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      return {
        signatoryLogo: { png: logos[signatory.id], alt: logoAlt(signatory.nom, signatory.article) },
        partnerLogos: partnerLogosOf(signatory, { logos, partners }),
      };
    },
  };
}

/**
 * The HTML deck of every variant, by `deckKey`, from marp-cli's API in one run: its player (presenter
 * view, notes, keys; its labels in French) around the slides, logos and images as data URIs so it works offline. HTML needs
 * no browser; the PDF and the PPTX come from `drawDeck`.
 */
export async function buildDeckHtml(options: { kit: Kit; variants: DeckVariant[]; markdown: Map<string, string>; themes: Map<string, string> }): Promise<Map<string, Uint8Array>> {
  const { kit, variants, markdown, themes } = options;
  const html = new Map<string, Uint8Array>();
  if (variants.length === 0) return html;
  const work = await mkdtemp(join(tmpdir(), 'kit-qpv-decks-'));
  try {
    for (const variant of variants) {
      await mkdir(join(work, 'source', variant.signatory), { recursive: true });
      await writeFile(join(work, 'source', variant.signatory, `${variant.deckId}.md`), markdown.get(deckKey(variant))!);
    }
    await writeThemes(themes, join(work, 'themes'));
    const run = await runMarp(['--input-dir', join(work, 'source'), '--output', join(work, 'html'), '--theme-set', join(work, 'themes'), '--engine', marpEngine, '--no-config-file']);
    if (!run.ok) throw deckFailure(kit, variants, run);
    // Its warnings (in English) still show, as before; only a failed run's are kept for KIT_DEBUG.
    for (const line of run.output) console.warn(line);
    for (const variant of variants) {
      const written = await readFile(join(work, 'html', variant.signatory, `${variant.deckId}.html`), 'utf8');
      html.set(deckKey(variant), new TextEncoder().encode(frenchDeckPlayer(written)));
    }
    return html;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
