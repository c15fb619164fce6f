import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeUtf8 } from './read-source.ts';
import { matchesGlob } from 'node:path';
import type { EditorialRule, EditorialRules } from '../../schemas/editorial-rules.ts';

/** One place where the text breaks an editorial rule. */
export interface LintHit {
  rule: string;
  level: 'erreur' | 'avertissement';
  /** Kit-relative file and 1-based line. */
  file: string;
  line: number;
  /** The words that matched. */
  found: string;
  advice: string;
}

/** The rules file itself quotes the words it forbids. */
const RULES_FILE = 'content/redaction.yaml';

/** Keeps a text's line count while blanking what `blank` matches (each line break kept). */
const blanked = (text: string, pattern: RegExp) => text.replace(pattern, (comment) => comment.replace(/[^\n]/g, ''));

/**
 * What a reader of a Markdown file's outputs reads: the editors' comments are left out (`#` comments of
 * the front matter, and HTML comments `<!-- … -->` except in a deck, where they are the speaker notes,
 * printed and said), line numbers unchanged. A YAML file is taken whole: its texts are labels shown
 * within pages and documents, and its comments may carry the long form its short labels rely on.
 */
export function readerText(file: string, text: string): string {
  if (!/\.mdx?$/.test(file)) return text;
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text)?.[0] ?? '';
  const body = text.slice(frontMatter.length);
  const readBody = file.startsWith('slides/') ? body : blanked(body, /<!--[\s\S]*?-->/g);
  return blanked(frontMatter, /^[ \t]*#.*$/gm) + readBody;
}

function hitsInText(rule: EditorialRule, file: string, text: string): LintHit[] {
  const lines = text.split(/\r?\n/);
  const hit = (line: number, found: string): LintHit => ({ rule: rule.id, level: rule.niveau, file, line, found, advice: rule.conseil });
  if (rule.type === 'interdit') {
    const pattern = new RegExp(rule.motif, 'giu');
    return lines.flatMap((content, index) => [...content.matchAll(pattern)].map((match) => hit(index + 1, match[0])));
  }
  // `sigle`: the first use of the acronym must come with, or after, its long form.
  const escaped = rule.sigle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const acronym = new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'u');
  const longForm = new RegExp(rule.formeLongue, 'iu');
  for (let index = 0; index < lines.length; index += 1) {
    const match = acronym.exec(lines[index]);
    if (!match) continue;
    const before = `${lines.slice(0, index).join('\n')}\n${lines[index]}`;
    return longForm.test(before) ? [] : [hit(index + 1, match[0])];
  }
  return [];
}

/**
 * Checks the files the rules cover (globs from the kit root) and returns every hit, file by file, line by
 * line. `readText` gives a file's text (the loader's, so each file is read once).
 */
export async function lintKit(
  root: string,
  rules: EditorialRules,
  readText: (file: string) => Promise<string> = async (file) => decodeUtf8(await readFile(join(root, file)), file),
): Promise<LintHit[]> {
  const files: string[] = [];
  for await (const file of glob(rules.fichiers, { cwd: root })) {
    const normalised = file.split('\\').join('/');
    if (normalised !== RULES_FILE && !files.includes(normalised)) files.push(normalised);
  }
  files.sort();
  const hits: LintHit[] = [];
  for (const file of files) {
    const text = readerText(file, await readText(file));
    for (const rule of rules.regles) {
      if (rule.exclure.some((pattern) => matchesGlob(file, pattern))) continue;
      hits.push(...hitsInText(rule, file, text));
    }
  }
  return hits.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** `content/fiches/sciapp.md:12 — « outils » : écrire « réponses possibles » [outils]` */
export function formatLintHit(hit: LintHit): string {
  return `${hit.file}:${hit.line} — « ${hit.found} » : ${hit.advice} [${hit.rule}]`;
}
