import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFCheckBox, PDFDocument, PDFName, PDFString, PDFHexString, PDFTextField } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKitError } from '../../src/kit/errors.ts';
import { LoadContext } from '../../src/kit/load/context.ts';
import { FORMS_FOLDER, loadForms } from '../../src/kit/load/forms.ts';
import { loadKit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { pdfRectangle, withFormFields } from '../../src/kit/render/print/fillable-form.ts';
import { withMetadata } from '../../src/kit/render/print/pdf-metadata.ts';
import type { FieldBox } from '../../src/kit/render/print/print-pdf.ts';
import { formSchema, namedBoxes } from '../../src/schemas/form.ts';
import { fixtureKit, projectRoot } from '../support/fixture.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A kit root holding only `content/formulaires/<name>`, read by the forms' loader: the errors as an editor reads them. */
async function formErrors(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'kit-forms-'));
  roots.push(root);
  mkdirSync(join(root, FORMS_FOLDER), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, FORMS_FOLDER, name), text);
  const context = new LoadContext(root);
  await loadForms(context);
  return context.errors.map(formatKitError);
}

const mission = readFileSync(join(projectRoot, 'content/formulaires/mission.yaml'), 'utf8');

describe('the project’s forms (content/formulaires/)', () => {
  it('are the mission form, the attendance sheet and the list of meetings, in that order', async () => {
    const kit = await loadKit(projectRoot);
    expect(kit.forms.map((form) => form.id)).toEqual(['mission', 'emargement', 'rendez-vous']);
  });

  it('say on paper that they are a working version, until the comité technique confirms them', async () => {
    for (const form of (await loadKit(projectRoot)).forms) expect(form.data.statut, form.file).toMatch(/version de travail/i);
  });

  it('give the mission form every field of the meeting notes, fillable, with stable ASCII names', async () => {
    const form = (await loadKit(projectRoot)).forms.find((f) => f.id === 'mission')!;
    expect(form.data.remplissable).toBe(true);
    const names = namedBoxes(form.data).map((box) => box.name);
    for (const name of ['structure', 'personne', 'courriel', 'telephone', 'commune', 'quartier', 'type-action-rendez-vous', 'type-action-reunion', 'type-action-animation', 'date-action', 'acteurs', 'resume', 'suites', 'financement-non', 'financement-oui', 'date-signature']) {
      expect(names).toContain(name);
    }
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
  });

  it('give the attendance sheet and the list of meetings the columns the règlement asks for', async () => {
    const forms = (await loadKit(projectRoot)).forms;
    const columns = (id: string) => forms.find((f) => f.id === id)!.data.tableau!.colonnes.map((c) => c.libelle);
    expect(columns('emargement')).toEqual(['Nom et prénom', 'Structure', 'Fonction ou qualité', 'Courriel', 'Signature']);
    expect(columns('rendez-vous')).toEqual(['Date', 'Personne rencontrée', 'Structure', 'Objet', 'Courriel de remerciement envoyé', 'Compte rendu joint']);
    const ticks = forms.find((f) => f.id === 'rendez-vous')!.data.tableau!.colonnes.filter((c) => c.type === 'case').map((c) => c.id);
    expect(ticks).toEqual(['remerciement', 'compte-rendu']);
  });
});

describe('form schema', () => {
  it('names boxes in document order: section fields, one check box per choice, then the table row by row (signatures never)', () => {
    const form = formSchema.parse({
      titre: 'Essai',
      audience: 'amo',
      pages: 1,
      sections: [
        {
          champs: [
            { id: 'structure', libelle: 'Structure' },
            { id: 'type-action', libelle: 'Type', type: 'cases', options: [{ id: 'a', libelle: 'Choix A' }, { id: 'b', libelle: 'Choix B' }] },
            { id: 'signature', libelle: 'Signature', type: 'signature' },
          ],
        },
      ],
      tableau: { lignes: 2, colonnes: [{ id: 'nom', libelle: 'Nom' }, { id: 'envoye', libelle: 'Envoyé', type: 'case' }, { id: 'visa', libelle: 'Visa', type: 'signature' }] },
    });
    expect(namedBoxes(form).map(({ name, kind }) => `${name}:${kind}`)).toEqual(['structure:texte', 'type-action-a:case', 'type-action-b:case', 'nom-1:texte', 'envoye-1:case', 'nom-2:texte', 'envoye-2:case']);
  });

  it('has defaults for what an editor leaves out: text boxes of one line, full width, paper only, rows of 11 mm', () => {
    const form = formSchema.parse({ titre: 'Essai', audience: 'amo', pages: 1, sections: [{ champs: [{ id: 'nom', libelle: 'Nom' }] }], tableau: { lignes: 1, colonnes: [{ id: 'a', libelle: 'Colonne A' }, { id: 'b', libelle: 'Colonne B' }] } });
    expect(form.remplissable).toBe(false);
    expect(form.sections[0].champs[0]).toMatchObject({ type: 'texte', lignes: 1, largeur: 'pleine' });
    expect(form.tableau!.hauteurLigne).toBe(11);
  });
});

