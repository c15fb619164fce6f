import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fixtureKit, runBuild } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Exit code and log of `astro build` on the fixture kit, run once for every build and browser test. */
    fixtureBuild: { status: number | null; output: string };
  }
}

/**
 * Builds the fixture kit once, with the real pipeline, before the test files that read its dist/. Its
 * render cache is emptied first: the tests read what the browser, Marp and the letter engine make now
 * (tests/build/render-cache.test.ts checks what the cache gives back).
 */
export default function setup(project: TestProject) {
  rmSync(join(fixtureKit, '.kit', 'cache'), { recursive: true, force: true });
  project.provide('fixtureBuild', runBuild(fixtureKit));
}
