// Makes a plain placeholder logo: a framed box with the organisation's short name and
// « logo à remplacer », text turned into paths (satori) so it renders the same on every machine.
// Usage: node scripts/placeholder-logo.mjs <fichier.svg> "<Nom court>"
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';

const [target, label] = process.argv.slice(2);
if (!target || !label) {
  console.error('Usage : node scripts/placeholder-logo.mjs <fichier.svg> "<Nom court>"');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const font = (weight) => readFile(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`));
const [regular, bold] = await Promise.all([font(400), font(700)]);

const box = (children) => ({
  type: 'div',
  props: {
    style: {
      width: '100%', height: '100%', boxSizing: 'border-box', display: 'flex', flexDirection: 'column',
      alignItems: 'center', justifyContent: 'center', border: '6px dashed #6b7280', borderRadius: 18,
      background: '#f3f4f6', color: '#374151', fontFamily: 'Source Sans',
    },
    children,
  },
});
const svg = await satori(
  box([
    { type: 'div', props: { style: { fontSize: 64, fontWeight: 700 }, children: label } },
    { type: 'div', props: { style: { fontSize: 30 }, children: 'logo à remplacer' } },
  ]),
  { width: 480, height: 220, fonts: [{ name: 'Source Sans', data: regular, weight: 400 }, { name: 'Source Sans', data: bold, weight: 700 }] },
);
await writeFile(target, svg);
