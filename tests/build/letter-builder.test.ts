import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { Frame, HTTPRequest, Page } from 'puppeteer-core';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import '../support/global-setup.ts';
import { builtSite, useBuiltSite } from '../support/built-site.ts';

// The letter builder of the built fixture site, in real Chromium: what a visitor fills, sees, prints
// and downloads — and that nothing leaves the page.

const dist = builtSite;
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const work = mkdtempSync(join(tmpdir(), 'kit-builder-test-'));

const site = useBuiltSite();
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Every request the page makes, and whether the page had finished loading when it was made. */
interface Traffic {
  requests: { url: string; afterLoad: boolean; method: string; body?: string }[];
}

/** Opens the builder (requests recorded), and waits for its first preview. */
async function openBuilder(page: Page, query = '', width = 1280): Promise<Traffic> {
  const traffic: Traffic = { requests: [] };
  let loaded = false;
  await page.setViewport({ width, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    traffic.requests.push({ url: request.url(), afterLoad: loaded, method: request.method(), body: request.postData() });
    if (!request.isInterceptResolutionHandled()) void request.continue();
  });
  await page.goto(new URL(`/courrier/${query}`, site.server.origin).href, { waitUntil: 'load' });
  loaded = true;
  // On a phone the preview is below the form: it is laid out once the visitor scrolls to it.
  await page.$eval('.builder-preview-viewport', (viewport) => viewport.scrollIntoView());
  await previewReady(page);
  return traffic;
}

/** Network requests (not data: or blob: URLs, which never leave the browser). */
const network = (traffic: Traffic) => traffic.requests.filter((r) => !/^(data|blob):/.test(r.url));

/** A kit logo file read after loading (by the preview or the Word file): a plain GET of a static file of the site, carrying nothing typed. */
const isLogoFile = (request: Traffic['requests'][number]) =>
  request.method === 'GET' && request.body === undefined && /^\/_kit\/logos\/[\w-]+\.(png|svg)$/.test(new URL(request.url).pathname) && !new URL(request.url).search;

/**
 * The preview's own static files, fetched once when the preview is first needed: Paged.js, the letter's HTML
 * code with its hyphenation patterns (and the chunks it shares), the fonts of its frame. A plain GET of the
 * site's `/_astro/` folder, no query, no body: nothing typed can travel with it.
 */
const isPreviewFile = (request: Traffic['requests'][number]) =>
  request.method === 'GET' && request.body === undefined && /^\/_astro\/[\w.-]+\.(js|woff2?)$/.test(new URL(request.url).pathname) && !new URL(request.url).search;

async function previewReady(page: Page): Promise<void> {
  await page.waitForSelector('.builder-preview-viewport[data-ready]', { timeout: 20_000 });
}

async function previewFrame(page: Page): Promise<Frame> {
  return (await (await page.$('.builder-preview-viewport iframe'))!.contentFrame())!;
}

/** The preview's visible text, as laid out on its pages by Paged.js. */
async function previewText(page: Page): Promise<string> {
  const frame = await previewFrame(page);
  return frame.evaluate(() => [...document.querySelectorAll<HTMLElement>('.builder-preview-pages')].filter((c) => c.style.visibility !== 'hidden').map((c) => c.innerText).join('\n'));
}

/** Sets a field as if typed (one input event), then waits for the preview. */
async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [selector, value] of Object.entries(values)) {
    await page.$eval(
      selector,
      (element, text) => {
        (element as HTMLInputElement).value = text;
        element.dispatchEvent(new Event('input', { bubbles: true }));
      },
      value,
    );
  }
  await previewReady(page);
}

