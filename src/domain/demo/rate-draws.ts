import type { Random } from '../random';
import type { NonComplianceRates } from './config';

/**
 * Decides, subject by subject, whether a step is missed, so that each caseworker misses it at
 * their own rate (the kommune's rate scaled by their unit's and their own factor) and the kommune
 * as a whole lands on the configured rate. A running sum per caseworker and rate, started at a
 * random point, says "missed" each time it passes a whole number: the rate then holds to within
 * one subject per caseworker, where independent coin flips would wander by several points in a
 * kommune of 4,000 cases, and a statistical test of the configured rates could not be strict.
 */
export class RateDraws {
  readonly #sums = new Map<keyof NonComplianceRates, Map<string, number>>();

  /**
   * The running sums start at random points drawn here, rate by rate and caseworker by
   * caseworker, not when a subject first comes up: a kommune moved to another anchor, whose
   * subjects may come up in another order, starts from the same points.
   */
  constructor(
    private readonly rates: NonComplianceRates,
    private readonly factors: ReadonlyMap<string, number>,
    random: Random,
  ) {
    for (const rate of Object.keys(rates) as (keyof NonComplianceRates)[]) {
      this.#sums.set(rate, new Map([...factors.keys()].map((caseworker) => [caseworker, random.float()])));
    }
  }

  /** The rate at which this caseworker misses the step. */
  rateFor(rate: keyof NonComplianceRates, caseworker: string): number {
    const base = this.rates[rate];
    // A rate that applies only after another step was missed (no interim assessment of a late
    // investigation) is not scaled again: the same caseworkers would count twice, and the
    // kommune's rate would come out as base × E[f²]/E[f] instead of base.
    const factor = CONDITIONAL.has(rate) ? 1 : (this.factors.get(caseworker) ?? 1);
    // Scale the smaller side, so a rate near 100 % varies as much as one near 0 % and stays within [0, 1].
    return base <= 0.5 ? Math.min(1, base * factor) : 1 - Math.min(1, (1 - base) * (2 - factor));
  }

  missed(rate: keyof NonComplianceRates, caseworker: string): boolean {
    const sums = this.#sums.get(rate)!;
    const sum = (sums.get(caseworker) ?? 0) + this.rateFor(rate, caseworker);
    sums.set(caseworker, sum >= 1 ? sum - 1 : sum);
    return sum >= 1;
  }
}

const CONDITIONAL = new Set<keyof NonComplianceRates>(['interimMissing']);

/**
 * Factors 1 ± spread, evenly spaced and shuffled, so they average exactly 1: some units and
 * caseworkers do better than the kommune, as many do worse.
 */
export function spreadFactors(count: number, spread: number, random: Random): number[] {
  const factors = Array.from({ length: count }, (_, i) => (count === 1 ? 1 : 1 - spread + (2 * spread * i) / (count - 1)));
  for (let i = factors.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [factors[i], factors[j]] = [factors[j]!, factors[i]!];
  }
  return factors;
}
