// « Mémoriser sur cet appareil »: opt-in, off by default. What the visitor typed stays in this browser's
// localStorage, never in a URL, never sent; « Oublier » removes it.
import { FIELD_NAMES, type FormValues } from './form-values.ts';

const KEY = 'kit-qpv:courrier';

export interface Remembered {
  values: FormValues;
  /** The logo of a structure outside the kit, as a PNG data URI. */
  logo?: string;
}

/** What was remembered on this device, if anything (and if readable). */
export function recall(): Remembered | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { values?: Record<string, unknown>; logo?: unknown } | null;
    if (!stored || typeof stored.values !== 'object' || stored.values === null) return undefined;
    const values = Object.fromEntries(FIELD_NAMES.map((name) => [name, String(stored.values![name] ?? '')])) as unknown as FormValues;
    const logo = typeof stored.logo === 'string' && stored.logo.startsWith('data:image/png;base64,') ? stored.logo : undefined;
    return { values, logo };
  } catch {
    return undefined;
  }
}

/** Stores the form; false when the browser refuses (private mode, storage full). */
export function remember(remembered: Remembered): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(remembered));
    return true;
  } catch {
    return false;
  }
}

export function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was stored.
  }
}
