import { existsSync, statSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KitError, KitErrors } from '../errors.ts';
import type { Kit } from '../load/load-kit.ts';
import { scanHtml } from './html-scan.ts';
import { AMO_SPACE_PATH, inAmoSpace, isPrintPage } from '../amo-space.ts';
import { sharedWithAmoSpace } from './amo-space-output.ts';
import { absoluteUrl, siteAddress } from '../../site-address.ts';
import { decodedPath, fromBase, linkTarget, safeDecode, type LinkTarget } from './link-target.ts';

/** A content file behind a page of the built site, with its text when the kit kept it. */
interface PageSource {
  file: string;
  text?: string;
}

/** The content files a page of the built site is made from, the main one first. */
function sourcesOfPage(kit: Kit, pagePath: string): PageSource[] {
  const audience = inAmoSpace(pagePath) ? 'amo' : 'public';
  const [first, second, third] = (audience === 'amo' ? pagePath.slice(AMO_SPACE_PATH.length - 1) : pagePath).split('/').filter(Boolean);
  const entry = (() => {
    if (!first) return audience === 'public' ? kit.pages.find((p) => p.id === 'accueil') : undefined;
    if (first === 'fiches' && second) return kit.sheets.find((s) => s.id === second);
    if (first === 'exemples' && second) return kit.examples.find((e) => e.id === second);
    if (first === 'actualites' && second) return kit.news.find((n) => n.slug === second && n.data.audience === audience);
    // Print pages: `/impression/<signataire>/<name>/`, named as in the variant matrix.
    if (first === 'impression') {
      if (!third) return undefined;
      return (
        kit.brochures.find((b) => b.id === third) ??
        kit.sheets.find((s) => `fiche-${s.id}` === third) ??
        kit.letters.find((l) => kit.recipients.some((r) => `${l.id}-${r.id}` === third))
      );
    }
    return kit.pages.find((p) => p.id === first && p.data.audience === audience) ?? kit.brochures.find((b) => b.data.pageDuSite === first && b.data.audience === audience);
  })();
  return entry ? [{ file: entry.file, text: entry.source.text }] : [];
}

/** The content file behind a page of the built site, to name it in messages. */
export function sourceOfPage(kit: Kit, pagePath: string): string | undefined {
  return sourcesOfPage(kit, pagePath)[0]?.file;
}

