import { fnv1a } from '../hash';
import { createRandom } from '../random';
import type { Case } from '../types';

/**
 * Drawing samples (SAMPLING.md "Designs"). Reproducible: the population is split into strata and
 * sorted by case number first, and each stratum gets its own seeded permutation from the seed and
 * the stratum's name, so the same seed and population give the same sample whatever order the
 * rows came in, a larger n keeps the cases a smaller one drew, and replacements come next in the
 * same order.
 */

/** A case as a sample sees it; `risk` is the band the latest screening put it in (risk design). */
export type SampleCase = Pick<Case, 'caseNumber' | 'unit' | 'group' | 'caseworker'> & { risk?: RiskBand };
export type RiskBand = 'høj' | 'mellem' | 'lav';
export type StratumField = 'unit' | 'group' | 'caseworker' | 'risk';

/** A design as data: stored in the protocol, so a sample can be drawn again exactly. */
export type Design =
  | { kind: 'simple'; n: number }
  /** n per stratum, with other sizes for named strata (e.g. 5 from Døgnvagten); a small stratum is taken whole. */
  | { kind: 'stratified'; by: StratumField; perStratum: number; sizes?: Record<string, number> }
  /** The total n spread over the strata in proportion to their size (largest remainder). */
  | { kind: 'proportional'; by: StratumField; n: number; atLeastOne: boolean }
  /**
   * A share of each risk band, rounded up, and at least `minimum` cases per band where it has
   * them. With `perUnit`, the bands are taken within each unit, and a unit with fewer than
   * `perUnit` cases drawn gets more, from its highest band first.
   */
  | { kind: 'risk'; fractions: Record<RiskBand, number>; minimum: number; perUnit?: number }
  /** Every case of the (filtered) population: a census of the filter, never extrapolated. */
  | { kind: 'targeted' }
  /** Units paired by a seeded derangement; each reviews `perGroup` cases of each group of its partner. */
  | { kind: 'exchange'; groups: string[]; perGroup: number };

export interface StratumPlan {
  key: string;
  /** N_h: cases in the stratum's population. */
  population: number;
  /** n_h: cases in the sample and in scope. */
  drawn: number;
  /** Every case of the stratum is in the sample. */
  takenWhole: boolean;
  /** The design asked for more cases than the stratum has. */
  short: boolean;
}

export interface SampledCase {
  caseNumber: string;
  stratum: string;
  /** The inclusion probability: n_h / N_h, with n_h the stratum's cases in scope. */
  probability: number;
  /** Drawn to stand in for a case found out of scope. */
  replacement: boolean;
  /** The case it stands in for, when it is a replacement. */
  replaces?: string;
  /** Cross-unit exchange: the unit that reviews the case. */
  reviewedBy?: string;
}

export interface Draw {
  /** In the order drawn: the first draw, then replacements and extensions as they came. */
  cases: SampledCase[];
  strata: StratumPlan[];
  /** Cases found out of scope; they stay in `cases`. */
  outOfScope: string[];
}

/** A population split into its strata: stratum → case numbers in code-unit order. What a sample stores to be drawn again. */
export type Strata = Map<string, string[]>;

/** What happened to a sample after it was drawn, in order; drawing again replays them. */
export type SampleEvent = { kind: 'outOfScope'; caseNumber: string } | { kind: 'extend'; design: Design };

const ALL = 'alle';
const UNKNOWN = 'ukendt';
const BANDS: readonly string[] = ['høj', 'mellem', 'lav', UNKNOWN];
/** Joins a unit and a band or group in a stratum's name. */
export const STRATUM_JOIN = ' · ';
/** Code-unit order: the same on every machine, whatever collation data the runtime has. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);


/** A seed is a 32-bit whole number: the generator uses 32 bits, so a larger one would draw the same as another. */
export const isSeed = (seed: number) => Number.isInteger(seed) && seed >= -(2 ** 31) && seed < 2 ** 31;

