import type { Audience } from '../schemas/audience.ts';

/**
 * The AMOs' space: what concerns only the AMOs (invoicing, expenses, the pieces to hand in, the forms) is
 * built with the site under one folder, `/espace-amo/`, then published apart (`dist-amo/`), for the
 * network's intranet or a password-protected host. The public output holds none of it.
 */
export const AMO_SPACE_FOLDER = 'espace-amo';

/** `/espace-amo/`: the site path every page and output of the AMOs' space starts with. */
export const AMO_SPACE_PATH = `/${AMO_SPACE_FOLDER}/`;

/** Whether the site path (`/espace-amo/ami/`, `/fiches/`) belongs to the AMOs' space. */
export function inAmoSpace(path: string): boolean {
  return path.startsWith(AMO_SPACE_PATH) || path === AMO_SPACE_PATH.slice(0, -1);
}

/** Where a page or output for `audience` lives: `ami` → `ami` (public) or `espace-amo/ami` (AMOs). */
export function underAudience(audience: Audience, path: string): string {
  return audience === 'amo' ? `${AMO_SPACE_FOLDER}/${path}` : path;
}

/** Print pages (`/impression/…`, `/espace-amo/impression/…`) exist only to make the PDFs. */
export function isPrintPage(path: string): boolean {
  return path.startsWith('/impression/') || path.startsWith(`${AMO_SPACE_PATH}impression/`);
}
