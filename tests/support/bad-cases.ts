import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './fixture.ts';

/**
 * One editor's mistake of the corpus `tests/fixtures/bad/<case>/`: `case.yaml` says how to damage a copy of
 * the fixture kit and the message the editor must read; `files/` (optional) holds files laid over the kit.
 */
export interface BadCase {
  name: string;
  /** What the editor did, in a few words. */
  description: string;
  /** Run the whole build (exit code, no stack trace, dist/ untouched), not only the loader. */
  build: boolean;
  /** The French message, exactly as printed (one error, or the whole report). */
  expected: string;
  apply: (root: string) => void;
}

interface CaseFile {
  description: string;
  build?: boolean;
  expected: string;
  replace?: { file: string; from: string; to: string }[];
  append?: Record<string, string>;
  remove?: string[];
}

const corpus = join(projectRoot, 'tests/fixtures/bad');

export function badCases(): BadCase[] {
  return readdirSync(corpus)
    .filter((name) => existsSync(join(corpus, name, 'case.yaml')))
    .sort()
    .map((name) => {
      const spec = parse(readFileSync(join(corpus, name, 'case.yaml'), 'utf8')) as CaseFile;
      return {
        name,
        description: spec.description,
        build: spec.build ?? false,
        expected: spec.expected.trimEnd(),
        apply: (root) => {
          for (const file of spec.remove ?? []) rmSync(join(root, file), { recursive: true, force: true });
          for (const { file, from, to } of spec.replace ?? []) {
            const text = readFileSync(join(root, file), 'utf8');
            if (!text.includes(from)) throw new Error(`${name}: « ${from} » is not in ${file}`);
            writeFileSync(join(root, file), text.replace(from, to));
          }
          for (const [file, text] of Object.entries(spec.append ?? {})) appendFileSync(join(root, file), text);
          if (existsSync(join(corpus, name, 'files'))) cpSync(join(corpus, name, 'files'), root, { recursive: true });
        },
      };
    });
}
