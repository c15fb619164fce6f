import { unzipSync } from 'fflate';
import { build } from 'esbuild';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeLetter, frenchDate, type LetterInput } from '../../src/letter/compose-letter.ts';
import { docxBytes, letterToDocx, pngFromDataUri } from '../../src/letter/letter-docx.ts';
import { letterToHtml } from '../../src/letter/letter-html.ts';
import type { LetterModel, Runs } from '../../src/letter/letter-model.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { projectRoot } from '../support/fixture.ts';

// The real content: each recipient type of the kit, as AMOs send it.
const kit = await loadKit(projectRoot);
const letter = kit.letters[0];
const sender = kit.signatories.find((s) => s.id === 'echafauder')!;
const text = (runs: Runs) => runs.map((run) => run.text).join('');
const all = (model: LetterModel) => [model.salutation, ...model.body.map(text), text(model.closing), ...model.recipient.map(text)].join('\n');

const named = (recipientId: string, civilite: 'madame' | 'monsieur'): LetterInput => ({
  letter,
  recipientType: kit.recipients.find((r) => r.id === recipientId)!,
  sender,
  addressee: { civilite, nom: 'Claire Martin', fonction: 'Maire de Villeneuve', adresse: ['Hôtel de ville', '1 place de la République', '00000 Villeneuve'] },
  lieu: 'Lyon',
  date: new Date('2026-11-23T10:00:00Z'),
});

describe('the letter engine on every recipient type of the kit', () => {
  for (const recipient of kit.recipients) {
    it(`${recipient.id}: one form of address when the civility is known, repeated in the closing, no point médian`, () => {
      for (const civilite of ['madame', 'monsieur'] as const) {
        const model = composeLetter(named(recipient.id, civilite));
        const other = recipient.appel[civilite === 'madame' ? 'monsieur' : 'madame'];
        expect(model.salutation).toBe(`${recipient.appel[civilite]},`);
        expect(text(model.closing)).toContain(`, ${recipient.appel[civilite]},`);
        expect(all(model)).not.toContain(other);
        expect(all(model)).not.toMatch(/\p{L}·\p{L}/u);
      }
    });

    it(`${recipient.id}: the generic letter keeps both forms, for a recipient not known yet`, () => {
      const model = composeLetter({ letter, recipientType: recipient, sender });
      expect(model.salutation).toBe(`${recipient.appel.madame}, ${recipient.appel.monsieur},`);
      expect(text(model.closing)).toContain(`${recipient.appel.madame}, ${recipient.appel.monsieur}`);
    });
  }

  it('lets a network or an association (HPF, CAHP IDF) introduce itself, never as an AMO: the AMO wording is only the default', () => {
    for (const id of ['hpf', 'cahp-idf']) {
      const own = kit.signatories.find((s) => s.id === id)!;
      expect(own.presentation, id).toBeTruthy();
      const body = composeLetter({ letter, recipientType: kit.recipients[0], sender: own }).body.map(text).join('\n');
      expect(body, id).toContain(own.presentation!.slice(0, 20));
      expect(body, id).not.toContain('Mon métier est l’assistance à maîtrise d’ouvrage');
    }
  });

  it('prints the named recipient’s address block, place and date, and marks a missing address as missing', () => {
    const model = composeLetter(named('elu', 'madame'));
    expect(model.recipient.map(text)).toEqual(['Madame Claire Martin', 'Maire de Villeneuve', 'Hôtel de ville', '1 place de la République', '00000 Villeneuve']);
    expect(text(model.placeAndDate)).toBe('Lyon, le 23 novembre 2026');
    const noAddress = composeLetter({ ...named('elu', 'madame'), addressee: { civilite: 'madame' } });
    expect(noAddress.recipient).toEqual([[{ text: kit.recipients.find((r) => r.id === 'elu')!.appel.madame }], [{ text: 'Adresse à compléter', missing: true }]]);
  });

  it('marks missing sender details as data, and never points to contact details that are not there', () => {
    const bare = { ...sender, courriel: undefined, telephone: undefined, adresse: undefined };
    const model = composeLetter({ ...named('elu', 'madame'), sender: bare, date: undefined });
    expect(model.sender.lines).toEqual([[{ text: 'Adresse à compléter', missing: true }], [{ text: 'Courriel à compléter', missing: true }]]);
    expect(model.placeAndDate.at(-1)).toEqual({ text: 'Date à compléter', missing: true });
    const unsigned = composeLetter({ ...named('elu', 'madame'), sender: { ...sender, signature: {} } });
    expect([unsigned.signer.name, unsigned.signer.role]).toEqual([{ text: 'Nom à compléter', missing: true }, { text: 'Fonction à compléter', missing: true }]);
    expect(all(model)).not.toMatch(/joindre|coordonnées indiquées/);
    const reachable = composeLetter({ ...named('elu', 'madame'), sender: { ...sender, courriel: 'contact@exemple.fr', telephone: '01 02 03 04 05' } });
    expect(text(reachable.body.at(-1)!)).toBe('Vous pouvez me joindre par courriel à contact@exemple.fr ou par téléphone au 01 02 03 04 05.');
  });

  it('adds the personal paragraph, with its emphasis, and the commune and neighbourhood to the subject', () => {
    const model = composeLetter({ ...named('elu', 'monsieur'), paragraphePersonnel: 'Nous nous sommes vus au **forum** de *juin*.', commune: 'Villeneuve', quartier: 'Les Tilleuls' });
    expect(model.body.find((runs) => text(runs).startsWith('Nous nous sommes vus'))).toEqual([
      { text: 'Nous nous sommes vus au ' },
      { text: 'forum', bold: true },
      { text: ' de ' },
      { text: 'juin', italic: true },
      { text: '.' },
    ]);
    expect(text(model.subject)).toMatch(/\(commune de Villeneuve, quartier Les Tilleuls\)$/);
  });

  it('applies French typography inside the engine: no-break spaces in the model, hence in HTML and DOCX', () => {
    const model = composeLetter({ ...named('elu', 'madame'), paragraphePersonnel: 'Une question : quand ? Réponse « bientôt ».' });
    expect(model.body.map(text)).toContain('Une question\u00a0: quand\u202f? Réponse «\u00a0bientôt\u00a0».');
  });

  it('writes dates in French, in Paris time', () => {
    expect(frenchDate(new Date('2026-01-31T23:30:00Z'))).toBe('1 février 2026');
  });
});

