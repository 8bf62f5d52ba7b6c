import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import type { ScreeningRecord } from '../domain/records';
import { rollUp, type ComplianceRow } from '../domain/report/compliance';
import type { RoundCompliance } from '../domain/report/review-compliance';
import { readThresholds, type Thresholds } from '../domain/report/thresholds';
import type { ComplianceTrend } from '../domain/report/trend';
import { dataQuality } from '../domain/rules/data-quality';
import { deadlineItems, type DeadlineBucket } from '../domain/rules/deadlines';
import { DEFAULT_HORIZON_MONTHS, workList } from '../domain/rules/work-list';
import { complianceOfRound, complianceOfScreening, complianceTrendOf, TREND_QUARTERS } from './compliance';
import { listRounds } from './sampling';
import type { LoadedScreening } from './screening';
import { settingChanged } from './settings-log';

/** What Overblik shows of a screening: made in the worker from the results, small enough to post at once. */
export interface OverviewFigures {
  screeningId: string;
  asOf: string;
  caseCount: number;
  byRule: ComplianceRow[];
  byRuleUnit: ComplianceRow[];
  units: string[];
  /** Frister's week at the screening's date: open cases' steps, overdue ones within Frister's horizon. */
  deadlines: Record<Exclude<DeadlineBucket, 'later'>, number>;
  /** Cases with a field missing that a rule needed, of the cases screened. */
  dataQuality: { cases: number; of: number };
}

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

/** The newest round set up for review with at least one answer, and its compliance; undefined when there is none. */
export async function latestRoundCompliance(db: WorkspaceDb): Promise<{ roundId: string; name: string; compliance: RoundCompliance } | undefined> {
  for (const entry of await listRounds(db)) {
    if (!entry.round.review || (await db.reviews.where('roundId').equals(entry.round.id).count()) === 0) continue;
    return { roundId: entry.round.id, name: entry.round.name, compliance: await complianceOfRound(db, entry) };
  }
  return undefined;
}

const THRESHOLDS_KEY = 'heatMapThresholds';

export async function heatMapThresholds(db: WorkspaceDb): Promise<Thresholds> {
  return readThresholds((await db.settings.get(THRESHOLDS_KEY))?.value);
}

export async function setHeatMapThresholds(db: WorkspaceDb, thresholds: Thresholds, stamp: Stamp): Promise<void> {
  await settingChanged(db, THRESHOLDS_KEY, { green: thresholds.green, yellow: thresholds.yellow }, 'settings.heatMapThresholds', stamp, readThresholds);
}

/**
 * The trend up to a screening's date, under the screening's rules and imported tables, kept with
 * the screening: Overblik shows it at once the next time. The cases are read as they are now.
 */
export async function trendOfScreening(db: WorkspaceDb, record: ScreeningRecord, progress: (share: number) => void = () => {}): Promise<ComplianceTrend> {
  const trend = await complianceTrendOf(db, { asOf: record.asOf, settings: record.settings, importedTables: new Set(record.importedTables ?? []) }, TREND_QUARTERS, progress);
  // The screening may have been deleted meanwhile: then there is nothing to keep it with.
  await db.screenings.update(record.id, { trend });
  return trend;
}
