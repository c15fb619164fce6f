import { describe, expect, it } from 'vitest';
import { signatorySchema } from '../../src/schemas/signatory.ts';
import { recipientSchema, genericSalutation } from '../../src/schemas/recipient.ts';
import { siteSchema } from '../../src/schemas/site.ts';

const signatory = {
  nom: 'Alpha AMO Conseil',
  nomCourt: 'Alpha AMO',
  logo: 'logo.svg',
  signature: { nom: 'Camille Essai', fonction: 'Gérante' },
};

describe('signatory schema', () => {
  it('accepts a signatory whose contact details are not known yet', () => {
    expect(signatorySchema.safeParse(signatory).success).toBe(true);
  });

  it('rejects a logo that is neither SVG, PNG nor JPEG, naming the field', () => {
    const result = signatorySchema.safeParse({ ...signatory, logo: 'logo.gif' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['logo']);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const result = signatorySchema.safeParse({ ...signatory, courriell: 'a@b.fr' });
    expect(result.error!.issues[0].code).toBe('unrecognized_keys');
  });

  it('requires the signer’s name and role', () => {
    const result = signatorySchema.safeParse({ ...signatory, signature: { nom: 'Camille Essai' } });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['signature.fonction']);
  });

  it('rejects an e-mail address that is not one', () => {
    expect(signatorySchema.safeParse({ ...signatory, courriel: 'contact.alpha' }).success).toBe(false);
  });
});

describe('recipient schema', () => {
  const recipient = {
    libelle: 'Maire',
    appel: { madame: 'Madame la Maire', monsieur: 'Monsieur le Maire' },
    destinataire: ['Mairie'],
    objet: 'Demande de rendez-vous',
  };

  it('needs both forms of address, so the gender is chosen and never guessed', () => {
    const result = recipientSchema.safeParse({ ...recipient, appel: { madame: 'Madame la Maire' } });
    expect(result.error!.issues[0].path).toEqual(['appel', 'monsieur']);
  });

  it('sorts last when no order is given', () => {
    expect(recipientSchema.parse(recipient).ordre).toBe(100);
  });

  it('builds the form of address for an unknown addressee from both forms', () => {
    expect(genericSalutation(recipient.appel)).toBe('Madame la Maire, Monsieur le Maire');
  });
});

describe('site schema', () => {
  it('keeps HPF and ANCT in the letter footer and on the cover by default', () => {
    const site = siteSchema.parse({
      titre: 'Kit',
      description: 'Une description assez longue.',
      url: 'https://exemple.test',
      partenaires: [{ id: 'hpf', nom: 'HPF', logo: 'partenaires/hpf.svg' }],
      contact: { courriel: 'contact@exemple.test' },
    });
    expect(site.logosPiedDeCourrier).toEqual(['hpf', 'anct']);
    expect(site.logosCouverture).toEqual(['hpf', 'anct']);
    expect(site.signataireParDefaut).toBe('hpf');
  });

  it('requires an https address for the public site', () => {
    const result = siteSchema.safeParse({ titre: 'Kit', description: 'Une description assez longue.', url: 'http://exemple.test', partenaires: [], contact: { courriel: 'a@b.fr' } });
    expect(result.error!.issues.some((i) => i.path[0] === 'url')).toBe(true);
  });
});
