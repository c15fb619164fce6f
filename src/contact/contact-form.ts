// The contact form in the visitor's browser (layouts/components/ContactForm.astro): checks each field with
// French messages beside it, then either sends the message to the sending service without leaving the
// page and confirms, or opens the visitor's mail client with the message ready. The page works without it.
import { CONTACT_FIELDS, HONEYPOT_FIELD, contactErrors, mailtoHref, revealAddress, type ContactField, type ContactValues } from './contact-message.ts';

function valuesOf(form: HTMLFormElement): ContactValues {
  const data = new FormData(form);
  return Object.fromEntries(CONTACT_FIELDS.map((field) => [field, String(data.get(field) ?? '')])) as ContactValues;
}

/** Shows (or clears) a field's message beside it, tied to the field for screen readers. */
function markField(form: HTMLFormElement, field: ContactField, message: string | undefined): void {
  const control = form.elements.namedItem(field) as HTMLInputElement | null;
  const note = form.querySelector<HTMLElement>(`#contact-${field}-erreur`);
  if (!control || !note) return;
  note.textContent = message ?? '';
  note.hidden = !message;
  if (message) {
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
  } else {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
}

export function startContactForm(form: HTMLFormElement): void {
  // The script checks the fields itself, with its messages beside them (without it, the browser does).
  form.noValidate = true;
  const endpoint = form.dataset.endpoint;
  const address = revealAddress({ user: form.dataset.user ?? '', domain: form.dataset.domain ?? '' });
  const summary = form.querySelector<HTMLElement>('.contact-errors')!;
  const status = form.querySelector<HTMLElement>('.contact-status')!;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const say = (text: string, kind: 'info' | 'erreur' = 'info') => {
    status.dataset.kind = kind;
    status.textContent = text;
  };

  // Without a sending service the form needs this script: its button and the address appear with it.
  if (!endpoint) {
    for (const element of form.querySelectorAll<HTMLElement>('.contact-mailto-only')) element.hidden = false;
    const shown = form.querySelector<HTMLElement>('[data-contact-address]');
    const copy = form.querySelector<HTMLButtonElement>('[data-contact-copy]');
    if (shown) shown.textContent = address;
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(address);
          say(`Adresse copiée : ${address}. Collez-la dans le champ « À » de votre messagerie.`);
        } catch {
          say('Votre navigateur refuse de copier : sélectionnez l’adresse et copiez-la.', 'erreur');
        }
      });
    }
  }

  /** Marks every field; returns whether the message can go. */
  const check = (focusSummary: boolean): boolean => {
    const errors = contactErrors(valuesOf(form));
    for (const field of CONTACT_FIELDS) markField(form, field, errors.find((error) => error.field === field)?.message);
    summary.replaceChildren();
    summary.hidden = errors.length === 0;
    if (errors.length === 0) return true;
    const title = document.createElement('p');
    title.textContent = errors.length === 1 ? 'Un champ est à corriger :' : `${errors.length} champs sont à corriger :`;
    const list = document.createElement('ul');
    for (const error of errors) {
      const link = document.createElement('a');
      link.href = `#contact-${error.field}`;
      link.textContent = error.message;
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    summary.append(title, list);
    if (focusSummary) summary.focus();
    return false;
  };

  // Once a field has been marked, its message follows what the visitor types.
  form.addEventListener('input', () => {
    if (form.querySelector('[aria-invalid="true"]')) check(false);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit?.getAttribute('aria-disabled') === 'true') return; // already sending
    if (!check(true)) {
      say('Le message n’est pas parti : corrigez les champs signalés.', 'erreur');
      return;
    }
    const values = valuesOf(form);
    if (!endpoint) {
      say(`Votre messagerie s’ouvre avec le message prêt. Si rien ne s’ouvre, écrivez à ${address}.`);
      window.location.href = mailtoHref(address, form.dataset.site ?? '', values);
      return;
    }
    // A robot filled the trap: it is told the message left, and nothing is sent.
    const trap = form.elements.namedItem(HONEYPOT_FIELD) as HTMLInputElement | null;
    if (trap?.value) {
      form.reset();
      say('Merci, votre message est envoyé.');
      return;
    }
    submit?.setAttribute('aria-disabled', 'true');
    say('Envoi en cours…');
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        body: new URLSearchParams([...CONTACT_FIELDS.map((field) => [field, values[field]] as [string, string]), [HONEYPOT_FIELD, '']]),
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(String(response.status));
      form.reset();
      say(`Merci, votre message est envoyé. Nous vous répondrons à ${values.courriel.trim()}.`);
    } catch {
      say(`Le message n’a pas pu partir (connexion ou service d’envoi indisponible). Réessayez dans un moment, ou écrivez à ${address}.`, 'erreur');
    } finally {
      submit?.removeAttribute('aria-disabled');
    }
  });
}
