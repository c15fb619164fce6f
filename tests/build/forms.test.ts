import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFCheckBox, PDFDocument, PDFName, PDFTextField, type PDFField } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadKit, type Form, type Kit } from '../../src/kit/load/load-kit.ts';
import { buildVariantMatrix, type PrintVariant, type VariantMatrix } from '../../src/kit/matrix/matrix.ts';
import { namedBoxes } from '../../src/schemas/form.ts';
import { logoAlt } from '../../src/logo/logo-alt.ts';
import { builtPath, fixtureKit } from '../support/fixture.ts';
import '../support/global-setup.ts';

const dist = join(fixtureKit, 'dist');
const built = (...parts: string[]) => builtPath(fixtureKit, ...parts);
let kit: Kit;
let matrix: VariantMatrix;

beforeAll(async () => {
  expect(inject('fixtureBuild').status).toBe(0);
  kit = await loadKit(fixtureKit);
  matrix = buildVariantMatrix(kit);
});

const formVariants = () => matrix.print.filter((v) => v.kind === 'formulaire');
const formOf = (variant: PrintVariant): Form => kit.forms.find((f) => f.id === variant.documentId)!;
const load = (variant: PrintVariant) => PDFDocument.load(readFileSync(built(variant.output)));

async function pdfText(variant: PrintVariant): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(built(variant.output))));
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
}

/**
 * The logos' text alternatives in the header of the page the PDF is printed from, in order. (The PDF itself
 * cannot tell: a vector logo is drawn as paths, not as a picture.)
 */
