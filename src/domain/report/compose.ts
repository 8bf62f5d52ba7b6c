import { compareDanish } from '../format';
import { isOverdue, type FocusArea, type ImprovementAction } from '../review/plan';
import type { EstimateMethod } from '../review/results';
import { ruleName } from '../rules/labels';
import { RULES } from '../rules/catalog';
import type { Interval } from '../statistics';
import type { IsoDate } from '../types';
import type { Thresholds } from './thresholds';
import { methodNote } from './layout';
import { REPORT_FORMAT, reportText, type Report, type ReportCell, type ReportColumn, type ReportFinding, type ReportRound, type ReportRow } from './snapshot';

/**
 * Composes a report's snapshot from compliance already counted (the aggregation of
 * compliance.ts and review-compliance.ts): picks the chosen quarters and units, lays the
 * numbers out as rows (rules, then questions) and columns (unit × quarter × source), and copies
 * the texts it shows. Counting is not done here.
 */

/** A count with its rate and interval, as the aggregation gives it. */
export interface CountedRate {
  compliant: number;
  n: number;
  rate: number | null;
  ci: Interval | null;
}

export interface ScreeningPart {
  record: { id: string; asOf: IsoDate; ruleSetVersion: string; caseCount: number };
  /** Per rule × unit × quarter, only where the rule had results. */
  cells: (CountedRate & { ruleId: string; unit: string; quarter: string })[];
  /** The rule's rate over the chosen units and quarters together. */
  totals: (CountedRate & { ruleId: string })[];
  /** The rule's rate per unit over the chosen quarters together. */
  unitTotals: (CountedRate & { ruleId: string; unit: string })[];
  /** Names of local standards, which the catalog does not know. */
  ruleNames?: ReadonlyMap<string, string>;
}

export interface RoundPart {
  round: { id: string; name: string; level: number | null; quarter: string | null };
  method: EstimateMethod;
  protocol: [string, string][];
  strata: ReportRound['strata'];
  /** Per compliance question: the design's estimate over all the round's cases, and per unit. */
  questions: { id: string; text: string; ruleId: string | null; overall: CountedRate; byUnit: (CountedRate & { unit: string })[] }[];
  findings: Omit<ReportFinding, 'round'>[];
}

export interface ComposeRequest {
  id: string;
  title: string;
  kommune: string;
  createdAt: string;
  createdBy: string;
  demo: boolean;
  quarters: readonly string[];
  /** Empty: every unit with numbers. */
  units: readonly string[];
  today: IsoDate;
  appVersion: string;
  thresholds: Thresholds;
}

/** A group with nothing counted (only pending, unknown or not relevant) shows as empty, not as "0 of 0". */
const cellOf = (c: CountedRate | undefined): ReportCell | null => (c && c.n > 0 ? { compliant: c.compliant, counted: c.n, rate: c.rate, ci: c.ci } : null);
const sortQuarters = (quarters: Iterable<string>) => [...new Set(quarters)].sort();

