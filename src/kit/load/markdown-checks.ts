import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MDX_COMPONENT_NAMES } from '../../../layouts/components/mdx-component-names.ts';
import { KitError } from '../errors.ts';
import type { Entry } from './context.ts';

/** The site's own static files: an image written `/images/x.png` is looked for here. */
export const PUBLIC_FOLDER = join(import.meta.dirname, '../../../public');

interface MdastNode {
  type: string;
  name?: string | null;
  url?: string;
  value?: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/** What the MDX parser says (« Expected a closing tag for `<X>` … »), for an editor. */
function mdxProblem(message: string): { problem: string; hint: string } {
  const tag = /closing tag for `<([^>`]+)>`/.exec(message)?.[1];
  if (tag) return { problem: `balise <${tag}> jamais fermée`, hint: `Fermez-la (<${tag} … />, ou <${tag}>…</${tag}>), ou écrivez \\< pour afficher « < » tel quel.` };
  if (/expression|brace|`\{`|`\}`/i.test(message)) {
    return { problem: 'accolade « { » ou « } » sans sa paire', hint: 'Dans un fichier .mdx, « { » ouvre une expression : fermez-la, ou écrivez \\{ pour afficher l’accolade.' };
  }
  return { problem: 'syntaxe MDX incorrecte', hint: 'Dans un fichier .mdx, « < » et « { » ouvrent une balise ou une expression : fermez-les, ou écrivez \\< et \\{ pour les afficher tels quels.' };
}

/** The known component closest to `name` (a typo), if any is close enough. */
function closestComponent(name: string): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length];
  };
  const [best] = MDX_COMPONENT_NAMES.map((known) => ({ known, d: distance(name, known) })).sort((x, y) => x.d - y.d);
  return best && best.d <= 3 ? best.known : undefined;
}

function* walk(node: MdastNode): Generator<MdastNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const external = /^([a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * What Astro would stop on, or publish broken, checked when the content is read so it is reported in
 * French with its line: MDX syntax, components that do not exist or sit in plain Markdown (where they
 * would print nothing), images that are not there.
 */
export function checkMarkdown(entry: Entry<unknown>, root: string): KitError[] {
  const { body, bodyLine } = entry.source;
  const file = entry.file;
  const lineOf = (node: MdastNode) => (node.position ? bodyLine + node.position.start.line - 1 : undefined);
  let tree: MdastNode;
  try {
    tree = (file.endsWith('.mdx') ? mdxToMdast(body) : markdownToMdast(body)) as MdastNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/^(\d+):\d+:/.exec(message)?.[1]);
    const { problem, hint } = mdxProblem(message);
    return [new KitError(problem, { code: 'mdx-syntaxe', file, line: line ? bodyLine + line - 1 : undefined, hint, cause: error })];
  }
  const errors: KitError[] = [];
  const imported = new Set([...body.matchAll(/^import\s+(\w+)/gm)].map((match) => match[1]));
  for (const node of walk(tree)) {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      if ((MDX_COMPONENT_NAMES as readonly string[]).includes(node.name) || imported.has(node.name)) continue;
      const guess = closestComponent(node.name);
      errors.push(
        new KitError(`composant inconnu : <${node.name}>`, {
          code: 'composant-inconnu',
          file,
          line: lineOf(node),
          hint: `${guess ? `Vouliez-vous écrire <${guess} /> ? ` : ''}Composants disponibles : ${MDX_COMPONENT_NAMES.map((name) => `<${name} />`).join(', ')}.`,
        }),
      );
    }
    // In plain Markdown a component is raw HTML: the browser ignores the unknown tag and nothing shows.
    const component = node.type === 'html' && !file.endsWith('.mdx') ? /<([A-Z][A-Za-z0-9]*)\b/.exec(node.value ?? '')?.[1] : undefined;
    if (component) {
      errors.push(
        new KitError(`<${component} /> ne s’affiche que dans un fichier .mdx`, {
          code: 'composant-hors-mdx',
          file,
          line: lineOf(node),
          hint: `Renommez ${file} en .mdx (le texte reste le même), ou retirez la balise.`,
        }),
      );
    }
    if (node.type === 'image' && node.url && !external.test(node.url) && !node.url.startsWith('data:')) {
      const path = decodeURI(node.url.split(/[?#]/)[0]);
      const found = path.startsWith('/') ? existsSync(join(PUBLIC_FOLDER, path)) : existsSync(join(root, dirname(file), path));
      if (!found) {
        errors.push(
          new KitError(`image introuvable : ${node.url}`, {
            code: 'image-introuvable',
            file,
            line: lineOf(node),
            hint: path.startsWith('/')
              ? `Un chemin qui commence par « / » désigne un fichier de public/ : déposez-y l’image, ou écrivez un chemin relatif à ${file}.`
              : `Déposez l’image à côté de ${file} (chemin relatif à ce fichier) ou corrigez le chemin.`,
          }),
        );
      }
    }
  }
  return errors;
}
