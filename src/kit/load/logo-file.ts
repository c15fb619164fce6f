import { readFileSync } from 'node:fs';
import { KitError } from '../errors.ts';

/** What an SVG logo must not carry: it would run, or fetch something, wherever the logo is shown. */
const unsafeSvgParts: [RegExp, string][] = [
  [/<script\b/i, 'un script (<script>)'],
  [/\son[a-z]+\s*=/i, 'un attribut d’événement (onload, onclick…)'],
  [/<foreignObject\b/i, 'un objet étranger (<foreignObject>)'],
  [/(?:href|src)\s*=\s*["']\s*(?:javascript:|https?:|\/\/)/i, 'un lien vers l’extérieur'],
  [/@import|url\(\s*["']?\s*(?:https?:|\/\/)/i, 'une feuille de style ou une police externe'],
];

/** An SVG logo with a script or an external reference is refused, naming what it carries. */
export function checkLogoFile(path: string, details: { file: string; field: string; line?: number }): KitError | undefined {
  if (!/\.svg$/i.test(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const found = unsafeSvgParts.find(([pattern]) => pattern.test(text));
  if (!found) return undefined;
  return new KitError(`logo SVG refusé : il contient ${found[1]}`, {
    code: 'logo-dangereux',
    ...details,
    hint: 'Exportez à nouveau le logo en SVG simple (sans script ni lien externe), ou donnez-le en PNG.',
  });
}