export function composeReport(request: ComposeRequest, screening: ScreeningPart | null, rounds: readonly RoundPart[], plan: { areas: readonly FocusArea[]; actions: readonly ImprovementAction[] }): Report {
  const quarters = sortQuarters(request.quarters);
  const wanted = (unit: string) => request.units.length === 0 || request.units.includes(unit);
  const screened = screening ? screening.cells.filter((c) => quarters.includes(c.quarter) && wanted(c.unit)) : [];
  const units = [...new Set([...screened.map((c) => c.unit), ...rounds.flatMap((r) => r.questions.flatMap((q) => q.byUnit.map((u) => u.unit)))])]
    .filter(wanted).sort(compareDanish);
  const ordered = [...rounds].sort((a, b) => (a.round.level ?? 99) - (b.round.level ?? 99) || compareDanish(a.round.name, b.round.name));

  // A unit's numbers side by side: the screening's quarters, then the rounds by level.
  const columns: ReportColumn[] = [];
  const roundColumn = new Map<string, number>();
  for (const unit of units) {
    if (screening) for (const quarter of quarters) columns.push({ unit, quarter, level: null, source: 'Screening' });
    for (const r of ordered) {
      if (!r.questions.some((q) => q.byUnit.some((u) => u.unit === unit))) continue;
      roundColumn.set(`${r.round.id}|${unit}`, columns.length);
      columns.push({ unit, quarter: r.round.quarter ?? '', level: r.round.level, source: r.round.name });
    }
  }

  const rows: ReportRow[] = [];
  if (screening) {
    const ruleIds = [...new Set(screening.totals.map((t) => t.ruleId))];
    const byKey = new Map(screened.map((c) => [`${c.ruleId}|${c.unit}|${c.quarter}`, c]));
    for (const ruleId of ruleIds) {
      const rule = RULES.find((r) => r.id === ruleId);
      rows.push({
        kind: 'rule', id: ruleId, label: screening.ruleNames?.get(ruleId) ?? ruleName(ruleId),
        legalRef: rule ? `${rule.legalRef.SEL} / ${rule.legalRef.BL}` : 'lokal standard',
        cells: columns.map((c) => (c.source === 'Screening' && c.level === null ? cellOf(byKey.get(`${ruleId}|${c.unit}|${c.quarter}`)) : null)),
        total: cellOf(screening.totals.find((t) => t.ruleId === ruleId)), method: 'census',
        units: units.map((unit) => cellOf(screening.unitTotals.find((t) => t.ruleId === ruleId && t.unit === unit))),
      });
    }
  }
  // A question asked in several rounds (the levels of one quarter) is one row with a column group per level.
  const questionRows = new Map<string, ReportRow & { rounds: number }>();
  for (const r of ordered) {
    for (const q of r.questions) {
      let row = questionRows.get(q.id);
      if (!row) {
        const rule = q.ruleId ? RULES.find((x) => x.id === q.ruleId) : undefined;
        row = { kind: 'question', id: q.id, label: q.text, legalRef: rule ? `${rule.name} (${rule.legalRef.BL})` : '', cells: columns.map(() => null), total: null, method: r.method, rounds: 0 };
        questionRows.set(q.id, row);
      }
      row.rounds += 1;
      // Only a question of a single round has one estimate for all units; with several, each level has its own.
      row.total = row.rounds === 1 ? cellOf(q.overall) : null;
      for (const u of q.byUnit) {
        const at = roundColumn.get(`${r.round.id}|${u.unit}`);
        if (at !== undefined) row.cells[at] = cellOf(u);
      }
    }
  }
  rows.push(...[...questionRows.values()].map(({ rounds: _rounds, ...row }) => row));

  const reportRounds: ReportRound[] = ordered.map((r) => ({ ...r.round, method: r.method, protocol: r.protocol.map(([k, v]) => [k, reportText(v)]), strata: r.strata }));
  const areaTitle = new Map(plan.areas.map((a) => [a.id, a.title]));
  const base = { screening: screening?.record ?? null, rounds: reportRounds, quarters, units };
  return {
    format: REPORT_FORMAT, id: request.id, title: request.title.trim(), kommune: request.kommune.trim(), createdAt: request.createdAt, createdBy: request.createdBy,
    demo: request.demo, ...base, columns, rows, method: methodNote(base),
    findings: ordered.flatMap((r) => r.findings.filter((f) => wanted(f.unit)).map((f) => ({ ...f, round: r.round.name, comment: reportText(f.comment), reviewer: reportText(f.reviewer) }))),
    plan: plan.actions.map((a) => ({ area: reportText(areaTitle.get(a.focusArea) ?? ''), action: reportText(a.text), owner: reportText(a.owner), deadline: a.deadline, status: a.status, overdue: isOverdue(a, request.today) })),
    appVersion: request.appVersion, thresholds: { ...request.thresholds },
  };
}
