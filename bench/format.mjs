// How the bench prints its figures: French decimal commas (« 0,24 s », « 1,42 Go »), durations, ratios, and a
// target's verdict (« atteint » / « non atteint », or « non évalué » when a figure is missing).

/** « 0,24 », with `digits` decimals. */
export const decimal = (value, digits = 2) => value.toFixed(digits).replace('.', ',');

/** « 0,24 s ». */
export const seconds = (ms, digits = 2) => `${decimal(ms / 1000, digits)} s`;

/** « 41,0 s », or « 3 min 12 s (192,4 s) » from a minute up. */
export function duration(ms) {
  if (ms < 60_000) return seconds(ms, 1);
  const whole = Math.round(ms / 1000);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s (${seconds(ms, 1)})`;
}

/** « 1,42 Go » (1 Go = 1024³ octets). */
export const gigabytes = (bytes) => `${decimal(bytes / 1024 ** 3, 2)} Go`;

/** « 2,4× ». */
export const ratio = (value) => `${decimal(value, 2)}×`;

/** « cible ≤ 4 min : atteint ». `ok` undefined: the figure is missing or does not apply. */
export const target = (label, ok) => `cible ${label} : ${ok === undefined ? 'non évalué' : ok ? 'atteint' : 'non atteint'}`;

/** Every target met so far, for the summary at the end: [label, figure, ok]. */
export const targets = [];

/** A figure with its target, remembered for the summary. */
export function withTarget(name, figure, label, ok) {
  targets.push({ name, figure, label, ok });
  return `${figure} — ${target(label, ok)}`;
}

/** « Name : figure — cible … : atteint », remembered for the summary. */
export const targetLine = (name, figure, label, ok) => `${name} : ${withTarget(name, figure, label, ok)}`;
