import { z } from 'astro/zod';

/**
 * Who a page or document is for: `public` (the site every visitor sees: élus, bailleurs, services de
 * l’État, habitants) or `amo` (the AMOs' space only: invoicing, expenses, forms to hand in…, published
 * apart, in `dist-amo/`, for the network's intranet or a protected host).
 */
export const audienceSchema = z.enum(['public', 'amo'], {
  error: (issue) =>
    issue.input === undefined
      ? 'Ajoutez « audience: public » (le site de tous) ou « audience: amo » (l’espace des AMO seulement).'
      : `« ${String(issue.input)} » n’est pas un public possible : écrivez « public » (le site de tous) ou « amo » (l’espace des AMO seulement)`,
});

export type Audience = z.infer<typeof audienceSchema>;
