// What the builder checks before printing or downloading a letter, and before taking a logo file: pure
// functions returning French messages, shown next to their field.
import type { BuilderData } from './builder-data.ts';
import { OTHER_SIGNATORY, parseIsoDate, type FormValues } from './form-values.ts';

export interface FieldError {
  field: keyof FormValues;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

/** The form's mistakes, in the order of the fields; empty when the letter can be printed. */
export function validateForm(values: FormValues, data: BuilderData): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: keyof FormValues, message: string) => {
    if (!values[field].trim()) errors.push({ field, message });
  };
  const other = values.signataire === OTHER_SIGNATORY;
  if (!other && !data.signatories.some((s) => s.id === values.signataire)) {
    errors.push({ field: 'signataire', message: 'Choisissez la structure qui signe le courrier.' });
  }
  if (other) {
    need('autreNom', 'Indiquez le nom de votre structure.');
    need('autreAdresse', 'Indiquez l’adresse postale de votre structure.');
    if (!values.autreCourriel.trim()) errors.push({ field: 'autreCourriel', message: 'Indiquez l’adresse électronique de votre structure.' });
    else if (!EMAIL.test(values.autreCourriel.trim())) errors.push({ field: 'autreCourriel', message: 'L’adresse électronique doit être de la forme nom@exemple.fr.' });
    if (values.autreSiteWeb.trim() && !WEBSITE.test(values.autreSiteWeb.trim())) {
      errors.push({ field: 'autreSiteWeb', message: 'L’adresse du site doit être de la forme www.exemple.fr.' });
    }
  }
  if (!data.recipients.some((r) => r.id === values.interlocuteur)) {
    errors.push({ field: 'interlocuteur', message: 'Choisissez le type d’interlocuteur.' });
  }
  if (values.civilite !== 'madame' && values.civilite !== 'monsieur') {
    errors.push({ field: 'civilite', message: 'Choisissez « Madame » ou « Monsieur » : la formule d’appel en dépend.' });
  }
  need('destinataireAdresse', 'Indiquez l’adresse postale du destinataire.');
  if (!values.date.trim()) errors.push({ field: 'date', message: 'Indiquez la date du courrier.' });
  else if (!parseIsoDate(values.date)) errors.push({ field: 'date', message: 'La date n’est pas valide : utilisez le format jj/mm/aaaa.' });
  need('lieu', 'Indiquez le lieu d’où vous écrivez (par exemple : Lyon).');
  need('signatureNom', 'Indiquez le nom de la personne qui signe.');
  need('signatureFonction', 'Indiquez la fonction de la personne qui signe.');
  return errors;
}

/** Largest logo file taken, in bytes. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

const IMAGE_TYPES = ['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const IMAGE_EXTENSIONS = /\.(svg|png|jpe?g|webp|gif)$/i;

/** « 6,2 Mo », rounded up: a file just over the limit never reads « 5 Mo ». */
const megabytes = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('fr-FR')} Mo`;

/** Why a logo file is refused before reading it (type, weight), or undefined. */
export function logoFileProblem(file: { name: string; type: string; size: number }): string | undefined {
  const image = file.type ? IMAGE_TYPES.includes(file.type) : IMAGE_EXTENSIONS.test(file.name);
  if (!image) return `« ${file.name} » n’est pas une image : choisissez un logo en SVG, PNG, JPEG ou WebP.`;
  if (file.size > MAX_LOGO_BYTES) return `« ${file.name} » pèse ${megabytes(file.size)} : le logo doit peser 5 Mo au plus.`;
  if (file.size === 0) return `« ${file.name} » est vide : choisissez un autre fichier.`;
  return undefined;
}

/** Whether a logo file is an SVG, to sanitise before drawing it. */
export const isSvgFile = (file: { name: string; type: string }) => file.type === 'image/svg+xml' || (!file.type && /\.svg$/i.test(file.name));
