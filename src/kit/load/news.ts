import { newsSchema, type NewsData } from '../../schemas/news.ts';
import type { Entry, LoadContext } from './context.ts';

/** The news folder: one file per post, `<AAAA-MM-JJ>-<nom>.md`. */
export const NEWS_FOLDER = 'content/actualites';

export interface NewsPost extends Entry<NewsData> {
  /** Its address in its space: the file name without its date (`2021-11-17-lancement` → `lancement`). */
  slug: string;
}

/** `2021-11-17-journee-de-lancement` → its day and its name. */
const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Newest first; on the same day, in the order of the file names. */
export function byNewestFirst(a: { id: string; data: { date: string } }, b: { id: string; data: { date: string } }): number {
  return b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);
}

/**
 * `content/actualites/<AAAA-MM-JJ>-<nom>.md`, newest first: the day in the file name sorts the folder as the
 * site does and must be the post's `date`; the name is its address, one post per address in each space.
 */
export async function loadNews(context: LoadContext): Promise<NewsPost[]> {
  const entries = await context.loadMarkdownCollection(NEWS_FOLDER, newsSchema, { optional: true });
  const owners = new Map<string, string>();
  const posts: NewsPost[] = [];
  for (const entry of entries) {
    const [, day, slug] = FILE_NAME.exec(entry.id) ?? [];
    if (!day || !slug) {
      context.report(`nom de fichier invalide : « ${entry.id} »`, {
        code: 'nom-invalide',
        file: entry.file,
        hint: `Nommez le fichier d’après le jour de l’actualité puis son nom : ${entry.data.date}-${entry.id.replace(/^[\d-]+/, '') || 'mon-actualite'}.md.`,
      });
      continue;
    }
    if (day !== entry.data.date) {
      context.report(`la date du nom de fichier (${day}) n’est pas celle de l’actualité (${entry.data.date})`, {
        code: 'date-differente',
        file: entry.file,
        line: context.lineOfField(entry.file, 'date'),
        field: 'date',
        hint: `Corrigez « date », ou renommez le fichier ${entry.data.date}-${slug}.md.`,
      });
    }
    const place = `${entry.data.audience}/${slug}`;
    const twin = owners.get(place);
    if (twin) {
      context.report(`même adresse que ${twin} : /actualites/${slug}/`, { code: 'nom-double', file: entry.file, hint: 'Donnez à l’une des deux actualités un autre nom (la partie du nom de fichier après la date).' });
      continue;
    }
    owners.set(place, entry.file);
    posts.push({ ...entry, slug });
  }
  return posts.sort(byNewestFirst);
}
