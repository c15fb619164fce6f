import type { AstroIntegrationLogger } from 'astro';
import { findBrowser } from './browser/find-browser.ts';
import { BrowserSession, pagesAtOnce } from './browser/browser-session.ts';
import { serveDirectory } from './browser/static-server.ts';
import { OutputCache, type KindCount } from './cache/output-cache.ts';
import { SiteFiles } from './cache/page-inputs.ts';
import { browserVersion } from './cache/pipeline-version.ts';
import type { Kit } from './load/load-kit.ts';
import { createProgress, seconds } from './logger.ts';
import { outputFiles, type VariantMatrix } from './matrix/matrix.ts';
import { checkInternalLinks } from './output/check-links.ts';
import { fillDownloadFacts, formatFileSize, signatoryZipPath } from './output/download-facts.ts';
import { writeSignatoryZips } from './output/signatory-zip.ts';
import { buildSourceDate, buildVersion, describeSourceDate } from './output/source-date.ts';
import { buildDeckOutputs, type BuiltDeck } from './render/decks/deck-outputs.ts';
import { prepareDeckSources } from './render/decks/decks.ts';
import type { LogoSet } from './render/images/logos.ts';
import { writeSocialCards } from './render/images/social-cards.ts';
import { writeLetterDocxFiles } from './render/letters/letter-docx-files.ts';
import { printServerFiles } from './render/print/print-pdf.ts';
import { printAll, type PrintedPdf } from './render/print/print-queue.ts';
import { siteAddress } from '../site-address.ts';

/**
 * Slides whose text runs off the bottom, as warnings naming the deck, the slide and the signatories
 * concerned (the title and contact slides differ from one signatory to the next).
 */
function deckOverflowWarnings(kit: Kit, decks: BuiltDeck[]): string[] {
  const found = new Map<string, { file: string; slide: number; pixels: number; signatories: string[] }>();
  for (const { variant, overflow } of decks) {
    const file = kit.decks.find((d) => d.id === variant.deckId)!.file;
    for (const { slide, pixels } of overflow) {
      const key = `${file}#${slide}`;
      const entry = found.get(key) ?? { file, slide, pixels, signatories: [] };
      entry.pixels = Math.max(entry.pixels, pixels);
      entry.signatories.push(variant.signatory);
      found.set(key, entry);
    }
  }
  const everyone = kit.signatories.length;
  return [...found.values()].map(
    ({ file, slide, pixels, signatories }) =>
      `${file} : la diapositive ${slide} déborde de ${pixels} px${signatories.length < everyone ? ` (signataires : ${signatories.join(', ')})` : ''} — raccourcissez-la ou réduisez une image, sinon la fin sera coupée.`,
  );
}

/**
 * Waits for every step, even after one fails (none is left writing into the output once the build
 * stops), then throws the first failure in the order given.
 */
