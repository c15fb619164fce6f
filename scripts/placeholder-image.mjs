// Makes a plain placeholder image: a framed box with a main text and a second line
// (« logo à remplacer », « photo à fournir »), text turned into paths (satori) so it renders the same
// on every machine.
// Usage : node scripts/placeholder-image.mjs <fichier.svg> "<Texte>" ["<Seconde ligne>"] [largeur hauteur]
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';

const [target, label, subtitle = 'logo à remplacer', width = '480', height = '220'] = process.argv.slice(2);
if (!target || !label) {
  console.error('Usage : node scripts/placeholder-image.mjs <fichier.svg> "<Texte>" ["<Seconde ligne>"] [largeur hauteur]');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const font = (weight) => readFile(require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-normal.woff`));
const [regular, bold] = await Promise.all([font(400), font(700)]);
const scale = Math.min(Number(width) / 480, Number(height) / 220);

const svg = await satori(
  {
    type: 'div',
    props: {
      style: {
        width: '100%', height: '100%', boxSizing: 'border-box', display: 'flex', flexDirection: 'column',
        alignItems: 'center', justifyContent: 'center', textAlign: 'center', padding: Math.round(16 * scale), border: `${Math.round(6 * scale)}px dashed #6b7280`,
        borderRadius: Math.round(18 * scale), background: '#f3f4f6', color: '#374151', fontFamily: 'Source Sans',
      },
      children: [
        { type: 'div', props: { style: { fontSize: Math.round(64 * scale), fontWeight: 700 }, children: label } },
        { type: 'div', props: { style: { fontSize: Math.round(30 * scale) }, children: subtitle } },
      ],
    },
  },
  { width: Number(width), height: Number(height), fonts: [{ name: 'Source Sans', data: regular, weight: 400 }, { name: 'Source Sans', data: bold, weight: 700 }] },
);
await writeFile(target, svg);
