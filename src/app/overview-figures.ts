import { rollUp } from '../domain/report/compliance';
import type { OverviewFigures } from '../domain/report/overview';
import { dataQuality } from '../domain/rules/data-quality';
import { deadlineItems } from '../domain/rules/deadlines';
import { DEFAULT_HORIZON_MONTHS, workList } from '../domain/rules/work-list';
import { complianceOfScreening } from './compliance';
import type { LoadedScreening } from './screening';

export type { OverviewFigures };

/** Overblik's figures of a screening held in memory (the worker's, as it stores it). */
export function overviewFigures(screening: LoadedScreening): OverviewFigures {
  const { record, results, cases } = screening;
  const compliance = complianceOfScreening(screening);
  const list = workList(deadlineItems(results, cases, record.asOf), { asOf: record.asOf, horizonMonths: DEFAULT_HORIZON_MONTHS, showOlder: false, showClosed: false });
  const deadlines = { overdue: 0, thisWeek: 0, next14Days: 0 };
  for (const item of list.items) if (item.bucket !== 'later') deadlines[item.bucket] += 1;
  return {
    screeningId: record.id, asOf: record.asOf, caseCount: record.caseCount,
    byRule: rollUp(compliance, ['rule']), byRuleUnit: rollUp(compliance, ['rule', 'unit']), units: compliance.units,
    deadlines, dataQuality: { cases: dataQuality(results).cases.length, of: record.caseCount },
  };
}
