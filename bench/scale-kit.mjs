// The scale kit of issue 9: the project's kit sources (content/, brochures/, letters/, slides/) copied into
// <project>/.kit/bench/kit-<n>/ with an astro.config.mjs re-exporting the project's, and generated signatories
// (amo-bench-01…) added until there are <n>. Each generated signatory is a copy of an existing one's
// index.yaml (in turn) with its own name and its own logo: a placeholder drawn by satori with its short name,
// as scripts/placeholder-image.mjs draws the kit's, every third one as a PNG (so the build's bitmap path is
// exercised too). Asking for fewer signatories than the kit has keeps the default one and the first others.
// The folder is no git repository: the bench pins SOURCE_DATE_EPOCH for its builds instead.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { parse, stringify } from 'yaml';

export const projectRoot = resolve(import.meta.dirname, '..');
/** Everything the bench writes: the scale kits, the logs, the print ways' PDFs. */
export const benchFolder = join(projectRoot, '.kit/bench');
const KIT_SOURCES = ['content', 'brochures', 'letters', 'slides'];
/** The id of the signatory scenario 4 adds, then removes. */
export const ADDED_SIGNATORY = 'amo-bench-ajout';

const require = createRequire(import.meta.url);
const fonts = ['400', '700'].map((weight) => ({
  name: 'Source Sans',
  weight: Number(weight),
  data: readFileSync(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`)),
}));

/** The kit's placeholder logo (framed box, name, « logo à remplacer »), text as paths. */
async function placeholderLogo(label) {
  return satori(
    {
      type: 'div',
      props: {
        style: {
          width: '100%', height: '100%', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
          textAlign: 'center', padding: 16, border: '6px dashed #6b7280', borderRadius: 18, background: '#f3f4f6', color: '#374151', fontFamily: 'Source Sans',
        },
        children: [
          { type: 'div', props: { style: { fontSize: 64, fontWeight: 700 }, children: label } },
          { type: 'div', props: { style: { fontSize: 30 }, children: 'logo à remplacer' } },
        ],
      },
    },
    { width: 480, height: 220, fonts },
  );
}

const signatoriesFolder = (root) => join(root, 'content/signataires');
const existingSignatories = (root) =>
  readdirSync(signatoriesFolder(root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();

/**
 * Writes `content/signataires/<id>/` from the signatory `template`'s index.yaml, named « Atelier d’essai <label> »,
 * with a logo of its own (PNG when `png`, at three times the placeholder's size: sharp enough to print).
 */
export async function addSignatory(root, { id, label, template, png = false }) {
  const data = parse(readFileSync(join(signatoriesFolder(root), template, 'index.yaml'), 'utf8'));
  const folder = join(signatoriesFolder(root), id);
  mkdirSync(folder, { recursive: true });
  const svg = await placeholderLogo(`Essai ${label}`);
  const logo = png ? 'logo.png' : 'logo.svg';
  writeFileSync(join(folder, logo), png ? await sharp(Buffer.from(svg), { density: 3 * 72 }).png().toBuffer() : svg);
  writeFileSync(join(folder, 'index.yaml'), stringify({ ...data, nom: `Atelier d’essai ${label}`, nomCourt: `Essai ${label}`, logo }, { lineWidth: 0 }));
}

/** Generates the scale kit with `count` signatories; returns its root and how its signatories were made. */
export async function generateScaleKit(count) {
  const root = join(benchFolder, `kit-${count}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const folder of KIT_SOURCES) cpSync(join(projectRoot, folder), join(root, folder), { recursive: true });
  const config = relative(root, join(projectRoot, 'astro.config.mjs')).split('\\').join('/');
  writeFileSync(join(root, 'astro.config.mjs'), `// Scale kit of the bench (bench/scale-kit.mjs): the project's site code, this folder's content.\nexport { default } from '${config}';\n`);

  const existing = existingSignatories(root);
  const fallback = parse(readFileSync(join(root, 'content/site.yaml'), 'utf8'))?.signataireParDefaut;
  const kept = [...existing.filter((id) => id === fallback), ...existing.filter((id) => id !== fallback)].slice(0, Math.max(1, count));
  for (const id of existing.filter((id) => !kept.includes(id))) rmSync(join(signatoriesFolder(root), id), { recursive: true });
  const generated = [];
  for (let number = 1; kept.length + generated.length < count; number++) {
    const label = String(number).padStart(2, '0');
    const id = `amo-bench-${label}`;
    await addSignatory(root, { id, label, template: kept[(number - 1) % kept.length], png: number % 3 === 0 });
    generated.push(id);
  }
  return { root, kept, generated };
}

/**
 * Appends a sentence to the first paragraph of the first passage (`## …`) of `content/interlocuteurs/<id>.md`;
 * returns the passage's name and a function that puts the file back as it was.
 */
export function changeLetterPassage(root, recipient) {
  const file = join(root, 'content/interlocuteurs', `${recipient}.md`);
  const original = readFileSync(file, 'utf8');
  const lines = original.split('\n');
  const heading = lines.findIndex((line) => /^## /.test(line));
  const paragraph = heading < 0 ? -1 : lines.findIndex((line, index) => index > heading && line.trim() !== '' && !line.startsWith('#'));
  if (paragraph < 0) throw new Error(`Aucun passage (« ## … » suivi d’un paragraphe) dans ${file}.`);
  lines[paragraph] = `${lines[paragraph].trimEnd()} Cette phrase a été ajoutée par le banc d’essai.`;
  writeFileSync(file, lines.join('\n'));
  return { passage: lines[heading].slice(3).trim(), restore: () => writeFileSync(file, original) };
}

/** Removes what a cold build must not find: the render cache and the built site. */
export function removeCacheAndDist(root) {
  for (const folder of ['.kit/cache', 'dist']) rmSync(join(root, folder), { recursive: true, force: true });
}

export const hasSignatory = (root, id) => existsSync(join(signatoriesFolder(root), id));
export const removeSignatory = (root, id) => rmSync(join(signatoriesFolder(root), id), { recursive: true, force: true });
