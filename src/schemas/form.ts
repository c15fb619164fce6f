import { z } from 'astro/zod';
import { audienceSchema } from './audience.ts';

/** A field's name in the fillable PDF: stable, plain ASCII, so a filled copy can be read back by name. */
const fieldName = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'nom en minuscules sans accent, chiffres et tirets (ex. « date-action »)');

/** One choice of a `cases` field: a check box named `<field id>-<option id>`. */
const optionSchema = z
  .object({
    /** End of the check box's name: `rendez-vous` → `type-action-rendez-vous`. */
    id: fieldName.describe('Fin du nom de la case à cocher dans le PDF remplissable : minuscules sans accent, chiffres et tirets, ex. « rendez-vous » (la case s’appelle alors « type-action-rendez-vous »).'),
    /** Text beside the box: « Rendez-vous individuels ». */
    libelle: z.string().min(2).describe('Texte à côté de la case, ex. « Rendez-vous individuels ».'),
  })
  .strict();

/** One field of a form: a box to write in, a row of check boxes, or a place to sign. */
const fieldSchema = z
  .object({
    /** Name of the field in the fillable PDF (`structure`, `date-action`). Keep it once published: filled copies are read by it. */
    id: fieldName.describe('Nom du champ dans le PDF remplissable : minuscules sans accent, chiffres et tirets, ex. « date-action ». Ne plus le changer une fois le formulaire publié : les exemplaires remplis sont relus par ce nom.'),
    /** Label printed above the box: « Structure AMO ». */
    libelle: z.string().min(2).describe('Intitulé imprimé au-dessus de la zone, ex. « Structure AMO ».'),
    /** `texte`: a box to write in; `cases`: one check box per option (several may be ticked); `signature`: a box signed by hand (never a PDF field). */
    type: z.enum(['texte', 'cases', 'signature']).default('texte').describe('Sorte de champ : « texte » (une zone où écrire), « cases » (une case à cocher par option, plusieurs possibles) ou « signature » (une zone signée à la main, jamais un champ du PDF).'),
    /** Lines of handwriting the box leaves room for (`texte`, `signature`): 1 for a name, 4 for a summary. */
    lignes: z.number().int().min(1).max(12).default(1).describe('Nombre de lignes d’écriture à la main que la zone prévoit (« texte », « signature »), de 1 à 12 : 1 pour un nom, 4 pour un résumé.'),
    /** Share of the row the field takes: `pleine`, `demi` or `tiers`. */
    largeur: z.enum(['pleine', 'demi', 'tiers']).default('pleine').describe('Part de la ligne occupée par le champ : « pleine », « demi » ou « tiers ».'),
    /** Short help printed after the label: « commune et quartier ». */
    aide: z.string().min(2).optional().describe('Courte aide imprimée après l’intitulé, ex. « commune et quartier ».'),
    /** The choices of a `cases` field. */
    options: z.array(optionSchema).min(2).max(6).optional().describe('Choix d’un champ de type « cases », de 2 à 6 ; seulement pour ce type.'),
  })
  .strict()
  .refine((field) => (field.type === 'cases') === (field.options !== undefined), {
    message: 'les « options » vont avec le type « cases », et lui seul : ajoutez-les ou changez le type',
    path: ['options'],
  });

/** A titled group of fields. */
const sectionSchema = z
  .object({
    /** Heading of the group: « L’action menée ». */
    titre: z.string().min(2).optional().describe('Titre du groupe de champs, ex. « L’action menée ».'),
    /** The fields, in reading order (also the order of the tab key in the fillable PDF). */
    champs: z.array(fieldSchema).min(1).describe('Champs du groupe, dans l’ordre de lecture (aussi l’ordre de la touche Tab dans le PDF remplissable).'),
  })
  .strict();

