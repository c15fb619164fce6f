import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { buildKitOutputs } from './build-outputs.ts';
import { formatErrors } from './errors.ts';
import { prepareKit, type PreparedKit } from './prepare-kit.ts';
import { amoStagingFolder, removeReplacedOutputs, replaceDirectory, replacedFolder, stagingFolder } from './output/publish.ts';
import { amoOutputFolder, separateAmoSpace } from './output/amo-space-output.ts';
import { PAGED_PREVIEW_SCRIPT } from './render/print/paged-preview.ts';
import { siteAddress, underBase } from '../site-address.ts';
import { pagedPolyfillPath } from './render/print/print-pdf.ts';
import { LOGO_FOLDER } from './render/images/logos.ts';

const VIRTUAL_ID = 'virtual:kit';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Folders of the kit root whose files are content: an edit there reloads the kit in `astro dev`. */
const CONTENT_FOLDERS = ['content/', 'brochures/', 'letters/', 'slides/'];

function virtualModule({ kit, matrix, logos }: PreparedKit): string {
  return [`export const kit = ${JSON.stringify(kit)};`, `export const matrix = ${JSON.stringify(matrix)};`, `export const logoImages = ${JSON.stringify(logos.images)};`, ''].join('\n');
}

/** Writes the logo files (names hashed from their bytes) into the built site. */
async function writeLogoFiles(outDir: string, files: Map<string, Buffer>): Promise<void> {
  for (const [path, bytes] of files) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

/**
 * `astro dev`: an edited content file reloads the kit, then the pages — without restarting the server
 * (logos are rasterised again only when their file changed). A mistake is printed in French and the
 * last good kit stays on screen until the file is fixed.
 */
function reloadOnContentEdit(options: { root: string; server: ViteDevServer; logger: AstroIntegrationLogger; refresh: () => Promise<void>; update: (prepared: PreparedKit) => void }) {
  const { root, server, logger, refresh, update } = options;
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    try {
      update(await prepareKit(root, logger));
    } catch (error) {
      logger.error(`${formatErrors(error)}\nLe site affiche la dernière version correcte ; il se met à jour dès que le fichier est corrigé.`);
      return;
    }
    for (const environment of Object.values(server.environments)) {
      const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
      if (module) environment.moduleGraph.invalidateModule(module);
    }
    await refresh();
    server.ws.send({ type: 'full-reload' });
    logger.info('Contenu rechargé.');
  };
  server.watcher.on('all', (_event, path) => {
    const file = relative(root, path).split('\\').join('/');
    if (!CONTENT_FOLDERS.some((folder) => file.startsWith(folder))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), 100);
  });
}

/**
 * The kit inside Astro: reads and validates the content once and computes the variant matrix before the
 * site is built, exposes both to pages as `virtual:kit` (and the entries to the content collections),
 * builds into a staging folder, prints every PDF and deck, then swaps the staging folder into place — a
 * failed build leaves the previous `dist/` untouched. Failures are thrown as they are: the build's top
 * level (scripts/build.mjs) prints them in French and removes the staging folder.
 */
export default function kitIntegration(): AstroIntegration {
  let root: string;
  let prepared: PreparedKit;
  let moduleSource: string;
  let finalOutDir: string;
  let stagingDir: string;
  let buildStarted: number;
  let removingReplaced: Promise<void> = Promise.resolve();
  /** The site's base path (`/` or `/kit-qpv/`), from its address. */
  let base = '/';

  return {
    name: 'kit-qpv',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger, addMiddleware }) => {
        buildStarted = performance.now();
        root = fileURLToPath(config.root);
        prepared = await prepareKit(root, logger);
        moduleSource = virtualModule(prepared);
        const { kit, matrix } = prepared;
        logger.info(
          `Contenu valide : ${kit.signatories.length} signataire(s), ${kit.recipients.length} type(s) d’interlocuteur, ${matrix.print.length} PDF et ${matrix.decks.length} présentation(s) à produire.`,
        );
        addMiddleware({ order: 'post', entrypoint: new URL('./render/typography-middleware.ts', import.meta.url) });
        addMiddleware({ order: 'post', entrypoint: new URL('./render/base-path-middleware.ts', import.meta.url) });
        // The site's address, from content/site.yaml alone: its origin, and its path as Astro's base.
        const { origin } = siteAddress(kit.site.url);
        base = siteAddress(kit.site.url).base;
        const update: Parameters<typeof updateConfig>[0] = {
          site: origin,
          base,
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
          // The output the last build replaced goes while this one builds its site.
          removingReplaced = removeReplacedOutputs(root);
          update.outDir = pathToFileURL(`${stagingDir}/`);
        }
        updateConfig(update);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // Print pages paginated in the browser by the same Paged.js as the PDFs.
        server.middlewares.use(underBase(PAGED_PREVIEW_SCRIPT, base), (_request, response) => {
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          createReadStream(pagedPolyfillPath()).pipe(response);
        });
        // The logo files, from memory: the same hashed names as in the built site.
        server.middlewares.use(underBase(LOGO_FOLDER, base), (request, response, next) => {
          const bytes = prepared.logos.files.get(`${LOGO_FOLDER}${(request.url ?? '').replace(/^\//, '').split('?')[0]}`);
          if (!bytes) return next();
          response.setHeader('content-type', request.url?.endsWith('.svg') ? 'image/svg+xml' : 'image/png');
          response.end(bytes);
        });
        reloadOnContentEdit({
          root,
          server,
          logger,
          refresh: async () => refreshContent?.({ loaders: ['kit-qpv'] }),
          update: (next) => {
            prepared = next;
            moduleSource = virtualModule(next);
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { kit, matrix, logos } = prepared;
        const kitStarted = performance.now();
        await writeLogoFiles(fileURLToPath(dir), logos.files);
        const report = await buildKitOutputs({ kit, matrix, logos: logos.pngs, outDir: fileURLToPath(dir), logger });
        // The AMOs' space leaves the site for its own output: the public dist/ holds none of it.
        const amoStagingDir = amoStagingFolder(root);
        const amoOutDir = amoOutputFolder(finalOutDir);
        await separateAmoSpace(stagingDir, amoStagingDir);
        await removingReplaced;
        await replaceDirectory(stagingDir, finalOutDir, { setAsideIn: replacedFolder(root) });
        await replaceDirectory(amoStagingDir, amoOutDir, { setAsideIn: replacedFolder(root) });
        logger.info(`Publié dans ${finalOutDir} (site public) et ${amoOutDir} (espace des AMO)`);
        // What this build did, for `npm run bench` and anyone curious; outside dist/. `astroMs`: from the
        // kit's setup to the site built; `kitMs`: everything after (logos, outputs, publication).
        const timings = { astroMs: Math.round(kitStarted - buildStarted), kitMs: Math.round(performance.now() - kitStarted) };
        await writeFile(join(root, '.kit', 'build-report.json'), `${JSON.stringify({ ...timings, ...report }, null, 2)}\n`);
      },
    },
  };
}