function headerLogos(variant: PrintVariant): string[] {
  const html = readFileSync(built(variant.printPath, 'index.html'), 'utf8');
  const header = html.slice(html.indexOf('<header class="form-header">'), html.indexOf('</header>'));
  const entities: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
  return [...header.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((match) => match[1].replace(/&(amp|quot|lt|gt|#39);/g, (_, name: string) => entities[name]));
}

/** A field's one widget: its page index and its rectangle in points. */
function placeOf(pdf: PDFDocument, field: PDFField) {
  const [widget] = field.acroField.getWidgets();
  return { page: pdf.getPages().findIndex((page) => page.ref === widget.P()), ...widget.getRectangle() };
}

describe('the AMI forms of each signatory', () => {
  it('are printed for every signatory, one PDF per form of content/formulaires/, on the pages announced', async () => {
    expect(kit.forms.map((f) => f.id)).toEqual(['mission', 'emargement', 'rendez-vous']);
    expect(formVariants()).toHaveLength(kit.signatories.length * kit.forms.length);
    for (const variant of formVariants()) expect((await load(variant)).getPageCount(), variant.output).toBe(formOf(variant).data.pages);
  });

  it('carry the signatory’s logo beside the partners’ (HPF, ANCT), and its name in the footer', async () => {
    for (const variant of formVariants()) {
      const signatory = kit.signatories.find((s) => s.id === variant.signatory)!;
      const partners = kit.site.logosCouverture.filter((id) => id !== signatory.id).map((id) => kit.site.partners.find((p) => p.id === id)!.nom);
      const [own, ...others] = headerLogos(variant);
      // « Logo d’Alpha AMO Conseil », « Logo de la Société coopérative… » (tests/unit/logo-alt.test.ts).
      expect(own, variant.output).toBe(logoAlt(signatory.nom, signatory.article));
      expect(others, variant.output).toEqual(partners);
      const text = await pdfText(variant);
      expect(text, variant.output).toContain(formOf(variant).data.titre);
      expect(text, variant.output).toContain(signatory.nom);
    }
  });

  it('say on paper that the model is a working version', async () => {
    for (const variant of formVariants()) {
      const { statut } = formOf(variant).data;
      expect(statut, variant.output).toBeDefined();
      expect(await pdfText(variant), variant.output).toContain('version de travail');
    }
  });

  it('give the attendance sheet its column headings and every numbered row to sign, and no fields (it is signed on paper)', async () => {
    const form = kit.forms.find((f) => f.id === 'emargement')!;
    const table = form.data.tableau!;
    for (const variant of formVariants().filter((v) => v.documentId === 'emargement')) {
      const text = await pdfText(variant);
      for (const column of table.colonnes) expect(text, variant.output).toContain(column.libelle);
      // The row numbers, in order, one per row.
      const numbers = text.slice(text.indexOf(table.colonnes.at(-1)!.libelle)).match(/\b\d{1,2}\b/g)!.map(Number);
      expect(numbers.slice(0, table.lignes), variant.output).toEqual(Array.from({ length: table.lignes }, (_, i) => i + 1));
      expect((await load(variant)).getForm().getFields(), variant.output).toEqual([]);
    }
  });
});

describe('a fillable form (remplissable: true)', () => {
  const fillable = () => formVariants().filter((v) => v.fillable);

  it('has one named field per box of its YAML, text or check box, in document order', async () => {
    expect(fillable().map((v) => v.documentId)).toEqual(expect.arrayContaining(['mission', 'rendez-vous']));
    for (const variant of fillable()) {
      const fields = (await load(variant)).getForm().getFields();
      const expected = namedBoxes(formOf(variant).data);
      expect(fields.map((f) => f.getName()), variant.output).toEqual(expected.map((box) => box.name));
      expect(fields.map((f) => (f instanceof PDFCheckBox ? 'case' : f instanceof PDFTextField ? 'texte' : f.constructor.name)), variant.output).toEqual(expected.map((box) => box.kind));
    }
  });

  it('names the mission form’s fields for who reads them back: structure, choices of action, summary on several lines', async () => {
    const pdf = await load(fillable().find((v) => v.documentId === 'mission')!);
    const form = pdf.getForm();
    expect(form.getTextField('structure').isMultiline()).toBe(false);
    expect(form.getTextField('resume').isMultiline()).toBe(true);
    expect(form.getCheckBox('type-action-reunion').isChecked()).toBe(false);
    expect(() => form.getField('signature')).toThrow(); // signed by hand, never typed
  });

  it('tabs from field to field in document order: each next field is further right on the same row, or lower', async () => {
    for (const variant of fillable()) {
      const pdf = await load(variant);
      for (const page of pdf.getPages()) expect(page.node.get(PDFName.of('Tabs')), variant.output).toBe(PDFName.of('R'));
      const places = pdf.getForm().getFields().map((field) => placeOf(pdf, field));
      places.slice(1).forEach((next, index) => {
        const previous = places[index];
        const sameRow = next.page === previous.page && next.y < previous.y + previous.height && previous.y < next.y + next.height;
        const after = next.page > previous.page || (sameRow ? next.x >= previous.x + previous.width - 0.5 : next.page === previous.page && next.y + next.height < previous.y + previous.height);
        expect(after, `${variant.output}: field ${index + 2} after field ${index + 1}`).toBe(true);
      });
    }
  });

  it('keeps its fields inside the page, apart from each other, with its metadata', async () => {
    for (const variant of fillable()) {
      const pdf = await PDFDocument.load(readFileSync(built(variant.output)), { updateMetadata: false });
      expect(pdf.getTitle(), variant.output).toBe(variant.title);
      const places = pdf.getForm().getFields().map((field) => placeOf(pdf, field));
      for (const place of places) {
        const { width, height } = pdf.getPage(place.page).getSize();
        expect(place.x >= 0 && place.y >= 0 && place.x + place.width <= width && place.y + place.height <= height, variant.output).toBe(true);
        expect(place.width * place.height, variant.output).toBeGreaterThan(50);
      }
      const overlapping = places.filter((a, i) => places.some((b, j) => j > i && a.page === b.page && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
      expect(overlapping, variant.output).toEqual([]);
    }
  });
});
