import { appendAudit, readLog, sha256Text } from '../db/audit-log';
import type { WorkspaceDb } from '../db/workspace-db';
import { verifyChain, type AuditDetails, type AuditEntry, type ChainReport, type Stamp } from '../domain/audit';

/** The audit log's use cases beyond the entries the other use cases write with their changes. */

/** When a stamped change happens: the time it gives, or now. */
export const stampAt = (stamp: Stamp): string => stamp.at ?? new Date().toISOString();

/**
 * Records an export after the page has handed the file to the browser: the workbooks are made in
 * the worker, but only the page knows the user took the file.
 */
export async function logExport(db: WorkspaceDb, kind: string, details: AuditDetails, stamp: Stamp): Promise<void> {
  await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'export', details: { kind, ...details } });
}

/** The whole log as stored, with what its chain says. */
export async function auditLog(db: WorkspaceDb): Promise<{ entries: AuditEntry[]; chain: ChainReport }> {
  const entries = await readLog(db.auditLog);
  return { entries, chain: verifyChain(entries, sha256Text) };
}
