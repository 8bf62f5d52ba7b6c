import { fromDayNumber } from '../calendar';
import { compareDanish } from '../format';
import { NONE } from '../rules/case-columns';
import type { ResultTable } from '../rules/result-table';
import { quarterOf } from '../rules/summary';
import { STATUSES, type RuleStatus } from '../rules/types';
import { wilson, type Interval } from '../statistics';

/**
 * Compliance rates (lovoverholdelsesprocenter) for Overblik, the committee report and the
 * comparison of two screenings: counts per rule × unit × quarter from a screening (a census of
 * every case screened), and per question × unit from a review round (a sample; review-compliance.ts).
 *
 * The quarter of a screening result is the quarter of its deadline: the committee asks how many
 * of the deadlines that fell in a quarter were kept. A result without a deadline (a yes/no rule
 * such as PLAN_DELT, or not applicable) falls in the quarter of its trigger date (the date that
 * chose the regime); a result with neither is in the quarter `ukendt`.
 */

/** The five ways a subject counts; only the first two make the rate. */
export interface ComplianceCounts {
  /** Met, or met with a lawful exception (screening); Ja or Ja – lovlig undtagelse (review). */
  compliant: number;
  /** Breached (screening); Nej (review). */
  nonCompliant: number;
  /** Not decided yet: a step whose deadline has not passed, a question not answered yet. */
  pending: number;
  /** Data missing to decide (screening's unknown). */
  unknown: number;
  /** The rule or question does not apply to the subject. */
  notRelevant: number;
}

/**
 * `census`: every case screened, the rate is exact for them and the interval describes the
 * process's variation, not a sampling error; `sample`: a sample's estimate with its
 * sampling interval.
 */
export type Basis = 'census' | 'sample';

export interface Tally extends ComplianceCounts {
  /** compliant + nonCompliant: the rate's denominator. */
  n: number;
  /** compliant / n; null when n = 0 (not 0 %, which would claim a finding). */
  rate: number | null;
  /** 95 % interval; null when n = 0 (or for a targeted review, which is never extrapolated). */
  ci: Interval | null;
  basis: Basis;
}

export const UNKNOWN_QUARTER = 'ukendt';
export const UNKNOWN_UNIT = 'ukendt';

export const emptyCounts = (): ComplianceCounts => ({ compliant: 0, nonCompliant: 0, pending: 0, unknown: 0, notRelevant: 0 });

/** A rule status's place in `ComplianceCounts`. */
export const COUNT_OF_STATUS: Readonly<Record<RuleStatus, keyof ComplianceCounts>> = {
  met: 'compliant', metWithException: 'compliant', breached: 'nonCompliant', pending: 'pending', notApplicable: 'notRelevant', unknown: 'unknown',
};
const COUNT_KEYS = Object.keys(emptyCounts()) as (keyof ComplianceCounts)[];
/** STATUSES' index → COUNT_KEYS' index, so the scan adds to a number array. */
const COUNT_INDEX = STATUSES.map((s) => COUNT_KEYS.indexOf(COUNT_OF_STATUS[s]));

/** Counts with their rate and Wilson 95 % interval. */
export function tally(counts: ComplianceCounts, basis: Basis = 'census', confidence = 0.95): Tally {
  const n = counts.compliant + counts.nonCompliant;
  return { ...counts, n, rate: n === 0 ? null : counts.compliant / n, ci: wilson(counts.compliant, n, confidence), basis };
}

export function addCounts(to: ComplianceCounts, from: ComplianceCounts): ComplianceCounts {
  for (const key of COUNT_KEYS) to[key] += from[key];
  return to;
}

/** One non-empty rule × unit × quarter: indexes into `ScreeningCompliance`'s lists. */
export interface ComplianceCell extends ComplianceCounts {
  rule: number;
  unit: number;
  quarter: number;
}

/** A screening's counts, small enough to store with it and to send between threads. */
export interface ScreeningCompliance {
  basis: 'census';
  /** In the order the screening ran them (the catalog's, then local standards). */
  rules: string[];
  /** In Danish order; `ukendt` for a case without a unit. */
  units: string[];
  /** `2024 K2`, ascending; `ukendt` last. */
  quarters: string[];
  cells: ComplianceCell[];
}

/** `2024 K2` of a day number. */
const quarterOfDay = (day: number) => quarterOf(fromDayNumber(day));

/** The quarter a result is counted in (see the module's comment). */
export function resultQuarter(results: ResultTable, i: number): string {
  const deadline = results.deadlineDayAt(i);
  const day = deadline !== NONE ? deadline : results.triggerDayAt(i);
  return day === NONE ? UNKNOWN_QUARTER : quarterOfDay(day);
}

/** Danish order of units, `ukendt` last; quarters sort as text (`2023 K4` < `2024 K1`), `ukendt` last. */
const byName = (a: string, b: string, unknown: string) => (a === unknown ? 1 : 0) - (b === unknown ? 1 : 0) || compareDanish(a, b);