describe('a mistake in a form, in French with its file, line, field and fix', () => {
  it('a misspelt field name gets a suggestion', async () => {
    expect(await formErrors({ 'mission.yaml': mission.replace('        libelle: Commune', '        libele: Commune') })).toEqual([
      expect.stringMatching(/^content\/formulaires\/mission\.yaml, ligne \d+ : « sections\.1\.champs\.0\.libele » — champ inconnu\n {4}→ Vouliez-vous écrire « libelle » \?$/),
    ]);
  });

  it('two boxes with one name (a copied field whose id was not changed) are refused at the second one', async () => {
    const copied = mission.replace('      - id: telephone\n', '      - id: courriel\n');
    const line = copied.split('\n').lastIndexOf('      - id: courriel') + 1;
    expect(await formErrors({ 'mission.yaml': copied })).toEqual([
      `content/formulaires/mission.yaml, ligne ${line} : « sections.0.champs.3.id » — nom « courriel » déjà pris par le champ « Courriel » : donnez à celui-ci un autre « id »\n    → Corrigez la valeur de ce champ.`,
    ]);
  });

  it('a field name with an accent or a capital is refused: the PDF field must keep a plain name', async () => {
    const [error] = await formErrors({ 'mission.yaml': mission.replace('id: telephone', 'id: Téléphone') });
    expect(error).toMatch(/^content\/formulaires\/mission\.yaml, ligne \d+ : « sections\.0\.champs\.3\.id » — nom en minuscules sans accent, chiffres et tirets \(ex\. « date-action »\)/);
  });

  it('choices without the type « cases » are refused', async () => {
    const [error] = await formErrors({ 'mission.yaml': mission.replace('        type: cases\n        options:\n          - id: rendez-vous', '        options:\n          - id: rendez-vous') });
    expect(error).toMatch(/^content\/formulaires\/mission\.yaml, ligne \d+ : « sections\.\d+\.champs\.\d+\.options » — les « options » vont avec le type « cases », et lui seul/);
  });

  it('rows too low to write in by hand are refused', async () => {
    const [error] = await formErrors({ 'emargement.yaml': 'titre: Émargement\npages: 1\naudience: amo\ntableau:\n  lignes: 10\n  hauteurLigne: 6\n  colonnes:\n    - id: nom\n      libelle: Nom\n    - id: visa\n      libelle: Signature\n      type: signature\n' });
    expect(error).toMatch(/^content\/formulaires\/emargement\.yaml, ligne 6 : « tableau\.hauteurLigne » — /);
  });

  it('a form with neither fields nor table is refused', async () => {
    const [error] = await formErrors({ 'vide.yaml': 'titre: Formulaire vide\npages: 1\naudience: amo\n' });
    expect(error).toContain('formulaire vide : ajoutez des « sections » de champs ou un « tableau »');
  });
});

describe('forms in the variant matrix', () => {
  it('give each signatory one PDF per form, in the AMI group of the AMOs’ space, fillable as the YAML says, with its page count', async () => {
    const kit = await loadKit(fixtureKit);
    expect(kit.forms.length).toBeGreaterThan(1);
    const forms = buildVariantMatrix(kit).print.filter((v) => v.kind === 'formulaire');
    expect(forms).toHaveLength(kit.signatories.length * kit.forms.length);
    for (const form of kit.forms) {
      for (const signatory of kit.signatories) {
        expect(forms.find((v) => v.signatory === signatory.id && v.documentId === form.id)).toMatchObject({
          name: `formulaire-${form.id}`,
          audience: 'amo',
          output: `espace-amo/kit/${signatory.id}/formulaire-${form.id}.pdf`,
          printPath: `/espace-amo/impression/${signatory.id}/formulaire-${form.id}/`,
          group: 'ami',
          fillable: form.data.remplissable,
          expectedPages: form.data.pages,
        });
      }
    }
    expect(forms.some((v) => v.fillable)).toBe(true);
    expect(forms.some((v) => !v.fillable)).toBe(true);
  });

  it('are none in a kit without content/formulaires/', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kit-forms-'));
    roots.push(root);
    expect(await loadForms(new LoadContext(root))).toEqual([]);
  });
});