describe('the HTML renderer', () => {
  it('escapes what the sender typed and highlights what is missing', () => {
    const model = composeLetter({ ...named('elu', 'madame'), addressee: { civilite: 'madame', nom: '<script>alert(1)</script>' } });
    const html = letterToHtml(model, { footerLogos: [] });
    expect(html).toContain('Madame &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<span class="todo">Adresse à compléter</span>');
    expect(html).not.toContain('<script>');
  });

  it('hyphenates the body but never a paragraph’s last two words: no « guée. » alone under the closing formula', () => {
    const html = letterToHtml(composeLetter(named('bailleur-social', 'madame')), { footerLogos: [] });
    const closing = /<p>([^<]*Je vous prie d’agréer[^<]*)<\/p>/.exec(html)?.[1] ?? '';
    expect(closing).toContain('\u00ad'); // the formula's earlier words may still break (« l’ex-pression »)
    expect(closing).toMatch(/ma\s+considération\s+distinguée\.$/u);
    expect(closing.slice(closing.lastIndexOf('considération'))).not.toContain('\u00ad');
  });
});

/** A plain PNG of one colour, as a data URI. */
const png = async (r: number, g: number, b: number) =>
  `data:image/png;base64,${(await sharp({ create: { width: 40, height: 20, channels: 3, background: { r, g, b } } }).png().toBuffer()).toString('base64')}`;

describe('the DOCX renderer', () => {
  it('writes the same paragraphs, the logos in header and footer, and missing fields highlighted', async () => {
    const model = composeLetter({ ...named('prefet-delegue', 'monsieur'), sender: { ...sender, adresse: undefined } });
    const [logo, hpf, anct] = await Promise.all([png(200, 0, 0), png(0, 200, 0), png(0, 0, 200)]);
    const files = unzipSync(await docxBytes(letterToDocx(model, { senderLogo: pngFromDataUri(logo), footerLogos: [pngFromDataUri(hpf), pngFromDataUri(anct)] })));
    const xml = (name: string) => new TextDecoder().decode(files[name]);
    const document = xml('word/document.xml');
    const words = document.replace(/<[^>]+>/g, '');
    expect(words).toContain(`${kit.recipients.find((r) => r.id === 'prefet-delegue')!.appel.monsieur},`);
    expect(words).toContain(text(model.closing));
    for (const paragraph of model.body) expect(words).toContain(text(paragraph));
    expect(document).toMatch(/<w:highlight w:val="yellow"\/><[^]*?Adresse à compléter/);
    const header = Object.keys(files).find((name) => /^word\/header\d*\.xml$/.test(name))!;
    const footer = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    expect(xml(header).match(/<pic:pic\b/g)).toHaveLength(1);
    expect(xml(footer).match(/<pic:pic\b/g)).toHaveLength(2);
    expect(Object.keys(files).filter((name) => name.startsWith('word/media/'))).toHaveLength(3);
  });

  it('numbers a letter’s pictures within the letter, so it writes the same XML whatever letters came before', async () => {
    const [logo, hpf] = await Promise.all([png(200, 0, 0), png(0, 200, 0)]);
    const parts = async (recipient: string) => {
      const files = unzipSync(await docxBytes(letterToDocx(composeLetter(named(recipient, 'madame')), { senderLogo: pngFromDataUri(logo), footerLogos: [pngFromDataUri(hpf)] })));
      return Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith('word/')).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
    };
    const first = await parts('prefet-delegue');
    await Promise.all([parts('elu'), parts('elu')]);
    expect(await parts('prefet-delegue')).toEqual(first);
    expect(Object.values(first).join('').match(/<wp:docPr id="\d+"/g)?.sort()).toEqual(['<wp:docPr id="1"', '<wp:docPr id="2"']);
  });
});

describe('the engine in the browser', () => {
  it('bundles for the browser with no Node built-in', async () => {
    const result = await build({
      stdin: { contents: "export * from './src/letter/compose-letter.ts'; export * from './src/letter/letter-html.ts'; export * from './src/letter/letter-docx.ts';", resolveDir: projectRoot, loader: 'ts' },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      metafile: true,
    }).catch((error: { errors?: { text: string }[] }) => error);
    expect('errors' in result && result.errors?.length ? result.errors.map((e) => e.text) : []).toEqual([]);
    const inputs = Object.keys((result as { metafile: { inputs: Record<string, unknown> } }).metafile.inputs);
    expect(inputs.filter((input) => input.startsWith('node:') || /^(fs|path|os|url|child_process)$/.test(input))).toEqual([]);
  });
});
