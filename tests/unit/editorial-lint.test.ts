import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLintHit, lintKit, readerText } from '../../src/kit/load/editorial-lint.ts';
import { editorialRulesSchema } from '../../src/schemas/editorial-rules.ts';

const rules = editorialRulesSchema.parse({
  fichiers: ['content/**/*.md', 'slides/*.md'],
  regles: [
    { type: 'interdit', id: 'outils', niveau: 'erreur', motif: '\\boutils?\\b', conseil: 'écrire « réponses possibles »', exclure: ['content/archives/*.md'] },
    { type: 'sigle', id: 'qpv', niveau: 'avertissement', sigle: 'QPV', formeLongue: 'quartiers? prioritaires?', conseil: 'écrire d’abord « quartier prioritaire (QPV) »' },
  ],
});

function kitWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kit-lint-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('editorial lint', () => {
  it('reports each forbidden word with its file and line, whatever its case', async () => {
    const root = kitWith({ 'content/pages/a.md': 'Bonjour.\nLes Outils du kit et un outil.\n', 'slides/deck.md': 'Rien à signaler.\n' });
    const hits = await lintKit(root, rules);
    expect(hits.map((h) => [h.file, h.line, h.found, h.level])).toEqual([
      ['content/pages/a.md', 2, 'Outils', 'erreur'],
      ['content/pages/a.md', 2, 'outil', 'erreur'],
    ]);
    expect(formatLintHit(hits[0])).toBe('content/pages/a.md:2 — « Outils » : écrire « réponses possibles » [outils]');
  });

  it('does not take a word for a part of another (« outillage »)', async () => {
    expect(await lintKit(kitWith({ 'content/a.md': 'Un outillage complet.\n' }), rules)).toEqual([]);
  });

  it('skips the files a rule excludes', async () => {
    expect(await lintKit(kitWith({ 'content/archives/vieux.md': 'les outils\n' }), rules)).toEqual([]);
  });

  it('wants an acronym spelt out before its first use in each file', async () => {
    const root = kitWith({
      'content/ok.md': 'Les quartiers prioritaires (QPV) sont…\nEn QPV, encore.\n',
      'content/ko.md': 'Titre\n\nEn QPV, les projets…\n',
      'content/meme-ligne.md': 'Les QPV, ou quartiers prioritaires.\n',
    });
    const hits = await lintKit(root, rules);
    expect(hits.map((h) => [h.file, h.line, h.rule, h.level])).toEqual([['content/ko.md', 3, 'qpv', 'avertissement']]);
  });
});

describe('what the editorial rules read', () => {
  it('leaves out the editors’ comments of a Markdown file, line numbers kept, but not a deck’s speaker notes', () => {
    const page = '---\ntitre: Essai\n# Source : HPF, voir le compte-rendu\n---\nTexte.\n<!-- Source : ANCT -->\nFin.\n';
    const read = readerText('content/pages/essai.md', page);
    expect(read.split('\n')).toHaveLength(page.split('\n').length);
    expect(read).not.toContain('HPF');
    expect(read).not.toContain('ANCT');
    expect(read).toContain('titre: Essai');
    expect(read).toContain('Texte.');
    const deck = '---\nmarp: true\n---\n# Titre\n\n<!-- Note : l’ANCT soutient la démarche. -->\n';
    expect(readerText('slides/presentation.md', deck)).toContain('l’ANCT soutient');
    const yaml = '# Habitat Participatif France (HPF)\ntitre: HPF\n';
    expect(readerText('content/etapes-ami.yaml', yaml)).toBe(yaml);
  });
});