/** The stratum's cases in a seeded random order: a Fisher–Yates shuffle of the sorted list. */
function seededOrder(members: readonly string[], seed: number, stratum: string): string[] {
  const order = [...members];
  // The stratum's name is mixed into the seed, so each stratum's order stands on its own.
  const random = createRandom((seed ^ fnv1a(stratum)) | 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const stratumField = (design: Design): StratumField | undefined =>
  design.kind === 'stratified' || design.kind === 'proportional' ? design.by : design.kind === 'risk' ? 'risk' : undefined;

/** The stratum a case belongs to under a design; undefined leaves it out (the exchange takes only its groups). */
function keyFor(design: Design): (c: SampleCase) => string | undefined {
  if (design.kind === 'risk' && design.perUnit !== undefined) return (c) => `${c.unit}${STRATUM_JOIN}${c.risk ?? UNKNOWN}`;
  if (design.kind === 'exchange') return (c) => (c.group != null && design.groups.includes(c.group) ? `${c.unit}${STRATUM_JOIN}${c.group}` : undefined);
  const by = stratumField(design);
  return by ? (c) => c[by] ?? UNKNOWN : () => ALL;
}

/** The population's strata under a design, each in case-number order, so row order never matters. */
export function stratify(population: readonly SampleCase[], design: Design): Strata {
  const keyOf = keyFor(design);
  const members = new Map<string, string[]>();
  for (const c of population) {
    const key = keyOf(c);
    if (key === undefined) continue;
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(c.caseNumber);
  }
  return new Map([...members.keys()].sort(byCode).map((key) => [key, members.get(key)!.sort(byCode)]));
}

/** Largest-remainder allocation of n over strata of the given sizes, each capped at its size. */
export function allocateProportionally(sizes: readonly number[], n: number, atLeastOne = false): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = Math.min(n, total);
  const counts: number[] = sizes.map((size) => (atLeastOne && size > 0 && target >= sizes.filter((s) => s > 0).length ? 1 : 0));
  let left = target - counts.reduce((a, b) => a + b, 0);
  while (left > 0) {
    const room = sizes.map((size, h) => size - counts[h]!);
    const open = room.reduce((a, r, h) => a + (r > 0 ? sizes[h]! : 0), 0);
    const quotas = sizes.map((size, h) => (room[h]! > 0 ? (left * size) / open : 0));
    const whole = quotas.map((q, h) => Math.min(Math.floor(q), room[h]!));
    whole.forEach((w, h) => (counts[h]! += w));
    left -= whole.reduce((a, b) => a + b, 0);
    // The remaining cases go to the largest remainders, ties to the first stratum.
    const order = quotas.map((q, h) => [q - Math.floor(q), h] as const).filter(([, h]) => counts[h]! < sizes[h]!).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, h] of order) {
      if (left === 0) break;
      counts[h]! += 1;
      left -= 1;
    }
  }
  return counts;
}

const bandOf = (key: string) => key.slice(key.lastIndexOf(STRATUM_JOIN) + STRATUM_JOIN.length);
const unitOf = (key: string) => key.slice(0, key.lastIndexOf(STRATUM_JOIN));

/**
 * Risk strata: the band's share (at least `minimum`), then each unit topped up to `perUnit` from
 * its highest band down. Cases the screening has not seen (band "ukendt") are sampled like high
 * risk: nothing is known about them.
 */
function riskSizes(design: Extract<Design, { kind: 'risk' }>, keys: readonly string[], N: readonly number[]): number[] {
  const fraction = (key: string) => design.fractions[bandOf(key) as RiskBand] ?? design.fractions.høj;
  const sizes = keys.map((key, h) => Math.min(N[h]!, Math.max(design.minimum, Math.ceil(fraction(key) * N[h]! - 1e-9))));
  if (design.perUnit === undefined) return sizes;
  const units = new Map<string, number[]>();
  keys.forEach((key, h) => units.set(unitOf(key), [...(units.get(unitOf(key)) ?? []), h]));
  for (const strata of units.values()) {
    let missing = design.perUnit - strata.reduce((sum, h) => sum + sizes[h]!, 0);
    for (const h of [...strata].sort((a, b) => BANDS.indexOf(bandOf(keys[a]!)) - BANDS.indexOf(bandOf(keys[b]!)))) {
      const more = Math.min(Math.max(missing, 0), N[h]! - sizes[h]!);
      sizes[h]! += more;
      missing -= more;
    }
  }
  return sizes;
}

/** Cases asked for per stratum, before capping at the stratum's size. */
function askedFor(design: Design, keys: readonly string[], N: readonly number[]): number[] {
  switch (design.kind) {
    case 'simple':
      return [design.n];
    case 'stratified':
      return keys.map((key) => design.sizes?.[key] ?? design.perStratum);
    case 'proportional':
      return allocateProportionally(N, design.n, design.atLeastOne);
    case 'risk':
      return riskSizes(design, keys, N);
    case 'targeted':
      return [...N];
    case 'exchange':
      return keys.map(() => design.perGroup);
  }
}

/**
 * Units paired for the cross-unit exchange: a seeded derangement (no unit reviews itself). With
 * an even count the units review each other two by two; with an odd count the last three review
 * round in a ring. Returns reviewing unit → unit reviewed.
 */
