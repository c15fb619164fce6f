import type { Kit } from '../load/load-kit.ts';
import type { Audience } from '../../schemas/audience.ts';
import { underAudience } from '../amo-space.ts';
import { KitError, KitErrors } from '../errors.ts';

export type PrintKind = 'plaquette' | 'courrier' | 'fiche' | 'formulaire';

/** Where an output is listed on a signatory's download page (and the folder of the signatory's zip). */
export type DownloadGroup = 'courriers' | 'plaquette' | 'fiches' | 'ami' | 'presentation';

/** One PDF to print: a document for one signatory (and, for letters, one recipient type). */
export interface PrintVariant {
  kind: PrintKind;
  signatory: string;
  /** Who the document is for: a `public` one is on the site and in the zip; an `amo` one only in the AMOs' space. */
  audience: Audience;
  /** Id of the source: brochure, letter, sheet or form. */
  documentId: string;
  /** Kit-relative file of that source, to name it in messages. */
  sourceFile: string;
  /** Recipient type, for letters only. */
  recipient?: string;
  /** French file name without extension: `plaquette`, `courrier-elu`, `fiche-sciapp`, `formulaire-mission`. */
  name: string;
  /** Site path of the HTML print page: `/impression/<signataire>/<name>/` (under `/espace-amo/` for the AMOs). */
  printPath: string;
  /** PDF path relative to the output folder: `kit/<signataire>/<name>.pdf` (under `espace-amo/` for the AMOs). */
  output: string;
  /** PDF title (metadata): the label and the signatory. */
  title: string;
  /** Label in download lists: « Courrier de demande de rendez-vous — Préfecture ». */
  label: string;
  /** Pages the PDF should have; the build warns when it differs. */
  expectedPages: number;
  /** Letters only: the editable Word version, relative to the output folder (`kit/<signataire>/courrier-elu.docx`). */
  docx?: string;
  /** Download group of the document. */
  group: DownloadGroup;
  /** Forms only: the PDF also gets fields to type in and boxes to tick (`remplissable: true`). */
  fillable?: boolean;
  /**
   * WebP picture of the first page, relative to the output folder: `kit/<signataire>/apercus/<name>.webp`.
   * A letter's versions share one layout and differ only in their text: only the first recipient type's
   * has a picture, which the download page shows for them all.
   */
  thumbnail?: string;
}

/** One deck for one signatory, in its five formats. */
export interface DeckVariant {
  signatory: string;
  deckId: string;
  title: string;
  /**
   * Paths relative to the output folder: the HTML to project, the slides' PDF, the notes PDF (each slide
   * above its notes), the faithful PPTX (pictures of the slides) and the editable one (text frames).
   */
  outputs: { html: string; pdf: string; notesPdf: string; pptx: string; editablePptx: string };
  /** WebP picture of the first slide, relative to the output folder. */
  thumbnail: string;
}

/** Every output of the kit: computed once, read by routes, the PDF queue, the decks, the downloads and the tests. */
export interface VariantMatrix {
  print: PrintVariant[];
  decks: DeckVariant[];
}

/** Pages of a fact sheet PDF. */
export const SHEET_PAGES = 2;

/** A signatory's outputs for `audience`: `kit/<signataire>` or `espace-amo/kit/<signataire>`. */
export function kitFolder(signatory: string, audience: Audience = 'public'): string {
  return underAudience(audience, `kit/${signatory}`);
}

/** The first page's (or slide's) picture of an output named `name`, for the download page. */
function thumbnailOf(folder: string, name: string): string {
  return `${folder}/apercus/${name}.webp`;
}