/** A column of the form's table. */
const columnSchema = z
  .object({
    /** Start of the cells' names in the fillable PDF: `date` → `date-1`, `date-2`… */
    id: fieldName.describe('Début du nom des cellules dans le PDF remplissable : minuscules sans accent, chiffres et tirets, ex. « date » (les cellules s’appellent alors « date-1 », « date-2 »…).'),
    /** Column heading: « Personne rencontrée ». */
    libelle: z.string().min(2).describe('Titre de la colonne, ex. « Personne rencontrée ».'),
    /** `texte`: written in; `case`: a box to tick; `signature`: signed by hand (never a PDF field). */
    type: z.enum(['texte', 'case', 'signature']).default('texte').describe('Sorte de colonne : « texte » (on y écrit), « case » (une case à cocher) ou « signature » (signée à la main, jamais un champ du PDF).'),
    /** Width in millimetres (the page holds 178); columns without one share what is left. */
    largeur: z.number().min(8).max(140).optional().describe('Largeur en millimètres, de 8 à 140 (la page en contient 178) ; les colonnes sans largeur se partagent le reste. Ex. 30.'),
    /** Short note under the heading: « facultatif ». */
    aide: z.string().min(2).optional().describe('Courte note sous le titre de la colonne, ex. « facultatif ».'),
  })
  .strict();

/** A table of rows to fill in: the attendance sheet, the list of meetings. */
const tableSchema = z
  .object({
    /** Heading above the table. */
    titre: z.string().min(2).optional().describe('Titre imprimé au-dessus du tableau.'),
    /** The columns, left to right. */
    colonnes: z.array(columnSchema).min(2).max(8).describe('Colonnes du tableau, de gauche à droite (de 2 à 8).'),
    /** Rows to fill in: enough to fill the page(s) announced in `pages`. The heading row is printed once, above the first row: better one page, printed as many times as needed. */
    lignes: z.number().int().min(1).max(60).describe('Nombre de lignes à remplir, de 1 à 60 : assez pour remplir la ou les pages annoncées dans « pages ». La ligne de titres n’est imprimée qu’une fois : mieux vaut une page, imprimée autant de fois que nécessaire.'),
    /** Height of a row in millimetres: 9 at least, to write by hand. */
    hauteurLigne: z.number().min(9).max(20).default(11).describe('Hauteur d’une ligne en millimètres, de 9 à 20 : 9 au moins pour écrire à la main.'),
    /** Numbers the rows (1, 2, 3…) in a narrow first column. */
    numeroter: z.boolean().default(false).describe('« true » pour numéroter les lignes (1, 2, 3…) dans une première colonne étroite.'),
  })
  .strict();

