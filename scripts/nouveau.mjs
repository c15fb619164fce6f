// `npm run nouveau -- <sorte> <nom>` (through scripts/launch.mjs): creates a new signatory, recipient
// type, fact sheet, example or news item with every field present and explained in French, then says
// what to do next. A signatory gets a provisional logo (« logo à remplacer »). An unknown kind, an
// invalid name or an existing one is refused in French, exit code 1, nothing written.
// Usage: node scripts/nouveau.mjs <signataire|interlocuteur|fiche|exemple|actualite> <nom> [--root <kit folder>]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatErrors, formatKitError, isKitError } from '../src/kit/errors.ts';
import { createEntry } from '../src/scaffold/new-entry.ts';
import { NEXT_STEPS, SCAFFOLD_KINDS } from '../src/scaffold/templates.ts';

const { values, positionals } = parseArgs({ options: { root: { type: 'string' } }, allowPositionals: true });
const root = resolve(values.root ?? process.cwd());
const [kind, slug] = positionals;
if (!kind || !slug) {
  console.error(`Usage : npm run nouveau -- <sorte> <nom>\n    → Sortes : ${SCAFFOLD_KINDS.join(', ')}. Exemple : npm run nouveau -- signataire atelier-habitat-lyon`);
  process.exit(1);
}

let files;
try {
  files = createEntry(root, kind, slug, new Date());
} catch (error) {
  console.error(isKitError(error) ? `Rien n’a été créé :\n  ✖ ${formatKitError(error)}` : formatErrors(error));
  process.exit(1);
}

if (kind === 'signataire') {
  // The provisional logo, drawn like the kit's other placeholders (text as paths, the same everywhere).
  const drawer = fileURLToPath(new URL('./placeholder-image.mjs', import.meta.url));
  spawnSync(process.execPath, [drawer, join(root, 'content/signataires', slug, 'logo.svg'), slug.toUpperCase()], { stdio: 'ignore' });
  files.push({ path: `content/signataires/${slug}/logo.svg` });
}

console.log(`Créé :\n${files.map((file) => `  + ${file.path}`).join('\n')}`);
console.log(`Ensuite :
  1. ouvrez ${files[0].path} et remplacez chaque « à compléter » (chaque champ y est expliqué) ;
  2. npm run check : vérifie le contenu en une seconde ;
  3. ${NEXT_STEPS[kind](slug)}.`);
