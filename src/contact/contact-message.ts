/**
 * The contact form's rules, shared by the page (Astro, at build time) and its script (in the visitor's
 * browser): the fields and their French messages, the mail a visitor without a sending service composes,
 * and the address written so that harvesters do not read it in the page. No Node API.
 */

/** The visitor's profile, offered in the form (the first choice is the empty « Choisissez… »). */
export const CONTACT_PROFILES = ['Élu·e ou collectivité', 'Bailleur social', 'Services de l’État', 'Assistant·e à maîtrise d’ouvrage (AMO)', 'Habitant·e ou groupe d’habitants', 'Autre'] as const;

/** The fields a visitor fills in; `organisation` is optional. */
export const CONTACT_FIELDS = ['nom', 'courriel', 'organisation', 'profil', 'message'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactValues = Record<ContactField, string>;

/** The trap field: hidden from people, filled in by robots; a message that fills it is dropped. */
export const HONEYPOT_FIELD = 'site-web';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Shortest message worth answering. */
export const MESSAGE_MIN_LENGTH = 10;

/** What is wrong with a message, field by field, in French; none when it can be sent. */
export function contactErrors(values: ContactValues): { field: ContactField; message: string }[] {
  const errors: { field: ContactField; message: string }[] = [];
  const value = (field: ContactField) => values[field].trim();
  if (!value('nom')) errors.push({ field: 'nom', message: 'Indiquez votre nom et votre prénom.' });
  if (!value('courriel')) errors.push({ field: 'courriel', message: 'Indiquez votre adresse électronique : nous vous répondrons à cette adresse.' });
  else if (!EMAIL.test(value('courriel'))) errors.push({ field: 'courriel', message: 'L’adresse électronique doit être de la forme nom@exemple.fr.' });
  if (!(CONTACT_PROFILES as readonly string[]).includes(value('profil'))) errors.push({ field: 'profil', message: 'Choisissez votre profil dans la liste.' });
  if (!value('message')) errors.push({ field: 'message', message: 'Écrivez votre message.' });
  else if (value('message').length < MESSAGE_MIN_LENGTH) errors.push({ field: 'message', message: `Votre message est trop court : ${MESSAGE_MIN_LENGTH} caractères au moins.` });
  return errors;
}

/** The subject of the message, as the recipient sees it in their inbox. */
export function contactSubject(siteTitle: string, values: ContactValues): string {
  return `${siteTitle} — ${values.profil.trim() || 'message'}`;
}

/** A `mailto:` link with the subject and the body ready, for a site without a sending service. */
export function mailtoHref(address: string, siteTitle: string, values: ContactValues): string {
  const signature = [values.nom.trim() + (values.organisation.trim() ? `, ${values.organisation.trim()}` : ''), values.courriel.trim()].filter(Boolean);
  const body = [values.message.trim(), '', ...signature].join('\n');
  return `mailto:${address}?subject=${encodeURIComponent(contactSubject(siteTitle, values))}&body=${encodeURIComponent(body)}`;
}

/**
 * The address as the page carries it: reversed and split at the « @ », so no harvester reads it as an
 * address; `revealAddress` puts it back together in the browser.
 */
export function hideAddress(address: string): { user: string; domain: string } {
  const [user, domain] = address.split('@');
  return { user: [...user].reverse().join(''), domain: [...domain].reverse().join('') };
}

export function revealAddress(hidden: { user: string; domain: string }): string {
  return `${[...hidden.user].reverse().join('')}@${[...hidden.domain].reverse().join('')}`;
}

/** The address read aloud and copied by hand, when the page's script does not run: « contact (arobase) exemple.fr ». */
export function spokenAddress(address: string): string {
  const [user, domain] = address.split('@');
  return `${user} (arobase) ${domain}`;
}