/** 1-based line where `href` is written in `text`: as a Markdown link first, then anywhere it is long enough to be telling. */
export function lineOfHref(text: string, href: string): number | undefined {
  const forms = new Set([href, safeDecode(decodeURI, href)]);
  const patterns = [...forms].flatMap((h) => [`](${h})`, `](${h} `, `](<${h}>)`, `]: ${h}`, `href="${h}"`, `href='${h}'`, `<${h}>`]);
  // `/`, `#a` or `../` alone would match anywhere: only a telling address is searched bare.
  if (href.replace(/[/#.]/g, '').length >= 3) patterns.push(...forms);
  for (const pattern of patterns) {
    const index = text.indexOf(pattern);
    if (index >= 0) return text.slice(0, index).split('\n').length;
  }
  return undefined;
}

function exists(outDir: string, path: string): boolean {
  const decoded = decodedPath(path);
  if (decoded === undefined) return false;
  const target = join(outDir, decoded);
  if (!existsSync(target)) return false;
  return statSync(target).isFile() || existsSync(join(target, 'index.html'));
}

/** The built HTML file a site path shows (`/fiches/essai/` → `fiches/essai/index.html`), if it is one. */
function htmlFileOf(path: string, files: Map<string, unknown>): string | undefined {
  const decoded = decodedPath(path)?.replace(/^\/+/, '');
  if (decoded === undefined) return undefined;
  return [decoded, `${decoded}${decoded === '' || decoded.endsWith('/') ? '' : '/'}index.html`].find((file) => files.has(file));
}

/** Print pages after the visitor's: a mistake is shown on the page the editor knows. */
function byVisitorPageFirst(a: string, b: string): number {
  return Number(isPrintPage(a)) - Number(isPrintPage(b)) || a.localeCompare(b);
}

interface Problem {
  /** A link that leads nowhere, to no element of its page, across the wall between the public site and the AMOs' space, or out of the site's base path. */
  kind: 'lien' | 'ancre' | 'vers-espace-amo' | 'vers-site-public' | 'hors-base';
  href: string;
  target: LinkTarget;
  file?: string;
  line?: number;
  pages: string[];
  /** The ids the target page does have, for the hint. */
  ids?: Set<string>;
}

function toError({ kind, href, target, file, line, pages, ids }: Problem, siteUrl: string): KitError {
  const [page, ...others] = pages.sort(byVisitorPageFirst);
  const where = `page ${page}${others.length > 0 ? ` et ${others.length} autre${others.length > 1 ? 's' : ''}` : ''}`;
  if (kind === 'vers-espace-amo') {
    return new KitError(`une page publique mène à l’espace des AMO : ${href} (${where})`, {
      code: 'lien-espace-amo',
      file,
      line,
      hint: 'L’espace des AMO est publié à part (dist-amo/), pour l’intranet : le site public ne doit ni le montrer ni y mener. Retirez le lien, ou réservez la page aux AMO (« audience: amo »).',
    });
  }
  if (kind === 'vers-site-public') {
    const full = absoluteUrl(`${target.path}${target.fragment ? `#${target.fragment}` : ''}`, siteUrl);
    return new KitError(`une page de l’espace des AMO mène au site public par une adresse relative : ${href} (${where})`, {
      code: 'lien-site-public',
      file,
      line,
      hint: `L’espace des AMO est publié à part (dist-amo/) : depuis ses pages, le site public se rejoint par son adresse complète. Écrivez ${full}.`,
    });
  }
  if (kind === 'hors-base') {
    const base = siteAddress(siteUrl).base;
    return new KitError(`lien hors du site : ${href} ne commence pas par ${base}, le chemin où le site est publié (${where})`, {
      code: 'lien-casse',
      file,
      line,
      hint: `Le site est publié sous ${absoluteUrl('/', siteUrl)} (content/site.yaml, « url ») : écrivez les liens depuis la racine du site (/contact/), la fabrication y ajoute ${base} ; une adresse écrite à la main dans un gabarit doit passer par le même chemin.`,
    });
  }
  if (kind === 'ancre') {
    const known = [...(ids ?? [])].slice(0, 8).map((id) => `#${id}`);
    return new KitError(`ancre introuvable : ${href} (${where})`, {
      code: 'ancre-introuvable',
      file,
      line,
      hint: `Aucun élément de ${target.samePage ? 'la page' : decodedPath(target.path)} ne porte l’identifiant « ${target.fragment} ». Les titres donnent les ancres (« ## Première partie » → #première-partie)${known.length > 0 ? ` ; ancres existantes : ${known.join(', ')}${(ids?.size ?? 0) > known.length ? '…' : ''}` : ''}. Corrigez l’ancre ou retirez-la.`,
    });
  }
  const shown = target.relative ? `${href} → ${decodedPath(target.path) ?? target.path}` : href;
  return new KitError(`lien cassé vers ${shown} (${where})`, {
    code: 'lien-casse',
    file,
    line,
    hint: target.relative
      ? `Un lien relatif part de l’adresse de la page (${page}) : écrivez plutôt l’adresse depuis la racine du site (ex. /fiches/…/). Les pages du site sont listées dans le menu, les documents dans /kit/<signataire>/.`
      : 'Corrigez l’adresse du lien : les pages du site sont listées dans le menu, les documents dans /kit/<signataire>/.',
  });
}

/**
 * Every link from one page of the site to another (or to a PDF of the kit) must lead somewhere, and an
 * anchor (`#section`) to an element of the page it names: a broken link is a content mistake, reported
 * with the file and line it comes from, once for all the pages that show it. Runs before the PDFs and
 * decks exist, so `planned` lists them (`/kit/hpf/plaquette.pdf`…).
 */
export async function checkInternalLinks(outDir: string, kit: Kit, planned: Set<string>): Promise<void> {
  const pages = new Map<string, { pagePath: string; hrefs: string[]; ids: Set<string> }>();
  const files = (await Array.fromAsync(glob('**/*.html', { cwd: outDir }))).map((found) => found.split('\\').join('/')).sort();
  const scanned = await Promise.all(files.map(async (file) => scanHtml(await readFile(join(outDir, file), 'utf8'))));
  files.forEach((file, index) => pages.set(file, { pagePath: `/${file.replace(/(^|\/)index\.html$/, '$1')}`, ...scanned[index] }));
  // A page links to the same places as hundreds of others: each address is looked up on disk once.
  const onDisk = new Map<string, boolean>();
  const existsOnce = (path: string) => onDisk.get(path) ?? onDisk.set(path, exists(outDir, path)).get(path)!;

  const problems = new Map<string, Problem>();
  const report = (problem: Omit<Problem, 'pages' | 'file' | 'line'>, pagePath: string) => {
    const sources = sourcesOfPage(kit, pagePath);
    const located = sources.map((s) => ({ file: s.file, line: s.text === undefined ? undefined : lineOfHref(s.text, problem.href) })).find((s) => s.line !== undefined);
    const { file, line } = located ?? { file: sources[0]?.file, line: undefined };
    const key = [problem.kind, file, line, problem.href, problem.target.samePage ? '' : problem.target.path].join('\u0000');
    const known = problems.get(key);
    if (known) known.pages.push(pagePath);
    else problems.set(key, { ...problem, file, line, pages: [pagePath] });
  };

  const { base } = siteAddress(kit.site.url);
  for (const [file, { pagePath, hrefs }] of pages) {
    for (const written of new Set(hrefs)) {
      // Pages are built under the site's base path: a link from the root that misses it leads nowhere.
      const href = fromBase(written, base);
      if (href === undefined) {
        report({ kind: 'hors-base', href: written, target: { path: written, samePage: false, relative: false } }, pagePath);
        continue;
      }
      const target = linkTarget(href, pagePath);
      if (!target) continue;
      // A print page shows its source at another address than the visitor's page, where relative links
      // are checked; and no site-relative address leads anywhere from a PDF.
      if (target.relative && isPrintPage(pagePath)) continue;
      // The AMOs' space is published apart: no way in from the public site, and no relative way out.
      if (!target.samePage && inAmoSpace(target.path) && !inAmoSpace(pagePath)) {
        report({ kind: 'vers-espace-amo', href, target }, pagePath);
        continue;
      }
      if (!target.samePage && inAmoSpace(pagePath) && !inAmoSpace(target.path) && !sharedWithAmoSpace(target.path)) {
        report({ kind: 'vers-site-public', href, target }, pagePath);
        continue;
      }
      const onSite = target.samePage || planned.has(target.path) || planned.has(decodedPath(target.path) ?? '') || existsOnce(target.path);
      if (!onSite) {
        report({ kind: 'lien', href, target }, pagePath);
        continue;
      }
      // `#top` scrolls to the top of any page; a PDF or a deck (`#3`) has fragments of its own.
      if (target.fragment === undefined || target.fragment.toLowerCase() === 'top') continue;
      const targetFile = target.samePage ? file : htmlFileOf(target.path, pages);
      const ids = targetFile && pages.get(targetFile)?.ids;
      if (ids && !ids.has(target.fragment)) report({ kind: 'ancre', href, target, ids }, pagePath);
    }
  }
  if (problems.size === 0) return;
  // In the order of the files and their lines, so the editor fixes them from top to bottom.
  const sorted = [...problems.values()].sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  throw new KitErrors(sorted.map((problem) => toError(problem, kit.site.url)));
}