/** The form of a named mayor, filled as a visitor would. */
async function fillRecipient(page: Page): Promise<void> {
  await page.click('#civilite-madame');
  await page.type('#destinataireNom', 'Claire Martin');
  await fill(page, {
    '#destinataireOrganisme': 'Mairie de Villeneuve',
    '#destinataireAdresse': '1 place de la République\n00000 Villeneuve',
    '#commune': 'Villeneuve',
    '#quartier': 'Les Tilleuls',
    '#lieu': 'Lyon',
    '#date': '2026-11-23',
    '#paragraphe': 'Nous nous sommes rencontrés au forum de juin.',
  });
}

/** The preview frame's document printed to PDF by Chromium (as « Enregistrer au format PDF » does): pages and text. */
async function printPreview(page: Page): Promise<{ pages: number; text: string; images: number }> {
  const html = await (await previewFrame(page)).evaluate(() => `<!doctype html>${document.documentElement.outerHTML}`);
  const pdf = await site.session.withPage(async (printPage) => {
    const address = new URL('/courrier/apercu-imprime.html', site.server.origin).href;
    await printPage.setRequestInterception(true);
    printPage.on('request', (request) => void (request.url() === address ? request.respond({ contentType: 'text/html; charset=utf-8', body: html }) : request.continue()));
    await printPage.goto(address, { waitUntil: 'load' });
    await printPage.evaluate(() => document.fonts.ready);
    return printPage.pdf({ preferCSSPageSize: true, printBackground: true });
  });
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: true });
  // Pictures drawn on the page: the sender's logo and the footer's partner logos.
  const xobjects = (await PDFDocument.load(pdf)).getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const images = (xobjects?.keys() ?? []).filter((key) => {
    const object = xobjects!.lookup(key);
    return object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image');
  }).length;
  return { pages: proxy.numPages, text: text.replace(/\s+/g, ' '), images };
}

/** Clicks « Télécharger le DOCX » and returns the file Chromium saved. */
async function downloadDocx(page: Page): Promise<{ name: string; files: Record<string, Uint8Array> }> {
  const folder = mkdtempSync(join(work, 'download-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder, eventsEnabled: true });
  const done = new Promise<void>((resolve) => cdp.on('Browser.downloadProgress', (event) => event.state === 'completed' && resolve()));
  await page.click('.builder-docx');
  await done;
  const [name] = readdirSync(folder);
  return { name, files: unzipSync(new Uint8Array(readFileSync(join(folder, name)))) };
}

/** Text with French no-break spaces as plain spaces, to compare with what a test types. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const docxText = (files: Record<string, Uint8Array>) => new TextDecoder().decode(files['word/document.xml']).replace(/<[^>]+>/g, '');
const headerImages = (files: Record<string, Uint8Array>) =>
  Object.keys(files)
    .filter((name) => /^word\/header\d*\.xml$/.test(name))
    .reduce((count, name) => count + (new TextDecoder().decode(files[name]).match(/<pic:pic\b/g)?.length ?? 0), 0);

/** axe-core (WCAG 2.1 A and AA) on the page and inside the preview frame. */
async function axeViolations(page: Page): Promise<string[]> {
  const run = async (frame: Frame) => {
    await frame.addScriptTag({ path: axeSource });
    return frame.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, iframes: false });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  };
  return [...(await run(page.mainFrame())), ...(await run(await previewFrame(page))).map((v) => `aperçu — ${v}`)];
}