async function allOrFirstFailure<const T extends readonly unknown[]>(steps: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((step) => step.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((step) => (step as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** What the build did, for the summary line and `.kit/build-report.json` (read by `npm run bench`). */
export interface OutputsReport {
  signatories: number;
  outputsMs: number;
  printMs: number;
  decksMs: number;
  browserLaunched: boolean;
  outputs: Record<string, KindCount>;
  /** Every output file rendered in this build (the others came from the cache). */
  rendered: string[];
}

/** « 600 PDF (588 repris du cache, 12 fabriqués) », « 3 présentations (toutes reprises du cache) », « 36 PDF ». */
function describeCount([singular, plural]: [string, string], count: KindCount | undefined, feminine = false): string {
  const { rendered = 0, cached = 0 } = count ?? {};
  const label = rendered + cached > 1 ? plural : singular;
  const taken = (n: number) => (feminine ? (n > 1 ? 'reprises' : 'reprise') : 'repris');
  const made = (n: number) => `fabriqué${feminine ? 'e' : ''}${n > 1 ? 's' : ''}`;
  if (cached === 0) return `${rendered} ${label}`;
  if (rendered === 0) return `${cached} ${label} (${cached > 1 ? (feminine ? 'toutes ' : 'tous ') : ''}${taken(cached)} du cache)`;
  return `${rendered + cached} ${label} (${cached} ${taken(cached)} du cache, ${rendered} ${made(rendered)})`;
}

/**
 * After the site is built into `outDir`: every PDF (Paged.js in one shared Chromium), every deck (drawn
 * in the same Chromium, its HTML by marp-cli) and its first slide's picture, the Word letters, one zip per
 * signatory, and last the facts of the download pages (sizes, pages), with one log line per output
 * rendered and a summary. Outputs whose inputs have not changed come from the render cache
 * (`.kit/cache/`); the browser starts only if something must be rendered. The browser and the server are
 * always closed.
 */
export async function buildKitOutputs(options: { kit: Kit; matrix: VariantMatrix; logos: LogoSet; outDir: string; logger: AstroIntegrationLogger }): Promise<OutputsReport> {
  const { kit, matrix, logos, outDir, logger } = options;
  const started = performance.now();
  const cache = new OutputCache(kit.root);

  const planned = new Set([...outputFiles(matrix), ...kit.signatories.map((s) => signatoryZipPath(s.id))].map((output) => `/${output}`));
  // Independent steps, mostly reading files, side by side; any failure (the first) stops the build. (The
  // sitemap that pages link to is already written: @astrojs/sitemap runs before this step.)
  const [cards, , browser, deckSources] = await allOrFirstFailure([
    writeSocialCards(outDir, kit.site, cache),
    checkInternalLinks(outDir, kit, planned),
    findBrowser(),
    prepareDeckSources(kit, matrix.decks, logos),
  ] as const);
  logger.info(`Images de partage : ${cards} (1200 × 630 px)`);
  const browserId = await browserVersion(browser);
  const sourceDate = buildSourceDate(kit.root);
  logger.info(`Date des fichiers : ${describeSourceDate(sourceDate)} — ${buildVersion(sourceDate)}`);

  const printStarted = performance.now();
  const { base } = siteAddress(kit.site.url);
  const server = await serveDirectory(outDir, printServerFiles(), base);
  const concurrency = pagesAtOnce();
  const session = BrowserSession.lazy(browser);
  let printed: PrintedPdf[];
  let decks: BuiltDeck[];
  let printMs: number;
  let decksMs: number;
  try {
    let printProgress = createProgress(logger, 0);
    printed = await printAll({
      kit,
      variants: matrix.print,
      session,
      origin: server.origin,
      site: new SiteFiles(outDir, base),
      outDir,
      cache,
      browserVersion: browserId,
      concurrency,
      onStart: (toRender) => {
        printProgress = createProgress(logger, toRender);
        if (toRender > 0) logger.info(`Navigateur : ${browser.path} (${browser.source})`);
      },
      onRetry: (message) => logger.warn(message),
      onOutput: (variant, ms, pageCount) => {
        const note = pageCount === variant.expectedPages ? `${pageCount} p.` : `${pageCount} p. au lieu de ${variant.expectedPages}`;
        printProgress.done('PDF', variant.output, ms, note);
      },
    });
    // The print windows' documents are not needed any more: their memory goes back before the decks.
    await session.closeIdlePages();
    for (const { variant, pageCount } of printed) {
      if (pageCount !== variant.expectedPages) {
        logger.warn(`${variant.output} fait ${pageCount} page(s) au lieu de ${variant.expectedPages} : raccourcissez le texte ou changez « pages » dans la source.`);
      }
    }
    printMs = performance.now() - printStarted;

    const decksStarted = performance.now();
    let deckProgress = createProgress(logger, 0);
    decks = await buildDeckOutputs({
      kit,
      variants: matrix.decks,
      sources: deckSources,
      session,
      outDir,
      browserVersion: browserId,
      cache,
      date: sourceDate.date,
      version: buildVersion(sourceDate),
      concurrency,
      onStart: (toRender) => (deckProgress = createProgress(logger, toRender)),
      onOutput: (label, output, ms, note) => deckProgress.done(label, output, ms, note),
      onRetry: (message) => logger.warn(message),
    });
    for (const warning of deckOverflowWarnings(kit, decks)) logger.warn(warning);
    decksMs = performance.now() - decksStarted;
  } finally {
    await session.close();
    await server.close();
  }

  const letters = matrix.print.filter((variant) => variant.docx);
  const wordProgress = createProgress(logger, letters.length);
  await writeLetterDocxFiles({ kit, variants: letters, logos, outDir, date: sourceDate.date, cache, onOutput: (output, ms) => wordProgress.done('Word', output, ms) });

  const signatories = kit.signatories.map((s) => s.id);
  const zipProgress = createProgress(logger, signatories.length);
  await writeSignatoryZips({
    outDir,
    matrix,
    signatories,
    date: sourceDate.date,
    cache,
    onOutput: (output, ms, bytes, files) => zipProgress.done('Zip', output, ms, `${files} fichiers, ${formatFileSize(bytes)}`),
  });

  // Last, once every file exists: sizes, page counts and thumbnail sizes into the download pages.
  const pageCounts = new Map([
    ...printed.map(({ variant, pageCount }) => [variant.output, pageCount] as const),
    ...decks.map(({ variant, slides }) => [variant.outputs.pdf, slides] as const),
  ]);
  await fillDownloadFacts({ outDir, matrix, signatories, pageCounts, base });
  // The cache now holds this kit's outputs, and no more.
  await cache.prune();

  const counts = Object.fromEntries(cache.counts);
  logger.info(
    `Terminé en ${seconds(performance.now() - started)} pour ${kit.signatories.length} signataire(s) : ${describeCount(['PDF', 'PDF'], counts.pdf)}, ${describeCount(['présentation', 'présentations'], counts.presentation, true)}, ${describeCount(['courrier Word', 'courriers Word'], counts.docx)}, ${describeCount(['zip', 'zips'], counts.zip)}, ${describeCount(['image de partage', 'images de partage'], counts['image-de-partage'], true)}${session.launched ? '' : ' ; navigateur non lancé'}.`,
  );
  return {
    signatories: kit.signatories.length,
    outputsMs: Math.round(performance.now() - started),
    printMs: Math.round(printMs),
    decksMs: Math.round(decksMs),
    browserLaunched: session.launched,
    outputs: counts,
    rendered: cache.rendered,
  };
}
