/**
 * The kit's one error type: a mistake the editor can fix, in French, naming the file, the line, the
 * field and the fix. The build's top level (scripts/build.mjs) prints it without a stack trace and exits
 * with code 1; `KIT_DEBUG=1` also prints the underlying cause, for a developer.
 */

/** What kind of mistake, stable for tests and tools: `yaml`, `champ-inconnu`, `lien-casse`… */
export type KitErrorCode = string;

export interface KitErrorDetails {
  /** Stable identifier of the kind of mistake (defaults to `contenu`). */
  code?: KitErrorCode;
  /** File relative to the kit root, e.g. `content/signataires/hpf/index.yaml`. */
  file?: string;
  /** 1-based line in that file, when there is one. */
  line?: number;
  /** Field path in that file, e.g. `signature.nom`. */
  field?: string;
  /** How to fix it, in French. */
  hint?: string;
  /** The underlying error (a library's, in English): shown only with KIT_DEBUG=1. */
  cause?: unknown;
}

/** Marks kit errors across module instances (Astro loads the integration and the pages separately). */
const KIT_ERROR = Symbol.for('kit-qpv.error');

export class KitError extends Error {
  readonly details: KitErrorDetails;
  readonly code: KitErrorCode;

  constructor(message: string, details: KitErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'KitError';
    this.details = details;
    this.code = details.code ?? 'contenu';
    Object.defineProperty(this, KIT_ERROR, { value: 'one' });
  }
}

/** Several content mistakes reported at once, so the editor fixes them in one pass. */
export class KitErrors extends Error {
  readonly errors: KitError[];

  constructor(errors: KitError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'KitErrors';
    this.errors = errors;
    Object.defineProperty(this, KIT_ERROR, { value: 'many' });
  }
}

/** The kit errors carried by `error` (one, several, or none when it is not a kit error). */
export function kitErrorsOf(error: unknown): KitError[] {
  const mark = error && typeof error === 'object' ? (error as Record<symbol, unknown>)[KIT_ERROR] : undefined;
  if (mark === 'many') return (error as KitErrors).errors;
  if (mark === 'one') return [error as KitError];
  return [];
}

export function isKitError(error: unknown): boolean {
  return kitErrorsOf(error).length > 0;
}

/** Where a mistake is: `file, ligne 12 : « field »`. */
function location({ file, line, field }: KitErrorDetails): string {
  const place = file ? `${file}${line ? `, ligne ${line}` : ''}` : undefined;
  return [place, field ? `« ${field} »` : undefined].filter(Boolean).join(' : ');
}

/** One error as the editor reads it: `file, ligne N : « field » — message` then `→ hint`. */
export function formatKitError(error: KitError): string {
  const where = location(error.details);
  const head = where ? `${where} — ${error.message}` : error.message;
  return error.details.hint ? `${head}\n    → ${error.details.hint}` : head;
}

/** The first line of a library's message, for a French sentence that quotes it. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
}

/** Every error of a failed build, numbered, ready to print. Anything else becomes one French sentence. */
export function formatErrors(error: unknown): string {
  const errors = kitErrorsOf(error);
  if (errors.length === 0) {
    return `Erreur inattendue pendant la fabrication.\n    → Relancez avec KIT_DEBUG=1 pour voir le détail technique, et signalez-le à l’équipe du kit s’il se reproduit.`;
  }
  const title = errors.length === 1 ? 'Le kit contient une erreur' : `Le kit contient ${errors.length} erreurs`;
  return `${title} :\n${errors.map((e) => `  ✖ ${formatKitError(e)}`).join('\n')}`;
}

/** The technical detail behind a failure, for `KIT_DEBUG=1`: causes and stacks. */
export function debugDetails(error: unknown): string {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (value === undefined || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Error) lines.push(value.stack ?? `${value.name}: ${value.message}`);
    else lines.push(String(value));
    for (const inner of kitErrorsOf(value)) if (inner !== value) visit(inner);
    if (value instanceof Error) visit(value.cause);
  };
  visit(error);
  return lines.join('\n\nCause :\n');
}
