import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { KitError } from '../errors.ts';

/** Where `astro build` writes the new site before it replaces `dist/`: never published half-made. */
export function stagingFolder(root: string): string {
  return join(root, '.kit', 'staging');
}

/** Where the AMOs' space is gathered, apart from the public site, before it replaces `dist-amo/`. */
export function amoStagingFolder(root: string): string {
  return join(root, '.kit', 'staging-amo');
}

/**
 * Where a replaced output waits to be removed: the next build removes it while its site builds, so a
 * publication costs two renames and not the removal of thousands of files.
 */
export function replacedFolder(root: string): string {
  return join(root, '.kit', 'replaced');
}

/** Removes the outputs set aside by earlier publications; never fails a build (what is left goes next time). */
export async function removeReplacedOutputs(root: string): Promise<void> {
  await rm(replacedFolder(root), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/** Error codes of a folder another program holds open or writes into. */
const IN_USE = new Set(['EBUSY', 'ENOTEMPTY', 'EEXIST', 'ETXTBSY']);
const NO_RIGHTS = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * Why `folder` could not be moved or removed, in French, the system's error kept as `cause`. `outcome`
 * says what state the output is left in.
 */
export function publishError(error: unknown, folder: string, outcome: string): KitError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const details = { code: 'publication', cause: error };
  if (NO_RIGHTS.has(code)) {
    const parent = dirname(folder);
    return new KitError(`droits insuffisants sur ${parent} : impossible de remplacer ${folder} (${code})`, {
      ...details,
      hint: `Vérifiez le propriétaire et les droits de ${parent} et de ${folder} : l’utilisateur qui lance la fabrication doit pouvoir y écrire (ls -ld, puis chown ou chmod u+w). Sous Windows, cette erreur vient aussi d’un programme qui garde le dossier ouvert. ${outcome}`,
    });
  }
  if (IN_USE.has(code)) {
    return new KitError(`dossier utilisé par un autre programme : ${folder} (${code})`, {
      ...details,
      hint: `Fermez ce qui utilise ce dossier (aperçu du site, serveur local, explorateur de fichiers, fichier ouvert), puis relancez la fabrication. ${outcome}`,
    });
  }
  if (code === 'ENOENT') {
    return new KitError(`impossible de remplacer ${folder} : dossier introuvable (ENOENT)`, {
      ...details,
      hint: `Le dossier de fabrication a disparu pendant la publication (supprimé par un autre programme ?), ou ${dirname(folder)} n’existe pas : vérifiez-le et relancez la fabrication. ${outcome}`,
    });
  }
  if (code === 'EXDEV') {
    return new KitError(`${folder} et le dossier de fabrication sont sur deux disques différents`, {
      ...details,
      hint: `Le kit se publie par un simple renommage : placez le dossier de sortie sur le même disque que le kit. ${outcome}`,
    });
  }
  return new KitError(`impossible de remplacer ${folder}${code ? ` (${code})` : ''}`, {
    ...details,
    hint: `Relancez la fabrication ; si l’erreur revient, relancez avec KIT_DEBUG=1 pour voir le détail et signalez-le à l’équipe du kit. ${outcome}`,
  });
}

/**
 * `previous` is left only by a publication cut short (Ctrl-C or a failure between the two renames). When
 * `target` is gone it holds the last published kit: put it back, never delete it. Otherwise it is stale.
 */
async function settlePrevious(target: string, previous: string): Promise<void> {
  if (!existsSync(previous)) return;
  if (existsSync(target)) {
    try {
      await rm(previous, { recursive: true, force: true });
    } catch (error) {
      throw publishError(error, previous, `C’est une copie de l’ancien kit ; ${target} est intact et le nouveau kit n’a pas été publié.`);
    }
    return;
  }
  try {
    await rename(previous, target);
  } catch (error) {
    throw publishError(error, previous, `Le dernier kit publié est resté dans ${previous} : renommez-le en ${target} si besoin. Le nouveau kit n’a pas été publié.`);
  }
}

/**
 * Replaces `target` by `staging` with two renames on the same disk, so readers see the old output or
 * the new one, never a mix. If the second rename fails, the old output is put back; if even that
 * fails, it stays whole in `<target>.previous`, which the next build puts back before anything else.
 * With `setAsideIn` (see `replacedFolder`), the old output is moved there rather than removed now.
 */
export async function replaceDirectory(stagingDir: string, targetDir: string, options: { setAsideIn?: string } = {}): Promise<void> {
  const staging = resolve(stagingDir);
  const target = resolve(targetDir);
  const previous = `${target}.previous`;
  await settlePrevious(target, previous);
  const hadTarget = existsSync(target);
  if (hadTarget) {
    try {
      await rename(target, previous);
    } catch (error) {
      throw publishError(error, target, 'Le nouveau kit n’a pas été publié ; l’ancien est intact.');
    }
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (!hadTarget) throw publishError(error, target, 'Le nouveau kit n’a pas été publié.');
    try {
      await rename(previous, target);
    } catch (restoreError) {
      throw publishError(error, target, `L’ancien kit n’a pas pu être remis en place (${(restoreError as NodeJS.ErrnoException).code ?? restoreError}) : il est intact dans ${previous}, et la prochaine fabrication le remettra en place avant de publier ; vous pouvez aussi le renommer en ${target}.`);
    }
    throw publishError(error, target, 'Le nouveau kit n’a pas été publié ; l’ancien est remis en place.');
  }
  // The new kit is published: a copy of the old one that cannot be removed now (a file still open) is
  // removed by the next build, and must not turn this success into a failure.
  if (hadTarget && options.setAsideIn) {
    const aside = join(options.setAsideIn, `${Date.now()}-${randomBytes(4).toString('hex')}`);
    const setAside = await mkdir(options.setAsideIn, { recursive: true }).then(() => rename(previous, aside)).then(() => true, () => false);
    if (setAside) return;
  }
  await rm(previous, { recursive: true, force: true }).catch(() => undefined);
}
