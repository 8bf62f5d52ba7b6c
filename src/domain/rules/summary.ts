import { rate, wilson, type Interval } from '../statistics';
import type { Case, IsoDate } from '../types';
import { STATUSES, type RuleResult, type RuleStatus } from './types';

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
export function summariseByRule(results: readonly RuleResult[]): RuleSummary[] {
  const counts = new Map<string, StatusCounts>();
  for (const r of results) {
    let c = counts.get(r.ruleId);
    if (!c) counts.set(r.ruleId, (c = emptyCounts()));
    c[r.status] += 1;
  }
  return [...counts].map(([ruleId, c]) => finish(ruleId, c));
}

/** `2024-05-17` → `2024 K2`. */
export const quarterOf = (date: IsoDate): string => `${date.slice(0, 4)} K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** One rule's counts per unit, group, caseworker or quarter of the trigger date. */
export function summariseGroups(results: readonly RuleResult[], ruleId: string, by: Grouping, cases: ReadonlyMap<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>): (RuleSummary & { group: string })[] {
  const counts = new Map<string, StatusCounts>();
  for (const r of results) {
    if (r.ruleId !== ruleId) continue;
    const key = by === 'quarter' ? (r.trigger ? quarterOf(r.trigger) : 'ukendt') : (cases.get(r.caseNumber)?.[by] ?? 'ukendt');
    let c = counts.get(key);
    if (!c) counts.set(key, (c = emptyCounts()));
    c[r.status] += 1;
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([group, c]) => ({ group, ...finish(ruleId, c) }));
}
