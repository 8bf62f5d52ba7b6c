import { appendAudit } from '../db/audit-log';
import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import { summaryOf, type Report, type ReportSummary } from '../domain/report/snapshot';
import { stampAt } from './audit';

/** Stored reports: each written once, whole, as the snapshot it is; opened as stored; deleted with a line in the log. */

/** The stored reports, newest first, without their tables. */
export async function listReports(db: WorkspaceDb): Promise<ReportSummary[]> {
  const reports = await db.reports.orderBy('createdAt').reverse().toArray();
  return reports.map(summaryOf);
}

/** A stored report exactly as it was stored; undefined when it has been deleted. */
export const getReport = (db: WorkspaceDb, id: string): Promise<Report | undefined> => db.reports.get(id);

/** Stores a composed report and logs it, in one transaction. */
export async function storeReport(db: WorkspaceDb, report: Report, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.reports, db.auditLog], async () => {
    if (await db.reports.get(report.id)) throw new Error('Rapporten er allerede gemt.');
    await db.reports.add(report);
    await appendAudit(db, {
      at: stampAt(stamp), by: stamp.by, action: 'report.stored',
      details: { title: report.title, quarters: report.quarters, units: report.units.length, rounds: report.rounds.map((r) => r.name), ...(report.screening && { asOf: report.screening.asOf }) },
    });
  });
}

/** Deletes a stored report; logged with its title and when it was made. */
export async function deleteReport(db: WorkspaceDb, id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.reports, db.auditLog], async () => {
    const report = await db.reports.get(id);
    if (!report) throw new Error('Rapporten findes ikke længere.');
    await db.reports.delete(id);
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'report.deleted', details: { title: report.title, createdAt: report.createdAt } });
  });
}
