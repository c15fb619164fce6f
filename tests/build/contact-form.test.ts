import { createServer, type Server } from 'node:http';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import '../support/global-setup.ts';
import { builtSite, useBuiltSite } from '../support/built-site.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { copyFixture, fixtureKit, runBuild } from '../support/fixture.ts';
import { BrowserSession } from '../../src/kit/browser/browser-session.ts';
import { findBrowser } from '../../src/kit/browser/find-browser.ts';
import { serveDirectory } from '../../src/kit/browser/static-server.ts';

/** The sending service of the fixture kit (content/site.yaml, `contact.formulaire`), played by the test. */
const ENDPOINT_PORT = 47813;
const received: Record<string, string>[] = [];
let endpoint: Server;

beforeAll(async () => {
  endpoint = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST') received.push(Object.fromEntries(new URLSearchParams(body)));
      const wantsJson = (request.headers.accept ?? '').includes('application/json');
      response.writeHead(200, { 'content-type': wantsJson ? 'application/json' : 'text/html; charset=utf-8', 'access-control-allow-origin': '*' });
      response.end(wantsJson ? '{"ok":true}' : '<!doctype html><title>Merci</title><p>Message reçu.</p>');
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(ENDPOINT_PORT, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

const site = useBuiltSite();

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    if (name === 'profil') await page.select(`[name="${name}"]`, value);
    else await page.type(`[name="${name}"]`, value);
  }
}
const complete = { nom: 'Camille Martin', courriel: 'camille@mairie.test', profil: 'Élu·e ou collectivité', message: 'Nous aimerions en savoir plus sur l’AMI.' };

describe('the contact form', () => {
  it('says who reads the messages, how they travel and how long they are kept, as content/site.yaml sets it, beside the form and on the personal-data page', async () => {
    const { contact } = (await loadKit(fixtureKit)).site;
    for (const page of ['contact/index.html', 'donnees-personnelles/index.html']) {
      const html = readFileSync(`${builtSite}/${page}`, 'utf8').replace(/\s+/g, ' ');
      expect(html, page).toContain(contact.destinataire);
      expect(html, page).toContain(`service d’envoi ${new URL(contact.formulaire!).host}`);
      expect(html, page).toContain(contact.conservation);
      expect(html, page).not.toContain(contact.courriel);
    }
  });

  it('shows French messages beside the fields it cannot send, marks them invalid and announces it', async () => {
    await site.session.withPage(async (page) => {
      await page.goto(new URL('/contact/', site.server.origin).href, { waitUntil: 'load' });
      await fill(page, { courriel: 'camille.mairie.test', message: 'Bonjour' });
      await page.click('button[type="submit"]');
      const marked = await page.$$eval('[aria-invalid="true"]', (controls) => controls.map((c) => [c.getAttribute('name'), document.getElementById(c.getAttribute('aria-describedby')!)?.textContent]));
      expect(marked).toEqual([
        ['nom', 'Indiquez votre nom et votre prénom.'],
        ['courriel', 'L’adresse électronique doit être de la forme nom@exemple.fr.'],
        ['profil', 'Choisissez votre profil dans la liste.'],
        ['message', 'Votre message est trop court : 10 caractères au moins.'],
      ]);
      expect(await page.$eval('[role="status"]', (status) => status.textContent)).toBe('Le message n’est pas parti : corrigez les champs signalés.');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('contact-errors');
    });
    expect(received).toEqual([]);
  });

  it('sends a complete message to the sending service without leaving the page, and confirms', async () => {
    received.length = 0;
    await site.session.withPage(async (page) => {
      const address = new URL('/contact/', site.server.origin).href;
      await page.goto(address, { waitUntil: 'load' });
      await fill(page, { ...complete, organisation: 'Mairie d’Essai' });
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith('Merci'));
      expect(page.url()).toBe(address);
      expect(await page.$eval('[role="status"]', (status) => status.textContent)).toBe('Merci, votre message est envoyé. Nous vous répondrons à camille@mairie.test.');
    });
    expect(received).toEqual([{ ...complete, organisation: 'Mairie d’Essai', 'site-web': '' }]);
  });

  it('drops what a robot sends through the hidden trap field', async () => {
    received.length = 0;
    await site.session.withPage(async (page) => {
      await page.goto(new URL('/contact/', site.server.origin).href, { waitUntil: 'load' });
      await fill(page, complete);
      await page.$eval('[name="site-web"]', (input) => ((input as HTMLInputElement).value = 'https://spam.test'));
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith('Merci'));
    });
    expect(received).toEqual([]);
  });

  it('works without JavaScript: a plain HTML form posted to the service', async () => {
    received.length = 0;
    await site.session.withPage(async (page) => {
      await page.setJavaScriptEnabled(false);
      await page.goto(new URL('/contact/', site.server.origin).href, { waitUntil: 'load' });
      await fill(page, { nom: 'Sam', courriel: 'sam@quartier.test', message: 'Un groupe d’habitants voudrait vous rencontrer.' });
      await page.select('[name="profil"]', 'Habitant·e ou groupe d’habitants');
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      expect(page.url()).toBe(`http://127.0.0.1:${ENDPOINT_PORT}/contact`);
    });
    expect(received).toEqual([{ nom: 'Sam', courriel: 'sam@quartier.test', organisation: '', profil: 'Habitant·e ou groupe d’habitants', message: 'Un groupe d’habitants voudrait vous rencontrer.', 'site-web': '' }]);
  });
});

