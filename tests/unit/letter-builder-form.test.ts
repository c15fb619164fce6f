import { describe, expect, it } from 'vitest';
import { builderData } from '../../src/builder/builder-data.ts';
import { emptyValues, letterFileName, letterFromForm, OTHER_SIGNATORY, parseIsoDate, slug, type FormValues } from '../../src/builder/form-values.ts';
import { logoFileProblem, MAX_LOGO_BYTES, validateForm } from '../../src/builder/validate.ts';
import { composeLetter } from '../../src/letter/compose-letter.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { fixtureKit } from '../support/fixture.ts';
import type { LogoImage } from '../../src/kit/render/images/logos.ts';

const kit = await loadKit(fixtureKit);
const fakeLogos = new Proxy({}, { get: (_, id) => ({ print: `/_kit/logos/${String(id)}.svg`, web: `/_kit/logos/${String(id)}.svg`, png: `/_kit/logos/${String(id)}.png`, aspect: 2 }) }) as Record<string, LogoImage>;
const data = builderData(kit, fakeLogos);
const today = new Date(2026, 10, 23);

/** A form filled for a listed signatory, ready to print. */
const filled = (changes: Partial<FormValues> = {}): FormValues => ({
  ...emptyValues(data, today),
  signataire: 'alpha-amo',
  interlocuteur: 'elu',
  civilite: 'madame',
  destinataireNom: 'Claire Martin',
  destinataireOrganisme: 'Mairie de Villeneuve',
  destinataireAdresse: '1 place de la République\n\n00000 Villeneuve ',
  lieu: 'Paris',
  ...changes,
});
const fields = (values: FormValues) => validateForm(values, data).map((error) => error.field);

describe('the builder’s data', () => {
  it('carries what the client needs and no server path', () => {
    expect(data.signatories.map((s) => s.id)).toEqual(['alpha-amo', 'atelier-eleonore', 'cooperative-grand-est', 'hpf']);
    expect(data.recipients.map((r) => r.id)).toEqual(['elu', 'bailleur-social']);
    expect(JSON.stringify(data)).not.toContain(fixtureKit);
    // A signatory's footer has the partners' logos but never its own; a structure outside the kit has them all.
    expect(data.signatories.find((s) => s.id === 'hpf')!.footerLogos.map((l) => l.alt)).toEqual(['Agence nationale de la cohésion des territoires']);
    expect(data.otherFooterLogos).toHaveLength(2);
  });
});

describe('the builder’s form validation', () => {
  it('accepts a complete form, and the empty form’s defaults (first signatory, today, its signer)', () => {
    expect(validateForm(filled(), data)).toEqual([]);
    const empty = emptyValues(data, today);
    expect(empty).toMatchObject({ signataire: 'alpha-amo', interlocuteur: 'elu', date: '2026-11-23', signatureNom: 'Camille Essai', signatureFonction: 'Gérante', civilite: '' });
  });

  it('asks for the civility, the recipient’s address, the place, the date and the signer, in French', () => {
    const errors = validateForm({ ...emptyValues(data, today), date: '', signatureNom: ' ', signatureFonction: '' }, data);
    expect(errors).toEqual([
      { field: 'civilite', message: 'Choisissez « Madame » ou « Monsieur » : la formule d’appel en dépend.' },
      { field: 'destinataireAdresse', message: 'Indiquez l’adresse postale du destinataire.' },
      { field: 'date', message: 'Indiquez la date du courrier.' },
      { field: 'lieu', message: 'Indiquez le lieu d’où vous écrivez (par exemple : Lyon).' },
      { field: 'signatureNom', message: 'Indiquez le nom de la personne qui signe.' },
      { field: 'signatureFonction', message: 'Indiquez la fonction de la personne qui signe.' },
    ]);
  });

  it('asks a structure outside the kit for its name, address and e-mail, and checks their form', () => {
    const other = filled({ signataire: OTHER_SIGNATORY });
    expect(fields(other)).toEqual(['autreNom', 'autreAdresse', 'autreCourriel']);
    const typed = { ...other, autreNom: 'Échafauder', autreAdresse: '2 rue Haute\n69000 Lyon', autreCourriel: 'contact@echafauder', autreSiteWeb: 'pas un site' };
    expect(validateForm(typed, data)).toEqual([
      { field: 'autreCourriel', message: 'L’adresse électronique doit être de la forme nom@exemple.fr.' },
      { field: 'autreSiteWeb', message: 'L’adresse du site doit être de la forme www.exemple.fr.' },
    ]);
    expect(fields({ ...typed, autreCourriel: 'contact@echafauder.fr', autreSiteWeb: 'www.echafauder.fr' })).toEqual([]);
    expect(fields({ ...typed, autreCourriel: 'contact@echafauder.fr', autreSiteWeb: 'https://echafauder.fr/qui/' })).toEqual([]);
  });

  it('refuses a signatory or a recipient type the kit does not have (an old memory, a changed kit), and an impossible date', () => {
    expect(fields(filled({ signataire: 'disparu', interlocuteur: 'inconnu' }))).toEqual(['signataire', 'interlocuteur']);
    expect(validateForm(filled({ date: '2026-02-30' }), data)).toEqual([{ field: 'date', message: 'La date n’est pas valide : utilisez le format jj/mm/aaaa.' }]);
    expect(parseIsoDate('2026-02-28')?.toISOString()).toBe('2026-02-28T12:00:00.000Z');
  });
});

