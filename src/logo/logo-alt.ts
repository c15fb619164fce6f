// The text alternative of an organisation's logo, in French: « Logo de Nantes Habitat », « Logo d’Alpha AMO ».

/** « de X », or « d’X » before a vowel or a mute h (French elision). */
export function ofName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

/** « Logo d’Alpha AMO Conseil ». */
export function logoAlt(name: string): string {
  return `Logo ${ofName(name)}`;
}
