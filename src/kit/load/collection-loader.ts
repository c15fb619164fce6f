import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { Entry } from './context.ts';
import { publishedKit } from './kit-content.ts';
import { loadKit, type Kit } from './load-kit.ts';

/**
 * A content collection fed by the kit's one read of the content: the entries are already read and
 * validated (French errors, line numbers) by `loadKit`, so Astro only renders their Markdown — `.md`
 * through Astro's Markdown pipeline, `.mdx` deferred to the MDX integration as usual. Data is stored as
 * validated; a collection's schema, when it has one, only turns image paths into optimised images.
 */
export function kitCollection(pick: (kit: Kit) => Entry<unknown>[]): Loader {
  return {
    name: 'kit-qpv',
    load: async ({ config, store, parseData, renderMarkdown, generateDigest }) => {
      const root = fileURLToPath(config.root);
      // `astro build` and `astro dev` read the kit in the integration first; `astro sync` alone reads it here.
      const kit = publishedKit(root) ?? (await loadKit(root));
      const kept = new Set<string>();
      for (const entry of pick(kit)) {
        kept.add(entry.id);
        // The file's name too: `.md` renamed `.mdx` (same text) must be rendered again, by MDX this time.
        const digest = generateDigest(`${entry.file}\n${entry.source.text}`);
        const existing = store.get(entry.id);
        if (existing?.digest === digest) {
          if (existing.deferredRender) store.addModuleImport(entry.file);
          continue;
        }
        const path = join(root, entry.file);
        const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: path });
        const common = { id: entry.id, data, body: entry.source.body, filePath: entry.file, digest };
        if (entry.file.endsWith('.mdx')) {
          store.set({ ...common, deferredRender: true });
        } else {
          const rendered = await renderMarkdown(entry.source.body, { fileURL: pathToFileURL(path) });
          store.set({ ...common, rendered, assetImports: rendered.metadata?.imagePaths as string[] | undefined });
        }
      }
      for (const id of store.keys()) if (!kept.has(id)) store.delete(id);
    },
  };
}
