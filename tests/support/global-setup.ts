import type { TestProject } from 'vitest/node';
import { fixtureKit, runBuild } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Exit code and log of `astro build` on the fixture kit, run once for every build and browser test. */
    fixtureBuild: { status: number | null; output: string };
  }
}

/** Builds the fixture kit once, with the real pipeline, before the test files that read its dist/. */
export default function setup(project: TestProject) {
  project.provide('fixtureBuild', runBuild(fixtureKit));
}