/** An empty A4 page as Chromium prints it (MediaBox of 595.92 × 842.88 pt), with its metadata. */
async function printedPage(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595.92, 842.88]);
  document.addPage([595.92, 842.88]);
  return (await withMetadata(await document.save(), { title: 'Formulaire de mission — Alpha', author: 'Alpha', language: 'fr-FR', date: new Date('2025-03-30T02:30:04Z') })).bytes;
}

const boxes: FieldBox[] = [
  { name: 'structure', page: 0, x: 60, y: 100, width: 300, height: 30, multiline: false, type: 'texte', label: 'Structure AMO' },
  { name: 'type-action-reunion', page: 0, x: 60, y: 160, width: 17.4, height: 17.4, multiline: false, type: 'case', label: 'Type d’action : Réunion collective' },
  { name: 'resume', page: 1, x: 60, y: 60, width: 600, height: 120, multiline: true, type: 'texte', label: 'Résumé' },
];

describe('the fillable PDF', () => {
  it('places a box in points from the bottom left of the MediaBox (¾ pt per CSS pixel)', () => {
    const page = { getMediaBox: () => ({ x: 10, y: 20, width: 595.92, height: 842.88 }) };
    expect(pdfRectangle(page, { x: 100, y: 200, width: 40, height: 20 })).toEqual({ x: 85, y: 20 + 842.88 - 165, width: 30, height: 15 });
  });

  it('has one named field per box, text or check box, in document order, on its page and at its place', async () => {
    const pdf = await PDFDocument.load(await withFormFields(await printedPage(), boxes));
    const fields = pdf.getForm().getFields();
    expect(fields.map((f) => f.getName())).toEqual(['structure', 'type-action-reunion', 'resume']);
    expect(fields.map((f) => f.constructor)).toEqual([PDFTextField, PDFCheckBox, PDFTextField]);
    expect((fields[0] as PDFTextField).isMultiline()).toBe(false);
    expect((fields[2] as PDFTextField).isMultiline()).toBe(true);
    const [widget] = fields[2].acroField.getWidgets();
    expect(widget.P()).toBe(pdf.getPage(1).ref);
    const rect = widget.getRectangle();
    // Typed text keeps off the printed box's edges: 2,5 pt sideways, 1,5 pt above and below.
    expect(rect).toEqual({ x: 47.5, y: 842.88 - 135 + 1.5, width: 445, height: 87 });
  });

  it('tells screen readers what each field asks (tooltip) and tabs through each page by rows', async () => {
    const pdf = await PDFDocument.load(await withFormFields(await printedPage(), boxes));
    const tooltip = (name: string) => {
      const value = pdf.getForm().getField(name).acroField.dict.lookup(PDFName.of('TU'));
      return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : undefined;
    };
    expect(tooltip('type-action-reunion')).toBe('Type d’action : Réunion collective');
    for (const page of pdf.getPages()) expect(page.node.get(PDFName.of('Tabs'))).toBe(PDFName.of('R'));
  });

  it('keeps the metadata, can be filled in, and gives the same bytes for the same print', async () => {
    const printed = await printedPage();
    const first = await withFormFields(printed, boxes);
    const second = await withFormFields(printed, boxes);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const pdf = await PDFDocument.load(first, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Formulaire de mission — Alpha');
    expect(pdf.getCreationDate()).toEqual(new Date('2025-03-30T02:30:04Z'));
    pdf.getForm().getTextField('structure').setText('Échafauder');
    pdf.getForm().getCheckBox('type-action-reunion').check();
    const filled = await PDFDocument.load(await pdf.save());
    expect(filled.getForm().getTextField('structure').getText()).toBe('Échafauder');
    expect(filled.getForm().getCheckBox('type-action-reunion').isChecked()).toBe(true);
  });
});
