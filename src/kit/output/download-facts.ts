import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { KitError, KitErrors } from '../errors.ts';
import type { Audience } from '../../schemas/audience.ts';
import { kitFolder, variantsOf, type DownloadGroup, type PrintKind, type VariantMatrix } from '../matrix/matrix.ts';
import { underBase } from '../../site-address.ts';

/**
 * What a signatory's download page offers (documents by group, each in its formats, and the zip of them
 * all) and the facts only known once the outputs exist: sizes, page counts, thumbnail sizes. Astro renders
 * the page first, with placeholders naming each output (`data-kit-size`, `data-kit-pages`,
 * `data-kit-thumbnail`), which read sensibly in `astro dev` (nothing, or « aperçu fabriqué à la
 * publication »); `fillDownloadFacts` writes the facts into the staging HTML at the end of the build.
 */

/** The download groups, in page order, with their title and their folder in the signatory's zip. */
export const DOWNLOAD_GROUPS: readonly { id: DownloadGroup; title: string; folder: string }[] = [
  { id: 'courriers', title: 'Courriers par interlocuteur', folder: 'courriers' },
  { id: 'plaquette', title: 'Plaquette', folder: 'plaquette' },
  { id: 'fiches', title: 'Fiches « réponses possibles »', folder: 'fiches' },
  { id: 'ami', title: 'Documents de l’AMI', folder: 'documents-ami' },
  { id: 'presentation', title: 'Présentation', folder: 'presentation' },
];

export type DownloadFormat = 'PDF' | 'DOCX' | 'HTML' | 'PPTX';

/** One document on the download page: a card with its thumbnail (a letter: a row under its first version's) and a button per format. */
export interface DownloadDocument {
  group: DownloadGroup;
  kind: PrintKind | 'presentation';
  /** Id of the source: brochure, letter, sheet, form or deck. */
  documentId: string;
  label: string;
  /** Recipient type, for letters. */
  recipient?: string;
  /** Its files, relative to the output folder, the PDF first; `name` when a format comes twice (« PDF avec notes »). */
  files: { format: DownloadFormat; path: string; name?: string }[];
  /** The PDF whose pages are counted (a deck's PDF has one page per slide). */
  pagesOf: string;
  unit: 'page' | 'diapositive';
  /** WebP of the first page or slide, relative to the output folder; a letter's first version only (see `PrintVariant`). */
  thumbnail?: string;
}

/** The zip of every file of a signatory, relative to the output folder: `kit/<signataire>/kit-qpv-<signataire>.zip`. */
export function signatoryZipPath(signatory: string): string {
  return `${kitFolder(signatory)}/kit-qpv-${signatory}.zip`;
}

/** A signatory's documents for `audience` by group, in the order of `DOWNLOAD_GROUPS`; empty groups left out. */
export function signatoryDownloads(matrix: VariantMatrix, signatory: string, audience: Audience = 'public') {
  const { print, decks } = variantsOf(matrix, signatory, audience);
  const documents: DownloadDocument[] = [
    ...print.map((v): DownloadDocument => ({
      group: v.group,
      kind: v.kind,
      documentId: v.documentId,
      label: v.label,
      recipient: v.recipient,
      files: [{ format: 'PDF', path: v.output }, ...(v.docx ? [{ format: 'DOCX' as const, path: v.docx }] : [])],
      pagesOf: v.output,
      unit: 'page',
      thumbnail: v.thumbnail,
    })),
    ...decks.map((d): DownloadDocument => ({
      group: 'presentation',
      kind: 'presentation',
      documentId: d.deckId,
      label: d.title,
      files: [
        { format: 'PDF', path: d.outputs.pdf },
        { format: 'PDF', path: d.outputs.notesPdf, name: 'PDF avec notes' },
        { format: 'HTML', path: d.outputs.html },
        { format: 'PPTX', path: d.outputs.editablePptx, name: 'PowerPoint modifiable' },
        { format: 'PPTX', path: d.outputs.pptx, name: 'PowerPoint (images)' },
      ],
      pagesOf: d.outputs.pdf,
      unit: 'diapositive',
      thumbnail: d.thumbnail,
    })),
  ];
  return DOWNLOAD_GROUPS.map((group) => ({ ...group, documents: documents.filter((d) => d.group === group.id) })).filter((group) => group.documents.length > 0);
}

