import { existsSync } from 'node:fs';
import { sheetSchema, type SheetData } from '../../schemas/sheet.ts';
import { pageSchema, type PageData } from '../../schemas/page.ts';
import { printDocumentSchema, type PrintDocumentData } from '../../schemas/document.ts';
import { amiStepsSchema, type AmiStepsData } from '../../schemas/ami-steps.ts';
import { editorialRulesSchema, type EditorialRules } from '../../schemas/editorial-rules.ts';
import { KitErrors } from '../errors.ts';
import { formatLintHit, lintKit } from './editorial-lint.ts';
import { checkMarkdown } from './markdown-checks.ts';
import { LoadContext, type Entry } from './context.ts';
import { loadSite, SITE_FILE, type Site } from './site.ts';
import { loadSignatories, type Signatory } from './signatories.ts';
import { loadLetters, loadRecipients, type Letter, type Recipient } from './letters.ts';
import { loadDecks, type Deck } from './decks.ts';
import { loadExamples, type Example } from './examples.ts';
import { loadForms, type Form } from './forms.ts';
import { loadNews, type NewsPost } from './news.ts';
import { lastChanges } from './last-changes.ts';
import { AMO_SPACE_FOLDER, underAudience } from '../amo-space.ts';

export type { Entry, Site, Signatory, Recipient, Letter, Deck, Example, Form, NewsPost };

/** Everything the kit is built from, validated. Plain data: it is serialised into the site build. */
export interface Kit {
  root: string;
  site: Site;
  signatories: Signatory[];
  recipients: Recipient[];
  sheets: Entry<SheetData>[];
  examples: Example[];
  pages: Entry<PageData>[];
  brochures: Entry<PrintDocumentData>[];
  letters: Letter[];
  decks: Deck[];
  amiSteps: AmiStepsData;
  /** News posts (`content/actualites/`), newest first; none when the folder is absent. */
  news: NewsPost[];
  /** The AMI's printed forms (`content/formulaires/`), in their declared order; none when the folder is absent. */
  forms: Form[];
  /** The editorial lint's rules (`content/redaction.yaml`); none when the file is absent. */
  editorialRules?: EditorialRules;
  /** Last change of each content file (kit-relative path → `YYYY-MM-DD`), from git: the pages' « mis à jour le ». */
  changed: Record<string, string>;
  /** What to review without stopping the build (editorial rules of level `avertissement`), ready to print. */
  warnings: string[];
}

/** Addresses of mailing-list services or list-like names (`liste@`, `@framalistes.org`, `@googlegroups.com`…). */
function looksLikeMailingList(address: string): boolean {
  return /(^|[@.\-_])(listes?|lists?|framalistes|googlegroups|groups|sympa|diffusion)([@.\-_]|$)/i.test(address);
}

/** Site paths owned by the code; a page or document may not take them. */
const RESERVED_PAGE_IDS = ['fiches', 'exemples', 'kit', 'impression', 'index', 'actualites', AMO_SPACE_FOLDER];

