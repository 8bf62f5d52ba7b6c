import { drawSample, type Design, type Draw, type SampleCase } from './draw';

/**
 * Ready-made designs from the seed systems (SAMPLING.md). The Copenhagen four-level model: level 1
 * the caseworkers' own monthly check, level 2 the units' leaders, level 3 and 4 sub-samples of the
 * level above for the department and the jurists.
 */
export interface RoundPlan {
  level: 1 | 2 | 3 | 4;
  name: string;
  design: Design;
  /** The level whose sample this round's population is (nested design). */
  nestedIn?: 1 | 2 | 3;
}

export const OUT_OF_HOURS = 'Døgnvagten';

export function copenhagenPlans(monthsInPeriod = 3): RoundPlan[] {
  return [
    { level: 1, name: 'Niveau 1: 1 sag pr. sagsbehandler pr. måned', design: { kind: 'stratified', by: 'caseworker', perStratum: monthsInPeriod } },
    { level: 2, name: 'Niveau 2: 20 sager pr. enhed og 5 fra Døgnvagten', design: { kind: 'stratified', by: 'unit', perStratum: 20, sizes: { [OUT_OF_HOURS]: 5 } } },
    { level: 3, name: 'Niveau 3: 60 sager fra niveau 2', design: { kind: 'simple', n: 60 }, nestedIn: 2 },
    { level: 4, name: 'Niveau 4: 30 sager fra niveau 3', design: { kind: 'simple', n: 30 }, nestedIn: 3 },
  ];
}

/** Other presets of SAMPLING.md, as designs. */
export const PRESETS = {
  /** Risk-based ledelsestilsyn: half the high-risk cases, a fifth of the medium, one in twenty of the low; at least 5 per band. */
  riskBased: { kind: 'risk', fractions: { høj: 0.5, mellem: 0.2, lav: 0.05 }, minimum: 5 },
  /** All active safety plans on a date: a census of that filter. */
  safetyPlans: { kind: 'targeted' },
  /** Ankestyrelsen's practice review: a simple random sample. */
  ankestyrelsen: { kind: 'simple', n: 30 },
  /** Cross-unit ledelsestilsyn: 6 cases, 2 each from the three groups (named as DATA.md's examples; the page offers the workspace's own), units paired two by two. */
  exchange: { kind: 'exchange', groups: ['Undersøgelse', 'Børn', 'Unge'], perGroup: 2 },
} satisfies Record<string, Design>;

/** Each level draws from its own seed, so levels drawn from the same population do not mirror each other. */
export const planSeed = (seed: number, level: number) => (seed + level) | 0;

/**
 * Risk-based ledelsestilsyn with at least 20 cases per unit a year: the risk shares of
 * `PRESETS.riskBased` within each unit, and each unit topped up to its share of the 20 for a
 * period of `months` (5 for a quarter), rounded up.
 */
export const riskBasedDesign = (months: number): Design => ({ ...PRESETS.riskBased, minimum: 1, perUnit: Math.ceil((20 * months) / 12) });

/** Draws plans in order, each nested round from the sample of the level it names. */
export function drawPlans(population: readonly SampleCase[], plans: readonly RoundPlan[], seed: number): Map<number, Draw> {
  const draws = new Map<number, Draw>();
  for (const plan of plans) {
    const parent = plan.nestedIn === undefined ? undefined : draws.get(plan.nestedIn);
    if (plan.nestedIn !== undefined && !parent) throw new RangeError(`Niveau ${plan.level} bygger på niveau ${plan.nestedIn}, som ikke er trukket.`);
    const drawn = parent && new Set(parent.cases.map((c) => c.caseNumber));
    draws.set(plan.level, drawSample(drawn ? population.filter((c) => drawn.has(c.caseNumber)) : population, plan.design, planSeed(seed, plan.level)));
  }
  return draws;
}
