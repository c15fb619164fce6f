// The form on the page: read into values, filled from values, and its errors shown next to each field
// (aria-invalid, aria-describedby) and summed up in a live region with links to the fields.
import { frenchTypography } from '../typography/french.mjs';
import { FIELD_NAMES, type FormValues } from './form-values.ts';
import type { FieldError } from './validate.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const item = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as Control | RadioNodeList | null;

export function readForm(form: HTMLFormElement): FormValues {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, item(form, name)?.value ?? ''])) as unknown as FormValues;
}

export function writeForm(form: HTMLFormElement, values: Partial<FormValues>): void {
  for (const name of FIELD_NAMES) {
    const value = values[name];
    const element = item(form, name);
    if (value === undefined || !element) continue;
    if (element instanceof RadioNodeList) {
      for (const radio of element) (radio as HTMLInputElement).checked = (radio as HTMLInputElement).value === value;
    } else {
      element.value = value;
    }
  }
}

/** The field's controls (several for a radio group) and the box that shows its error. */
function fieldParts(form: HTMLFormElement, field: keyof FormValues) {
  const element = item(form, field);
  const controls = element instanceof RadioNodeList ? [...element].map((node) => node as Control) : element ? [element] : [];
  const message = form.querySelector<HTMLElement>(`#${field}-erreur`);
  return { controls, message };
}

/** Shows `message` under one field (or clears it when undefined). */
export function setFieldError(form: HTMLFormElement, field: keyof FormValues | 'logo', message: string | undefined): void {
  const element = field === 'logo' ? form.querySelector<HTMLInputElement>('#logo') : undefined;
  const parts = field === 'logo' ? { controls: element ? [element] : [], message: form.querySelector<HTMLElement>('#logo-erreur') } : fieldParts(form, field);
  if (!parts.message) return;
  parts.message.textContent = message ? frenchTypography(message) : '';
  parts.message.hidden = !message;
  for (const control of parts.controls) {
    const described = new Set((control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
    if (message) described.add(parts.message.id);
    else described.delete(parts.message.id);
    if (described.size) control.setAttribute('aria-describedby', [...described].join(' '));
    else control.removeAttribute('aria-describedby');
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/** Fields shown with an error at the moment. */
export function invalidFields(form: HTMLFormElement): (keyof FormValues)[] {
  return FIELD_NAMES.filter((field) => {
    const message = form.querySelector<HTMLElement>(`#${field}-erreur`);
    return message && !message.hidden;
  });
}

/**
 * Shows every error next to its field, and sums them up in `summary` with a link to each field; with
 * `focus`, the focus moves to the summary, so a screen reader reads it at once and the keyboard is next
 * to the links (not while the visitor is correcting a field).
 */
export function showErrors(form: HTMLFormElement, errors: FieldError[], summary: HTMLElement, focus = true): void {
  for (const field of FIELD_NAMES) setFieldError(form, field, errors.find((error) => error.field === field)?.message);
  summary.replaceChildren();
  summary.hidden = errors.length === 0;
  if (errors.length === 0) return;
  const title = document.createElement('p');
  title.className = 'builder-errors-title';
  title.textContent = frenchTypography(errors.length === 1 ? 'Le courrier n’est pas prêt : un champ est à corriger.' : `Le courrier n’est pas prêt : ${errors.length} champs sont à corriger.`);
  const list = document.createElement('ul');
  for (const error of errors) {
    const link = document.createElement('a');
    const target = fieldParts(form, error.field).controls[0];
    link.href = `#${target?.id ?? ''}`;
    link.textContent = frenchTypography(error.message);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      target?.focus();
    });
    const entry = document.createElement('li');
    entry.append(link);
    list.append(entry);
  }
  summary.append(title, list);
  if (focus) summary.focus();
}
