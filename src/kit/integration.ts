import { createReadStream } from 'node:fs';
import { glob, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildKitOutputs } from './build-outputs.ts';
import { KitError, KitErrors } from './errors.ts';
import { loadKit, type Kit } from './load/load-kit.ts';
import { loadLogos, type LogoSet } from './render/images/logos.ts';
import { buildVariantMatrix, type VariantMatrix } from './matrix/matrix.ts';
import { replaceDirectory, stagingFolder } from './output/publish.ts';
import { formatLintHit, lintKit } from './load/editorial-lint.ts';
import { pagedPolyfillPath } from './render/print/print-pdf.ts';
import { PAGED_PREVIEW_SCRIPT } from './render/print/paged-preview.ts';

const VIRTUAL_ID = 'virtual:kit';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;


/** Every content file: `astro dev` restarts the kit (and `virtual:kit`) when one changes. */
async function watchContent(root: string, addWatchFile: (path: string) => void): Promise<void> {
  for await (const file of glob(['content/**/*', 'brochures/**/*', 'letters/**/*', 'slides/**/*'], { cwd: root })) addWatchFile(join(root, file));
}

/** Runs the editorial lint: warnings are logged, errors stop the build with the others. */
async function checkEditorialRules(kit: Kit, logger: AstroIntegrationLogger): Promise<void> {
  if (!kit.editorialRules) return;
  const hits = await lintKit(kit.root, kit.editorialRules);
  const warnings = hits.filter((hit) => hit.level === 'avertissement');
  if (warnings.length > 0) logger.warn(`Relecture : ${warnings.length} avertissement(s)\n${warnings.map((hit) => `  ⚠ ${formatLintHit(hit)}`).join('\n')}`);
  const errors = hits.filter((hit) => hit.level === 'erreur');
  if (errors.length > 0) {
    throw new KitErrors(errors.map((hit) => new KitError(`« ${hit.found} » (règle ${hit.rule}, ligne ${hit.line})`, { file: hit.file, hint: `${hit.advice[0].toUpperCase()}${hit.advice.slice(1)}.` })));
  }
}

/**
 * The kit inside `astro build`: validates the content and computes the variant matrix before the site
 * is built, exposes both to pages as `virtual:kit`, builds into a staging folder, prints every PDF and
 * deck, then swaps the staging folder into place — a failed build leaves the previous `dist/` untouched.
 */
export default function kitIntegration(): AstroIntegration {
  let kit: Kit;
  let matrix: VariantMatrix;
  let logos: LogoSet;
  let webLogos: LogoSet;
  let finalOutDir: string;
  let stagingDir: string;

  return {
    name: 'kit-qpv',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger, addWatchFile, addMiddleware }) => {
        const root = fileURLToPath(config.root);
        if (command === 'dev') await watchContent(root, addWatchFile);
        // A content mistake is thrown as it is: `npm run build` (scripts/build.mjs) prints it in French.
        kit = await loadKit(root);
        await checkEditorialRules(kit, logger);
        matrix = buildVariantMatrix(kit);
        logos = await loadLogos(kit);
        webLogos = await loadLogos(kit, 'web');
        logger.info(
          `Contenu valide : ${kit.signatories.length} signataire(s), ${kit.recipients.length} type(s) d’interlocuteur, ${matrix.print.length} PDF et ${matrix.decks.length} présentation(s) à produire.`,
        );
        addMiddleware({ order: 'post', entrypoint: new URL('./render/typography-middleware.ts', import.meta.url) });
        const moduleSource = `export const kit = ${JSON.stringify(kit)};\nexport const matrix = ${JSON.stringify(matrix)};\nexport const logos = ${JSON.stringify(logos)};\nexport const webLogos = ${JSON.stringify(webLogos)};\n`;
        const update: Parameters<typeof updateConfig>[0] = {
          site: kit.site.url,
          vite: {
            plugins: [
              {
                name: 'kit-qpv:virtual',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? moduleSource : undefined),
              },
            ],
          },
        };
        if (command === 'build') {
          finalOutDir = fileURLToPath(config.outDir);
          stagingDir = stagingFolder(root);
          await rm(stagingDir, { recursive: true, force: true });
          update.outDir = pathToFileURL(`${stagingDir}/`);
        }
        updateConfig(update);
      },
      // `astro dev`: print pages paginated in the browser by the same Paged.js as the PDFs.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(PAGED_PREVIEW_SCRIPT, (_request, response) => {
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          createReadStream(pagedPolyfillPath()).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        // A failure is thrown as it is: the build's top level removes the staging folder and reports it.
        await buildKitOutputs({ kit, matrix, logos, outDir: fileURLToPath(dir), logger });
        await replaceDirectory(stagingDir, finalOutDir);
        logger.info(`Publié dans ${finalOutDir}`);
      },
    },
  };
}
