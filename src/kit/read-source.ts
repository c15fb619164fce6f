import { readFile } from 'node:fs/promises';
import yaml from 'js-yaml';
import { KitError } from './errors.ts';

/** A Markdown source split into its YAML frontmatter and its body. */
export interface MarkdownSource {
  data: unknown;
  body: string;
  /** Line of the body's first line in the file (1-based), to report errors at the right line. */
  bodyLine: number;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses YAML text; a syntax error becomes a French error naming the file and line. */
export function parseYaml(text: string, file: string): unknown {
  try {
    return yaml.load(text) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    throw new KitError(`YAML illisible${mark ? ` à la ligne ${mark.line + 1}` : ''}`, {
      file,
      hint: 'Vérifiez l’indentation (des espaces, pas de tabulations) et les deux-points après chaque nom de champ ; mettez entre guillemets un texte qui contient « : ».',
    });
  }
}

/** Splits a Markdown file into frontmatter data and body. */
export function parseMarkdown(text: string, file: string): MarkdownSource {
  const match = frontmatterPattern.exec(text);
  if (!match) return { data: {}, body: text, bodyLine: 1 };
  const data = parseYaml(match[1], file);
  return { data, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

export async function readYamlFile(path: string, file: string): Promise<unknown> {
  return parseYaml(await readFile(path, 'utf8'), file);
}

export async function readMarkdownFile(path: string, file: string): Promise<MarkdownSource> {
  return parseMarkdown(await readFile(path, 'utf8'), file);
}
