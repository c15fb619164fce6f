import { execFileSync } from 'node:child_process';
import { KitError } from '../errors.ts';

/**
 * The date written into every dated output (PDF creation and modification dates, PPTX properties,
 * zip entries), so two builds of one commit give byte-identical files. See https://reproducible-builds.org/specs/source-date-epoch/.
 */
export interface SourceDate {
  date: Date;
  /** Where it comes from: the `SOURCE_DATE_EPOCH` variable, the kit's last git commit, or the fallback. */
  origin: 'SOURCE_DATE_EPOCH' | 'git' | 'fallback';
  /** The kit's last commit, abbreviated (`a86c50e`), when `root` is in a git repository. */
  commit?: string;
}

/** Used outside a git repository without `SOURCE_DATE_EPOCH`: 1 January 2000, 00:00 UTC. */
export const FALLBACK_SOURCE_DATE = new Date('2000-01-01T00:00:00Z');

/** The last commit: its committer date in seconds and its short hash, or undefined outside a git repository. */
function lastCommit(root: string): { seconds: number; hash: string } | undefined {
  try {
    const [seconds, hash] = execFileSync('git', ['log', '-1', '--format=%ct %h'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(' ');
    const value = Number(seconds);
    return seconds && hash && Number.isSafeInteger(value) ? { seconds: value, hash } : undefined;
  } catch {
    return undefined; // no git, not a repository, or a repository without commits
  }
}

/** The build's date: `SOURCE_DATE_EPOCH` (seconds) if set, else the last git commit of `root`, else the fallback. */
export function readSourceDate(root: string, env: NodeJS.ProcessEnv = process.env): SourceDate {
  const variable = env.SOURCE_DATE_EPOCH?.trim();
  if (variable) {
    if (!/^\d+$/.test(variable) || !Number.isSafeInteger(Number(variable))) {
      throw new KitError(`SOURCE_DATE_EPOCH vaut « ${variable} » : un nombre entier de secondes depuis le 1er janvier 1970 est attendu`, {
        code: 'source-date',
        hint: 'Corrigez la variable (par exemple SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)) ou retirez-la : la date du dernier commit sera prise.',
      });
    }
    return { date: new Date(Number(variable) * 1000), origin: 'SOURCE_DATE_EPOCH', commit: lastCommit(root)?.hash };
  }
  const commit = lastCommit(root);
  if (commit !== undefined) return { date: new Date(commit.seconds * 1000), origin: 'git', commit: commit.hash };
  return { date: FALLBACK_SOURCE_DATE, origin: 'fallback' };
}

/**
 * Which build made the files, as a reader can quote it: « version a86c50e du 3 décembre 2026 » (the commit
 * and its date), or the date alone outside git. Printed on the download pages and in every PDF.
 */
export function buildVersion({ date, commit }: SourceDate): string {
  // « 1er décembre », « 3 décembre »: the first of the month is an ordinal in French.
  const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date).replace(/^1 /, '1er ');
  return commit ? `version ${commit} du ${day}` : `version du ${day}`;
}

const perRoot = new Map<string, SourceDate>();

/** The build's date for `root`, read once per process (the PDFs, the decks and the log share it). */
export function buildSourceDate(root: string): SourceDate {
  let found = perRoot.get(root);
  if (!found) perRoot.set(root, (found = readSourceDate(root)));
  return found;
}

/** « 23/11/2026 14:48 UTC (dernier commit) », for the build log. */
export function describeSourceDate({ date, origin }: SourceDate): string {
  const shown = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(date);
  const from = { SOURCE_DATE_EPOCH: 'SOURCE_DATE_EPOCH', git: 'dernier commit', fallback: 'date fixe, ni SOURCE_DATE_EPOCH ni dépôt git' }[origin];
  return `${shown} UTC (${from})`;
}
