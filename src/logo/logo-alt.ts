// The text alternative of an organisation's logo, in French: « Logo de Nantes Habitat », « Logo d’Alpha AMO »,
// « Logo de l’Agence nationale de la cohésion des territoires ».
import type { Article } from '../schemas/article.ts';

/** « de X », « d’X » before a vowel or a mute h (French elision), or with the name's article: « de l’X », « du X ». */
export function ofName(name: string, article?: Article): string {
  switch (article) {
    case 'le':
      return `du ${name}`;
    case 'les':
      return `des ${name}`;
    case 'la':
      return `de la ${name}`;
    case 'l’':
    case "l'":
      return `de l’${name}`;
    default:
      return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
  }
}

/** « Logo d’Alpha AMO Conseil », « Logo de l’Agence nationale de la cohésion des territoires ». */
export function logoAlt(name: string, article?: Article): string {
  return `Logo ${ofName(name, article)}`;
}
