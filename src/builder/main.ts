// The letter builder at /courrier/: wires the form, the preview, the logo field, the downloads and the
// opt-in memory together. Everything happens in the browser: nothing typed is sent anywhere.
import { composeLetter } from '../letter/compose-letter.ts';
import { frenchTypography } from '../typography/french.mjs';
import { logoAlt } from '../logo/logo-alt.ts';
import type { BuilderData } from './builder-data.ts';
import { downloadDocx } from './downloads.ts';
import { invalidFields, readForm, setFieldError, showErrors, writeForm } from './form-dom.ts';
import { emptyValues, letterFileName, letterFromForm, OTHER_SIGNATORY, signatoryDetails as signatoryDetailsText, type FormValues } from './form-values.ts';
import { LogoError, logoFromFile } from './logo-file.ts';
import { pngDataUriAspect } from '../logo/png-size.ts';
import { LetterPreview, PREVIEW_DEBOUNCE_MS } from './preview.ts';
import { forget, recall, remember } from './storage.ts';
import { validateForm } from './validate.ts';

/** The letter's HTML and its French hyphenation patterns: loaded for the preview, not with the page. */
const letterHtml = () => import('../letter/letter-html.ts');

function start(root: HTMLElement): void {
  const { data, printCss } = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent!) as { data: BuilderData; printCss: string };
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const form = find<HTMLFormElement>('form');
  const summary = find<HTMLElement>('.builder-errors');
  const announcer = find<HTMLElement>('.builder-announce');
  const fitStatus = find<HTMLElement>('.builder-fit');
  const civilityHint = find<HTMLElement>('.builder-civility-hint');
  const otherFields = find<HTMLFieldSetElement>('.builder-other');
  const signatoryDetails = find<HTMLElement>('.builder-signatory-details');
  const logoInput = find<HTMLInputElement>('#logo');
  const logoChosen = find<HTMLElement>('.builder-logo-chosen');
  const rememberBox = find<HTMLInputElement>('#memoriser');
  const docxButton = find<HTMLButtonElement>('.builder-docx');
  const viewport = find<HTMLElement>('.builder-preview-viewport');
  const preview = new LetterPreview(find<HTMLIFrameElement>('.builder-preview-viewport iframe'), viewport, printCss);
  let otherLogo: string | undefined;

  const announce = (message: string) => {
    announcer.textContent = '';
    // A new text node in an emptied region is read even when the message repeats.
    setTimeout(() => (announcer.textContent = frenchTypography(message)), 50);
  };

  // ——— State: remembered values, or an empty form; the URL may choose the signatory and recipient type only.
  const remembered = recall();
  const initial: FormValues = remembered?.values ?? emptyValues(data, new Date());
  const known = { signataire: [...data.signatories.map((s) => s.id), OTHER_SIGNATORY], interlocuteur: data.recipients.map((r) => r.id) };
  const defaults = emptyValues(data, new Date());
  const params = new URLSearchParams(window.location.search);
  for (const key of ['signataire', 'interlocuteur'] as const) {
    const asked = params.get(key);
    if (asked && known[key].includes(asked)) initial[key] = asked;
    if (!known[key].includes(initial[key])) initial[key] = defaults[key];
  }
  if (!remembered) {
    const signature = data.signatories.find((s) => s.id === initial.signataire)?.signature;
    initial.signatureNom = signature?.nom ?? '';
    initial.signatureFonction = signature?.fonction ?? '';
  }
  writeForm(form, initial);
  if (remembered) {
    rememberBox.checked = true;
    otherLogo = remembered.logo;
  }
  let signatoryShown = initial.signataire;

  // ——— What depends on the chosen signatory.
  const showSignatory = () => {
    const values = readForm(form);
    const listed = data.signatories.find((s) => s.id === values.signataire);
    otherFields.hidden = Boolean(listed);
    signatoryDetails.textContent = frenchTypography(signatoryDetailsText(listed));
    const chosen = logoChosen.querySelector('img')!;
    logoChosen.hidden = !otherLogo;
    if (otherLogo) chosen.src = otherLogo;
  };

  /** The signer follows the signatory, unless the visitor has typed another one. */
  const followSignatory = (previous: string, next: string) => {
    const before = data.signatories.find((s) => s.id === previous)?.signature;
    const after = data.signatories.find((s) => s.id === next)?.signature;
    const values = readForm(form);
    const untouched = (field: 'signatureNom' | 'signatureFonction', key: 'nom' | 'fonction') => !values[field].trim() || values[field] === before?.[key];
    writeForm(form, {
      ...(untouched('signatureNom', 'nom') ? { signatureNom: after?.nom ?? '' } : {}),
      ...(untouched('signatureFonction', 'fonction') ? { signatureFonction: after?.fonction ?? '' } : {}),
    });
  };

  // ——— Preview, debounced.
  const currentLetter = () => {
    const values = readForm(form);
    const logo = otherLogo ? { src: otherLogo, alt: values.autreNom.trim() ? logoAlt(values.autreNom.trim()) : 'Logo de la structure', aspect: pngDataUriAspect(otherLogo) } : undefined;
    return { values, letter: letterFromForm(values, data, logo) };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = undefined;
    const { values, letter } = currentLetter();
    civilityHint.hidden = values.civilite !== '';
    if (rememberBox.checked && !remember({ values, logo: otherLogo })) {
      rememberBox.checked = false;
      announce('Votre navigateur refuse de mémoriser les saisies (navigation privée ou espace plein) : elles ne sont pas gardées.');
    }
    if (!letter) return Promise.resolve();
    viewport.setAttribute('aria-busy', 'true');
    const model = composeLetter(letter.input);
    return letterHtml().then(({ letterToHtml }) => preview.update(letterToHtml(model, letter.images)));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), PREVIEW_DEBOUNCE_MS);
  };
  /** The preview as the form is now (a pending update is done at once). */
  const upToDate = async () => {
    if (timer !== undefined) await refresh();
    await preview.settled();
  };
  let fits = true;
  preview.onRendered((pages) => {
    if (!preview.idle) return;
    viewport.removeAttribute('aria-busy');
    if (timer === undefined) viewport.dataset.ready = 'true';
    const nowFits = pages <= 1;
    if (nowFits === fits) return;
    fits = nowFits;
    fitStatus.textContent = nowFits ? '' : frenchTypography(`Attention : le courrier ne tient plus sur une page A4 (${pages} pages). Raccourcissez le paragraphe personnel ou l’adresse pour revenir à une seule page.`);
  });

  form.addEventListener('submit', (event) => event.preventDefault());
  // A visitor filling the form will look at the preview: its Paged.js loads while they type.
  form.addEventListener('focusin', () => preview.start(), { once: true });
  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (target === logoInput || target === rememberBox) return;
    delete viewport.dataset.ready;
    if (target.getAttribute('name') === 'signataire') {
      const next = readForm(form).signataire;
      followSignatory(signatoryShown, next);
      signatoryShown = next;
      showSignatory();
    }
    // A field shown in error is checked again as soon as it changes.
    const flagged = invalidFields(form);
    if (flagged.length) {
      const errors = validateForm(readForm(form), data).filter((error) => flagged.includes(error.field));
      showErrors(form, errors, summary, false);
    }
    schedule();
  });

  // ——— Logo of a structure outside the kit.
  logoInput.addEventListener('change', async () => {
    const file = logoInput.files?.[0];
    if (!file) return;
    try {
      const png = await logoFromFile(file);
      otherLogo = png.src;
      setFieldError(form, 'logo', undefined);
      announce(png.removed.length ? `Logo chargé. Il contenait ${png.removed.join(', ')} : retiré, le logo n’en a pas besoin.` : 'Logo chargé : il apparaît dans l’aperçu.');
      showSignatory();
      delete viewport.dataset.ready;
      schedule();
    } catch (error) {
      const message = error instanceof LogoError ? error.message : `« ${file.name} » ne peut pas être lu comme une image : choisissez un logo en SVG, PNG, JPEG ou WebP.`;
      setFieldError(form, 'logo', `${message}${otherLogo ? ' Le logo précédent est conservé.' : ''}`);
      announce(message);
      logoInput.value = '';
    }
  });
  find<HTMLButtonElement>('.builder-logo-remove').addEventListener('click', () => {
    otherLogo = undefined;
    logoInput.value = '';
    showSignatory();
    announce('Logo retiré.');
    logoInput.focus();
    schedule();
  });

  // ——— Memory on this device, opt-in.
  rememberBox.addEventListener('change', () => {
    if (rememberBox.checked) {
      schedule();
      announce('Vos saisies seront mémorisées dans ce navigateur, sur cet appareil seulement.');
    } else {
      forget();
      announce('Vos saisies ne sont plus mémorisées sur cet appareil.');
    }
  });
  find<HTMLButtonElement>('.builder-forget').addEventListener('click', () => {
    forget();
    rememberBox.checked = false;
    otherLogo = undefined;
    logoInput.value = '';
    writeForm(form, emptyValues(data, new Date()));
    signatoryShown = readForm(form).signataire;
    showErrors(form, [], summary);
    setFieldError(form, 'logo', undefined);
    showSignatory();
    schedule();
    announce('Vos saisies sont effacées du formulaire et de cet appareil.');
  });

  // ——— Print and download: only a complete letter.
  const ready = () => {
    const values = readForm(form);
    const errors = validateForm(values, data);
    showErrors(form, errors, summary);
    return errors.length ? undefined : values;
  };
  find<HTMLButtonElement>('.builder-print').addEventListener('click', async () => {
    const values = ready();
    if (!values) return;
    await upToDate();
    await preview.print(letterFileName(values, 'pdf').replace(/\.pdf$/, ''));
  });
  docxButton.addEventListener('click', async () => {
    const values = ready();
    const letter = values && currentLetter().letter;
    if (!values || !letter || docxButton.getAttribute('aria-disabled') === 'true') return;
    docxButton.setAttribute('aria-disabled', 'true');
    const name = letterFileName(values, 'docx');
    announce('Préparation du fichier Word…');
    try {
      await downloadDocx(composeLetter(letter.input), letter.images, name);
      announce(`Le fichier ${name} est prêt : il est dans vos téléchargements.`);
    } catch {
      announce('Le fichier Word n’a pas pu être préparé. Si vous êtes hors connexion, reconnectez-vous (le module Word se charge à la première demande), puis réessayez.');
    } finally {
      docxButton.removeAttribute('aria-disabled');
    }
  });

  showSignatory();
  void refresh();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-letter-builder]')) start(root);
