import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** A day written `AAAA-MM-JJ` (`2021-11-17`), with the fix in the message when it is missing or wrong. */
const isoDay = z.iso.date({
  error: (issue) =>
    issue.input === undefined
      ? 'Ajoutez la date sous la forme AAAA-MM-JJ, par exemple « date: 2021-11-17 ».'
      : `date invalide (« ${String(issue.input)} ») : écrivez-la sous la forme AAAA-MM-JJ, par exemple 2021-11-17`,
});

/** Where a partner's news comes from: it is summarised on the site in our words, with its source, never copied. */
const newsSourceSchema = z
  .object({
    /** Who published it: « Procivis ». */
    nom: z.string().min(2).describe('Qui a publié l’actualité, ex. « Procivis ».'),
    /** Address of the original article: the page links to it. */
    url: z.url({ protocol: /^https?$/ }).describe('Adresse de l’article d’origine, avec http:// ou https:// : la page y renvoie.'),
    /** When the partner published it (`AAAA-MM-JJ`), when known. */
    date: isoDay.optional().describe('Date de publication par le partenaire, si on la connaît, sous la forme AAAA-MM-JJ, ex. 2021-11-17.'),
  })
  .strict();

/**
 * A news item (« actualité »): frontmatter of `content/actualites/<AAAA-MM-JJ>-<nom>.md`, shown at
 * `/actualites/<nom>/` and in the RSS feed. Either the group's own news, or a partner network's news
 * summarised with its `source`.
 */
export const newsSchema = z
  .object({
    /** Title of the post (the `<h1>`, the list, the feed). */
    titre: z.string().min(3).max(120).describe('Titre de l’actualité (120 caractères au plus), repris en tête de page, dans la liste et dans le flux RSS.'),
    /** Day of the news (`AAAA-MM-JJ`, the same as in the file name): for the group's own, the day of the event. */
    date: isoDay.describe('Jour de l’actualité sous la forme AAAA-MM-JJ, le même que dans le nom du fichier, ex. 2021-11-17 ; pour une actualité du groupe, le jour de l’événement.'),
    /** One or two sentences for the list, the feed, search engines and share images. */
    description: z.string().min(10).max(300).describe('Une ou deux phrases (300 caractères au plus) pour la liste, le flux RSS, les moteurs de recherche et les images de partage.'),
    /** Who it is for: `public` (the site and its feed) or `amo` (the AMOs' space only, never in the feed). */
    audience: audienceSchema.describe('Public de l’actualité : « public » (le site et son flux RSS) ou « amo » (l’espace des AMO seulement, jamais dans le flux).'),
    /** A partner's news: who published it, the link, its date. Absent: the group's own news. */
    source: newsSourceSchema.optional().describe('Pour l’actualité d’un partenaire : qui l’a publiée, le lien, sa date. Absent : une actualité du groupe.'),
  })
  .strict();

export type NewsData = z.infer<typeof newsSchema>;
