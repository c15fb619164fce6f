import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { BrowserCrash, type BrowserSession } from '../../browser/browser-session.ts';
import { digest, restoreFile, type OutputCache } from '../../cache/output-cache.ts';
import { pipelineVersion } from '../../cache/pipeline-version.ts';
import { isKitError, KitError } from '../../errors.ts';
import type { Kit } from '../../load/load-kit.ts';
import type { DeckVariant } from '../../matrix/matrix.ts';
import { writeOutputFile } from '../../output/output-file.ts';
import { THUMBNAIL_QUALITY, THUMBNAIL_WIDTH } from '../images/thumbnails.ts';
import { drawDeck, type DrawnDeck, type NotesHeading, type SlideOverflow, type SlidePictures } from './deck-drawing.ts';
import { editableDeckPptx } from './editable-pptx/editable-deck-pptx.ts';
import { pictureDeckPptx } from './deck-pptx.ts';
import { buildDeckHtml, deckKey, type DeckSources } from './decks.ts';
import { publishedDeckFiles } from './reproducible-decks.ts';

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
  /** The slides' headings' text, to mend the PDFs' bookmarks. */
  headings: string[];
}

/** The files of a deck in the cache: its five formats and the picture of its first slide. */
const FILES = {
  html: 'presentation.html',
  pdf: 'presentation.pdf',
  notesPdf: 'presentation-notes.pdf',
  pptx: 'presentation.pptx',
  editablePptx: 'presentation-modifiable.pptx',
  thumbnail: 'apercu.webp',
} as const;
type DeckFile = keyof typeof FILES;

/** Where each of a deck's cached files goes in the output. */
const targets = (variant: DeckVariant): Record<DeckFile, string> => ({ ...variant.outputs, thumbnail: variant.thumbnail });

/** A deck drawn in the shared browser, tried once more if the browser failed, or a French error. */
async function drawOrFail(session: BrowserSession, variant: DeckVariant, markdown: string, themes: string[], heading: NotesHeading, shared: SlidePictures, onRetry?: (message: string) => void): Promise<DrawnDeck> {
  const draw = () => session.withPage((page) => drawDeck(page, markdown, themes, heading, shared), { reuse: true });
  try {
    return await draw().catch((error: unknown) => {
      if (isKitError(error)) throw error;
      onRetry?.(`${variant.outputs.pdf} : ${error instanceof BrowserCrash ? 'le navigateur s’est arrêté (relancé)' : 'le dessin a échoué'}, nouvel essai.`);
      return draw();
    });
  } catch (error) {
    if (isKitError(error)) throw error;
    throw new KitError(`la présentation ${variant.outputs.pdf} n’a pas pu être dessinée, deux fois de suite`, {
      code: 'presentation',
      hint: 'Relancez la fabrication ; si cela se reproduit, vérifiez la mémoire disponible ou relancez avec KIT_DEBUG=1 et transmettez le détail technique à l’équipe du kit.',
      cause: error,
    });
  }
}

/**
 * Every deck variant: taken from the cache when what fills its deck (`DeckSources.inputs`), the themes,
 * the browser and the pipeline are unchanged. Otherwise its HTML comes from marp-cli (no browser needed)
 * and the rest from one drawing in the shared browser (`drawDeck`): the PDF, the notes PDF, the picture
 * of each slide, which make the faithful PPTX and the download page's thumbnail, and the slides that
 * overflow; the editable PPTX comes from the deck's Markdown (`editableDeckPptx`), without the browser.
 * The PDFs get their metadata and the PPTXs their date from the source date. Returns each deck's facts, in the matrix's order.
 */
