import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { signatorySchema, type SignatoryData } from '../schemas/signatory.ts';
import { recipientSchema, type RecipientData } from '../schemas/recipient.ts';
import { siteSchema, type SiteData } from '../schemas/site.ts';
import { sheetSchema, type SheetData } from '../schemas/sheet.ts';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { letterSchema, printDocumentSchema, type LetterData, type PrintDocumentData } from '../schemas/document.ts';
import { KitError, KitErrors, zodIssuesToKitErrors } from './errors.ts';
import { parseMarkdown, readMarkdownFile, readYamlFile } from './read-source.ts';
import { letterPlaceholders, RESERVED_PLACEHOLDERS, splitPassages } from '../letter/passages.ts';
import { deckTokens, deckTokenNames } from './deck-tokens.ts';
import { localDeckImages } from './deck-images.ts';

export interface Signatory extends SignatoryData {
  id: string;
  /** Kit-relative path of the signatory's folder file `index.yaml`. */
  file: string;
  /** Absolute path of the logo file. */
  logoPath: string;
}
export interface Recipient extends RecipientData {
  id: string;
  file: string;
  /** Letter passages specific to this recipient type, by name (`## accroche` → `accroche`). */
  passages: Record<string, string>;
}
export interface Entry<Data> {
  id: string;
  file: string;
  data: Data;
}
export interface Letter extends Entry<LetterData> {
  body: string;
}
export interface Deck {
  id: string;
  file: string;
  title: string;
  /** Marp Markdown, frontmatter included, with `{{ signataire.… }}` tokens still in place. */
  source: string;
}
export interface Site extends SiteData {
  partners: (SiteData['partenaires'][number] & { logoPath: string })[];
}

