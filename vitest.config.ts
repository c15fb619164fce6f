import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // The build tests share one fixture build and spawn Astro: one file at a time.
    fileParallelism: false,
    projects: [
      // Fast tests of pure modules: `npx vitest run --project unit`.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      // The real pipeline (Astro, Chromium, Marp) on the fixture kit, built once for all files.
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['./tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