/** Reads and validates the whole kit under `root`; every content mistake is collected and thrown as one `KitErrors`. */
export async function loadKit(root: string): Promise<Kit> {
  const context = new LoadContext(root);

  const site = await loadSite(context);
  const signatories = await loadSignatories(context);
  const recipients = await loadRecipients(context);
  const letters = await loadLetters(context, recipients);
  const decks = await loadDecks(context);
  const sheets = (await context.loadMarkdownCollection('content/fiches', sheetSchema)).sort((a, b) => a.data.ordre - b.data.ordre || a.id.localeCompare(b.id));
  const examples = await loadExamples(context, context.listed.get('content/fiches') ?? []);
  const pages = await context.loadMarkdownCollection('content/pages', pageSchema);
  const brochures = await context.loadMarkdownCollection('brochures', printDocumentSchema);
  const forms = await loadForms(context);
  const news = await loadNews(context);
  const amiSteps = await context.loadYamlFile('content/etapes-ami.yaml', amiStepsSchema, 'Créez content/etapes-ami.yaml (titre et étapes de l’AMI, dessinées en schéma).');
  const editorialRules = existsSync(context.path('content/redaction.yaml'))
    ? await context.loadYamlFile('content/redaction.yaml', editorialRulesSchema, 'Créez content/redaction.yaml (règles de relecture) ou supprimez-le.')
    : undefined;

  for (const entry of [...pages, ...sheets, ...examples, ...brochures, ...news]) context.errors.push(...checkMarkdown(entry, root));

  // References between files. A signatory folder with a mistake of its own still counts as existing.
  const signatoryIds = signatories.map((s) => s.id);
  if (site && signatoryIds.length > 0 && !existsSync(context.path('content/signataires', site.signataireParDefaut, 'index.yaml'))) {
    context.report(`signataire inconnu : « ${site.signataireParDefaut} »`, { code: 'signataire-inconnu', file: SITE_FILE, line: context.lineOfField(SITE_FILE, 'signataireParDefaut'), field: 'signataireParDefaut', hint: `Choisissez un dossier de content/signataires/ : ${signatoryIds.join(', ')}.` });
  }
  if (existsSync(context.path('content/pages')) && !pages.some((p) => p.id === 'accueil') && !context.errors.some((e) => e.details.file?.startsWith('content/pages/'))) {
    context.report('page d’accueil manquante', { code: 'accueil-manquant', file: 'content/pages/accueil.md', hint: 'Créez content/pages/accueil.md : c’est la page d’accueil du site.' });
  }
  // A page's place: its id in its space (`ami` on the site, `espace-amo/ami` in the AMOs' space).
  const placeOf = (audience: 'public' | 'amo', slug: string) => underAudience(audience, slug);
  const pageOwners = new Map(pages.map((p) => [placeOf(p.data.audience, p.id), p.file]));
  for (const id of RESERVED_PAGE_IDS) {
    for (const audience of ['public', 'amo'] as const) {
      const owner = pageOwners.get(placeOf(audience, id));
      if (owner) context.report(`nom de page réservé : « ${id} »`, { code: 'page-reservee', file: owner, hint: `Renommez le fichier : /${placeOf(audience, id)}/ est une page fabriquée par le kit.` });
    }
  }
  const home = pages.find((p) => p.id === 'accueil');
  if (home && home.data.audience !== 'public') {
    context.report('la page d’accueil est pour tous', { code: 'accueil-amo', file: home.file, line: context.lineOfField(home.file, 'audience'), field: 'audience', hint: 'Écrivez « audience: public » : l’espace des AMO a sa propre page d’accueil, fabriquée par le kit.' });
  }
  for (const brochure of brochures) {
    const slug = brochure.data.pageDuSite;
    if (!slug) continue;
    const place = placeOf(brochure.data.audience, slug);
    const owner = pageOwners.get(place) ?? (RESERVED_PAGE_IDS.includes(slug) ? 'le kit' : undefined);
    if (owner) context.report(`la page /${place}/ existe déjà (${owner})`, { code: 'page-double', file: brochure.file, line: context.lineOfField(brochure.file, 'pageDuSite'), field: 'pageDuSite', hint: 'Choisissez un autre nom de page.' });
    pageOwners.set(place, brochure.file);
  }

  const warnings = editorialRules ? await checkEditorialRules(context, editorialRules) : [];
  if (site && looksLikeMailingList(site.contact.courriel)) {
    warnings.push(
      `${SITE_FILE}, ligne ${(context.texts.get(SITE_FILE) ?? '').split('\n').findIndex((line) => /^\s+courriel:/.test(line)) + 1} : « contact.courriel » (${site.contact.courriel}) ressemble à une liste de diffusion : chaque message d’un visiteur irait à tous ses membres. Donnez l’adresse d’une personne ou d’une petite équipe qui répond.`,
    );
  }

  if (context.errors.length > 0 || !site || !amiSteps) throw new KitErrors(context.errors);
  const changed = lastChanges(root, ['content', 'brochures', 'letters', 'slides']);
  return { root, site, signatories, recipients, sheets, examples, pages, brochures, letters, decks, amiSteps, forms, news, editorialRules, changed, warnings };
}

/** The editorial rules on the texts already read: errors are reported, warnings returned to print. */
async function checkEditorialRules(context: LoadContext, rules: EditorialRules): Promise<string[]> {
  const hits = await context.attempt(() => lintKit(context.root, rules, async (file) => (context.unreadable.has(file) ? '' : context.readText(file))));
  for (const hit of hits ?? []) {
    if (hit.level !== 'erreur') continue;
    context.report(`« ${hit.found} » : règle « ${hit.rule} »`, { code: 'redaction', file: hit.file, line: hit.line, hint: `${hit.advice[0].toUpperCase()}${hit.advice.slice(1)}.` });
  }
  const warnings = (hits ?? []).filter((hit) => hit.level === 'avertissement');
  return warnings.length === 0 ? [] : [`Relecture : ${warnings.length} avertissement(s)\n${warnings.map((hit) => `  ⚠ ${formatLintHit(hit)}`).join('\n')}`];
}
