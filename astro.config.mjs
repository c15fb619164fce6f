// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, fontProviders } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import kit from './src/kit/integration.ts';
import { inPublicSitemap } from './src/kit/output/sitemap.ts';

// The site code (src/, layouts/, public/) always comes from this folder; the content comes from the
// root Astro is run on — this project, or a fixture kit in tests (`astro build --root tests/fixtures/…`).
// The site's address comes from content/site.yaml (the kit integration sets it).
export default defineConfig({
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The sitemap (sitemap-index.xml) leaves out the print pages and the AMOs' space; it lists pages only (no
  // news, image or video extensions). It is written before the kit's step, whose link check finds it linked
  // from every page (integrations run in this order).
  integrations: [mdx(), sitemap({ filter: inPublicSitemap, namespaces: { news: false, xhtml: false, image: false, video: false } }), kit()],
  // The site's type, served by the site itself: the Latin faces of Source Sans 3 (French needs no other),
  // preloaded, with a fallback whose metrics Astro matches to them (size-adjust, ascent/descent
  // overrides), so the page does not move when the web font arrives. The PDFs declare their own faces.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Source Sans 3',
      cssVariable: '--font-site',
      // Astro matches the system fonts of Windows, macOS, iOS and Android (from `system-ui`); the two faces of
      // layouts/styles/fallback-fonts.css do the same for Linux (Liberation Sans, DejaVu Sans).
      fallbacks: ['Kit repli Liberation', 'Kit repli DejaVu', 'system-ui'],
      options: {
        variants: [
          { weight: 400, style: 'normal', src: ['@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2'] },
          { weight: 700, style: 'normal', src: ['@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2'] },
        ],
      },
    },
  ],
  vite: {
    build: {
      rollupOptions: {
        // MDX pages carry an Astro directive that the bundler warns about on every build; it is harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