const NBSP = '\u00a0';
const KIB = 1024;

/**
 * « 850 octets », « 182 Ko », « 1,2 Mo », « 14 Mo »: the size as Windows and macOS readers see it
 * (1 Ko = 1 024 octets), a no-break space before the unit.
 */
export function formatFileSize(bytes: number): string {
  if (bytes < KIB) return `${bytes}${NBSP}octet${bytes > 1 ? 's' : ''}`;
  const kib = Math.round(bytes / KIB);
  if (kib < KIB) return `${kib}${NBSP}Ko`;
  const mib = bytes / KIB / KIB;
  const shown = mib < 10 ? Math.round(mib * 10) / 10 : Math.round(mib);
  return `${shown.toLocaleString('fr-FR')}${NBSP}Mo`;
}

/** « 1 page », « 12 diapositives ». */
export function formatPageCount(count: number, unit: DownloadDocument['unit']): string {
  return `${count}${NBSP}${unit}${count > 1 ? 's' : ''}`;
}

/** A download page: a signatory's public documents (`/kit/<id>/`, with their zip) or their AMO documents (`/espace-amo/kit/<id>/`). */
export interface DownloadPage {
  signatory: string;
  audience: Audience;
}

/** Every download page of the build: one public page per signatory, one in the AMOs' space for those who have AMO documents. */
export function downloadPages(matrix: VariantMatrix, signatories: string[]): DownloadPage[] {
  return (['public', 'amo'] as const).flatMap((audience) =>
    signatories.filter((signatory) => audience === 'public' || signatoryDownloads(matrix, signatory, audience).length > 0).map((signatory) => ({ signatory, audience })),
  );
}

