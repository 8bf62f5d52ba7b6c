import { createRandom } from '../random';
import type { Case } from '../types';

/**
 * Drawing samples (SAMPLING.md "Designs"). Reproducible: the population is sorted by case number
 * first, and each stratum gets its own seeded permutation from the seed and the stratum's name,
 * so the same seed and population give the same sample whatever order the rows came in, a
 * larger n keeps the cases a smaller one drew, and replacements come next in the same order.
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
  /** n_h: cases drawn. */
  drawn: number;
  /** The stratum held no more cases than asked for, so all were taken. */
  takenWhole: boolean;
}

export interface SampledCase {
  caseNumber: string;
  stratum: string;
  /** n_h / N_h. */
  probability: number;
  /** Drawn to stand in for a case found out of scope. */
  replacement: boolean;
  /** The case it stands in for, when it is a replacement. */
  replaces?: string;
  /** Cross-unit exchange: the unit that reviews the case. */
  reviewedBy?: string;
}

export interface Draw {
  cases: SampledCase[];
  strata: StratumPlan[];
  /** Seeded order of each stratum's cases not drawn: where replacements come from. */
  reserve: Map<string, string[]>;
}

const ALL = 'alle';
const byCaseNumber = (a: SampleCase, b: SampleCase) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0);

/** FNV-1a of a stratum name: mixes it into the seed, so each stratum's order stands on its own. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The stratum's cases (sorted by case number) in a seeded random order: a Fisher–Yates shuffle. */
function seededOrder(members: readonly SampleCase[], seed: number, stratum: string): SampleCase[] {
  const order = [...members];
  const random = createRandom((seed ^ hash(stratum)) | 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const UNKNOWN = 'ukendt';
const BANDS: readonly string[] = ['høj', 'mellem', 'lav', UNKNOWN];
const UNIT_BAND = ' · ';

/** The stratum a case belongs to under a design. */
function keyFor(design: Design): (c: SampleCase) => string {
  if (design.kind === 'risk' && design.perUnit !== undefined) return (c) => `${c.unit}${UNIT_BAND}${c.risk ?? UNKNOWN}`;
  const by = stratumField(design);
  return by ? (c) => c[by] ?? UNKNOWN : () => ALL;
}

/** Risk strata: the band's share (at least `minimum`), then each unit topped up to `perUnit` from its highest band down. */
function riskSizes(design: Extract<Design, { kind: 'risk' }>, keys: readonly string[], N: readonly number[]): number[] {
  const bandOf = (key: string) => key.split(UNIT_BAND).pop() as RiskBand;
  const sizes = keys.map((key, h) => Math.min(N[h]!, Math.max(design.minimum, Math.ceil((design.fractions[bandOf(key)] ?? 0) * N[h]! - 1e-9))));
  if (design.perUnit === undefined) return sizes;
  const units = new Map<string, number[]>();
  keys.forEach((key, h) => {
    const unit = key.slice(0, key.lastIndexOf(UNIT_BAND));
    units.set(unit, [...(units.get(unit) ?? []), h]);
  });
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

function sizesFor(design: Design, keys: readonly string[], members: ReadonlyMap<string, SampleCase[]>): number[] {
  const N = keys.map((key) => members.get(key)!.length);
  switch (design.kind) {
    case 'simple':
      return [Math.min(design.n, N[0] ?? 0)];
    case 'stratified':
      return keys.map((key, h) => Math.min(design.sizes?.[key] ?? design.perStratum, N[h]!));
    case 'proportional':
      return allocateProportionally(N, design.n, design.atLeastOne);
    case 'risk':
      return riskSizes(design, keys, N);
    case 'targeted':
      return N;
    case 'exchange':
      throw new RangeError('exchange is drawn by drawExchange');
  }
}

const stratumField = (design: Design): StratumField | undefined =>
  design.kind === 'stratified' || design.kind === 'proportional' ? design.by : design.kind === 'risk' ? 'risk' : undefined;

/** Draws a sample from `population` (already filtered and with exclusions removed). */
export function drawSample(population: readonly SampleCase[], design: Design, seed: number): Draw {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (design.kind === 'exchange') return exchangeAsDraw(drawExchange(population, design.groups, design.perGroup, seed));
  const keyOf = keyFor(design);
  const members = new Map<string, SampleCase[]>();
  for (const c of [...population].sort(byCaseNumber)) {
    const key = keyOf(c);
    let list = members.get(key);
    if (!list) members.set(key, (list = []));
    list.push(c);
  }
  const keys = [...members.keys()].sort((a, b) => a.localeCompare(b, 'da'));
  const sizes = sizesFor(design, keys, members);
  const cases: SampledCase[] = [];
  const strata: StratumPlan[] = [];
  const reserve = new Map<string, string[]>();
  keys.forEach((key, h) => {
    const all = members.get(key)!;
    const drawn = Math.max(0, sizes[h]!);
    const order = seededOrder(all, seed, key);
    for (const c of order.slice(0, drawn)) cases.push({ caseNumber: c.caseNumber, stratum: key, probability: drawn / all.length, replacement: false });
    reserve.set(key, order.slice(drawn).map((c) => c.caseNumber));
    strata.push({ key, population: all.length, drawn, takenWhole: drawn === all.length });
  });
  return { cases, strata, reserve };
}

/**
 * Stand-ins for drawn cases found out of scope: the next cases of the same stratum in the same
 * seeded order, marked as replacements. A replacement found out of scope in turn gets the next
 * one. Returns fewer when the stratum has no more.
 */
export function replacementsFor(draw: Draw, outOfScope: readonly string[]): SampledCase[] {
  const found: SampledCase[] = [];
  const used = new Map<string, number>();
  for (const caseNumber of outOfScope) {
    const original = draw.cases.find((c) => c.caseNumber === caseNumber) ?? found.find((c) => c.caseNumber === caseNumber);
    if (!original) continue;
    const next = used.get(original.stratum) ?? 0;
    const stand = draw.reserve.get(original.stratum)?.[next];
    if (stand === undefined) continue;
    used.set(original.stratum, next + 1);
    found.push({ ...original, caseNumber: stand, replacement: true, replaces: caseNumber });
  }
  return found;
}

/** A sample as it stands: the draw, and a replacement for each case found out of scope, in the order they were found. */
export function realiseSample(population: readonly SampleCase[], design: Design, seed: number, outOfScope: readonly string[] = []): { draw: Draw; cases: SampledCase[] } {
  const draw = drawSample(population, design, seed);
  return { draw, cases: [...draw.cases, ...replacementsFor(draw, outOfScope)] };
}

/**
 * Units paired for the cross-unit exchange: a seeded derangement (no unit reviews itself). With
 * an even count the units review each other two by two; with an odd count the last three review
 * round in a ring. Returns reviewing unit → unit reviewed.
 */
export function exchangePairs(units: readonly string[], seed: number): Map<string, string> {
  const distinct = [...new Set(units)].sort((a, b) => a.localeCompare(b, 'da'));
  if (distinct.length < 2) throw new RangeError('En krydsgennemgang kræver mindst to enheder.');
  const order = seededOrder(distinct.map((unit) => ({ caseNumber: unit, unit, group: null, caseworker: '' })), seed, 'krydsgennemgang').map((c) => c.unit);
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
 * The cross-unit exchange: each reviewing unit gets `perGroup` cases of each group from the unit
 * it reviews (default 2 each from undersøgelses-, børne- and ungegruppe), drawn as a stratified
 * sample of that unit's cases by group.
 */
export function drawExchange(population: readonly SampleCase[], groups: readonly string[], perGroup: number, seed: number): { reviewer: string; reviewed: string; draw: Draw }[] {
  const pairs = exchangePairs(population.map((c) => c.unit), seed);
  return [...pairs].map(([reviewer, reviewed]) => {
    const theirs = population.filter((c) => c.unit === reviewed && c.group != null && groups.includes(c.group));
    return { reviewer, reviewed, draw: drawSample(theirs, { kind: 'stratified', by: 'group', perStratum: perGroup }, (seed ^ hash(reviewed)) | 0) };
  });
}

/** The exchange as one draw: a stratum per reviewed unit and group, each case marked with the unit that reviews it. */
function exchangeAsDraw(pairs: ReturnType<typeof drawExchange>): Draw {
  const draw: Draw = { cases: [], strata: [], reserve: new Map() };
  for (const { reviewer, reviewed, draw: theirs } of [...pairs].sort((a, b) => a.reviewed.localeCompare(b.reviewed, 'da'))) {
    const key = (group: string) => `${reviewed} · ${group}`;
    for (const c of theirs.cases) draw.cases.push({ ...c, stratum: key(c.stratum), reviewedBy: reviewer });
    for (const s of theirs.strata) draw.strata.push({ ...s, key: key(s.key) });
    for (const [group, rest] of theirs.reserve) draw.reserve.set(key(group), rest);
  }
  return draw;
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
