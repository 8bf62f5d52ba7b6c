import jStat from 'jstat';

/**
 * Confidence intervals for a proportion x/n (SAMPLING.md, "Honest estimates"; formulas and test
 * vectors in STAT-VECTORS.md section 2). Two-sided, confidence 1 − α.
 */

export interface Interval {
  low: number;
  high: number;
}

/** Φ⁻¹(0.975) exactly (STAT-VECTORS.md: "not 1.96"); other levels go through the library quantile. */
const Z_975 = 1.959963984540054;

/** The two-sided normal quantile z = Φ⁻¹(1 − α/2). */
export function zFor(confidence: number): number {
  assertConfidence(confidence);
  return confidence === 0.95 ? Z_975 : jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must lie in (0, 1), got ${confidence}`);
}

/** Counts are programmer input, not user input: a bad one is a bug, so it throws. */
function assertCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`need whole counts with 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  }
}

/**
 * Wilson score interval (Newcombe 1998, method 3), without continuity correction:
 * (2x + z² ± z·√(z² + 4x(n−x)/n)) / (2(n + z²)).
 *
 * n = 0 gives null for every interval here: with nothing reviewed there is no estimate, and a
 * {0, 1} interval would look like a computed result next to a rate that is itself null.
 */
export function wilson(x: number, n: number, confidence = 0.95): Interval | null {
  assertCounts(x, n);
  if (n === 0) return null;
  const z = zFor(confidence);
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + (4 * x * (n - x)) / n);
  const denominator = 2 * (n + z2);
  // Clamp the float noise at the ends (x = 0 gives 0 ± tiny, x = n gives 1 ± tiny).
  return {
    low: x === 0 ? 0 : Math.max(0, (centre - spread) / denominator),
    high: x === n ? 1 : Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Wilson's interval for a rate `p` estimated from a complex sample with effective size `nEffective`
 * (Kish: n / design effect), the same formula with real numbers x = p·n. Used where a design's
 * own variance can be zero (all answers alike, or one case per stratum) and would give an
 * interval of a single point.
 */
export function wilsonEffective(p: number, nEffective: number, confidence = 0.95): Interval | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`need a rate in [0, 1], got ${p}`);
  if (!(nEffective > 0)) return null;
  const z2 = zFor(confidence) ** 2;
  const x = p * nEffective;
  const centre = 2 * x + z2;
  const spread = Math.sqrt(z2) * Math.sqrt(z2 + (4 * x * (nEffective - x)) / nEffective);
  const denominator = 2 * (nEffective + z2);
  return { low: p === 0 ? 0 : Math.max(0, (centre - spread) / denominator), high: p === 1 ? 1 : Math.min(1, (centre + spread) / denominator) };
}

/**
 * Exact (Clopper–Pearson) interval: L = Beta⁻¹(α/2; x, n−x+1), U = Beta⁻¹(1−α/2; x+1, n−x), with
 * L = 0 at x = 0 and U = 1 at x = n (the beta distribution is undefined there). Conservative;
 * offered beside Wilson for reviewers who must quote an interval that never undercovers.
 * n = 0 gives null, as for `wilson`.
 */
export function clopperPearson(x: number, n: number, confidence = 0.95): Interval | null {
  assertCounts(x, n);
  assertConfidence(confidence);
  if (n === 0) return null;
  const alpha = 1 - confidence;
  return {
    low: x === 0 ? 0 : jStat.beta.inv(alpha / 2, x, n - x + 1),
    high: x === n ? 1 : jStat.beta.inv(1 - alpha / 2, x + 1, n - x),
  };
}

/** Share of compliant cases among those counted; null when none were counted (not 0 %, which would claim a finding). */
export function rate(compliant: number, nonCompliant: number): number | null {
  const n = compliant + nonCompliant;
  return n === 0 ? null : compliant / n;
}