/** Everything the kit is built from, validated. Plain data: it is serialised into the site build. */
export interface Kit {
  root: string;
  site: Site;
  signatories: Signatory[];
  recipients: Recipient[];
  sheets: Entry<SheetData>[];
  pages: Entry<PageData>[];
  brochures: Entry<PrintDocumentData>[];
  letters: Letter[];
  decks: Deck[];
}

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads and validates the whole kit under `root`; every content mistake is collected and thrown as one `KitErrors`. */
export async function loadKit(root: string): Promise<Kit> {
  const errors: KitError[] = [];
  const rel = (path: string) => relative(root, path).split('\\').join('/');

  function validated<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    errors.push(...zodIssuesToKitErrors(file, result.error.issues));
    return undefined;
  }

  async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof KitError) errors.push(error);
      else throw error;
      return undefined;
    }
  }

  async function listEntries(folder: string, pattern: RegExp): Promise<{ id: string; path: string; file: string }[]> {
    const dir = join(root, folder);
    if (!existsSync(dir)) {
      errors.push(new KitError('dossier introuvable', { file: folder, hint: `Créez le dossier ${folder}/ (voir le README).` }));
      return [];
    }
    const names = (await readdir(dir)).filter((name) => pattern.test(name) && !name.startsWith('_')).sort();
    return names.flatMap((name) => {
      const id = name.replace(pattern, '');
      const path = join(dir, name);
      const file = rel(path);
      if (!idPattern.test(id)) {
        errors.push(new KitError(`nom de fichier invalide : « ${id} »`, { file, hint: 'Utilisez des minuscules sans accent, des chiffres et des tirets (ex. « bailleur-social »).' }));
        return [];
      }
      return [{ id, path, file }];
    });
  }

  async function loadMarkdownCollection<S extends z.ZodType>(folder: string, schema: S) {
    const entries: Entry<z.infer<S>>[] = [];
    for (const { id, path, file } of await listEntries(folder, /\.mdx?$/)) {
      const source = await attempt(() => readMarkdownFile(path, file));
      const data = source && (validated(schema, source.data, file));
      if (data) entries.push({ id, file, data });
    }
    return entries;
  }

  // Site settings and partner logos.
  const siteFile = 'content/site.yaml';
  const siteRaw = existsSync(join(root, siteFile))
    ? await attempt(() => readYamlFile(join(root, siteFile), siteFile))
    : errors.push(new KitError('fichier introuvable', { file: siteFile, hint: 'Créez content/site.yaml (titre, description, url, partenaires, contact).' })) && undefined;
  const siteData = siteRaw === undefined ? undefined : validated(siteSchema, siteRaw, siteFile);
  const partners = (siteData?.partenaires ?? []).map((partner, index) => {
    const logoPath = join(root, 'content', partner.logo);
    if (!existsSync(logoPath)) {
      errors.push(new KitError(`fichier introuvable : ${partner.logo}`, { file: siteFile, field: `partenaires.${index}.logo`, hint: `Ajoutez le logo dans content/${partner.logo} ou corrigez le chemin (relatif à content/).` }));
    }
    return { ...partner, logoPath };
  });
  for (const key of ['logosPiedDeCourrier', 'logosCouverture'] as const) {
    siteData?.[key].forEach((id, index) => {
      if (!partners.some((p) => p.id === id)) {
        errors.push(new KitError(`partenaire inconnu : « ${id} »`, { file: siteFile, field: `${key}.${index}`, hint: `Utilisez un identifiant déclaré dans « partenaires » : ${partners.map((p) => p.id).join(', ')}.` }));
      }
    });
  }

  // Signatories: one folder each, index.yaml + logo.
  const signatories: Signatory[] = [];
  const signatoriesDir = join(root, 'content/signataires');
  const signatoryFolders = existsSync(signatoriesDir)
    ? (await readdir(signatoriesDir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name).sort()
    : [];
  for (const id of signatoryFolders) {
    const file = `content/signataires/${id}/index.yaml`;
    if (!idPattern.test(id)) {
      errors.push(new KitError(`nom de dossier invalide : « ${id} »`, { file: `content/signataires/${id}/`, hint: 'Utilisez des minuscules sans accent, des chiffres et des tirets (ex. « cahp-idf »).' }));
      continue;
    }
    if (!existsSync(join(root, file))) {
      errors.push(new KitError('fichier introuvable', { file, hint: `Créez ${file} (copiez celui d’un autre signataire).` }));
      continue;
    }
    const raw = await attempt(() => readYamlFile(join(root, file), file));
    const data = raw === undefined ? undefined : validated(signatorySchema, raw, file);
    if (!data) continue;
    const logoPath = join(root, 'content/signataires', id, data.logo);
    if (!existsSync(logoPath)) {
      errors.push(new KitError(`fichier introuvable : ${data.logo}`, { file, field: 'logo', hint: `Déposez le logo dans content/signataires/${id}/ ou corrigez le nom du fichier.` }));
      continue;
    }
    signatories.push({ id, file, logoPath, ...data });
  }
  if (signatoryFolders.length === 0) {
    errors.push(new KitError('aucun signataire', { file: 'content/signataires/', hint: 'Ajoutez au moins un dossier de signataire (ex. content/signataires/hpf/index.yaml).' }));
  }
  if (siteData && signatoryFolders.length > 0 && !signatoryFolders.includes(siteData.signataireParDefaut)) {
    errors.push(new KitError(`signataire inconnu : « ${siteData.signataireParDefaut} »`, { file: siteFile, field: 'signataireParDefaut', hint: `Choisissez un dossier de content/signataires/ : ${signatoryFolders.join(', ')}.` }));
  }

  // Recipient types of the letter, with their passages.
  const recipients: Recipient[] = [];
  for (const { id, path, file } of await listEntries('content/interlocuteurs', /\.md$/)) {
    const source = await attempt(() => readMarkdownFile(path, file));
    const data = source && (validated(recipientSchema, source.data, file));
    const passages = source && (await attempt(async () => splitPassages(source.body, file, source.bodyLine)));
    if (data && passages) recipients.push({ id, file, ...data, passages });
  }
  recipients.sort((a, b) => a.ordre - b.ordre || a.id.localeCompare(b.id));

  // Letters: every placeholder must be a passage of every recipient type.
  const letters: Letter[] = [];
  for (const { id, path, file } of await listEntries('letters', /\.md$/)) {
    const source = await attempt(() => readMarkdownFile(path, file));
    const data = source && (validated(letterSchema, source.data, file));
    if (!source || !data) continue;
    data.interlocuteurs?.forEach((recipientId, index) => {
      if (!recipients.some((r) => r.id === recipientId)) {
        errors.push(new KitError(`type d’interlocuteur inconnu : « ${recipientId} »`, { file, field: `interlocuteurs.${index}`, hint: `Utilisez le nom d’un fichier de content/interlocuteurs/ : ${recipients.map((r) => r.id).join(', ')}.` }));
      }
    });
    const addressed = recipients.filter((r) => !data.interlocuteurs || data.interlocuteurs.includes(r.id));
    for (const placeholder of letterPlaceholders(source.body).filter((p) => !RESERVED_PLACEHOLDERS.includes(p.name))) {
      for (const recipient of addressed) {
        if (!(placeholder.name in recipient.passages)) {
          errors.push(new KitError(`passage « ${placeholder.name} » manquant (utilisé par ${file}, ligne ${source.bodyLine + placeholder.line - 1})`, { file: recipient.file, hint: `Ajoutez une section « ## ${placeholder.name} » dans ${recipient.file}, ou retirez {{ ${placeholder.name} }} du courrier.` }));
        }
      }
    }
    letters.push({ id, file, data, body: source.body });
  }

  // Marp decks: known tokens only, and a title for the metadata.
  const decks: Deck[] = [];
  for (const { id, path, file } of await listEntries('slides', /\.md$/)) {
    const raw = await readFile(path, 'utf8');
    const source = await attempt(async () => parseMarkdown(raw, file));
    if (!source) continue;
    const title = (source.data as { title?: unknown }).title;
    if (typeof title !== 'string' || title.length < 3) {
      errors.push(new KitError('champ obligatoire manquant', { file, field: 'title', hint: 'Ajoutez « title: … » dans l’en-tête de la présentation (titre des fichiers PDF et PPTX).' }));
    }
    for (const token of deckTokens(raw)) {
      if (!(deckTokenNames as readonly string[]).includes(token.name)) {
        errors.push(new KitError(`variable inconnue « {{ ${token.name} }} » à la ligne ${token.line}`, { file, hint: `Variables possibles : ${deckTokenNames.map((n) => `{{ ${n} }}`).join(', ')}.` }));
      }
    }
    for (const image of localDeckImages(raw)) {
      if (!existsSync(join(root, 'slides', image.path))) {
        errors.push(new KitError(`image introuvable : ${image.path} (ligne ${image.line})`, { file, hint: 'Déposez l’image dans slides/ (chemin relatif à slides/) ou corrigez le chemin.' }));
      }
    }
    decks.push({ id, file, title: typeof title === 'string' ? title : id, source: raw });
  }

  const sheets = await loadMarkdownCollection('content/fiches', sheetSchema);
  sheets.sort((a, b) => a.data.ordre - b.data.ordre || a.id.localeCompare(b.id));
  const pages = await loadMarkdownCollection('content/pages', pageSchema);
  if (existsSync(join(root, 'content/pages')) && !pages.some((p) => p.id === 'accueil') && !errors.some((e) => e.details.file?.startsWith('content/pages/'))) {
    errors.push(new KitError('page d’accueil manquante', { file: 'content/pages/accueil.md', hint: 'Créez content/pages/accueil.md : c’est la page d’accueil du site.' }));
  }
  const brochures = await loadMarkdownCollection('brochures', printDocumentSchema);

  if (errors.length > 0 || !siteData) throw new KitErrors(errors);
  return { root, site: { ...siteData, partners }, signatories, recipients, sheets, pages, brochures, letters, decks };
}
