import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { KitError } from '../errors.ts';
import { readFile } from 'node:fs/promises';
import { decodeUtf8, parseMarkdown, parseYaml, type MarkdownSource, type YamlSource } from './read-source.ts';
import { frenchZodMessages, zodIssuesToKitErrors, type LineOf } from './zod-errors.ts';

/** A validated Markdown entry: its id (the file name), its kit-relative file and its frontmatter. */
export interface Entry<Data> {
  id: string;
  file: string;
  data: Data;
  /** The file as read once: every consumer (site pages, print pages, checks) takes it from here. */
  source: EntrySource;
}

/** The text of an entry's file, kept from the one read (plain data: it is serialised into the site build). */
export interface EntrySource {
  text: string;
  body: string;
  /** Line of the body's first line in the file (1-based). */
  bodyLine: number;
}

export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * What every loader shares: the kit root and the list of mistakes found so far. Loaders report
 * mistakes here and go on, so the editor gets every mistake of the kit in one report.
 */
export class LoadContext {
  readonly errors: KitError[] = [];
  readonly root: string;
  /** Every file read, by kit-relative path: read once, then checked by the editorial rules from here. */
  readonly texts = new Map<string, string>();
  /** Files that could not be read (already reported): later checks skip them rather than report them again. */
  readonly unreadable = new Set<string>();
  /** Ids of the files found in each folder, valid or not: a reference to a file with a mistake of its own still resolves. */
  readonly listed = new Map<string, string[]>();

  constructor(root: string) {
    this.root = root;
  }

  /** Kit-relative path with forward slashes, as printed in messages. */
  rel(path: string): string {
    return relative(this.root, path).split('\\').join('/');
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  /** The text of a file, read once and decoded as strict UTF-8. */
  async readText(file: string): Promise<string> {
    const known = this.texts.get(file);
    if (known !== undefined) return known;
    try {
      const text = decodeUtf8(await readFile(this.path(file)), file);
      this.texts.set(file, text);
      return text;
    } catch (error) {
      this.unreadable.add(file);
      throw error;
    }
  }

  async readYaml(file: string): Promise<YamlSource> {
    return parseYaml(await this.readText(file), file);
  }

  async readMarkdown(file: string): Promise<MarkdownSource> {
    return parseMarkdown(await this.readText(file), file);
  }

  /** Line of a top-level field (`fiche:`) in a file already read. */
  lineOfField(file: string, field: string): number | undefined {
    const index = (this.texts.get(file) ?? '').split('\n').findIndex((line) => line.startsWith(`${field}:`));
    return index < 0 ? undefined : index + 1;
  }

  report(message: string, details: KitError['details']): void {
    this.errors.push(new KitError(message, details));
  }

  /** `data` checked against `schema`; each problem is reported with its line when `lineOf` knows it. */
  validated<S extends z.ZodType>(schema: S, data: unknown, file: string, lineOf?: LineOf): z.infer<S> | undefined {
    // reportInput: tell a missing field from a field of the wrong type.
    const result = schema.safeParse(data, { reportInput: true, error: frenchZodMessages });
    if (result.success) return result.data;
    this.errors.push(...zodIssuesToKitErrors(file, result.error.issues, lineOf));
    return undefined;
  }

  /** Runs `work`; a `KitError` it throws is reported and `undefined` returned. */
  async attempt<T>(work: () => Promise<T> | T): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof KitError)) throw error;
      this.errors.push(error);
      return undefined;
    }
  }

  /** Files of `folder` matching `pattern` (ids checked), sorted; a missing folder is reported unless optional. */
  async listEntries(folder: string, pattern: RegExp, options: { optional?: boolean } = {}): Promise<{ id: string; path: string; file: string }[]> {
    const dir = this.path(folder);
    if (!existsSync(dir)) {
      if (!options.optional) this.report('dossier introuvable', { code: 'dossier-introuvable', file: folder, hint: `Créez le dossier ${folder}/ (voir le README).` });
      return [];
    }
    const names = (await readdir(dir)).filter((name) => pattern.test(name) && !name.startsWith('_')).sort();
    const seen = new Map<string, string>();
    const entries = names.flatMap((name) => {
      const id = name.replace(pattern, '');
      const path = join(dir, name);
      const file = this.rel(path);
      if (!idPattern.test(id)) {
        this.report(`nom de fichier invalide : « ${id} »`, { code: 'nom-invalide', file, hint: 'Utilisez des minuscules sans accent, des chiffres et des tirets (ex. « bailleur-social »).' });
        return [];
      }
      const twin = seen.get(id);
      if (twin) {
        this.report(`même nom que ${twin}`, { code: 'nom-double', file, hint: 'Gardez un seul des deux fichiers (.md ou .mdx) : ils donneraient la même page.' });
        return [];
      }
      seen.set(id, file);
      return [{ id, path, file }];
    });
    this.listed.set(folder, [...seen.keys()]);
    return entries;
  }

  /** Every Markdown/MDX file of `folder`, its frontmatter validated by `schema`. */
  async loadMarkdownCollection<S extends z.ZodType>(folder: string, schema: S, options: { optional?: boolean } = {}): Promise<Entry<z.infer<S>>[]> {
    const entries: Entry<z.infer<S>>[] = [];
    for (const { id, file } of await this.listEntries(folder, /\.mdx?$/, options)) {
      const source = await this.attempt(() => this.readMarkdown(file));
      const data = source && this.validated(schema, source.data, file, source.lineOf);
      if (source && data) entries.push({ id, file, data, source: { text: source.text, body: source.body, bodyLine: source.bodyLine } });
    }
    return entries;
  }

  /** One YAML file validated by `schema`; a missing file is reported with `hint`. */
  async loadYamlFile<S extends z.ZodType>(file: string, schema: S, hint: string): Promise<z.infer<S> | undefined> {
    if (!existsSync(this.path(file))) {
      this.report('fichier introuvable', { code: 'fichier-introuvable', file, hint });
      return undefined;
    }
    const source = await this.attempt(() => this.readYaml(file));
    return source === undefined ? undefined : this.validated(schema, source.data, file, source.lineOf);
  }
}