describe('the builder’s logo file check', () => {
  it('takes images up to 5 MB and refuses the rest with the file’s name', () => {
    expect(logoFileProblem({ name: 'logo.svg', type: 'image/svg+xml', size: 2000 })).toBeUndefined();
    expect(logoFileProblem({ name: 'logo.PNG', type: '', size: MAX_LOGO_BYTES })).toBeUndefined();
    expect(logoFileProblem({ name: 'statuts.pdf', type: 'application/pdf', size: 2000 })).toBe('« statuts.pdf » n’est pas une image : choisissez un logo en SVG, PNG, JPEG ou WebP.');
    expect(logoFileProblem({ name: 'photo.jpg', type: 'image/jpeg', size: 6.5 * 1024 * 1024 })).toBe('« photo.jpg » pèse 6,5 Mo : le logo doit peser 5 Mo au plus.');
    expect(logoFileProblem({ name: 'vide.png', type: 'image/png', size: 0 })).toBe('« vide.png » est vide : choisissez un autre fichier.');
  });
});

describe('the letter made from the form', () => {
  const text = (runs: { text: string }[]) => runs.map((run) => run.text).join('');

  it('is the engine’s letter for the named addressee, with the signer as typed', () => {
    const { input, images } = letterFromForm(filled({ signatureNom: 'Dominique Autre', commune: 'Villeneuve', quartier: 'Les Tilleuls' }), data)!;
    const letter = composeLetter(input);
    expect(letter.recipient.map(text)).toEqual(['Madame Claire Martin', 'Mairie de Villeneuve', '1 place de la République', '00000 Villeneuve']);
    expect(letter.salutation).toBe('Madame la Maire,');
    expect(letter.signer.name).toEqual({ text: 'Dominique Autre' });
    expect(text(letter.subject)).toContain('commune de Villeneuve, quartier Les Tilleuls');
    expect(text(letter.placeAndDate)).toBe('Paris, le 23 novembre 2026');
    expect(images.senderLogo?.alt).toBe('Logo d’Alpha AMO Conseil');
  });

  it('keeps the generic form of address until a civility is chosen (never guessed)', () => {
    const letter = composeLetter(letterFromForm(filled({ civilite: '' }), data)!.input);
    expect(letter.salutation).toBe('Madame la Maire, Monsieur le Maire,');
  });

  it('uses the structure typed in, its uploaded logo, and every partner logo in the footer', () => {
    const logo = { src: 'data:image/png;base64,AAAA', alt: 'Logo de Échafauder', aspect: 3 };
    const values = filled({ signataire: OTHER_SIGNATORY, autreNom: 'Échafauder', autreAdresse: '2 rue Haute\n69000 Lyon', autreCourriel: 'contact@echafauder.fr', autreSiteWeb: 'www.echafauder.fr' });
    const { input, images } = letterFromForm(values, data, logo)!;
    expect(input.sender).toMatchObject({ nom: 'Échafauder', adresse: ['2 rue Haute', '69000 Lyon'], siteWeb: 'https://www.echafauder.fr' });
    expect(images).toEqual({ senderLogo: logo, footerLogos: data.otherFooterLogos });
  });

  it('names the file after the recipient type and the organisation, or the commune', () => {
    expect(letterFileName(filled(), 'docx')).toBe('courrier-elu-mairie-de-villeneuve.docx');
    expect(letterFileName(filled({ destinataireOrganisme: '', commune: 'Saint-Étienne' }), 'pdf')).toBe('courrier-elu-saint-etienne.pdf');
    expect(letterFileName(filled({ destinataireOrganisme: ' ', interlocuteur: 'bailleur-social' }), 'docx')).toBe('courrier-bailleur-social.docx');
    expect(slug('  L’Haÿ-les-Roses — Office HLM ! ')).toBe('l-hay-les-roses-office-hlm');
  });
});