export async function buildDeckOutputs(options: {
  kit: Kit;
  variants: DeckVariant[];
  sources: DeckSources;
  session: BrowserSession;
  outDir: string;
  browserVersion: string;
  cache: OutputCache;
  date: Date;
  /** Which build made the files (`buildVersion`), in the PDFs' metadata. */
  version: string;
  concurrency: number;
  onStart?: (toRender: number) => void;
  onOutput: (label: string, output: string, ms: number, note: string) => void;
  onRetry?: (message: string) => void;
}): Promise<BuiltDeck[]> {
  const { kit, variants, sources, session, outDir, cache, date, version, concurrency, onStart, onOutput, onRetry } = options;
  const renderer = digest(await pipelineVersion(), options.browserVersion, [...sources.themes]);
  const planned = await Promise.all(
    variants.map(async (variant) => {
      const render = digest('presentation', renderer, sources.inputs.get(deckKey(variant))!);
      const published = digest('presentation-datee', render, date.toISOString(), version);
      const found = await cache.get<DeckFacts>('presentation-datee', published);
      return { variant, keys: { render, published }, published: found, render: found ? undefined : await cache.get<DeckFacts>('presentation', render) };
    }),
  );
  const toRender = planned.filter((plan) => !plan.published && !plan.render);
  onStart?.(toRender.length);

  const names = Object.keys(FILES) as DeckFile[];
  const asEntry = (files: Record<DeckFile, Uint8Array>) => Object.fromEntries(names.map((name) => [FILES[name], files[name]]));

  /** What a deck's PDF and PPTX say about themselves. */
  const about = (variant: DeckVariant) => ({
    title: kit.decks.find((d) => d.id === variant.deckId)!.title,
    author: kit.signatories.find((s) => s.id === variant.signatory)!.nom,
    subject: kit.site.titre,
  });

  /** A deck's undated files, dated and written to the output, then stored as published. */
  const publish = async ({ variant, keys }: (typeof planned)[number], raw: Record<DeckFile, Uint8Array>, facts: DeckFacts) => {
    const dated = await publishedDeckFiles({ pdf: raw.pdf, notesPdf: raw.notesPdf, pptx: raw.pptx, editablePptx: raw.editablePptx }, { ...about(variant), date, version, headings: facts.headings });
    const files = { ...raw, ...dated };
    const paths = targets(variant);
    for (const name of names) await writeOutputFile(join(outDir, paths[name]), files[name]);
    await cache.put<DeckFacts>('presentation-datee', keys.published, asEntry(files), facts);
  };

  // The decks that changed: their HTML by marp-cli in one run, while each is drawn once, stored undated,
  // and published at once (nothing of a deck is kept in memory once it is written).
  const drawn = new Map<string, DeckFacts>();
  if (toRender.length > 0) {
    const batch = toRender.map((plan) => plan.variant);
    const markdown = new Map(await Promise.all(batch.map(async (variant) => [deckKey(variant), await sources.fill(variant)] as const)));
    // A window is held only while the browser draws: the PPTX, the thumbnail, the metadata and the
    // writing happen in Node while the window draws the next deck. At most twice as many decks are in
    // hand as there are windows, so the drawn decks waiting for Node stay few.
    const windows = pLimit(concurrency);
    const limit = pLimit(2 * concurrency);
    const stop = () => {
      limit.clearQueue();
      windows.clearQueue();
    };
    // marp-cli writes the HTML in Node while the browser draws: each deck waits for it only at the end.
    const html = buildDeckHtml({ kit, variants: batch, markdown, themes: sources.themes });
    html.catch(stop);
    const themes = [...sources.themes.values()];
    const shared: SlidePictures = new Map();
    await Promise.all(
      toRender.map((plan) =>
        limit(async () => {
          const { variant, keys } = plan;
          try {
            const started = performance.now();
            const filled = markdown.get(deckKey(variant))!;
            const properties = about(variant);
            // The editable PPTX needs no browser: it is built from the deck's Markdown while the browser draws.
            const editable = editableDeckPptx({ markdown: filled, themes, ...sources.masterLogos(variant), properties });
            editable.catch(() => {}); // awaited below; a drawing that fails first must not leave it unhandled
            const drawing = await windows(() => drawOrFail(session, variant, filled, themes, { title: properties.title, author: properties.author }, shared, onRetry));
            if (drawing.pictures.length === 0) {
              throw new KitError(`la présentation ${variant.outputs.pdf} ne contient aucune diapositive`, { code: 'presentation', hint: 'Vérifiez la présentation (slides/) : elle doit commencer par son en-tête --- puis au moins une diapositive.' });
            }
            const pptx = await pictureDeckPptx(drawing.pictures, drawing.notes, properties);
            const thumbnail = await sharp(drawing.pictures[0]).resize({ width: THUMBNAIL_WIDTH }).webp({ quality: THUMBNAIL_QUALITY }).toBuffer();
            const raw = { html: (await html).get(deckKey(variant))!, pdf: drawing.pdf, notesPdf: drawing.notesPdf, pptx, editablePptx: await editable, thumbnail };
            const facts = { slides: drawing.pictures.length, overflow: drawing.overflow, headings: drawing.headings };
            await cache.put<DeckFacts>('presentation', keys.render, asEntry(raw), facts);
            await publish(plan, raw, facts);
            drawn.set(deckKey(variant), facts);
            onOutput('Présentation', variant.outputs.pdf, performance.now() - started, `${facts.slides} diapositives, HTML, PDF, PDF avec notes, PPTX modifiable, PPTX images`);
          } catch (error) {
            stop(); // the build is going to stop anyway: no more deck is started
            throw error;
          }
        }),
      ),
    );
  }

  return Promise.all(
    planned.map(async (plan): Promise<BuiltDeck> => {
      const { variant, keys, published, render } = plan;
      const paths = targets(variant);
      for (const name of names) cache.holds(paths[name], 'presentation-datee', keys.published, FILES[name]);
      if (published) {
        for (const name of names) await restoreFile(published.files[FILES[name]], join(outDir, paths[name]));
        cache.count('presentation', 'cached');
        return { variant, ...published.meta, cached: true };
      }
      if (render) {
        // Drawn by an earlier build, only to be dated again.
        const raw = Object.fromEntries(await Promise.all(names.map(async (name) => [name, new Uint8Array(await readFile(render.files[FILES[name]]))] as const))) as Record<DeckFile, Uint8Array>;
        await publish(plan, raw, render.meta);
        cache.count('presentation', 'cached', Object.values(paths));
        return { variant, ...render.meta, cached: true };
      }
      cache.count('presentation', 'rendered', Object.values(paths));
      return { variant, ...drawn.get(deckKey(variant))!, cached: false };
    }),
  );
}