describe('the letter builder (/courrier/), in Chromium', () => {
  it('composes the letter of a listed signatory: preview, one-page PDF and DOCX with the values typed, nothing sent', async () => {
    await site.session.withPage(async (page) => {
      const traffic = await openBuilder(page, '?signataire=alpha-amo&interlocuteur=elu');
      // Prefilled from the URL: the signatory, the recipient type, and the signer from the signatory.
      expect(await page.$eval('#signataire', (e) => (e as HTMLSelectElement).value)).toBe('alpha-amo');
      expect(await page.$eval('#signatureNom', (e) => (e as HTMLInputElement).value)).toBe('Camille Essai');
      await fillRecipient(page);

      const text = await previewText(page);
      for (const value of ['Madame Claire Martin', 'Mairie de Villeneuve', '1 place de la République', 'Lyon, le 23 novembre 2026', 'commune de Villeneuve, quartier Les Tilleuls', 'Madame la Maire,', 'forum de juin', 'Camille Essai', 'Alpha AMO Conseil']) {
        expect(text).toContain(value);
      }
      expect(text).not.toContain('Monsieur le Maire');
      expect(plain(await page.$eval('.builder-fit', (e) => e.textContent))).toBe('');

      const printed = await printPreview(page);
      expect(printed.pages).toBe(1);
      expect(printed.images).toBe(3);
      for (const value of ['Madame Claire Martin', 'Mairie de Villeneuve', 'Lyon, le 23 novembre 2026', 'Madame la Maire,', 'forum de juin', 'Camille Essai']) expect(printed.text).toContain(value);

      // « Imprimer » prints the preview frame alone, named after the letter.
      const frame = await previewFrame(page);
      await frame.evaluate(() => {
        window.print = () => ((window as unknown as { printed: string }).printed = document.title);
      });
      await page.click('.builder-print');
      await frame.waitForFunction(() => (window as unknown as { printed?: string }).printed);
      expect(await frame.evaluate(() => (window as unknown as { printed: string }).printed)).toBe('courrier-elu-mairie-de-villeneuve');

      const before = network(traffic).length;
      const docx = await downloadDocx(page);
      expect(docx.name).toBe('courrier-elu-mairie-de-villeneuve.docx');
      const words = docxText(docx.files);
      for (const value of ['Madame Claire Martin', 'Mairie de Villeneuve', 'Lyon, le 23 novembre 2026', 'Madame la Maire,', 'forum de juin', 'Camille Essai']) expect(words).toContain(value);
      expect(headerImages(docx.files)).toBe(1);
      expect(Object.keys(docx.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(3);

      // Only the site's own files; after loading, only the logos' static files and, when asked, the DOCX code.
      const requests = network(traffic);
      expect(requests.filter((r) => !r.url.startsWith(site.server.origin))).toEqual([]);
      expect(requests.slice(0, before).filter((r) => r.afterLoad && !isLogoFile(r) && !isPreviewFile(r))).toEqual([]);
      expect(requests.slice(before).filter((r) => !isLogoFile(r)).map((r) => new URL(r.url).pathname)).toEqual([expect.stringMatching(/^\/_astro\/docx-file\.[\w-]+\.js$/)]);
    });
  });

  it('composes the letter of a structure outside the kit with a logo from the disk, in the preview, the PDF and the DOCX', async () => {
    const logo = join(work, 'logo-echafauder.png');
    writeFileSync(logo, await sharp({ create: { width: 1800, height: 600, channels: 4, background: { r: 200, g: 40, b: 0, alpha: 1 } } }).png().toBuffer());
    await site.session.withPage(async (page) => {
      const traffic = await openBuilder(page, '?signataire=autre&interlocuteur=bailleur-social');
      expect(await page.$eval('.builder-other', (e) => (e as HTMLElement).hidden)).toBe(false);
      await fill(page, {
        '#autreNom': 'Échafauder',
        '#autreAdresse': '2 rue Haute\n69001 Lyon',
        '#autreCourriel': 'contact@echafauder.test',
        '#autreSiteWeb': 'www.echafauder.test',
        '#signatureNom': 'Dominique Essai',
        '#signatureFonction': 'Gérant',
      });
      const [chooser] = await Promise.all([page.waitForFileChooser(), page.click('#logo')]);
      await chooser.accept([logo]);
      await page.waitForSelector('.builder-logo-chosen:not([hidden])');
      await previewReady(page);
      await page.click('#civilite-monsieur');
      await fill(page, { '#destinataireOrganisme': 'Office HLM du Rhône', '#destinataireAdresse': '3 quai Sud\n69002 Lyon', '#lieu': 'Lyon' });

      const text = await previewText(page);
      for (const value of ['Échafauder', '2 rue Haute', 'contact@echafauder.test', 'echafauder.test', 'Office HLM du Rhône', 'Dominique Essai']) expect(text).toContain(value);
      // The logo, downscaled in the browser to the print size, is in the letter's head.
      const senderLogo = await (await previewFrame(page)).$eval('.pagedjs_page .sender-logo', (image) => ({ src: (image as HTMLImageElement).src.slice(0, 22), width: (image as HTMLImageElement).naturalWidth, alt: (image as HTMLImageElement).alt }));
      expect(senderLogo).toEqual({ src: 'data:image/png;base64,', width: 900, alt: 'Logo d’Échafauder' });

      const printed = await printPreview(page);
      expect(printed.pages).toBe(1);
      expect(printed.images).toBe(3);
      for (const value of ['Échafauder', 'Office HLM du Rhône', 'Dominique Essai']) expect(printed.text).toContain(value);

      const docx = await downloadDocx(page);
      expect(docx.name).toBe('courrier-bailleur-social-office-hlm-du-rhone.docx');
      const words = docxText(docx.files);
      for (const value of ['Échafauder', '2 rue Haute', 'Office HLM du Rhône', 'Dominique Essai']) expect(words).toContain(value);
      expect(headerImages(docx.files)).toBe(1);
      const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
      const sizes = await Promise.all(media.map(async (name) => (await sharp(docx.files[name]).metadata()).width));
      expect(sizes).toContain(900); // the uploaded logo, beside the two partner logos
      expect(media).toHaveLength(3);

      expect(network(traffic).filter((r) => !r.url.startsWith(site.server.origin))).toEqual([]);
      expect(network(traffic).filter((r) => r.afterLoad && !isLogoFile(r) && !isPreviewFile(r) && !/\/_astro\/docx-file\./.test(r.url))).toEqual([]);
    });
  });

  it('sanitises an SVG logo, refuses a file that is not an image or weighs over 5 MB next to the field, and keeps the previous logo', async () => {
    const svg = join(work, 'logo.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" onload="alert(1)"><script>alert(2)</script><rect width="200" height="100" fill="#0f5c4d"/><image href="https://tiers.test/pixel.png"/></svg>');
    const text = join(work, 'statuts.txt');
    writeFileSync(text, 'Statuts de l’association');
    const heavy = join(work, 'photo.png');
    writeFileSync(heavy, Buffer.alloc(5 * 1024 * 1024 + 1)); // just over the limit
    await site.session.withPage(async (page) => {
      const traffic = await openBuilder(page, '?signataire=autre');
      const logoInput = (await page.$('input#logo'))!;
      await logoInput.uploadFile(svg);
      await page.waitForSelector('.builder-logo-chosen:not([hidden])');
      await page.waitForFunction(() => document.querySelector('.builder-announce')?.textContent?.startsWith('Logo chargé'));
      expect(plain(await page.$eval('.builder-announce', (e) => e.textContent))).toBe('Logo chargé. Il contenait un attribut d’événement (onload, onclick…), un script, un lien vers l’extérieur : retiré, le logo n’en a pas besoin.');
      const chosen = await page.$eval('.builder-logo-chosen img', (image) => (image as HTMLImageElement).src);
      expect(chosen).toMatch(/^data:image\/png;base64,/);
      expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted)).toBeUndefined();

      for (const [file, message] of [
        [text, '« statuts.txt » n’est pas une image : choisissez un logo en SVG, PNG, JPEG ou WebP. Le logo précédent est conservé.'],
        [heavy, '« photo.png » pèse 5,1 Mo : le logo doit peser 5 Mo au plus. Le logo précédent est conservé.'],
      ]) {
        await logoInput.uploadFile(file);
        await page.waitForSelector('#logo-erreur:not([hidden])');
        expect(plain(await page.$eval('#logo-erreur', (e) => e.textContent))).toBe(message);
        expect(await page.$eval('#logo', (e) => [e.getAttribute('aria-invalid'), e.getAttribute('aria-describedby')])).toEqual(['true', 'logo-aide logo-erreur']);
        expect(await page.$eval('.builder-logo-chosen img', (image) => (image as HTMLImageElement).src)).toBe(chosen);
        await page.$eval('#logo-erreur', (e) => ((e as HTMLElement).hidden = true));
      }
      expect(network(traffic).filter((r) => (r.afterLoad && !isLogoFile(r) && !isPreviewFile(r)) || !r.url.startsWith(site.server.origin))).toEqual([]);
    });
  });

  it('checks the required fields in French before printing or downloading, next to each field', async () => {
    await site.session.withPage(async (page) => {
      await openBuilder(page, '?signataire=autre');
      const frame = await previewFrame(page);
      await frame.evaluate(() => {
        window.print = () => ((window as unknown as { printed: boolean }).printed = true);
      });
      await page.click('.builder-print');
      expect(await page.$eval('.builder-errors', (e) => (e as HTMLElement).hidden)).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('builder-errors'))).toBe(true);
      expect(plain(await page.$eval('.builder-errors', (e) => e.querySelector('p')!.textContent))).toBe('Le courrier n’est pas prêt : 8 champs sont à corriger.');
      expect(await page.$$eval('.builder-errors a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent!.replace(/[\u00a0\u202f]/g, ' ')]))).toEqual([
        ['#autreNom', 'Indiquez le nom de votre structure.'],
        ['#autreAdresse', 'Indiquez l’adresse postale de votre structure.'],
        ['#autreCourriel', 'Indiquez l’adresse électronique de votre structure.'],
        ['#civilite-madame', 'Choisissez « Madame » ou « Monsieur » : la formule d’appel en dépend.'],
        ['#destinataireAdresse', 'Indiquez l’adresse postale du destinataire.'],
        ['#lieu', 'Indiquez le lieu d’où vous écrivez (par exemple : Lyon).'],
        ['#signatureNom', 'Indiquez le nom de la personne qui signe.'],
        ['#signatureFonction', 'Indiquez la fonction de la personne qui signe.'],
      ]);
      expect(await page.$eval('#autreNom', (e) => [e.getAttribute('aria-invalid'), e.getAttribute('aria-describedby')])).toEqual(['true', 'autreNom-erreur']);
      expect(plain(await page.$eval('#autreNom-erreur', (e) => e.textContent))).toBe('Indiquez le nom de votre structure.');
      expect(await page.$$eval('input[name="civilite"]', (radios) => radios.map((r) => r.getAttribute('aria-describedby')))).toEqual(['civilite-erreur', 'civilite-erreur']);
      expect(await frame.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBeUndefined();
      // Fixing a field clears its message at once.
      await page.type('#autreNom', 'Échafauder');
      expect(await page.$eval('#autreNom', (e) => e.hasAttribute('aria-invalid'))).toBe(false);
      expect(await page.$eval('#autreNom-erreur', (e) => (e as HTMLElement).hidden)).toBe(true);
      expect(await page.$$eval('.builder-errors a', (links) => links.length)).toBe(7);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('autreNom');
      expect(await page.$eval('#autreAdresse', (e) => e.hasAttribute('required'))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('warns when the letter no longer fits one A4 page', async () => {
    await site.session.withPage(async (page) => {
      await openBuilder(page);
      await fill(page, { '#paragraphe': Array.from({ length: 60 }, (_, i) => `Phrase ${i + 1} d’un paragraphe personnel beaucoup trop long pour tenir sur la page.`).join(' ') });
      expect(plain(await page.$eval('.builder-fit', (e) => e.textContent))).toBe(
        'Attention : le courrier ne tient plus sur une page A4 (2 pages). Raccourcissez le paragraphe personnel ou l’adresse pour revenir à une seule page.',
      );
      expect(await page.$eval('.builder-fit', (e) => e.getAttribute('role'))).toBe('status');
      await fill(page, { '#paragraphe': 'Court.' });
      expect(plain(await page.$eval('.builder-fit', (e) => e.textContent))).toBe('');
    });
  });

  it('keeps working offline once loaded', async () => {
    await site.session.withPage(async (page) => {
      await openBuilder(page);
      await page.setOfflineMode(true);
      await page.click('#civilite-monsieur');
      await fill(page, { '#destinataireNom': 'Jean Hors-Ligne' });
      expect(await previewText(page)).toContain('Monsieur Jean Hors-Ligne');
    });
  });

  it('remembers the form on this device only when asked, and forgets it', async () => {
    await site.session.withPage(async (page) => {
      await openBuilder(page, '?signataire=hpf&interlocuteur=bailleur-social');
      expect(await page.$eval('#signatureNom', (e) => (e as HTMLInputElement).value)).toBe('Prénom Nom');
      expect(await page.$eval('#memoriser', (e) => (e as HTMLInputElement).checked)).toBe(false);
      await fill(page, { '#lieu': 'Grenoble' });
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      await page.click('#memoriser');
      await fill(page, { '#destinataireNom': 'Alex Mémoire' });
      await page.reload({ waitUntil: 'load' });
      await previewReady(page);
      expect(await page.$eval('#destinataireNom', (e) => (e as HTMLInputElement).value)).toBe('Alex Mémoire');
      expect(await page.$eval('#interlocuteur', (e) => (e as HTMLSelectElement).value)).toBe('bailleur-social');
      expect(await page.$eval('#memoriser', (e) => (e as HTMLInputElement).checked)).toBe(true);
      expect(page.url()).not.toContain('Alex');
      await page.click('.builder-forget');
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      expect(await page.$eval('#destinataireNom', (e) => (e as HTMLInputElement).value)).toBe('');
      expect(await page.$eval('#memoriser', (e) => (e as HTMLInputElement).checked)).toBe(false);
    });
  });

  it('on a phone, fetches Paged.js for the preview only when the visitor starts the form or scrolls to the preview', async () => {
    await site.session.withPage(async (page) => {
      const fetched: string[] = [];
      await page.setViewport({ width: 360, height: 740 });
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(new URL('/courrier/', site.server.origin).href, { waitUntil: 'networkidle0' });
      const pagedScript = () => fetched.filter((path) => /paged\.polyfill/.test(path));
      expect(pagedScript()).toEqual([]);
      expect(await page.$eval('.builder-preview-viewport iframe', (frame) => (frame as HTMLIFrameElement).srcdoc)).toBe('');

      await page.focus('#destinataireNom');
      await previewReady(page);
      expect(pagedScript()).toEqual([expect.stringMatching(/^\/_astro\/paged\.polyfill\.min\.[\w-]+\.js$/)]);
      expect(await previewText(page)).toContain('Objet\u00a0:');
    });
  });

  it('passes axe-core (WCAG 2.1 A and AA), page and preview, at phone and desktop widths, without sideways scrolling', async () => {
    for (const width of [360, 1280]) {
      const violations = await site.session.withPage(async (page) => {
        await openBuilder(page, '?signataire=autre', width);
        // Nothing wider than the window: no sideways scrolling on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        return axeViolations(page);
      });
      expect(violations, `${width} px`).toEqual([]);
    }
  });

  it('is linked from the documents page and from each signatory’s page, with that signatory chosen', async () => {
    const kitPage = readFileSync(join(dist, 'kit/index.html'), 'utf8');
    expect(kitPage).toContain('href="/courrier/"');
    for (const signatory of ['alpha-amo', 'hpf']) {
      expect(readFileSync(join(dist, `kit/${signatory}/index.html`), 'utf8')).toContain(`href="/courrier/?signataire=${signatory}"`);
    }
    expect(existsSync(join(dist, 'courrier/index.html'))).toBe(true);
  });
});