/**
 * Counts a screening's results per rule × unit × quarter in one pass over its columns: a million
 * results in some tens of milliseconds, so Overblik can be made from a stored screening.
 */
export function screeningCompliance(results: ResultTable, unitOf: (caseNumber: string) => string | undefined): ScreeningCompliance {
  const unitNames: string[] = [];
  const unitIds = new Map<string, number>();
  const idOf = (names: string[], ids: Map<string, number>, name: string) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = names.push(name) - 1));
    return id;
  };
  const caseUnit = results.caseNumbers.values.map((caseNumber) => idOf(unitNames, unitIds, unitOf(caseNumber) || UNKNOWN_UNIT));
  const quarterNames: string[] = [];
  const quarterIds = new Map<string, number>();
  const quarterByDay = new Map<number, number>();
  const quarterId = (day: number) => {
    let id = quarterByDay.get(day);
    if (id === undefined) quarterByDay.set(day, (id = idOf(quarterNames, quarterIds, day === NONE ? UNKNOWN_QUARTER : quarterOfDay(day))));
    return id;
  };
  // Up to 65,536 rules × 4,096 units × 1,024 quarters in one safe integer.
  const counts = new Map<number, number[]>();
  for (let i = 0; i < results.length; i++) {
    const deadline = results.deadlineDayAt(i);
    const quarter = quarterId(deadline !== NONE ? deadline : results.triggerDayAt(i));
    const key = (results.ruleIndexAt(i) * 4096 + caseUnit[results.caseIndexAt(i)]!) * 1024 + quarter;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = [0, 0, 0, 0, 0]));
    c[COUNT_INDEX[results.statusIndexAt(i)]!]! += 1;
  }
  const units = [...unitNames].sort((a, b) => byName(a, b, UNKNOWN_UNIT));
  const quarters = [...quarterNames].sort((a, b) => byName(a, b, UNKNOWN_QUARTER));
  const unitRank = unitNames.map((u) => units.indexOf(u));
  const quarterRank = quarterNames.map((q) => quarters.indexOf(q));
  const cells: ComplianceCell[] = [];
  for (const [key, c] of counts) {
    const rule = Math.floor(key / (4096 * 1024));
    const unit = unitRank[Math.floor(key / 1024) % 4096]!;
    const quarter = quarterRank[key % 1024]!;
    cells.push({ rule, unit, quarter, ...(Object.fromEntries(COUNT_KEYS.map((k, j) => [k, c[j]!])) as unknown as ComplianceCounts) });
  }
  cells.sort((a, b) => a.rule - b.rule || a.unit - b.unit || a.quarter - b.quarter);
  return { basis: 'census', rules: [...results.ruleIds.values], units, quarters, cells };
}

export type Dimension = 'rule' | 'unit' | 'quarter';

export interface ComplianceRow extends Tally {
  ruleId: string | null;
  unit: string | null;
  quarter: string | null;
}

/**
 * The tallies grouped by some of rule, unit and quarter (the others summed: `['rule']` is the
 * rate per rule over all units and quarters), for the cells that pass `where`; rows in rule,
 * unit, quarter order, only groups with a result.
 */
export function rollUp(c: ScreeningCompliance, by: readonly Dimension[], where: { ruleId?: string; unit?: string; quarter?: string } = {}): ComplianceRow[] {
  const rule = where.ruleId === undefined ? -1 : c.rules.indexOf(where.ruleId);
  const unit = where.unit === undefined ? -1 : c.units.indexOf(where.unit);
  const quarter = where.quarter === undefined ? -1 : c.quarters.indexOf(where.quarter);
  if ((where.ruleId !== undefined && rule < 0) || (where.unit !== undefined && unit < 0) || (where.quarter !== undefined && quarter < 0)) return [];
  const groups = new Map<string, { cell: ComplianceCell; counts: ComplianceCounts }>();
  for (const cell of c.cells) {
    if ((rule >= 0 && cell.rule !== rule) || (unit >= 0 && cell.unit !== unit) || (quarter >= 0 && cell.quarter !== quarter)) continue;
    const key = by.map((d) => cell[d]).join(':');
    const group = groups.get(key) ?? { cell, counts: emptyCounts() };
    addCounts(group.counts, cell);
    groups.set(key, group);
  }
  const has = (d: Dimension) => by.includes(d);
  return [...groups.values()]
    .sort((a, b) => (has('rule') ? a.cell.rule - b.cell.rule : 0) || (has('unit') ? a.cell.unit - b.cell.unit : 0) || (has('quarter') ? a.cell.quarter - b.cell.quarter : 0))
    .map(({ cell, counts }) => ({
      ruleId: has('rule') ? c.rules[cell.rule]! : null, unit: has('unit') ? c.units[cell.unit]! : null, quarter: has('quarter') ? c.quarters[cell.quarter]! : null,
      ...tally(counts, 'census'),
    }));
}
