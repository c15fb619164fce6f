import { availableParallelism } from 'node:os';
import type { AstroIntegrationLogger } from 'astro';
import { findBrowser } from './browser/find-browser.ts';
import { BrowserSession } from './browser/browser-session.ts';
import { buildDecks } from './decks.ts';
import type { Kit } from './load-kit.ts';
import { createProgress, seconds } from './logger.ts';
import type { LogoSet } from './logos.ts';
import type { VariantMatrix } from './matrix.ts';
import { printAll } from './print-queue.ts';
import { serveDirectory } from './static-server.ts';
import { checkInternalLinks } from './check-links.ts';

/**
 * After the site is built into `outDir`: every PDF (Paged.js in one shared Chromium) and every deck
 * (marp-cli), with one log line per output and a summary. The browser and the server are always closed.
 */
export async function buildKitOutputs(options: { kit: Kit; matrix: VariantMatrix; logos: LogoSet; outDir: string; logger: AstroIntegrationLogger }) {
  const { kit, matrix, logos, outDir, logger } = options;
  const started = performance.now();
  const total = matrix.print.length + matrix.decks.length * 3;
  const progress = createProgress(logger, total);

  const planned = new Set([...matrix.print.map((v) => v.output), ...matrix.decks.flatMap((d) => Object.values(d.outputs))].map((output) => `/${output}`));
  await checkInternalLinks(outDir, kit, planned);
  const browser = await findBrowser();
  logger.info(`Navigateur : ${browser.path} (${browser.source})`);

  const printStarted = performance.now();
  const server = await serveDirectory(outDir);
  let session: BrowserSession | undefined;
  let printed;
  try {
    session = await BrowserSession.open(browser);
    printed = await printAll({
      kit,
      variants: matrix.print,
      session,
      origin: server.origin,
      outDir,
      concurrency: Math.min(4, Math.max(2, availableParallelism())),
      onOutput: (variant, ms, pageCount) => {
        const note = pageCount === variant.expectedPages ? `${pageCount} p.` : `${pageCount} p. au lieu de ${variant.expectedPages}`;
        progress.done('PDF', variant.output, ms, note);
      },
    });
  } finally {
    await session?.close();
    await server.close();
  }
  for (const { variant, pageCount } of printed) {
    if (pageCount !== variant.expectedPages) {
      logger.warn(`${variant.output} fait ${pageCount} page(s) au lieu de ${variant.expectedPages} : raccourcissez le texte ou changez « pages » dans la source.`);
    }
  }

  const printMs = performance.now() - printStarted;

  const decksStarted = performance.now();
  await buildDecks({ kit, variants: matrix.decks, logos, outDir, browser, onOutput: (label, output, ms, note) => progress.done(label, output, ms, note) });
  const decksMs = performance.now() - decksStarted;

  logger.info(
    `Terminé : ${matrix.print.length} PDF (${seconds(printMs)}) et ${matrix.decks.length * 3} fichiers de présentation (${seconds(decksMs)}) pour ${kit.signatories.length} signataire(s) en ${seconds(performance.now() - started)}.`,
  );
}
