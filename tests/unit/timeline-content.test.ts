import { readFileSync } from 'node:fs';
import { globSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 12, « une chronologie cohérente » : rien du lancement de 2021 ne se lit comme actuel, les noms
// qui ont changé sont donnés sous leur nom d’aujourd’hui, les affirmations sans source sont retirées.
const root = join(import.meta.dirname, '../..');
const files = ['content/pages/*', 'content/fiches/*', 'content/exemples/*', 'content/actualites/*', 'brochures/*', 'slides/presentation.md']
  .flatMap((pattern) => globSync(pattern, { cwd: root }))
  .sort();
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the kit’s timeline', () => {
  it('reads the kit’s texts', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('asks for nothing « dès maintenant » and lets no 2021 practicality read as current', () => {
    for (const file of files) {
      expect(read(file), file).not.toMatch(/dès maintenant|dès à présent/i);
    }
  });

  it('gives the Fondation Abbé Pierre its name since 2025 wherever it is named', () => {
    for (const file of files.filter((f) => /Fondation Abbé Pierre/.test(read(f)))) {
      expect(read(file), file).toContain('Fondation pour le logement des défavorisés');
    }
  });

  it('keeps claims without a source out (the SCIAPP household « à son rythme »)', () => {
    for (const file of files) {
      expect(read(file), file).not.toMatch(/à (son|leur) rythme/);
    }
  });

  it('dates the launch of the AMI and the convention Procivis–État', () => {
    expect(read('content/pages/ami.mdx')).toContain('17 novembre 2021');
    expect(read('content/actualites/2026-11-24-procivis-convention-avec-l-etat.md')).toContain('24 janvier 2023');
  });
});
