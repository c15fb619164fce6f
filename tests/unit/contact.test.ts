import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contactErrors, hideAddress, mailtoHref, revealAddress, spokenAddress, type ContactValues } from '../../src/contact/contact-message.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';

const filled: ContactValues = { nom: 'Camille Martin', courriel: 'camille@mairie.test', organisation: 'Mairie d’Essai', profil: 'Élu·e ou collectivité', message: 'Nous aimerions en savoir plus sur l’AMI.' };

describe('the contact form’s rules', () => {
  it('accept a complete message, the organisation being optional', () => {
    expect(contactErrors(filled)).toEqual([]);
    expect(contactErrors({ ...filled, organisation: '' })).toEqual([]);
  });

  it('name each field to correct, in French, in the order of the form', () => {
    expect(contactErrors({ nom: ' ', courriel: 'camille.mairie.test', organisation: '', profil: 'Pirate', message: 'Bonjour' })).toEqual([
      { field: 'nom', message: 'Indiquez votre nom et votre prénom.' },
      { field: 'courriel', message: 'L’adresse électronique doit être de la forme nom@exemple.fr.' },
      { field: 'profil', message: 'Choisissez votre profil dans la liste.' },
      { field: 'message', message: 'Votre message est trop court : 10 caractères au moins.' },
    ]);
  });

  it('compose the mail of a visitor without a sending service: subject by profile, message then signature', () => {
    const href = mailtoHref('contact@exemple.test', 'Kit d’essai', filled);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('contact@exemple.test');
    expect(url.searchParams.get('subject')).toBe('Kit d’essai — Élu·e ou collectivité');
    expect(url.searchParams.get('body')).toBe('Nous aimerions en savoir plus sur l’AMI.\n\nCamille Martin, Mairie d’Essai\ncamille@mairie.test');
  });

  it('never write the address in clear in the page: reversed halves put back by the script, spoken form without the script', () => {
    const hidden = hideAddress('contact@habitatparticipatif-france.fr');
    expect(JSON.stringify(hidden)).not.toContain('contact@');
    expect(JSON.stringify(hidden)).not.toMatch(/[\w.-]+@[\w-]+\.[a-z]{2,}/);
    expect(revealAddress(hidden)).toBe('contact@habitatparticipatif-france.fr');
    expect(spokenAddress('contact@habitatparticipatif-france.fr')).toBe('contact (arobase) habitatparticipatif-france.fr');
  });
});

describe('the contact address in content/site.yaml', () => {
  it('warns, naming the file and line, when it looks like a mailing list whose members would all read a visitor’s message', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kit-contact-'));
    try {
      cpSync(fixtureKit, root, { recursive: true, filter: (src) => !/[\\/](dist|dist-amo|\.kit|\.astro)$/.test(src) });
      const site = join(root, 'content/site.yaml');
      writeFileSync(site, readFileSync(site, 'utf8').replace('courriel: contact@exemple.test', 'courriel: qpv-hpf@framalistes.org'));
      const line = readFileSync(site, 'utf8').split('\n').findIndex((text) => text.includes('framalistes')) + 1;
      const kit = await loadKit(root);
      expect(kit.warnings).toContainEqual(expect.stringContaining(`content/site.yaml, ligne ${line} : « contact.courriel » (qpv-hpf@framalistes.org) ressemble à une liste de diffusion`));
      expect((await loadKit(fixtureKit)).warnings.join('\n')).not.toContain('liste de diffusion');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
