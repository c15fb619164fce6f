import { availableParallelism } from 'node:os';
import type { AstroIntegrationLogger } from 'astro';
import { findBrowser } from './browser/find-browser.ts';
import { BrowserSession } from './browser/browser-session.ts';
import { buildDecks, deckKey, prepareDeckSources, type DeckSources } from './render/decks/decks.ts';
import { overflowingSlides } from './render/decks/deck-overflow.ts';
import type { Kit } from './load/load-kit.ts';
import { createProgress, seconds } from './logger.ts';
import type { LogoSet } from './render/images/logos.ts';
import { outputFiles, type VariantMatrix } from './matrix/matrix.ts';
import { printAll, type PrintedPdf } from './render/print/print-queue.ts';
import { serveDirectory } from './browser/static-server.ts';
import { checkInternalLinks } from './output/check-links.ts';
import { writeSitemap } from './output/sitemap.ts';
import { writeSocialCards } from './render/images/social-cards.ts';
import { buildSourceDate, describeSourceDate } from './output/source-date.ts';
import { pinDeckDates } from './render/decks/reproducible-decks.ts';
import { writeLetterDocxFiles } from './render/letters/letter-docx-files.ts';
import { writeDeckThumbnails, type DeckThumbnail } from './render/decks/deck-thumbnails.ts';
import { writeSignatoryZips } from './output/signatory-zip.ts';
import { fillDownloadFacts, formatFileSize, signatoryZipPath } from './output/download-facts.ts';

/**
 * Slides whose text runs off the bottom, as warnings naming the deck, the slide and the signatories
 * concerned (the title and contact slides differ from one signatory to the next).
 */
async function checkDeckOverflow(session: BrowserSession, kit: Kit, matrix: VariantMatrix, sources: DeckSources): Promise<string[]> {
  const found = new Map<string, { file: string; slide: number; pixels: number; signatories: string[] }>();
  await session.withPage(async (page) => {
    for (const variant of matrix.decks) {
      const file = kit.decks.find((d) => d.id === variant.deckId)!.file;
      for (const { slide, pixels } of await overflowingSlides(page, sources.markdown.get(deckKey(variant))!, [...sources.themes.values()])) {
        const key = `${file}#${slide}`;
        const entry = found.get(key) ?? { file, slide, pixels, signatories: [] };
        entry.pixels = Math.max(entry.pixels, pixels);
        entry.signatories.push(variant.signatory);
        found.set(key, entry);
      }
    }
  });
  const everyone = kit.signatories.length;
  return [...found.values()].map(
    ({ file, slide, pixels, signatories }) =>
      `${file} : la diapositive ${slide} déborde de ${pixels} px${signatories.length < everyone ? ` (signataires : ${signatories.join(', ')})` : ''} — raccourcissez-la ou réduisez une image, sinon la fin sera coupée.`,
  );
}

/**
 * After the site is built into `outDir`: every PDF (Paged.js in one shared Chromium), every deck (marp-cli)
 * and its first slide's picture, the Word letters, one zip per signatory, and last the facts of the
 * download pages (sizes, pages), with one log line per output and a summary. The browser and the server
 * are always closed.
 */
export async function buildKitOutputs(options: { kit: Kit; matrix: VariantMatrix; logos: LogoSet; outDir: string; logger: AstroIntegrationLogger }) {
  const { kit, matrix, logos, outDir, logger } = options;
  const started = performance.now();
  const total = matrix.print.length + matrix.decks.length * 3;
  const progress = createProgress(logger, total);

  const planned = new Set([...outputFiles(matrix), ...kit.signatories.map((s) => signatoryZipPath(s.id))].map((output) => `/${output}`));
  await writeSitemap(outDir, kit.site.url);
  const cards = await writeSocialCards(outDir, kit.site);
  logger.info(`Images de partage : ${cards} (1200 × 630 px)`);
  await checkInternalLinks(outDir, kit, planned);
  const browser = await findBrowser();
  logger.info(`Navigateur : ${browser.path} (${browser.source})`);
  const sourceDate = buildSourceDate(kit.root);
  logger.info(`Date des fichiers : ${describeSourceDate(sourceDate)}`);

  const printStarted = performance.now();
  const deckSources = await prepareDeckSources(kit, matrix.decks, logos);
  const server = await serveDirectory(outDir);
  // Pages working at once in the shared browser.
  const concurrency = Math.min(4, Math.max(2, availableParallelism()));
  let session: BrowserSession | undefined;
  let printed: PrintedPdf[];
  let deckThumbnails: DeckThumbnail[];
  let printMs: number;
  let decksMs: number;
  try {
    session = await BrowserSession.open(browser);
    printed = await printAll({
      kit,
      variants: matrix.print,
      session,
      origin: server.origin,
      outDir,
      concurrency,
      onRetry: (message) => logger.warn(message),
      onOutput: (variant, ms, pageCount) => {
        const note = pageCount === variant.expectedPages ? `${pageCount} p.` : `${pageCount} p. au lieu de ${variant.expectedPages}`;
        progress.done('PDF', variant.output, ms, note);
      },
    });
    for (const { variant, pageCount } of printed) {
      if (pageCount !== variant.expectedPages) {
        logger.warn(`${variant.output} fait ${pageCount} page(s) au lieu de ${variant.expectedPages} : raccourcissez le texte ou changez « pages » dans la source.`);
      }
    }
    for (const warning of await checkDeckOverflow(session, kit, matrix, deckSources)) logger.warn(warning);
    printMs = performance.now() - printStarted;

    const decksStarted = performance.now();
    await buildDecks({ kit, variants: matrix.decks, sources: deckSources, outDir, browser, onOutput: (label, output, ms, note) => progress.done(label, output, ms, note), onRetry: (message) => logger.warn(message) });
    await pinDeckDates(outDir, matrix.decks, sourceDate.date);
    // The first slide of each built deck, photographed in the shared browser for the download page.
    deckThumbnails = await writeDeckThumbnails({ session, origin: server.origin, variants: matrix.decks, outDir, concurrency });
    decksMs = performance.now() - decksStarted;
  } finally {
    await session?.close();
    await server.close();
  }

  const letters = matrix.print.filter((variant) => variant.docx);
  const wordProgress = createProgress(logger, letters.length);
  await writeLetterDocxFiles({ kit, variants: letters, logos, outDir, date: sourceDate.date, onOutput: (output, ms) => wordProgress.done('Word', output, ms) });

  const signatories = kit.signatories.map((s) => s.id);
  const zipProgress = createProgress(logger, signatories.length);
  await writeSignatoryZips({
    outDir,
    matrix,
    signatories,
    date: sourceDate.date,
    onOutput: (output, ms, bytes, files) => zipProgress.done('Zip', output, ms, `${files} fichiers, ${formatFileSize(bytes)}`),
  });

  // Last, once every file exists: sizes, page counts and thumbnail sizes into the download pages.
  const pageCounts = new Map([
    ...printed.map(({ variant, pageCount }) => [variant.output, pageCount] as const),
    ...deckThumbnails.map(({ variant, slides }) => [variant.outputs.pdf, slides] as const),
  ]);
  await fillDownloadFacts({ outDir, matrix, signatories, pageCounts });

  logger.info(
    `Terminé : ${matrix.print.length} PDF (${seconds(printMs)}), ${matrix.decks.length * 3} fichiers de présentation (${seconds(decksMs)}) et ${letters.length} courriers Word pour ${kit.signatories.length} signataire(s) en ${seconds(performance.now() - started)}.`,
  );
}
