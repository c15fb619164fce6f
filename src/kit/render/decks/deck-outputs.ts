import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserLocation } from '../../browser/find-browser.ts';
import type { BrowserSession } from '../../browser/browser-session.ts';
import { digest, restoreFile, type OutputCache } from '../../cache/output-cache.ts';
import { pipelineVersion } from '../../cache/pipeline-version.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { writeOutputFile } from '../../output/output-file.ts';
import { overflowingSlides, type SlideOverflow } from './deck-overflow.ts';
import { writeDeckThumbnails } from './deck-thumbnails.ts';
import { buildDecks, deckKey, type DeckSources } from './decks.ts';
import { pinDeckDates } from './reproducible-decks.ts';

/** One signatory's deck, built or taken from the cache: its slides and those that overflow. */
export interface BuiltDeck {
  variant: DeckVariant;
  slides: number;
  overflow: SlideOverflow[];
  cached: boolean;
}

interface DeckFacts {
  slides: number;
  overflow: SlideOverflow[];
}

/** The files of a deck in the cache: its three formats and the picture of its first slide. */
const FILES = { html: 'presentation.html', pdf: 'presentation.pdf', pptx: 'presentation.pptx', thumbnail: 'apercu.webp' } as const;

/** Where each of a deck's cached files goes in the output. */
const targets = (variant: DeckVariant) => ({ html: variant.outputs.html, pdf: variant.outputs.pdf, pptx: variant.outputs.pptx, thumbnail: variant.thumbnail });

/**
 * Every deck variant: taken from the cache when what fills its deck (`DeckSources.inputs`), the themes, the browser and the
 * pipeline are unchanged; otherwise measured for overflow (in the shared browser), converted by marp-cli
 * (only the decks that changed, one batch per format) and photographed for the download page. The PDF and
 * PPTX are then dated with the source date. Returns each deck's facts, in the matrix's order.
 */
export async function buildDeckOutputs(options: {
  kit: Kit;
  variants: DeckVariant[];
  sources: DeckSources;
  session: BrowserSession;
  origin: string;
  outDir: string;
  browser: BrowserLocation;
  browserVersion: string;
  cache: OutputCache;
  date: Date;
  concurrency: number;
  onStart?: (toRender: number) => void;
  onOutput: (label: string, output: string, ms: number, note: string) => void;
  onRetry?: (message: string) => void;
}): Promise<BuiltDeck[]> {
  const { kit, variants, sources, session, origin, outDir, browser, cache, date, concurrency, onStart, onOutput, onRetry } = options;
  const renderer = digest(await pipelineVersion(), options.browserVersion, [...sources.themes]);
  const planned = await Promise.all(
    variants.map(async (variant) => {
      const render = digest('presentation', renderer, sources.inputs.get(deckKey(variant))!);
      const published = digest('presentation-datee', render, date.toISOString());
      const found = await cache.get<DeckFacts>('presentation-datee', published);
      return { variant, keys: { render, published }, published: found, render: found ? undefined : await cache.get<DeckFacts>('presentation', render) };
    }),
  );
  const toRender = planned.filter((plan) => !plan.published && !plan.render);
  onStart?.(toRender.length);

  // The decks that changed: overflow measured, converted, photographed, then stored as rendered.
  const rendered = new Map<string, DeckFacts>();
  if (toRender.length > 0) {
    const batch = toRender.map((plan) => plan.variant);
    const markdown = new Map(await Promise.all(batch.map(async (variant) => [deckKey(variant), await sources.fill(variant)] as const)));
    const overflow = new Map<string, SlideOverflow[]>();
    await session.withPage(async (page) => {
      for (const variant of batch) overflow.set(deckKey(variant), await overflowingSlides(page, markdown.get(deckKey(variant))!, [...sources.themes.values()]));
    });
    await buildDecks({ kit, variants: batch, markdown, themes: sources.themes, outDir, browser, onOutput, onRetry });
    const thumbnails = await writeDeckThumbnails({ session, origin, variants: batch, outDir, concurrency });
    for (const { variant, slides } of thumbnails) {
      const facts = { slides, overflow: overflow.get(deckKey(variant))! };
      const files = Object.fromEntries(await Promise.all(Object.entries(targets(variant)).map(async ([name, path]) => [FILES[name as keyof typeof FILES], await readFile(join(outDir, path))])));
      await cache.put<DeckFacts>('presentation', planned.find((plan) => plan.variant === variant)!.keys.render, files, facts);
      rendered.set(deckKey(variant), facts);
    }
  }

  return Promise.all(
    planned.map(async ({ variant, keys, published, render }): Promise<BuiltDeck> => {
      const paths = targets(variant);
      for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) cache.holds(paths[name], 'presentation-datee', keys.published, FILES[name]);
      if (published) {
        for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) await restoreFile(published.files[FILES[name]], join(outDir, paths[name]));
        cache.count('presentation', 'cached');
        return { variant, ...published.meta, cached: true };
      }
      // Rendered now, or rendered before and only to be dated again.
      const facts = render?.meta ?? rendered.get(deckKey(variant))!;
      const read = (name: keyof typeof FILES) => readFile(render ? render.files[FILES[name]] : join(outDir, paths[name]));
      const [html, thumbnail] = await Promise.all([read('html'), read('thumbnail')]);
      const { pdf, pptx } = await pinDeckDates({ pdf: await read('pdf'), pptx: await read('pptx') }, date);
      const files = { html, pdf, pptx, thumbnail };
      for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) await writeOutputFile(join(outDir, paths[name]), files[name]);
      await cache.put<DeckFacts>('presentation-datee', keys.published, Object.fromEntries(Object.entries(files).map(([name, bytes]) => [FILES[name as keyof typeof FILES], bytes])), facts);
      cache.count('presentation', render ? 'cached' : 'rendered', Object.values(paths));
      return { variant, ...facts, cached: Boolean(render) };
    }),
  );
}
