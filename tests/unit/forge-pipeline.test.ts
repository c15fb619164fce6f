import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/fixture.ts';

interface Job {
  stage: string;
  script: string[];
  needs?: (string | { job: string; artifacts?: boolean })[];
  artifacts?: { paths: string[] };
  rules?: { if: string }[];
}
const pipeline = parse(readFileSync(join(projectRoot, '.gitlab-ci.yml'), 'utf8')) as Record<string, unknown> & { stages: string[] };
const job = (name: string) => pipeline[name] as Job;
const needed = (name: string) => (job(name).needs ?? []).map((need) => (typeof need === 'string' ? need : need.job));

describe('the forge pipeline (.gitlab-ci.yml)', () => {
  it('runs the README’s two commands, in its order, on Node 20', () => {
    expect(pipeline.image).toMatch(/^node:20\b/);
    expect(job('fabrication').script).toEqual(['npm run build']);
    expect(job('verification').script).toEqual(['npm test']);
    expect(pipeline.stages.indexOf(job('fabrication').stage)).toBeLessThan(pipeline.stages.indexOf(job('verification').stage));
  });

  it('publishes the public site with GitLab Pages only from the main branch, after the build and the tests, and never the AMOs’ space', () => {
    expect(job('pages').script.join('\n')).toContain('cp -r dist public');
    expect(job('pages').artifacts?.paths).toEqual(['public']);
    expect(needed('pages')).toEqual(['fabrication', 'verification']);
    expect(job('pages').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(job('pages').script.join('\n')).not.toContain('dist-amo');
  });

  it('keeps the AMOs’ space as a separate artefact, after the tests', () => {
    expect(job('espace-amo').artifacts?.paths).toEqual(['dist-amo/']);
    expect(needed('espace-amo')).toEqual(['fabrication', 'verification']);
  });
});
