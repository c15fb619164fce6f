// `npm run check` (through scripts/launch.mjs): everything the kit can check without printing, for the
// editor — the content's schemas, the editorial rules, the MDX syntax and components, images and logos,
// placeholders, the letter templates' passages and the deck's tokens (links between pages are checked
// on the built HTML, by the build only) — read once, as the build
// reads them (src/kit/prepare-kit.ts), in seconds. A mistake is reported as the build reports it: in
// French, one line per problem with its file, line and field, and exit code 1. Nothing is written.
// The code's type check is not the editor's business: it stays in `npm test` and CI.
// Usage: node scripts/check.mjs [--root <kit folder>]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { debugDetails, formatErrors } from '../src/kit/errors.ts';
import { prepareKit } from '../src/kit/prepare-kit.ts';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = resolve(values.root ?? process.cwd());
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s`;

try {
  const { kit, matrix } = await prepareKit(root, { warn: (message) => console.warn(message) });
  console.log(
    `Contenu valide : ${kit.signatories.length} signataire(s), ${kit.recipients.length} type(s) d’interlocuteur, ${matrix.print.length} PDF et ${matrix.decks.length} présentation(s) à produire (vérifié en ${seconds()}, sans rien imprimer).`,
  );
} catch (error) {
  console.error(formatErrors(error));
  console.error(`(vérifié en ${seconds()} ; rien n’a été fabriqué)`);
  if (process.env.KIT_DEBUG) console.error(`\nDétail technique (KIT_DEBUG) :\n${debugDetails(error)}`);
  process.exit(1);
}
