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
    nom: z.string().min(2),
    /** Address of the original article: the page links to it. */
    url: z.url({ protocol: /^https?$/ }),
    /** When the partner published it (`AAAA-MM-JJ`), when known. */
    date: isoDay.optional(),
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
    titre: z.string().min(3).max(120),
    /** Day of the news (`AAAA-MM-JJ`, the same as in the file name): for the group's own, the day of the event. */
    date: isoDay,
    /** One or two sentences for the list, the feed, search engines and share images. */
    description: z.string().min(10).max(300),
    /** Who it is for: `public` (the site and its feed) or `amo` (the AMOs' space only, never in the feed). */
    audience: audienceSchema,
    /** A partner's news: who published it, the link, its date. Absent: the group's own news. */
    source: newsSourceSchema.optional(),
  })
  .strict();

export type NewsData = z.infer<typeof newsSchema>;