export function exchangePairs(units: readonly string[], seed: number): Map<string, string> {
  const distinct = [...new Set(units)].sort(byCode);
  if (distinct.length < 2) throw new RangeError('En krydsgennemgang kræver mindst to enheder med sager i de valgte grupper.');
  const order = seededOrder(distinct, seed, 'krydsgennemgang');
  const pairs = new Map<string, string>();
  const pairedUpTo = order.length % 2 === 0 ? order.length : order.length - 3;
  for (let i = 0; i < pairedUpTo; i += 2) {
    pairs.set(order[i]!, order[i + 1]!);
    pairs.set(order[i + 1]!, order[i]!);
  }
  if (pairedUpTo < order.length) {
    const [a, b, c] = order.slice(pairedUpTo) as [string, string, string];
    pairs.set(a, b).set(b, c).set(c, a);
  }
  return pairs;
}

/**
 * Draws from a population already split into strata, then replays what happened since: a case
 * out of scope gets the next case of its stratum in the same seeded order, marked as its
 * replacement; an extension adds the next cases until each stratum has its new size in scope.
 * Every case drawn stays, so an extension keeps the sample it extends.
 */
export function drawStrata(strata: Strata, design: Design, seed: number, events: readonly SampleEvent[] = []): Draw {
  if (!isSeed(seed)) throw new RangeError('Frøet skal være et helt tal mellem -2.147.483.648 og 2.147.483.647.');
  const keys = [...strata.keys()].sort(byCode);
  const N = keys.map((key) => strata.get(key)!.length);
  const reviewerOf = design.kind === 'exchange' ? new Map([...exchangePairs(keys.map(unitOf), seed)].map(([reviewer, reviewed]) => [reviewed, reviewer])) : undefined;
  const orders = keys.map((key) => seededOrder(strata.get(key)!, seed, key));
  const next = keys.map(() => 0);
  const inScope = keys.map(() => 0);
  const cases: SampledCase[] = [];
  const where = new Map<string, number>();
  const out = new Set<string>();
  const take = (h: number, replaces?: string) => {
    const caseNumber = orders[h]![next[h]!++]!;
    const reviewedBy = reviewerOf?.get(unitOf(keys[h]!));
    where.set(caseNumber, h);
    inScope[h]! += 1;
    cases.push({ caseNumber, stratum: keys[h]!, probability: 0, replacement: replaces !== undefined, ...(replaces !== undefined && { replaces }), ...(reviewedBy !== undefined && { reviewedBy }) });
  };
  const fill = (d: Design) => askedFor(d, keys, N).forEach((asked, h) => {
    while (inScope[h]! < asked && next[h]! < N[h]!) take(h);
  });
  fill(design);
  let current = design;
  for (const event of events) {
    if (event.kind === 'extend') {
      fill((current = event.design));
      continue;
    }
    const h = where.get(event.caseNumber);
    if (h === undefined || out.has(event.caseNumber)) throw new RangeError(`${event.caseNumber} is not a case in scope in this sample`);
    out.add(event.caseNumber);
    inScope[h]! -= 1;
    if (next[h]! < N[h]!) take(h, event.caseNumber);
  }
  const asked = askedFor(current, keys, N);
  for (const c of cases) c.probability = inScope[where.get(c.caseNumber)!]! / N[where.get(c.caseNumber)!]!;
  return {
    cases,
    strata: keys.map((key, h) => ({ key, population: N[h]!, drawn: inScope[h]!, takenWhole: next[h] === N[h], short: asked[h]! > N[h]! })),
    outOfScope: [...out],
  };
}

/** The cases found out of scope, in the order they were found. */
export const outOfScopeOf = (sample: { events: readonly SampleEvent[] }): string[] => sample.events.flatMap((e) => (e.kind === 'outOfScope' ? [e.caseNumber] : []));

/** The extensions, with when they were made where the events say. */
export const extensionsOf = <E extends SampleEvent & { at: string }>(sample: { events: readonly E[] }) => sample.events.flatMap((e) => (e.kind === 'extend' ? [{ at: e.at, design: e.design }] : []));

/** Draws a sample from `population` (already filtered and with exclusions removed). */
export function drawSample(population: readonly SampleCase[], design: Design, seed: number, events: readonly SampleEvent[] = []): Draw {
  return drawStrata(stratify(population, design), design, seed, events);
}

/** The number a design's size is set by (n, or n per stratum), or null for a design whose size follows from the data. */
export function designSize(design: Design): number | null {
  switch (design.kind) {
    case 'simple':
    case 'proportional':
      return design.n;
    case 'stratified':
      return design.perStratum;
    case 'exchange':
      return design.perGroup;
    default:
      return null;
  }
}

/** The design with another size: extending a sample draws this with the same seed, which keeps every case drawn before. */
export function withSize(design: Design, size: number): Design {
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`size must be a whole number ≥ 1, got ${size}`);
  switch (design.kind) {
    case 'simple':
    case 'proportional':
      return { ...design, n: size };
    case 'stratified':
      return { ...design, perStratum: size };
    case 'exchange':
      return { ...design, perGroup: size };
    default:
      throw new RangeError(`a ${design.kind} design has no size to change`);
  }
}
