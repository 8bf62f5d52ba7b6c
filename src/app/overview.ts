import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import type { ScreeningRecord } from '../domain/records';
import type { RoundCompliance } from '../domain/report/review-compliance';
import { readThresholds, type Thresholds } from '../domain/report/thresholds';
import type { ComplianceTrend } from '../domain/report/trend';
import { complianceOfRound, complianceTrendOf, TREND_QUARTERS } from './compliance';
import { listRounds } from './sampling';
import { importedTables } from './screening';
export { overviewFigures, type OverviewFigures } from './overview-figures';
import { settingChanged } from './settings-log';

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
  // A screening stored before the tables were kept with it screened the tables imported then, as far as anyone knows: those now.
  const tables = record.importedTables ? new Set(record.importedTables) : await importedTables(db);
  const trend = await complianceTrendOf(db, { asOf: record.asOf, settings: record.settings, importedTables: tables }, TREND_QUARTERS, progress);
  // The screening may have been deleted meanwhile: then there is nothing to keep it with.
  await db.screenings.update(record.id, { trend });
  return trend;
}
