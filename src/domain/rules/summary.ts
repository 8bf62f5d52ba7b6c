import { compareDanish } from '../format';
import { rate, wilson, type Interval } from '../statistics';
import type { Case, IsoDate } from '../types';
import type { ResultTable } from './result-table';
import { STATUSES, type RuleStatus } from './types';

export type StatusCounts = Record<RuleStatus, number>;

export interface RuleSummary extends StatusCounts {
  ruleId: string;
  /** compliant / (compliant + non-compliant); null when no subject counted. */
  rate: number | null;
  ci: Interval | null;
}

export type Grouping = 'unit' | 'group' | 'caseworker' | 'quarter';

const emptyCounts = (): StatusCounts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;

function finish(ruleId: string, counts: StatusCounts): RuleSummary {
  const compliant = counts.met + counts.metWithException;
  return { ruleId, ...counts, rate: rate(compliant, counts.breached), ci: wilson(compliant, compliant + counts.breached) };
}

/** Counts per rule (in the order rules first appear) with the rate and its Wilson 95 % interval. */
export function summariseByRule(results: ResultTable): RuleSummary[] {
  const counts = results.ruleIds.values.map(() => new Array<number>(STATUSES.length).fill(0));
  for (let i = 0; i < results.length; i++) {
    const c = counts[results.ruleIndexAt(i)]!;
    c[results.statusIndexAt(i)]! += 1;
  }
  return counts.map((c, rule) => finish(results.ruleIds.values[rule]!, Object.fromEntries(STATUSES.map((s, k) => [s, c[k]!])) as StatusCounts));
}

/** `2024-05-17` → `2024 K2`. */
export const quarterOf = (date: IsoDate): string => `${date.slice(0, 4)} K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** One rule's counts per unit, group, caseworker or quarter of the trigger date. */
export function summariseGroups(results: ResultTable, ruleId: string, by: Grouping, cases: ReadonlyMap<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>): (RuleSummary & { group: string })[] {
  const counts = new Map<string, StatusCounts>();
  const rule = results.ruleIndex(ruleId);
  for (let i = 0; i < results.length; i++) {
    if (results.ruleIndexAt(i) !== rule) continue;
    const key = groupOf(results, i, by, cases);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = emptyCounts()));
    c[results.status(i)] += 1;
  }
  return [...counts].sort(([a], [b]) => compareDanish(a, b)).map(([group, c]) => ({ group, ...finish(ruleId, c) }));
}

/** The group a result falls in: its case's unit, group or caseworker, or the quarter of its trigger date. */
export function groupOf(results: ResultTable, i: number, by: Grouping, cases: ReadonlyMap<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>): string {
  if (by === 'quarter') {
    const trigger = results.trigger(i);
    return trigger ? quarterOf(trigger) : 'ukendt';
  }
  return cases.get(results.caseNumber(i))?.[by] ?? 'ukendt';
}
