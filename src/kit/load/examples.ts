import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exampleSchema, type ExampleData } from '../../schemas/example.ts';
import type { Entry, LoadContext } from './context.ts';

export interface Example extends Entry<ExampleData> {
  /** Absolute path of the photo, when the example has one. */
  photoPath?: string;
}

/** `content/exemples/<id>.md`: real projects, each photo file checked, each sheet reference resolved. */
export async function loadExamples(context: LoadContext, sheetIds: string[]): Promise<Example[]> {
  const entries = await context.loadMarkdownCollection('content/exemples', exampleSchema, { optional: true });
  return entries
    .map((entry): Example => {
      if (entry.data.fiche && !sheetIds.includes(entry.data.fiche)) {
        context.report(`fiche inconnue : « ${entry.data.fiche} »`, { code: 'fiche-inconnue', file: entry.file, line: context.lineOfField(entry.file, 'fiche'), field: 'fiche', hint: `Utilisez le nom d’un fichier de content/fiches/ : ${sheetIds.join(', ')}.` });
      }
      const photo = entry.data.photo?.fichier;
      if (!photo) return entry;
      const photoPath = join(dirname(context.path(entry.file)), photo);
      if (!existsSync(photoPath)) {
        context.report(`fichier introuvable : ${photo}`, { code: 'fichier-introuvable', file: entry.file, line: context.lineOfField(entry.file, '  fichier'), field: 'photo.fichier', hint: 'Déposez la photo à côté du fichier de l’exemple, ou retirez « fichier » pour afficher « photo à fournir ».' });
      }
      return { ...entry, photoPath };
    })
    .sort((a, b) => a.data.ordre - b.data.ordre || a.id.localeCompare(b.id));
}
