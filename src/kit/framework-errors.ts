import { relative } from 'node:path';
import { isKitError, KitError } from './errors.ts';

/** What Astro, Vite and MDX attach to their errors about a source file. */
interface FrameworkError extends Error {
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
  title?: string;
}

/**
 * A failure that did not come from the kit's own checks (Astro, Vite, MDX) as one French error naming the
 * file and line it points at. Its English wording is kept for `KIT_DEBUG=1` only.
 */
export function frameworkErrorToKitError(error: unknown, root: string): unknown {
  if (isKitError(error)) return error;
  const failure = (error ?? {}) as FrameworkError;
  const path = failure.loc?.file ?? failure.id;
  const file = path && path.startsWith(root) ? relative(root, path).split('\\').join('/') : undefined;
  return new KitError(file ? 'ce fichier n’a pas pu être transformé en page' : 'la fabrication du site a échoué', {
    code: 'fabrication',
    file,
    line: file ? failure.loc?.line : undefined,
    hint: file
      ? 'Vérifiez la syntaxe autour de cette ligne (balises fermées, accolades, composants connus) ; relancez avec KIT_DEBUG=1 pour le détail technique.'
      : 'Relancez avec KIT_DEBUG=1 pour le détail technique, et signalez-le à l’équipe du kit s’il se reproduit.',
    cause: error,
  });
}
