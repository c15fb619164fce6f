import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInternalLinks, lineOfHref } from '../../src/kit/output/check-links.ts';
import { linkTarget } from '../../src/kit/output/link-target.ts';
import { scanHtml } from '../../src/kit/output/html-scan.ts';
import { KitErrors, type KitError } from '../../src/kit/errors.ts';
import type { Kit } from '../../src/kit/load/load-kit.ts';

describe('linkTarget', () => {
  it('resolves a relative link against the page’s own address, as the browser does', () => {
    expect(linkTarget('../contactt/', '/fiches/essai/')).toEqual({ path: '/fiches/contactt/', fragment: undefined, samePage: false, relative: true });
    expect(linkTarget('autre-page/', '/fiches/essai/')?.path).toBe('/fiches/essai/autre-page/');
    expect(linkTarget('./autre-page/', '/404.html')?.path).toBe('/autre-page/');
    expect(linkTarget('../../../', '/fiches/essai/')?.path).toBe('/');
    expect(linkTarget('/ami/?x=1#pour-qui', '/fiches/essai/')).toEqual({ path: '/ami/', fragment: 'pour-qui', samePage: false, relative: false });
  });

  it('reads a link to an anchor of the same page, with its fragment decoded', () => {
    expect(linkTarget('#les-%C3%A9tapes', '/ami/')).toEqual({ path: '/ami/', fragment: 'les-étapes', samePage: true, relative: false });
    expect(linkTarget('#les-étapes', '/ami/')?.fragment).toBe('les-étapes');
  });

  it('leaves out links that leave the site', () => {
    for (const href of ['https://exemple.test/', 'http://exemple.test', 'mailto:a@b.fr', 'tel:+33100000000', '//cdn.exemple.test/a.js', 'data:image/png;base64,AAAA', 'javascript:void(0)', '']) {
      expect(linkTarget(href, '/fiches/essai/'), href).toBeUndefined();
    }
  });
});

describe('scanHtml', () => {
  it('reads hrefs and ids from tags only, not from code shown as text nor from scripts and comments', () => {
    const page = scanHtml(`
      <h2 id="première-partie">Titre</h2><a name='ancien'></a><a href="/a/?x=1&amp;y=2" title="a > b">a</a>
      <pre><code>&lt;a href="/dans-le-code/"&gt;</code></pre>
      <script>const html = '<a href="/dans-un-script/">'; </script>
      <!-- <a href="/en-commentaire/"> -->
      <p name="pas-une-ancre">texte</p>`);
    expect(page.hrefs).toEqual(['/a/?x=1&y=2']);
    expect([...page.ids]).toEqual(['première-partie', 'ancien']);
  });
});

describe('lineOfHref', () => {
  const text = '---\ntitre: Essai\n---\n## Contact\n\nÉcrivez-nous : [contact](../contact/).\n\n[Plus bas](#plus-bas)\n';

  it('finds the line of a Markdown link in the source file', () => {
    expect(lineOfHref(text, '../contact/')).toBe(6);
    expect(lineOfHref(text, '#plus-bas')).toBe(8);
  });

  it('gives no line rather than a wrong one for an address too short to be searched bare', () => {
    expect(lineOfHref(text, '/')).toBeUndefined();
  });
});

