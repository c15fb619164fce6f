// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import kit from './src/kit/integration.ts';

// The site code (src/, layouts/, public/) always comes from this folder; the content comes from the
// root Astro is run on — this project, or a fixture kit in tests (`astro build --root tests/fixtures/…`).
// The site's address comes from content/site.yaml (the kit integration sets it).
export default defineConfig({
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), kit()],
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
