import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // The build tests run the real pipeline (Astro, Chromium, Marp): minutes, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['./tests/support/global-setup.ts'],
  },
});
