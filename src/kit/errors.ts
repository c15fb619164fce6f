import type { z } from 'astro/zod';

/**
 * A mistake the editor can fix: it names the file, the field and the fix, in French.
 * The build prints it without a stack trace and exits with code 1.
 */
export class KitError extends Error {
  constructor(
    /** What went wrong, in French. */
    message: string,
    readonly details: {
      /** File relative to the kit root, e.g. `content/signataires/hpf/index.yaml`. */
      file?: string;
      /** Field path in that file, e.g. `signature.nom`. */
      field?: string;
      /** How to fix it, in French. */
      hint?: string;
    } = {},
  ) {
    super(message);
    this.name = 'KitError';
  }
}

/** Several content mistakes reported at once, so the editor fixes them in one pass. */
export class KitErrors extends Error {
  constructor(readonly errors: KitError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'KitErrors';
  }
}

/** One error as the editor reads it: `file : « field » — message` then `→ hint`. */
export function formatKitError(error: KitError): string {
  const { file, field, hint } = error.details;
  const where = [file, field ? `« ${field} »` : undefined].filter(Boolean).join(' : ');
  const head = where ? `${where} — ${error.message}` : error.message;
  return hint ? `${head}\n    → ${hint}` : head;
}

/** Every error of a failed build, numbered, ready to print. */
export function formatErrors(error: unknown): string {
  const errors = error instanceof KitErrors ? error.errors : error instanceof KitError ? [error] : [];
  if (errors.length === 0) return `Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`;
  const title = errors.length === 1 ? 'Le kit contient une erreur' : `Le kit contient ${errors.length} erreurs`;
  return `${title} :\n${errors.map((e) => `  ✖ ${formatKitError(e)}`).join('\n')}`;
}

const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  array: 'une liste',
  object: 'un bloc de champs',
  boolean: 'oui/non (true/false)',
};

/** Turns zod issues into French errors that name the file, the field and the fix. */
export function zodIssuesToKitErrors(file: string, issues: z.core.$ZodIssue[]): KitError[] {
  // A misspelt field shows up twice: unknown here, missing there. Pair them to suggest the right name.
  const missingIn = (parent: PropertyKey[]) =>
    issues
      .filter((i) => i.code === 'invalid_type' && i.input === undefined && i.path.slice(0, -1).join('.') === parent.join('.'))
      .map((i) => String(i.path.at(-1)));
  return issues.flatMap((issue) => {
    const field = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const missing = missingIn(issue.path);
      return issue.keys.map(
        (key) =>
          new KitError('champ inconnu', {
            file,
            field: [...issue.path, key].join('.'),
            hint:
              missing.length === 1 && issue.keys.length === 1
                ? `Vouliez-vous écrire « ${missing[0]} » ?`
                : 'Vérifiez l’orthographe du nom du champ ou supprimez-le (voir les champs possibles dans src/schemas/).',
          }),
      );
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [new KitError('champ obligatoire manquant', { file, field, hint: `Ajoutez « ${field} » : ${typeNames[issue.expected] ?? issue.expected} attendu.` })];
    }
    if (issue.code === 'invalid_type') {
      return [new KitError(`valeur de type incorrect`, { file, field, hint: `Il faut ${typeNames[issue.expected] ?? issue.expected}.` })];
    }
    return [new KitError(issue.message, { file, field, hint: 'Corrigez la valeur de ce champ.' })];
  });
}
