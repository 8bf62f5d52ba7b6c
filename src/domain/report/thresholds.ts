/**
 * The heat map's colour bands (a workspace setting): a rate at or above `green` is green, at or
 * above `yellow` yellow, below it red; whole percent, as a leader states them.
 */
export interface Thresholds {
  green: number;
  yellow: number;
}

export type Band = 'green' | 'yellow' | 'red' | 'none';

export const DEFAULT_THRESHOLDS: Thresholds = { green: 90, yellow: 75 };

export const BAND_LABEL: Record<Band, string> = { green: 'grøn', yellow: 'gul', red: 'rød', none: 'ingen vurdering' };

/** The band of a rate (0–1); `none` when there is no rate. Compared in whole-percent steps so 89,99 % is not rounded into green. */
export function bandOf(rate: number | null, t: Thresholds): Band {
  if (rate === null) return 'none';
  const percent = rate * 100;
  if (percent >= t.green) return 'green';
  if (percent >= t.yellow) return 'yellow';
  return 'red';
}

/** What is wrong with thresholds a user typed, in Danish; null when they can be saved. */
export function thresholdProblem(t: Thresholds): string | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100;
  if (!whole(t.green) || !whole(t.yellow)) return 'Grænserne skal være hele procenter mellem 0 og 100.';
  if (t.yellow >= t.green) return 'Grænsen for gul skal være lavere end grænsen for grøn.';
  return null;
}

/** Stored thresholds, or the defaults where what is stored is not a valid pair. */
export function readThresholds(stored: unknown): Thresholds {
  const t = stored as Partial<Thresholds> | undefined;
  const candidate = { green: Number(t?.green), yellow: Number(t?.yellow) };
  return t && thresholdProblem(candidate) === null ? candidate : { ...DEFAULT_THRESHOLDS };
}

/** The bands in words, for the legend and the settings: "grøn ≥ 90 %, gul 75–89 %, rød < 75 %". */
export const bandsText = (t: Thresholds) => `grøn ≥ ${t.green} %, gul ${t.yellow}–${t.green - 1} %, rød < ${t.yellow} %`;