/** Computes documents × signatories × recipient types. Adding a content file adds variants; no code changes. */
export function buildVariantMatrix(kit: Kit): VariantMatrix {
  const print: PrintVariant[] = [];
  const decks: DeckVariant[] = [];

  for (const signatory of kit.signatories) {
    const sig = signatory.id;
    const folder = kitFolder(sig);
    /** A document of the signatory; `pictured: false` for one without a first-page picture. */
    const add = ({ pictured = true, ...variant }: Omit<PrintVariant, 'signatory' | 'printPath' | 'output' | 'title' | 'docx' | 'thumbnail'> & { pictured?: boolean }) => {
      const documentFolder = kitFolder(sig, variant.audience);
      print.push({
        ...variant,
        signatory: sig,
        title: `${variant.label} — ${signatory.nomCourt}`,
        printPath: `/${underAudience(variant.audience, `impression/${sig}/${variant.name}`)}/`,
        output: `${documentFolder}/${variant.name}.pdf`,
        ...(pictured ? { thumbnail: thumbnailOf(documentFolder, variant.name) } : {}),
        ...(variant.kind === 'courrier' ? { docx: `${documentFolder}/${variant.name}.docx` } : {}),
      });
    };

    for (const brochure of kit.brochures) {
      add({ kind: 'plaquette', audience: brochure.data.audience, group: brochure.data.rubrique, documentId: brochure.id, sourceFile: brochure.file, name: brochure.id, label: brochure.data.titre, expectedPages: brochure.data.pages });
    }
    for (const letter of kit.letters) {
      for (const [index, recipient] of kit.recipients.filter((r) => !letter.data.interlocuteurs || letter.data.interlocuteurs.includes(r.id)).entries()) {
        add({
          pictured: index === 0,
          kind: 'courrier',
          audience: letter.data.audience,
          group: 'courriers',
          documentId: letter.id,
          sourceFile: letter.file,
          recipient: recipient.id,
          name: `${letter.id}-${recipient.id}`,
          label: `${letter.data.titre} — ${recipient.libelle}`,
          expectedPages: letter.data.pages,
        });
      }
    }
    for (const sheet of kit.sheets) {
      add({ kind: 'fiche', audience: 'public', group: 'fiches', documentId: sheet.id, sourceFile: sheet.file, name: `fiche-${sheet.id}`, label: `Fiche « ${sheet.data.titre} »`, expectedPages: SHEET_PAGES });
    }
    for (const form of kit.forms) {
      add({ kind: 'formulaire', audience: form.data.audience, group: 'ami', documentId: form.id, sourceFile: form.file, name: `formulaire-${form.id}`, label: form.data.titre, expectedPages: form.data.pages, fillable: form.data.remplissable });
    }
    for (const deck of kit.decks) {
      decks.push({
        signatory: sig,
        deckId: deck.id,
        title: `${deck.title} — ${signatory.nomCourt}`,
        outputs: {
          html: `${folder}/${deck.id}.html`,
          pdf: `${folder}/${deck.id}.pdf`,
          notesPdf: `${folder}/${deck.id}-notes.pdf`,
          pptx: `${folder}/${deck.id}.pptx`,
          editablePptx: `${folder}/${deck.id}-modifiable.pptx`,
        },
        thumbnail: thumbnailOf(folder, deck.id),
      });
    }
  }

  assertUniqueOutputs(kit, print, decks);
  return { print, decks };
}

/** Two sources must never write the same file (a brochure named like a sheet, say). */
function assertUniqueOutputs(kit: Kit, print: PrintVariant[], decks: DeckVariant[]): void {
  const seen = new Map<string, string>();
  const errors: KitError[] = [];
  const reported = new Set<string>();
  const claim = (output: string, source: string) => {
    const other = seen.get(output);
    // One error per pair of sources, not one per signatory.
    if (other && other !== source && !reported.has(`${other}|${source}`)) {
      reported.add(`${other}|${source}`);
      errors.push(new KitError(`même fichier de sortie que ${other} : ${output}`, { code: 'sortie-double', file: source, hint: 'Renommez l’un des deux fichiers sources.' }));
    }
    seen.set(output, source);
  };
  for (const variant of print) {
    claim(variant.output, variant.sourceFile);
    if (variant.docx) claim(variant.docx, variant.sourceFile);
  }
  for (const deck of decks) {
    const file = kit.decks.find((d) => d.id === deck.deckId)!.file;
    for (const output of Object.values(deck.outputs)) claim(output, file);
  }
  if (errors.length > 0) throw new KitErrors(errors);
}

/** Every file the variants make, relative to the output folder: PDFs, Word letters, deck files. */
export function outputFiles(matrix: VariantMatrix): string[] {
  return [...matrix.print.flatMap((v) => (v.docx ? [v.output, v.docx] : [v.output])), ...matrix.decks.flatMap((d) => Object.values(d.outputs))];
}

/** The variants of one signatory for one audience, for its download page (decks are public). */
export function variantsOf(matrix: VariantMatrix, signatory: string, audience: Audience = 'public') {
  return {
    print: matrix.print.filter((v) => v.signatory === signatory && v.audience === audience),
    decks: audience === 'public' ? matrix.decks.filter((d) => d.signatory === signatory) : [],
  };
}
