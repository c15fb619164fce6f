import { z } from 'astro/zod';
import { KitError } from '../errors.ts';

/**
 * French messages for zod's own wording (formats, sizes, enums), set per parse rather than globally, so
 * the same mistake reads the same under `astro build`, `npm run check` and Vitest.
 */
export const frenchZodMessages = z.locales.fr().localeError;

const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  array: 'une liste',
  object: 'un bloc de champs',
  boolean: 'oui/non (true/false)',
  date: 'une date (AAAA-MM-JJ)',
};

/** Line of a field in its file, when the source keeps positions (YAML). */
export type LineOf = (path: PropertyKey[]) => number | undefined;

/** The message a field's schema gives for its mistake (`error:` in src/schemas/), rather than zod's generic wording. */
function schemaMessage(issue: z.core.$ZodIssue): string | undefined {
  const generic = frenchZodMessages(issue as unknown as z.core.$ZodRawIssue);
  return issue.message !== (typeof generic === 'string' ? generic : generic?.message) ? issue.message : undefined;
}

/** Turns zod issues into French errors that name the file, the line, the field and the fix. */
export function zodIssuesToKitErrors(file: string, issues: z.core.$ZodIssue[], lineOf: LineOf = () => undefined): KitError[] {
  // A misspelt field shows up twice: unknown here, missing there. Pair them to suggest the right name.
  const missingIn = (parent: PropertyKey[]) =>
    issues
      .filter((i) => i.code === 'invalid_type' && i.input === undefined && i.path.slice(0, -1).join('.') === parent.join('.'))
      .map((i) => String(i.path.at(-1)));
  // …and the missing half of such a pair is not reported on its own.
  const suggested = new Set(
    issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.keys.length === 1 && missingIn(i.path).length === 1 ? [[...i.path, missingIn(i.path)[0]].join('.')] : [])),
  );
  return issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'invalid_type' && issue.input === undefined && suggested.has(field)) return [];
    const line = lineOf(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const missing = missingIn(issue.path);
      return issue.keys.map(
        (key) =>
          new KitError('champ inconnu', {
            code: 'champ-inconnu',
            file,
            line: lineOf([...issue.path, key]),
            field: [...issue.path, key].join('.'),
            hint:
              missing.length === 1 && issue.keys.length === 1
                ? `Vouliez-vous écrire « ${missing[0]} » ?`
                : 'Vérifiez l’orthographe du nom du champ ou supprimez-le (voir les champs possibles dans src/schemas/).',
          }),
      );
    }
    // A missing field whose schema explains itself (an enum with its own message): that message is the fix.
    if (issue.code === 'invalid_value' && issue.input === undefined) {
      return [new KitError('champ obligatoire manquant', { code: 'champ-manquant', file, line, field, hint: issue.message })];
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [new KitError('champ obligatoire manquant', { code: 'champ-manquant', file, line, field, hint: schemaMessage(issue) ?? `Ajoutez « ${field} » : ${typeNames[issue.expected] ?? issue.expected} attendu.` })];
    }
    if (issue.code === 'invalid_type') {
      return [new KitError('valeur de type incorrect', { code: 'type-incorrect', file, line, field, hint: `Il faut ${typeNames[issue.expected] ?? issue.expected}.` })];
    }
    if (issue.code === 'too_small' && issue.origin === 'string') {
      const empty = typeof issue.input === 'string' && issue.input.trim() === '';
      return [
        new KitError(empty ? 'texte vide' : `texte trop court (au moins ${issue.minimum} caractères)`, {
          code: empty ? 'texte-vide' : 'texte-court',
          file,
          line,
          field,
          hint: `Écrivez le texte de « ${field} » : au moins ${issue.minimum} caractères.`,
        }),
      ];
    }
    if (issue.code === 'too_big' && issue.origin === 'string') {
      return [new KitError(`texte trop long (au plus ${issue.maximum} caractères)`, { code: 'texte-long', file, line, field, hint: `Raccourcissez « ${field} ».` })];
    }
    return [new KitError(issue.message, { code: 'valeur-invalide', file, line, field, hint: 'Corrigez la valeur de ce champ.' })];
  });
}