describe('the contact form without a sending service', () => {
  let copy: ReturnType<typeof copyFixture>;
  let server: Awaited<ReturnType<typeof serveDirectory>>;
  let session: BrowserSession;
  beforeAll(async () => {
    // The fixture kit without `contact.formulaire`, built with the fixture's render cache: only the site is new.
    copy = copyFixture('contact-mailto');
    cpSync(join(fixtureKit, '.kit/cache'), join(copy.root, '.kit/cache'), { recursive: true });
    const site = join(copy.root, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^  formulaire: .*\n/m, ''));
    const build = runBuild(copy.root);
    expect(build.status, build.output).toBe(0);
    server = await serveDirectory(join(copy.root, 'dist'));
    session = await BrowserSession.open(await findBrowser());
  }, 240_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    copy?.remove();
  });

  it('says the visitor sends it from their own mail, and never writes the address in clear', () => {
    const said = { 'contact/index.html': 'à qui vous l’envoyez depuis votre propre messagerie', 'donnees-personnelles/index.html': 'il ouvre votre logiciel de messagerie avec un message prêt à partir' };
    for (const [page, sentence] of Object.entries(said)) {
      const html = readFileSync(join(copy.root, 'dist', page), 'utf8').replace(/\s+/g, ' ');
      expect(html, page).toContain(sentence);
      expect(html, page).not.toContain('service d’envoi');
      expect(html, page).not.toContain('contact@exemple.test');
      expect(html, page).not.toContain('mailto:');
    }
  });

  it('without JavaScript, gives the address to copy by hand and no button that would do nothing', async () => {
    await session.withPage(async (page) => {
      await page.setJavaScriptEnabled(false);
      await page.goto(new URL('/contact/', server.origin).href, { waitUntil: 'load' });
      expect(await page.$eval('[data-contact-address]', (element) => element.textContent)).toBe('contact (arobase) exemple.test');
      expect(await page.$eval('button[type="submit"]', (button) => button.checkVisibility())).toBe(false);
    });
  });

  it('with JavaScript, shows the address and its copy button, checks the fields, then hands the message to the mail client (its link: tests/unit/contact.test.ts)', async () => {
    await session.withPage(async (page) => {
      await page.goto(new URL('/contact/', server.origin).href, { waitUntil: 'load' });
      expect(await page.$eval('[data-contact-address]', (element) => element.textContent)).toBe('contact@exemple.test');
      expect(await page.$eval('[data-contact-copy]', (button) => button.checkVisibility())).toBe(true);
      expect(await page.$eval('button[type="submit"]', (button) => button.textContent)).toBe('Préparer le courriel');
      await page.click('button[type="submit"]');
      expect(await page.$$eval('[aria-invalid="true"]', (controls) => controls.length)).toBe(4);
      await fill(page, complete);
      await page.click('button[type="submit"]');
      expect(await page.$$eval('[aria-invalid="true"]', (controls) => controls.length)).toBe(0);
      expect(await page.$eval('[role="status"]', (status) => status.textContent)).toBe('Votre messagerie s’ouvre avec le message prêt. Si rien ne s’ouvre, écrivez à contact@exemple.test.');
    });
  });
});
