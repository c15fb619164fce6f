import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KitError } from '../kit/errors.ts';
import { letterPlaceholders, RESERVED_PLACEHOLDERS } from '../letter/passages.ts';
import { SCAFFOLD_KINDS, TEMPLATES, type ScaffoldFile, type ScaffoldKind } from './templates.ts';

/** A name as the kit's files take it: lowercase letters without accents, digits, single dashes. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The passages every letter asks a recipient type for, in the order they appear (`{{ accroche }}`…). */
function letterPassages(root: string): string[] {
  const folder = join(root, 'letters');
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.md')).sort() : [];
  const passages = names.flatMap((name) => letterPlaceholders(readFileSync(join(folder, name), 'utf8')).map((p) => p.name));
  return [...new Set(passages)].filter((name) => !RESERVED_PLACEHOLDERS.includes(name));
}

/** Whether an entry of `kind` named `slug` exists already (a news item's name is after its date). */
function existing(root: string, kind: ScaffoldKind, files: ScaffoldFile[], slug: string): string | undefined {
  if (kind === 'actualite') {
    const folder = join(root, 'content/actualites');
    const twin = existsSync(folder) ? readdirSync(folder).find((name) => name.replace(/^\d{4}-\d{2}-\d{2}-/, '') === `${slug}.md`) : undefined;
    return twin && `content/actualites/${twin}`;
  }
  const folder = kind === 'signataire' ? `content/signataires/${slug}` : undefined;
  if (folder && existsSync(join(root, folder))) return folder;
  return files.map((file) => file.path).find((path) => existsSync(join(root, path)));
}

/**
 * Creates the files of a new `kind` entry named `slug` in the kit at `root`, or refuses, in French, an
 * unknown kind, an invalid name or one that exists (nothing is written then). Returns the files written.
 */
export function createEntry(root: string, kind: string, slug: string, today: Date): ScaffoldFile[] {
  if (!(SCAFFOLD_KINDS as readonly string[]).includes(kind)) {
    throw new KitError(`sorte de contenu inconnue : « ${kind} »`, { code: 'nouveau', hint: `Choisissez : ${SCAFFOLD_KINDS.join(', ')}. Exemple : npm run nouveau -- signataire mon-amo` });
  }
  if (!SLUG.test(slug)) {
    throw new KitError(`nom invalide : « ${slug} »`, { code: 'nouveau', hint: 'Utilisez des minuscules sans accent, des chiffres et des tirets (ex. « atelier-habitat-lyon ») : ce nom devient celui du fichier et de l’adresse de la page.' });
  }
  const files = TEMPLATES[kind as ScaffoldKind]({ slug, today: today.toISOString().slice(0, 10), letterPassages: letterPassages(root) });
  const taken = existing(root, kind as ScaffoldKind, files, slug);
  if (taken) {
    throw new KitError(`« ${slug} » existe déjà : ${taken}`, { code: 'nouveau', hint: 'Choisissez un autre nom, ou modifiez le fichier existant.' });
  }
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content, { flag: 'wx' });
  }
  return files;
}