/** A printed form of the AMI, one YAML file of `content/formulaires/`, printed for each signatory. */
export const formSchema = z
  .object({
    /** Title of the form: « Formulaire de mission ». */
    titre: z.string().min(3).describe('Titre du formulaire, ex. « Formulaire de mission ».'),
    /** Who the form is for: `amo` for the pieces an AMO hands in (the AMOs' space only), `public` otherwise. */
    audience: audienceSchema.describe('Public du formulaire : « amo » pour les pièces qu’un AMO remet (l’espace des AMO seulement), « public » sinon.'),
    /** One line under the title: what the form is for. */
    sousTitre: z.string().min(3).optional().describe('Une ligne sous le titre : à quoi sert le formulaire.'),
    /** Status printed discreetly under the title while the model is not confirmed: « Version de travail… ». */
    statut: z.string().min(10).optional().describe('État du modèle, imprimé discrètement sous le titre tant qu’il n’est pas confirmé, ex. « Version de travail ». À retirer une fois le modèle validé.'),
    /** How to use the form and what to hand in with it, printed before the fields. */
    consigne: z.string().min(10).optional().describe('Mode d’emploi du formulaire et pièces à remettre avec lui, imprimés avant les champs.'),
    /** Number of A4 pages the form must fill; the build warns when the PDF differs. */
    pages: z.number().int().min(1).max(6).describe('Nombre de pages A4 que le formulaire doit remplir, de 1 à 6 ; la fabrication prévient quand le PDF en a un autre nombre.'),
    /** Sort order among the forms (smallest first). */
    ordre: z.number().int().default(100).describe('Rang parmi les formulaires : un nombre entier, le plus petit en premier, ex. 1.'),
    /** Also a fillable PDF: each box becomes a named field to type in, each choice a check box. */
    remplissable: z.boolean().default(false).describe('« true » pour produire aussi un PDF remplissable : chaque zone devient un champ nommé où taper, chaque choix une case à cocher.'),
    /** Groups of fields, in reading order. */
    sections: z.array(sectionSchema).default([]).describe('Groupes de champs, dans l’ordre de lecture.'),
    /** A table of rows to fill in, after the sections. */
    tableau: tableSchema.optional().describe('Tableau de lignes à remplir, après les groupes de champs (ex. une feuille d’émargement).'),
    /** Short notes printed at the end, one paragraph each. */
    notes: z.array(z.string().min(2)).default([]).describe('Courtes notes imprimées à la fin, un paragraphe chacune.'),
  })
  .strict()
  .superRefine((form, context) => {
    if (form.sections.length === 0 && !form.tableau) {
      context.addIssue({ code: 'custom', message: 'formulaire vide : ajoutez des « sections » de champs ou un « tableau »', path: ['sections'] });
    }
    // Two boxes with one name would be one field in the PDF: typing in one would fill both.
    const owners = new Map<string, string>();
    for (const { name, owner, path } of namedBoxes(form)) {
      const first = owners.get(name);
      if (first) context.addIssue({ code: 'custom', message: `nom « ${name} » déjà pris par ${first} : donnez à celui-ci un autre « id »`, path });
      else owners.set(name, owner);
    }
  });

export type FormData = z.infer<typeof formSchema>;
export type FormField = FormData['sections'][number]['champs'][number];
export type FormTable = NonNullable<FormData['tableau']>;

/** What a box of a form is: text written in, or a box to tick. Signatures are boxes too, but never PDF fields. */
export type BoxKind = 'texte' | 'case';

/** A box of a form that can become a PDF field: its name, its kind, what declares it (in French) and where. */
export interface NamedBox {
  name: string;
  kind: BoxKind;
  /** « le champ « Courriel » », « la colonne « Date » », for messages. */
  owner: string;
  /** Path of the `id` that gives the name, in the YAML. */
  path: (string | number)[];
}

/** Every box of a form that can become a PDF field, with its name, in document order (signatures excepted). */
export function namedBoxes(form: Pick<FormData, 'sections' | 'tableau'>): NamedBox[] {
  const boxes: NamedBox[] = [];
  form.sections.forEach((section, s) =>
    section.champs.forEach((field, f) => {
      const path = ['sections', s, 'champs', f, 'id'];
      const owner = `le champ « ${field.libelle} »`;
      if (field.type === 'texte') boxes.push({ name: field.id, kind: 'texte', owner, path });
      for (const option of field.options ?? []) boxes.push({ name: optionFieldName(field.id, option.id), kind: 'case', owner: `la case « ${option.libelle} »`, path });
    }),
  );
  const table = form.tableau;
  for (let row = 1; table && row <= table.lignes; row++) {
    table.colonnes.forEach((column, c) => {
      if (column.type !== 'signature') boxes.push({ name: cellFieldName(column.id, row), kind: column.type, owner: `la colonne « ${column.libelle} »`, path: ['tableau', 'colonnes', c, 'id'] });
    });
  }
  return boxes;
}

/** `type-action` + `rendez-vous` → `type-action-rendez-vous`. */
export const optionFieldName = (field: string, option: string) => `${field}-${option}`;

/** `date`, row 3 → `date-3`. */
export const cellFieldName = (column: string, row: number) => `${column}-${row}`;
