import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { signatorySchema, type SignatoryData } from '../../schemas/signatory.ts';
import { idPattern, type LoadContext } from './context.ts';

export interface Signatory extends SignatoryData {
  id: string;
  /** Kit-relative path of the signatory's `index.yaml`. */
  file: string;
  /** Absolute path of the logo file. */
  logoPath: string;
}

/** `content/signataires/<id>/index.yaml` and its logo, one folder per signatory. */
export async function loadSignatories(context: LoadContext): Promise<Signatory[]> {
  const dir = context.path('content/signataires');
  const folders = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name).sort()
    : [];
  if (folders.length === 0) {
    context.report('aucun signataire', { code: 'aucun-signataire', file: 'content/signataires/', hint: 'Ajoutez au moins un dossier de signataire (ex. content/signataires/hpf/index.yaml).' });
  }
  const signatories: Signatory[] = [];
  for (const id of folders) {
    const file = `content/signataires/${id}/index.yaml`;
    if (!idPattern.test(id)) {
      context.report(`nom de dossier invalide : « ${id} »`, { code: 'nom-invalide', file: `content/signataires/${id}/`, hint: 'Utilisez des minuscules sans accent, des chiffres et des tirets (ex. « cahp-idf »).' });
      continue;
    }
    if (!existsSync(context.path(file))) {
      context.report('fichier introuvable', { code: 'fichier-introuvable', file, hint: `Créez ${file} (copiez celui d’un autre signataire).` });
      continue;
    }
    const source = await context.attempt(() => context.readYaml(file));
    const data = source === undefined ? undefined : context.validated(signatorySchema, source.data, file, source.lineOf);
    if (!data) continue;
    const logoPath = join(dir, id, data.logo);
    if (!existsSync(logoPath)) {
      context.report(`fichier introuvable : ${data.logo}`, { code: 'fichier-introuvable', file, line: source?.lineOf(['logo']), field: 'logo', hint: `Déposez le logo dans content/signataires/${id}/ ou corrigez le nom du fichier.` });
      continue;
    }
    signatories.push({ id, file, logoPath, ...data });
  }
  return signatories;
}
