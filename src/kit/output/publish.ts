import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { KitError } from '../errors.ts';

/** Where `astro build` writes the new site before it replaces `dist/`: never published half-made. */
export function stagingFolder(root: string): string {
  return join(root, '.kit', 'staging');
}

/**
 * Replaces `target` by `staging` with two renames on the same disk, so readers see the old output or
 * the new one, never a mix; if the second rename fails, the old output is put back.
 */
export async function replaceDirectory(stagingDir: string, targetDir: string): Promise<void> {
  const staging = resolve(stagingDir);
  const target = resolve(targetDir);
  const previous = `${target}.previous`;
  await rm(previous, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) {
    try {
      await rename(target, previous);
    } catch (error) {
      throw new KitError(`impossible de remplacer ${target} : ${(error as NodeJS.ErrnoException).code ?? error}`, {
        hint: 'Un programme utilise sans doute ce dossier (aperçu du site, fichier ouvert) : fermez-le et relancez la fabrication. Le nouveau kit n’a pas été publié.',
      });
    }
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadTarget) await rename(previous, target);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
