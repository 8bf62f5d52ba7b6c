import { zFor, type Interval } from '../statistics';

/**
 * Estimates from a stratified sample (SAMPLING.md "Estimates and intervals"; Cochran 1977 ch. 5):
 * p̂_st = Σ W_h·p̂_h with W_h = N_h/N, and v = Σ W_h²·(1 − f_h)·p̂_h(1 − p̂_h)/(n_h − 1), f_h = n_h/N_h.
 * A pooled rate over all reviewed cases would weigh a small, heavily sampled stratum too much.
 */
export interface StratumCounts {
  /** Cases in the stratum's population. */
  population: number;
  /** Cases reviewed (met + breached). */
  reviewed: number;
  /** Of those, compliant. */
  compliant: number;
}

export interface StratifiedEstimate {
  rate: number;
  variance: number;
  standardError: number;
  /** Normal interval rate ± z·SE, clipped to [0, 1]. */
  ci: Interval;
}

/** Null when no stratum has a reviewed case. A stratum with one reviewed case adds no variance term (n_h − 1 = 0); it is reviewed whole or not estimable. */
export function stratifiedEstimate(strata: readonly StratumCounts[], confidence = 0.95, finitePopulation = true): StratifiedEstimate | null {
  for (const s of strata) {
    if (![s.population, s.reviewed, s.compliant].every(Number.isInteger) || s.compliant < 0 || s.compliant > s.reviewed || s.reviewed > s.population) {
      throw new RangeError(`need whole counts with 0 ≤ compliant ≤ reviewed ≤ population, got ${JSON.stringify(s)}`);
    }
  }
  return stratifiedFromRates(strata.filter((s) => s.reviewed > 0).map((s) => ({ population: s.population, reviewed: s.reviewed, rate: s.compliant / s.reviewed })), confidence, finitePopulation);
}

/** The same from each stratum's rate p̂_h, as textbooks give their examples. */
export function stratifiedFromRates(strata: readonly { population: number; reviewed: number; rate: number }[], confidence = 0.95, finitePopulation = true): StratifiedEstimate | null {
  const counted = strata.filter((s) => s.reviewed > 0);
  const population = counted.reduce((sum, s) => sum + s.population, 0);
  if (population === 0) return null;
  let rate = 0;
  let variance = 0;
  for (const s of counted) {
    const weight = s.population / population;
    const p = s.rate;
    rate += weight * p;
    if (s.reviewed > 1) variance += (weight * weight * (finitePopulation ? 1 - s.reviewed / s.population : 1) * p * (1 - p)) / (s.reviewed - 1);
  }
  const standardError = Math.sqrt(variance);
  const spread = zFor(confidence) * standardError;
  return { rate, variance, standardError, ci: { low: Math.max(0, rate - spread), high: Math.min(1, rate + spread) } };
}
