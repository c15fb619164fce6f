import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeReplacedOutputs, replaceDirectory, replacedFolder } from '../../src/kit/output/publish.ts';
import { KitError } from '../../src/kit/errors.ts';

/** Renames that fail as the system would, by source path → error code: `EBUSY` can't be provoked at will. */
const failingRenames = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      const code = failingRenames.get(String(from));
      if (code) throw Object.assign(new Error(`${code}: simulated, rename '${from}' -> '${to}'`), { code, syscall: 'rename' });
      return actual.rename(from, to);
    },
  };
});

const bases: string[] = [];
afterEach(() => {
  failingRenames.clear();
  for (const base of bases.splice(0)) {
    chmodSync(base, 0o755);
    rmSync(base, { recursive: true, force: true });
  }
});

/** A folder holding a published `dist/` (with `ancien.pdf`) and a `staging/` folder with the new kit. */
function published() {
  const base = mkdtempSync(join(tmpdir(), 'kit-publish-'));
  bases.push(base);
  const target = join(base, 'dist');
  const staging = join(base, 'staging');
  mkdirSync(target);
  writeFileSync(join(target, 'ancien.pdf'), 'ancien');
  mkdirSync(staging);
  writeFileSync(join(staging, 'nouveau.pdf'), 'nouveau');
  return { base, target, staging, previous: `${target}.previous` };
}

async function failure(work: Promise<unknown>): Promise<KitError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KitError);
  return error as KitError;
}

describe('replaceDirectory', () => {
  it('puts the new output in place of the old one, leaving nothing of the old', async () => {
    const { target, staging, previous } = published();
    await replaceDirectory(staging, target);
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
    expect(existsSync(join(target, 'ancien.pdf'))).toBe(false);
    expect(existsSync(previous)).toBe(false);
    expect(existsSync(staging)).toBe(false);
  });

  it('keeps the old output when the new one cannot be moved in, and says so in French', async () => {
    const { base, target } = published();
    const error = await failure(replaceDirectory(join(base, 'absent'), target));
    expect(error.message).toBe(`impossible de remplacer ${target} : dossier introuvable (ENOENT)`);
    expect(error.details.hint).toContain('l’ancien est remis en place');
    expect(readFileSync(join(target, 'ancien.pdf'), 'utf8')).toBe('ancien');
  });

  // Root writes into read-only folders: the permission is then simulated below instead.
  it.skipIf(process.getuid?.() === 0)('names a folder it has no right to change, with the system error as cause', async () => {
    const { base, target, staging } = published();
    chmodSync(base, 0o555);
    const error = await failure(replaceDirectory(staging, target));
    expect(error.message).toBe(`droits insuffisants sur ${base} : impossible de remplacer ${target} (EACCES)`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('EACCES');
    expect(readFileSync(join(target, 'ancien.pdf'), 'utf8')).toBe('ancien');
  });

  it.each(['EACCES', 'EPERM'])('says the rights on the folder are missing (%s), and where to look', async (code) => {
    const { base, target, staging } = published();
    failingRenames.set(target, code);
    const error = await failure(replaceDirectory(staging, target));
    expect(error.message).toBe(`droits insuffisants sur ${base} : impossible de remplacer ${target} (${code})`);
    expect(error.details.hint).toMatch(/propriétaire et les droits de .+ : l’utilisateur qui lance la fabrication doit pouvoir y écrire/);
    expect(error.details.hint).toContain('l’ancien est intact');
    expect((error.cause as NodeJS.ErrnoException).code).toBe(code);
    expect(readFileSync(join(target, 'ancien.pdf'), 'utf8')).toBe('ancien');
    expect(existsSync(join(staging, 'nouveau.pdf'))).toBe(true);
  });

  it.each(['EBUSY', 'ENOTEMPTY'])('says the folder is used by another program (%s)', async (code) => {
    const { target, staging } = published();
    failingRenames.set(staging, code);
    const error = await failure(replaceDirectory(staging, target));
    expect(error.message).toBe(`dossier utilisé par un autre programme : ${target} (${code})`);
    expect(error.details.hint).toContain('Fermez ce qui utilise ce dossier');
    expect((error.cause as NodeJS.ErrnoException).code).toBe(code);
    expect(readFileSync(join(target, 'ancien.pdf'), 'utf8')).toBe('ancien');
  });

  it('never loses the old output when it cannot even be put back: the next build restores it first', async () => {
    const { base, target, staging, previous } = published();
    failingRenames.set(staging, 'EBUSY');
    failingRenames.set(previous, 'EPERM');
    const error = await failure(replaceDirectory(staging, target));
    expect(error.details.hint).toContain(`il est intact dans ${previous}`);
    expect(readFileSync(join(previous, 'ancien.pdf'), 'utf8')).toBe('ancien');

    // The next build fails too: the old output is back in place, not deleted as a leftover.
    failingRenames.clear();
    await failure(replaceDirectory(join(base, 'absent'), target));
    expect(readFileSync(join(target, 'ancien.pdf'), 'utf8')).toBe('ancien');
    expect(existsSync(previous)).toBe(false);

    // And a build that succeeds publishes as usual.
    await replaceDirectory(staging, target);
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
    expect(existsSync(previous)).toBe(false);
  });

  it('removes a stale copy of an older output left next to the published one', async () => {
    const { target, staging, previous } = published();
    mkdirSync(previous);
    writeFileSync(join(previous, 'tres-ancien.pdf'), 'très ancien');
    await replaceDirectory(staging, target);
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
    expect(existsSync(previous)).toBe(false);
  });

  it('sets the replaced output aside whole, for the next build to remove while its site builds', async () => {
    const { base, target, staging, previous } = published();
    const aside = replacedFolder(base);
    await replaceDirectory(staging, target, { setAsideIn: aside });
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
    expect(existsSync(previous)).toBe(false);
    const [replaced, ...more] = readdirSync(aside);
    expect(more).toEqual([]);
    expect(readFileSync(join(aside, replaced, 'ancien.pdf'), 'utf8')).toBe('ancien');

    await removeReplacedOutputs(base);
    expect(existsSync(aside)).toBe(false);
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
  });

  it('removes the replaced output at once when it cannot be set aside', async () => {
    const { base, target, staging, previous } = published();
    failingRenames.set(previous, 'EXDEV');
    await replaceDirectory(staging, target, { setAsideIn: replacedFolder(base) });
    expect(readFileSync(join(target, 'nouveau.pdf'), 'utf8')).toBe('nouveau');
    expect(existsSync(previous)).toBe(false);
  });
});