const SIZE = /<span data-kit-size="([^"]+)">[^<]*<\/span>/g;
const PAGES = /<span data-kit-pages="([^"]+)">[^<]*<\/span>/g;
/** A thumbnail's place: `<span data-kit-thumbnail="…" data-alt="…">`, replaced by the picture once it exists. */
const THUMBNAIL = /<span data-kit-thumbnail="([^"]+)" data-alt="([^"]*)"[^>]*>[^<]*<\/span>/g;
/** Any placeholder, however written: one the patterns above miss is left unfilled. */
const ANY_PLACEHOLDER = /data-kit-(size|pages|thumbnail)=/g;

/** The outputs a signatory's page should offer and does not: each file with its size, each document with its pages and thumbnail. */
function notOffered(html: string, documents: DownloadDocument[], zips: string[]): string[] {
  const offered = (kind: string, path: string) => html.includes(`data-kit-${kind}="${path}"`);
  return [
    ...[...documents.flatMap((d) => d.files.map((f) => f.path)), ...zips].filter((path) => !offered('size', path)),
    ...documents.filter((d) => !offered('pages', d.pagesOf)).map((d) => `${d.pagesOf} (nombre de pages)`),
    ...documents.flatMap((d) => (d.thumbnail && !offered('thumbnail', d.thumbnail) ? [`${d.thumbnail} (aperçu)`] : [])),
  ];
}

/** The placeholders of a page written with their facts (`size:<path>`, `pages:<path>`, `thumbnail:<path>`); a placeholder without one is kept. */
function writeFacts(html: string, facts: Map<string, string>, base: string): string {
  const fill = (key: string, whole: string, write: (fact: string) => string) => {
    const fact = facts.get(key);
    return fact === undefined ? whole : write(fact);
  };
  return html
    .replace(SIZE, (whole, path: string) => fill(`size:${path}`, whole, (size) => `<span data-kit-size="${path}">${size}</span>`))
    .replace(PAGES, (whole, path: string) => fill(`pages:${path}`, whole, (pages) => `<span data-kit-pages="${path}">${pages}</span>`))
    .replace(THUMBNAIL, (whole, path: string, alt: string) =>
      fill(`thumbnail:${path}`, whole, (size) => `<img data-kit-thumbnail="${path}" src="${underBase(`/${path}`, base)}" alt="${alt}" ${size} loading="lazy" decoding="async">`),
    );
}

const paths = (html: string, pattern: RegExp) => new Set([...html.matchAll(pattern)].map((match) => match[1]));

/**
 * Fills every signatory page's placeholders in `outDir`: file sizes (read from disk), page counts
 * (`pageCounts`, by PDF path: the printed pages, the deck's slides), thumbnails as pictures with their
 * width and height (read from the WebP). Fails, in French, when a file is missing, when a placeholder
 * cannot be filled, or when a page does not offer every output of its signatory and the zip; then no
 * page is written.
 */
export async function fillDownloadFacts(options: { outDir: string; matrix: VariantMatrix; signatories: string[]; pageCounts: Map<string, number>; base?: string }): Promise<void> {
  const { outDir, matrix, signatories, pageCounts, base = '/' } = options;
  // Every download page at once, and each page's files at once: mostly waiting on the disk.
  const pages = await Promise.all(
    downloadPages(matrix, signatories).map(async ({ signatory, audience }) => {
      const errors: KitError[] = [];
      const folder = kitFolder(signatory, audience);
      const page = `${folder}/index.html`;
      const fail = (message: string, hint: string) => errors.push(new KitError(`page /${folder}/ : ${message}`, { code: 'telechargements', hint }));
      const html = await readFile(join(outDir, page), 'utf8');
      const documents = signatoryDownloads(matrix, signatory, audience).flatMap((g) => g.documents);
      const units = new Map(documents.map((d) => [d.pagesOf, d.unit]));
      const facts = new Map<string, string>();

      const sizes = await Promise.all([...paths(html, SIZE)].map(async (path) => [path, await stat(join(outDir, path)).catch(() => undefined)] as const));
      for (const [path, file] of sizes) {
        if (file?.isFile()) facts.set(`size:${path}`, formatFileSize(file.size));
        else fail(`le fichier ${path} n’a pas été fabriqué`, 'La page propose un fichier que la fabrication n’a pas écrit : signalez-le à l’équipe du kit (KIT_DEBUG=1 pour le détail).');
      }
      for (const path of paths(html, PAGES)) {
        const count = pageCounts.get(path);
        const unit = units.get(path);
        if (count !== undefined && unit !== undefined) facts.set(`pages:${path}`, formatPageCount(count, unit));
        else fail(`nombre de pages inconnu pour ${path}`, 'Le document n’a pas été imprimé par cette fabrication : signalez-le à l’équipe du kit.');
      }
      const pictures = await Promise.all([...paths(html, THUMBNAIL)].map(async (path) => [path, await sharp(join(outDir, path)).metadata().catch(() => undefined)] as const));
      for (const [path, picture] of pictures) {
        if (picture?.width && picture.height) facts.set(`thumbnail:${path}`, `width="${picture.width}" height="${picture.height}"`);
        else fail(`aperçu introuvable ou illisible : ${path}`, 'L’aperçu de la première page n’a pas été fabriqué : signalez-le à l’équipe du kit.');
      }

      const missing = notOffered(html, documents, audience === 'public' ? [signatoryZipPath(signatory)] : []);
      if (missing.length > 0) fail(`${missing.length} fichier(s) fabriqué(s) mais pas proposé(s) : ${missing.join(', ')}`, 'La page de téléchargement doit proposer chaque fichier du signataire : vérifiez layouts/components/SignatoryDownloads.astro.');
      const unreadable = (html.match(ANY_PLACEHOLDER)?.length ?? 0) - [SIZE, PAGES, THUMBNAIL].reduce((sum, pattern) => sum + (html.match(pattern)?.length ?? 0), 0);
      if (unreadable > 0) fail(`${unreadable} emplacement(s) de taille, de pages ou d’aperçu illisible(s), laissé(s) vide(s)`, 'Écrivez-les comme les autres : <span data-kit-size="…"></span>, <span data-kit-pages="…"></span>, <span data-kit-thumbnail="…" data-alt="…">…</span>.');
      return { page, html: writeFacts(html, facts, base), errors };
    }),
  );
  const errors = pages.flatMap((page) => page.errors);
  const filled = new Map(pages.map(({ page, html }) => [page, html]));
  if (errors.length > 0) throw new KitErrors(errors);
  for (const [page, html] of filled) await writeFile(join(outDir, page), html);
}
