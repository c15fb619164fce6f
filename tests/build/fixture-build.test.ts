import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { PDFDocument, PDFName } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKit, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, outputFiles, variantsOf, type VariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { signatoryZipPath } from '../../src/kit/output/download-facts.ts';
import { builtPath, copyFixture, fixtureKit, runBuild } from '../support/fixture.ts';
import '../support/global-setup.ts';
import { pdfFigures } from '../support/pdf-figures.ts';

const dist = join(fixtureKit, 'dist');
const built = (...parts: string[]) => builtPath(fixtureKit, ...parts);
const build = inject('fixtureBuild');
let kit: Kit;
let matrix: VariantMatrix;
/** Every file of the matrix: PDFs, and each deck in three formats. */

beforeAll(async () => {
  kit = await loadKit(fixtureKit);
  matrix = buildVariantMatrix(kit);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A Marp deck's slides: the text after the front matter, split on `---` lines outside code blocks. */
function slidesOf(source: string): string[] {
  const slides: string[][] = [[]];
  let inCode = false;
  for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    if (/^(```|~~~)/.test(line)) inCode = !inCode;
    if (!inCode && /^---\s*$/.test(line)) slides.push([]);
    else slides.at(-1)!.push(line);
  }
  return slides.map((lines) => lines.join('\n'));
}

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(built(file))));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('npm run build on the fixture kit', () => {
  it('succeeds and logs each output with a running count and a summary', () => {
    expect(build.status, build.output).toBe(0);
    // The setup builds with an empty render cache: every output is rendered and logged.
    expect(build.output).toMatch(new RegExp(`PDF \\d+/${matrix.print.length} kit/hpf/plaquette\\.pdf — \\d+,\\d+ s`));
    expect(build.output).toMatch(new RegExp(`Présentation ${matrix.decks.length}/${matrix.decks.length} kit/[\\w-]+/presentation\\.pdf — \\d+,\\d+ s \\(\\d+ diapositives, HTML, PDF, PDF avec notes, PPTX modifiable, PPTX images\\)`));
    expect(build.output).toMatch(
      new RegExp(`Terminé en \\d+,\\d+ s pour ${kit.signatories.length} signataire\\(s\\) : ${matrix.print.length} PDF, ${matrix.decks.length} présentations, ${matrix.print.filter((v) => v.docx).length} courriers Word, ${kit.signatories.length} zips, \\d+ images de partage\\.`),
    );
  });

  it('writes every output of the variant matrix, and the site pages', () => {
    const expected = outputFiles(matrix);
    for (const file of [...expected, 'index.html', 'fiches/essai/index.html', 'kit/alpha-amo/index.html', 'exemples/essai/index.html', 'espace-amo/ami/index.html', 'espace-amo/kit/alpha-amo/index.html']) {
      expect(existsSync(built(file)), file).toBe(true);
    }
    // Each signatory's folder holds its outputs, their first-page pictures, its zip and its download page:
    // nothing more, nothing left over.
    for (const signatory of kit.signatories) {
      const folder = `kit/${signatory.id}`;
      const own = expected.filter((file) => file.startsWith(`${folder}/`)).map((file) => file.slice(folder.length + 1));
      expect(own.length, folder).toBeGreaterThan(0);
      expect(readdirSync(built(folder)).sort(), folder).toEqual([...own, 'apercus', signatoryZipPath(signatory.id).slice(folder.length + 1), 'index.html'].sort());
      const { print, decks } = variantsOf(matrix, signatory.id);
      expect(readdirSync(built(folder, 'apercus')).sort(), `${folder}/apercus`).toEqual([...print, ...decks].flatMap((v) => (v.thumbnail ? [v.thumbnail.slice(`${folder}/apercus/`.length)] : [])).sort());
    }
    expect(existsSync(join(fixtureKit, '.kit/staging'))).toBe(false);
  });

  it('lists the visitors’ pages in the sitemap (@astrojs/sitemap), none under /impression/ or /espace-amo/, and keeps robots off those', () => {
    expect(readFileSync(built('sitemap-index.xml'), 'utf8')).toContain('<loc>https://exemple.test/sitemap-0.xml</loc>');
    const listed = [...readFileSync(built('sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url).pathname);
    expect(listed).toEqual(expect.arrayContaining(['/', '/fiches/essai/', '/exemples/essai/', '/kit/hpf/', '/contact/', '/actualites/', '/actualites/lancement/']));
    expect(listed.filter((path) => path.startsWith('/impression/') || path.startsWith('/espace-amo/') || path === '/404/')).toEqual([]);
    // Every page of the public site is in it.
    const pages = readdirSync(dist, { recursive: true }).map(String).filter((file) => file.endsWith('index.html') && !file.startsWith('impression/'));
    expect(listed.sort()).toEqual(pages.map((file) => `/${file.replace(/index\.html$/, '')}`).sort());
    expect(existsSync(built('sitemap.xml'))).toBe(false);
    expect(readFileSync(built('robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /impression/\nDisallow: /espace-amo/\n\nSitemap: https://exemple.test/sitemap-index.xml\n');
  });

  it('gives each visitor page a 1200×630 share image titled like the page, announced in its head', async () => {
    const home = readFileSync(built('index.html'), 'utf8');
    expect(home).toContain('<meta property="og:image" content="https://exemple.test/cartes/accueil.png">');
    const card = await sharp(built('cartes/fiches--essai.png')).metadata();
    expect([card.width, card.height]).toEqual([1200, 630]);
    expect(existsSync(built('cartes/impression--hpf--plaquette.png'))).toBe(false);
  });

  it('keeps the AMOs’ space out of the public output: no page, no file, no sentence of an AMO document, no link', () => {
    const amoSentences = [
      ...kit.pages.filter((p) => p.data.audience === 'amo').map((p) => p.source.body),
      ...kit.brochures.filter((b) => b.data.audience === 'amo').map((b) => b.source.body),
      ...kit.forms.filter((f) => f.data.audience === 'amo').map((f) => f.data.consigne ?? f.data.titre),
      ...kit.news.filter((n) => n.data.audience === 'amo').map((n) => n.source.body),
    ].map((text) => text.split('\n').map((line) => line.replace(/^[#>*\-\d.\s]+/, '').trim()).find((line) => line.length >= 20)!);
    expect(amoSentences.length).toBeGreaterThan(1);
    const publicFiles = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(publicFiles.some((file) => file.includes(`${dist}/espace-amo`))).toBe(false);
    const texts = publicFiles.filter((file) => /\.(html|xml|txt|json)$/.test(file)).map((file) => readFileSync(file, 'utf8').replace(/\s+/g, ' '));
    for (const sentence of amoSentences) {
      const words = sentence.replace(/[’'«»  ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
      for (const text of texts) expect(text.replace(/[’'«»  ]/g, ' ').replace(/\s+/g, ' ')).not.toContain(words);
    }
    for (const text of texts) expect(text).not.toMatch(/href="[^"]*\/espace-amo\//);
    // …and the AMOs' space has them all.
    for (const variant of matrix.print.filter((v) => v.audience === 'amo')) expect(existsSync(built(variant.output)), variant.output).toBe(true);
  });

  it('gives each PDF the number of pages its source asks for', async () => {
    for (const variant of matrix.print) {
      const pdf = await PDFDocument.load(readFileSync(built(variant.output)));
      expect(pdf.getPageCount(), variant.output).toBe(variant.expectedPages);
    }
  });

  it('sets title, author and language in each PDF', async () => {
    const pdf = await PDFDocument.load(readFileSync(built('kit/alpha-amo/courrier-elu.pdf')), { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Courrier d’essai — Maire ou élu·e municipal·e — Alpha AMO');
    expect(pdf.getAuthor()).toBe('Alpha AMO Conseil');
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toContain('fr-FR');
  });

  it('makes tagged PDFs with bookmarks, for screen readers and navigation', async () => {
    const pdf = await PDFDocument.load(readFileSync(built('kit/hpf/fiche-essai.pdf')));
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(pdf.catalog.get(PDFName.of('MarkInfo'))).toBeDefined();
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeDefined();
  });

  it('prints the signatory, the recipient’s salutation and passages in the letter', async () => {
    const text = await pdfText('kit/alpha-amo/courrier-bailleur-social.pdf');
    expect(text).toContain('Alpha AMO Conseil');
    expect(text).toContain('Camille Essai');
    expect(text).toContain('Madame la Directrice générale, Monsieur le Directeur général,');
    expect(text).toContain('Passage propre aux bailleurs sociaux.');
    expect(text).not.toContain('{{');
  });

  it('embeds the signatory’s logo at the top and the HPF and ANCT logos in the letter footer', async () => {
    const footer = kit.site.logosPiedDeCourrier.map((id) => kit.site.partners.find((p) => p.id === id)!.nom);
    expect(footer).toContain('Habitat Participatif France');
    const drawn = async (file: string) => (await pdfFigures(readFileSync(built(file)))).filter((f) => f.page === 0 && f.drawn).map((f) => f.alt).sort();
    expect(await drawn('kit/alpha-amo/courrier-elu.pdf')).toEqual([...footer, 'Logo d’Alpha AMO Conseil'].sort());
    // HPF signs its own letter: its logo is not repeated in the footer.
    expect(await drawn('kit/hpf/courrier-elu.pdf')).toEqual([...footer.filter((name) => name !== 'Habitat Participatif France'), 'Logo d’Habitat Participatif France'].sort());
  });

  it('keeps the partner logos on the brochure’s first page with the signatory’s contact', async () => {
    const figures = (await pdfFigures(readFileSync(built('kit/alpha-amo/plaquette.pdf')))).filter((f) => f.page === 0 && f.drawn).map((f) => f.alt);
    for (const id of kit.site.logosCouverture) expect(figures).toContain(kit.site.partners.find((p) => p.id === id)!.nom);
    expect(figures).toContain('Logo d’Alpha AMO Conseil');
    const text = await pdfText('kit/alpha-amo/plaquette.pdf');
    expect(text).toContain('contact@alpha-amo.test');
  });

  it('makes a PPTX with one notes part per slide, holding the speaker notes', () => {
    const deck = matrix.decks.find((d) => d.signatory === 'hpf')!;
    const slideCount = slidesOf(kit.decks.find((d) => d.id === deck.deckId)!.source).length;
    expect(slideCount).toBeGreaterThan(1);
    const files = unzipSync(new Uint8Array(readFileSync(built(deck.outputs.pptx))));
    const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const notes = Object.keys(files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(slideCount);
    expect(notes).toHaveLength(slideCount);
    const allNotes = notes.map((f) => new TextDecoder().decode(files[f])).join('');
    expect(allNotes).toContain('Note de la diapositive 2.');
  });

  it('shows each slide in the PPTX as a Full HD picture, as projected', async () => {
    const deck = matrix.decks.find((d) => d.signatory === 'alpha-amo')!;
    const files = unzipSync(new Uint8Array(readFileSync(built(deck.outputs.pptx))));
    const pictures = Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(pictures).toHaveLength(slidesOf(kit.decks.find((d) => d.id === deck.deckId)!.source).length);
    for (const picture of pictures) {
      const { width, height } = await sharp(files[picture]).metadata();
      expect([width, height], picture).toEqual([1920, 1080]);
    }
  });

  it('warns about a slide whose text runs off the bottom, and only that one', () => {
    const deck = kit.decks[0];
    // The fixture's deck has one slide made too long on purpose; its note says so.
    const slides = slidesOf(deck.source);
    const overflowing = slides.findIndex((slide) => slide.includes('déborde exprès')) + 1;
    expect(overflowing).toBeGreaterThan(0);
    expect(build.output).toMatch(new RegExp(`${escapeRegExp(deck.file)} : la diapositive ${overflowing} déborde de \\d+ px — raccourcissez-la`));
    const others = slides.map((_, index) => index + 1).filter((slide) => slide !== overflowing);
    expect(build.output).not.toMatch(new RegExp(`la diapositive (${others.join('|')}) déborde`));
  });

  it('applies French typography the same way to the site, the PDFs and the slides', async () => {
    const page = readFileSync(built('index.html'), 'utf8');
    expect(page).toContain('Bienvenue sur le kit d’essai.');
    const print = readFileSync(built('impression/hpf/plaquette/index.html'), 'utf8');
    expect(print).toContain('Un texte court de plaquette\u00a0: est-ce clair\u202f?');
    expect(await pdfText('kit/hpf/plaquette.pdf')).toMatch(/est-ce clair\s?\?/);
    const files = unzipSync(new Uint8Array(readFileSync(built('kit/hpf/presentation.pptx'))));
    const notes = Object.keys(files).filter((f) => f.startsWith('ppt/notesSlides/')).map((f) => new TextDecoder().decode(files[f])).join('');
    expect(notes).toContain('Une question\u202f?');
    const deck = readFileSync(built('kit/hpf/presentation.html'), 'utf8');
    expect(deck).toContain('un point\u00a0: «\u00a0essai\u00a0»');
  });

  it('draws the AMI steps from content/etapes-ami.yaml in the brochure, as text', async () => {
    const text = await pdfText('kit/hpf/plaquette.pdf');
    expect(text).toContain('Première étape');
    expect(text).toContain('Deuxième étape');
    expect(text).toMatch(/à venir/i);
    // With direction: an arrow before every step but the first (elements: Paged.js loses ::before arrows).
    const print = readFileSync(built('impression/hpf/plaquette/index.html'), 'utf8');
    expect(print.match(/class="ami-steps__arrow"/g)).toHaveLength(kit.amiSteps.etapes.length - 1);
  });

  it('opens the brochure on a cover page of its own: promise and key figures with their sources; the answers as comparable cards', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(built('kit/hpf/plaquette.pdf'))));
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const [cover, ...body] = pages.map((page) => page.replace(/\s+/g, ' '));
    expect(cover).toContain('Une promesse d’essai, assez longue pour la couverture de la plaquette.');
    expect(cover).toMatch(/12 choses comptées pour l’essai Source : source d’essai/);
    // `valeur: 3`, a number in YAML, prints as written.
    expect(cover).toMatch(/3 autres choses comptées Source : autre source/);
    // The text starts on the next page: the cover holds nothing of it.
    expect(cover).not.toContain('Un texte court de plaquette');
    expect(body.join(' ')).toContain('Un texte court de plaquette');
    // One card per fact sheet, its three lines labelled alike, from the sheet's `enBref`.
    const print = readFileSync(built('impression/hpf/plaquette/index.html'), 'utf8');
    const cards = print.match(/<li class="answer-card"[^]*?<\/li>/g) ?? [];
    expect(cards).toHaveLength(kit.sheets.length);
    expect(cards[0]).toContain('La fiche d’essai');
    expect([...cards[0]!.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1])).toEqual(['Propriétaire', 'Habitants', 'À terme']);
    expect(cards[0]).toContain('Le propriétaire d’essai.');
  });

  it('shows an example’s photo, optimised, with its caption and credit', () => {
    const page = readFileSync(built('exemples/essai/index.html'), 'utf8');
    expect(page).toMatch(/<img[^>]+src="\/_astro\/facade\.[^"]+\.webp"[^>]+alt="La façade du projet d’essai"/);
    expect(page).not.toContain('Photo à fournir');
    expect(page).toContain('Crédit\u00a0: à compléter');
  });

  it('shows a printed document on its page with its PDF, in the AMOs’ space for an AMO document', () => {
    const page = readFileSync(built('espace-amo/ami/index.html'), 'utf8');
    expect(page).toContain('Le règlement d’essai tient sur une page.');
    expect(page).toContain('href="/espace-amo/kit/hpf/reglement.pdf"');
  });

  it('makes a self-contained HTML deck with the signatory’s logo and contact', () => {
    const html = readFileSync(built('kit/alpha-amo/presentation.html'), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain('contact@alpha-amo.test');
    expect(html).not.toMatch(/(src|href)="https?:/);
    // Every image went in as a picture (an SVG data URI would be refused and shown as text).
    expect(html).not.toContain('![');
    expect(html.match(/<img[^>]+src="data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/background-image:url\(&quot;data:image\/png;base64,|background-image:url\("data:image\/png;base64,/);
  });
});

/** Builds a copy of the fixture kit after `damage` changed it, as a user would run `npm run build`. */
function buildAfter(name: string, damage: (root: string) => void, check: (result: { status: number | null; output: string }, root: string) => void) {
  const copy = copyFixture(name);
  try {
    damage(copy.root);
    check(runBuild(copy.root), copy.root);
  } finally {
    copy.remove();
  }
}

const append = (root: string, file: string, text: string) => writeFileSync(join(root, file), `${readFileSync(join(root, file), 'utf8')}${text}`);

/** 1-based line of the first `needle` in `text`, as the build's messages give it. */
const lineOf = (text: string, needle: string) => {
  expect(text).toContain(needle);
  return text.slice(0, text.indexOf(needle)).split('\n').length;
};

describe('npm run build with a content mistake', () => {
  it('stops on a link to a page or an anchor that does not exist, after the site was built, and keeps the previous dist/', () => {
    const sheet = 'content/fiches/essai.md';
    let text = '';
    buildAfter(
      'link',
      (root) => {
        mkdirSync(join(root, 'dist'));
        writeFileSync(join(root, 'dist/precedent.txt'), 'version précédente');
        append(root, sheet, '\nVoir [la page perdue](/exemple/perdu/).\n\nEt [le contact](../contactt/), puis [la partie absente](#partie-absente).\n');
        text = readFileSync(join(root, sheet), 'utf8');
      },
      (result, root) => {
        // The sheet is also shown on its print pages, one per signatory: one error names them all.
        const printed = matrix.print.filter((v) => v.kind === 'fiche' && v.documentId === 'essai').length;
        const pages = `page /fiches/essai/ et ${printed} autre${printed > 1 ? 's' : ''}`;
        expect(result.status).toBe(1);
        expect(result.output).toContain(`${sheet}, ligne ${lineOf(text, '/exemple/perdu/')} — lien cassé vers /exemple/perdu/ (${pages})`);
        // A relative link is read from the page's address, as the visitor's browser does.
        expect(result.output).toContain(`${sheet}, ligne ${lineOf(text, '../contactt/')} — lien cassé vers ../contactt/ → /fiches/contactt/ (page /fiches/essai/)`);
        expect(result.output).toContain(`${sheet}, ligne ${lineOf(text, '#partie-absente')} — ancre introuvable : #partie-absente (${pages})`);
        // The site had been built into the staging folder: it is gone, the previous dist/ is as it was.
        expect(result.output).toContain('generating static routes');
        expect(existsSync(join(root, '.kit/staging'))).toBe(false);
        expect(readdirSync(join(root, 'dist'))).toEqual(['precedent.txt']);
      },
    );
  }, 120_000);

  it('stops on a word the editorial rules forbid, naming file and line', () => {
    const page = 'content/pages/accueil.md';
    let text = '';
    const damage = (root: string) => {
      append(root, page, '\nNos outils.\n');
      text = readFileSync(join(root, page), 'utf8');
    };
    buildAfter('lint', damage, (result) => {
      expect(result.status).toBe(1);
      expect(result.output).toContain(`${page}, ligne ${lineOf(text, 'Nos outils.')} — « outils » : règle « outils »`);
      expect(result.output).toContain('→ Écrire « réponses possibles ».');
    });
  }, 120_000);

  it('stops with a French message naming file and field, exit code 1, and leaves the previous dist/ as it was', () => {
    buildAfter(
      'missing-logo',
      (root) => {
        mkdirSync(join(root, 'dist'));
        writeFileSync(join(root, 'dist/precedent.txt'), 'version précédente');
        rmSync(join(root, 'content/signataires/alpha-amo/logo.png'));
      },
      (result, root) => {
        const file = 'content/signataires/alpha-amo/index.yaml';
        expect(result.status).toBe(1);
        expect(result.output).toContain(`${file}, ligne ${lineOf(readFileSync(join(root, file), 'utf8'), 'logo:')} : « logo » — fichier introuvable : logo.png`);
        expect(result.output).toContain('→ Déposez le logo dans content/signataires/alpha-amo/');
        expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
        expect(readFileSync(join(root, 'dist/precedent.txt'), 'utf8')).toBe('version précédente');
        expect(existsSync(join(root, '.kit/staging'))).toBe(false);
      },
    );
  }, 120_000);
});
