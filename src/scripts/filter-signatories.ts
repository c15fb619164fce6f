// The filter of /kit/ (started by the page's script; the page also reads the threshold): narrows the list of signatories as the visitor types a name, a short name or a
// town, and announces how many remain. Without JavaScript the filter stays hidden and the list is whole.

/** Above this many signatories, /kit/ offers the filter; below, the list is short enough to read. */
export const SIGNATORY_FILTER_THRESHOLD = 12;

export function showsSignatoryFilter(signatories: number): boolean {
  return signatories > SIGNATORY_FILTER_THRESHOLD;
}

/** Lower case, without accents, punctuation as spaces: « Échafauder » and « echafauder » match. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether every word of `query` appears in `text`, accents, case and punctuation aside. */
export function matchesQuery(text: string, query: string): boolean {
  const words = searchable(query).split(' ').filter(Boolean);
  const haystack = searchable(text);
  return words.every((word) => haystack.includes(word));
}

/** What the live region says: « 3 signataires sur 24 », « Aucun signataire ne correspond à « xyz » ». */
export function countMessage(shown: number, total: number, query: string): string {
  if (searchable(query) === '') return `${total} signataires`;
  if (shown === 0) return `Aucun signataire ne correspond à « ${query.trim()} »`;
  return `${shown} signataire${shown > 1 ? 's' : ''} sur ${total}`;
}

/** Wires the filter of `root` (an element with `data-signatory-filter`) to the list it names. */
export function startSignatoryFilter(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('[role="status"]')!;
  const list = document.getElementById(root.dataset.signatoryFilter!)!;
  const items = [...list.querySelectorAll<HTMLElement>('[data-recherche]')];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    let shown = 0;
    for (const item of items) {
      const visible = matchesQuery(item.dataset.recherche!, input.value);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    // Announced once typing pauses, not at every key.
    clearTimeout(timer);
    timer = setTimeout(() => (status.textContent = countMessage(shown, items.length, input.value)), 400);
  };
  input.addEventListener('input', update);
  root.hidden = false;
  // A value the browser restored (back button) filters at once.
  if (input.value) update();
}
