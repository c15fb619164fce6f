import { execFileSync } from 'node:child_process';

/**
 * When each content file last changed, from git (one `git log` for the whole kit): the « mis à jour le »
 * of its pages. Committed history only, so two builds of one commit agree; outside a git repository, or
 * for a file never committed, nothing is known and no date is shown.
 */
export function lastChanges(root: string, folders: string[]): Record<string, string> {
  let output: string;
  try {
    output = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--relative', '--', ...folders], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return {};
  }
  const changes: Record<string, string> = {};
  // Newest commit first: a file's first appearance is its last change.
  for (const commit of output.split('\0').slice(1)) {
    const [date, ...files] = commit.split('\n').map((line) => line.trim());
    for (const file of files) if (file && !(file in changes)) changes[file] = date;
  }
  return changes;
}