describe('checkInternalLinks', () => {
  const sheetText = [
    '---', // 1
    'titre: Essai', // 2
    '---', // 3
    '## Première partie', // 4
    'Voir [le contact](../contactt/) et [une autre page](autre-page/).', // 5
    '', // 6
    'Lire [la partie absente](/fiches/essai/#absente) puis [la suite](#seconde-partie).', // 7
    '', // 8
    'Une [page perdue](/perdu/).', // 9
  ].join('\n');
  const amoText = 'Voir [les fiches](/fiches/essai/).';
  const kit = {
    site: { url: 'https://exemple.test' },
    pages: [
      { id: 'accueil', file: 'content/pages/accueil.md', data: { audience: 'public' }, source: { text: 'Bienvenue.', body: 'Bienvenue.', bodyLine: 1 } },
      { id: 'facturation', file: 'content/pages/facturation.md', data: { audience: 'amo' }, source: { text: amoText, body: amoText, bodyLine: 1 } },
    ],
    sheets: [{ id: 'essai', file: 'content/fiches/essai.md', source: { text: sheetText, body: sheetText, bodyLine: 1 } }],
    examples: [],
    brochures: [],
    letters: [],
    recipients: [],
  } as unknown as Kit;

  const sheetBody = `
    <h2 id="première-partie">Première partie</h2>
    <p>Voir <a href="../contactt/">le contact</a> et <a href="autre-page/">une autre page</a>.</p>
    <p>Lire <a href="/fiches/essai/#absente">la partie absente</a> puis <a href="#seconde-partie">la suite</a>.</p>
    <p>Une <a href="/perdu/">page perdue</a>.</p>`;
  const site = {
    'index.html': `<a class="skip-link" href="#contenu">Aller au contenu</a><main id="contenu">
      <a href="/fiches/essai/">fiche</a> <a href="fiches/essai/#première-partie">partie</a> <a href="fiches/essai/#premi%C3%A8re-partie">même partie</a>
      <a href="/kit/hpf/plaquette.pdf#page=2">plaquette</a> <a href="#top">haut</a> <a href="/#contenu">contenu</a>
      <a href="https://exemple.test/">site</a> <a href="mailto:a@b.fr">courriel</a> <a href="tel:+33100000000">téléphone</a>
      <a href="../../../">accueil</a> <a href="/ancienne/#ancien">ancien</a></main>`,
    'ancienne/index.html': '<a name="ancien"></a>',
    'fiches/essai/index.html': `<a href="#contenu">Aller au contenu</a><main id="contenu">${sheetBody}</main>`,
    'impression/hpf/fiche-essai/index.html': `<div class="fiche">${sheetBody}</div>`,
  };

  let outDir: string | undefined;
  afterEach(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  async function errorsOf(files: Record<string, string>, planned = new Set(['/kit/hpf/plaquette.pdf'])): Promise<KitError[]> {
    outDir = mkdtempSync(join(tmpdir(), 'kit-links-'));
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      writeFileSync(join(outDir, file), `<!doctype html><html lang="fr"><body>${html}</body></html>`);
    }
    try {
      await checkInternalLinks(outDir, kit, planned);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(KitErrors);
      return (error as KitErrors).errors;
    }
  }

  it('accepts links to pages, planned PDFs and anchors that exist, and leaves external links alone', async () => {
    expect(await errorsOf({ 'index.html': site['index.html'], 'ancienne/index.html': site['ancienne/index.html'], 'fiches/essai/index.html': '<h2 id="première-partie">…</h2>' })).toEqual([]);
  });

  it('reports relative links to missing pages, with the address they lead to and the line they are written on', async () => {
    const errors = await errorsOf(site);
    const broken = errors.filter((e) => e.code === 'lien-casse').map((e) => [e.details.file, e.details.line, e.message]);
    expect(broken).toEqual([
      ['content/fiches/essai.md', 5, 'lien cassé vers ../contactt/ → /fiches/contactt/ (page /fiches/essai/)'],
      ['content/fiches/essai.md', 5, 'lien cassé vers autre-page/ → /fiches/essai/autre-page/ (page /fiches/essai/)'],
      ['content/fiches/essai.md', 9, 'lien cassé vers /perdu/ (page /fiches/essai/ et 1 autre)'],
    ]);
    expect(errors.find((e) => e.message.includes('../contactt/'))!.details.hint).toContain('depuis la racine du site');
  });

  it('reports anchors that no element of the target page carries, naming the ones it has', async () => {
    const errors = await errorsOf(site);
    const anchors = errors.filter((e) => e.code === 'ancre-introuvable');
    expect(anchors.map((e) => [e.details.file, e.details.line, e.message])).toEqual([
      ['content/fiches/essai.md', 7, 'ancre introuvable : /fiches/essai/#absente (page /fiches/essai/ et 1 autre)'],
      ['content/fiches/essai.md', 7, 'ancre introuvable : #seconde-partie (page /fiches/essai/ et 1 autre)'],
    ]);
    expect(anchors[0].details.hint).toContain('Aucun élément de /fiches/essai/ ne porte l’identifiant « absente »');
    expect(anchors[0].details.hint).toContain('#contenu, #première-partie');
  });

  it('keeps the public site and the AMOs’ space apart: no link from a public page into the space, none out of it by a relative address', async () => {
    const errors = await errorsOf({
      'index.html': '<a href="/espace-amo/facturation/">facturation</a> <a href="/fiches/essai/">fiche</a>',
      'fiches/essai/index.html': '<h2 id="première-partie">…</h2>',
      'espace-amo/facturation/index.html': '<a href="/fiches/essai/">les fiches</a> <a href="https://exemple.test/fiches/essai/">en entier</a> <a href="/espace-amo/">l’espace</a>',
      'espace-amo/index.html': '<a href="/espace-amo/facturation/">facturation</a>',
    });
    expect(errors.map((e) => [e.details.code, e.details.file, e.message])).toEqual([
      ['lien-espace-amo', 'content/pages/accueil.md', 'une page publique mène à l’espace des AMO : /espace-amo/facturation/ (page /)'],
      ['lien-site-public', 'content/pages/facturation.md', 'une page de l’espace des AMO mène au site public par une adresse relative : /fiches/essai/ (page /espace-amo/facturation/)'],
    ]);
    expect(errors[1].details.hint).toContain('Écrivez https://exemple.test/fiches/essai/.');
  });

  it('finds a missing anchor on a page that names it with a percent-encoded fragment', async () => {
    const errors = await errorsOf({ 'index.html': '<a href="/ami/#les-%C3%A9tapez">étapes</a>', 'ami/index.html': '<h2 id="les-étapes">Les étapes</h2>' });
    expect(errors.map((e) => e.message)).toEqual(['ancre introuvable : /ami/#les-%C3%A9tapez (page /)']);
    expect(errors[0].details.file).toBe('content/pages/accueil.md');
  });
});
