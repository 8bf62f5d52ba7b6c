import jStat from 'jstat';
import { zFor } from '../statistics';

/**
 * The sample-size planner of SAMPLING.md: how many cases a review needs, and what a fixed number
 * of cases gives. Definitions and test vectors: STAT-VECTORS.md sections 1 and 3.
 */

/** A population size: a whole number of cases, or Infinity when it is not known. */
function assertPopulation(population: number): void {
  if (!(population === Infinity || (Number.isInteger(population) && population >= 1))) {
    throw new RangeError(`population must be a whole number ≥ 1 or Infinity, got ${population}`);
  }
}

/**
 * Cases needed to estimate a rate within ±margin at the confidence level (Cochran 1977 §4.4):
 * n₀ = z²·p(1−p)/e², then the finite-population correction n = n₀ / (1 + (n₀−1)/N), rounded up
 * last (rounding n₀ first gives other, wrong sizes), never more than N. `p` defaults to 0.5, the
 * most cautious guess; an expected rate from the last screening gives a smaller n.
 */
export function sizeForMargin(margin: number, population = Infinity, confidence = 0.95, p = 0.5): number {
  if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must lie in (0, 1), got ${margin}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must lie in [0, 1], got ${p}`);
  assertPopulation(population);
  const z = zFor(confidence);
  const n0 = (z * z * p * (1 - p)) / (margin * margin);
  const n = population === Infinity ? n0 : n0 / (1 + (n0 - 1) / population);
  return Math.min(population, Math.max(1, Math.ceil(n - 1e-9)));
}

/**
 * The reverse: the margin (± as a share) that `n` cases give, e = z·√(p(1−p)/n)·√((N−n)/(N−1)).
 * This is the "20 sager giver ca. ±22 procentpoint" shown beside every fixed-size design.
 */
export function marginForSize(n: number, population = Infinity, confidence = 0.95, p = 0.5): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  assertPopulation(population);
  if (n > population) throw new RangeError(`n = ${n} is more than the population ${population}`);
  const fpc = population === Infinity ? 1 : population === 1 ? 0 : Math.sqrt((population - n) / (population - 1));
  return zFor(confidence) * Math.sqrt((p * (1 - p)) / n) * fpc;
}

/**
 * The margin a whole design gives for a rate of 50 % (the widest): each stratum's margin from
 * `marginForSize`, combined with the weights W_h = N_h/N as the stratified estimator's variance
 * (estimate.ts) combines them. Null when a stratum with cases has none drawn (no unbiased
 * estimate then) or nothing is drawn; 0 for a census.
 */
export function designMargin(strata: readonly { population: number; drawn: number }[], confidence = 0.95): number | null {
  const total = strata.reduce((sum, s) => sum + s.population, 0);
  if (total === 0 || strata.some((s) => s.population > 0 && s.drawn === 0)) return null;
  const z = zFor(confidence);
  let variance = 0;
  for (const s of strata) {
    if (s.population === 0) continue;
    const weight = s.population / total;
    variance += weight * weight * (marginForSize(s.drawn, s.population, confidence) / z) ** 2;
  }
  return z * Math.sqrt(variance);
}

export type AttributeModel = 'binomial' | 'hypergeometric';

export interface AttributePlan {
  /** Cases to review, or null when no n ≤ N can show the rate is below the tolerable one. */
  n: number | null;
  model: AttributeModel;
  /** Deviations the population would hold at the tolerable rate (hypergeometric only). */
  populationDeviations?: number;
}

/**
 * Attribute (audit) sampling, as jfa's `planning()`: the smallest n such that finding at most
 * `expected` deviations still puts the upper bound of the deviation rate below `tolerable` at
 * the confidence level. With a known population: hypergeometric with K = ⌈T·N⌉ deviations,
 * P(X ≤ k | N, K, n) ≤ α; without: binomial, P(X ≤ k | n, T) ≤ α.
 */
export function attributeSize(tolerable: number, expected = 0, confidence = 0.95, population = Infinity): AttributePlan {
  if (!(tolerable > 0 && tolerable < 1)) throw new RangeError(`tolerable rate must lie in (0, 1), got ${tolerable}`);
  if (!(Number.isInteger(expected) && expected >= 0)) throw new RangeError(`expected deviations must be a whole number ≥ 0, got ${expected}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
  assertPopulation(population);
  const alpha = 1 - confidence;
  // The tails are compared with α within a hair, as jfa does: no tabulated cell lies that close.
  const within = (tail: number) => tail <= alpha + 1e-12;
  if (population === Infinity) {
    for (let n = expected + 1; n <= 1_000_000; n++) if (within(jStat.binomial.cdf(expected, n, tolerable))) return { n, model: 'binomial' };
    return { n: null, model: 'binomial' };
  }
  const deviations = Math.ceil(tolerable * population - 1e-9);
  for (let n = expected + 1; n <= population; n++) {
    if (within(jStat.hypgeom.cdf(expected, population, deviations, n))) return { n, model: 'hypergeometric', populationDeviations: deviations };
  }
  return { n: null, model: 'hypergeometric', populationDeviations: deviations };
}

/**
 * One-sided upper bound of the deviation rate after finding k deviations in n cases:
 * u = Beta⁻¹(confidence; k+1, n−k) (AICPA tables, before their rounding up).
 */
export function deviationUpperBound(k: number, n: number, confidence = 0.95): number {
  if (!(Number.isInteger(k) && Number.isInteger(n) && k >= 0 && n >= 1 && k <= n)) throw new RangeError(`need whole counts with 0 ≤ k ≤ n, n ≥ 1, got k = ${k}, n = ${n}`);
  if (k === n) return 1;
  return jStat.beta.inv(confidence, k + 1, n - k);
}
