import type { WorkspaceDb } from '../db/workspace-db';
import type { ScreeningPurpose } from '../domain/records';
import { appendAudit } from '../db/audit-log';
import type { Stamp } from '../domain/audit';
import { stampAt } from './audit';
import { chosenScreening } from './screening';

/**
 * How much a workspace stores, and what can go. IndexedDB tells only the whole profile's use
 * (`navigator.storage.estimate`), so a workspace's size is counted from its records: the length
 * of their texts and the bytes of their binary data. On disk the browser compresses, so the
 * figure is an upper estimate of the same order.
 */

export interface StorageReport {
  tables: { name: string; records: number; bytes: number }[];
  bytes: number;
  cases: number;
  screenings: { id: string; asOf: string; createdAt: string; purpose: ScreeningPurpose; cases: number; bytes: number; chosen: boolean; usedBy: string | null }[];
  imports: { id: string; fileName: string; importedAt: string; cases: number; fileBytes: number | null }[];
}

/** About how many bytes a stored value takes: texts by their length, binary data by its size. */
export function approxBytes(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'string') return value.length;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + approxBytes(v), 2);
  if (typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + k.length + approxBytes(v), 2);
  return 0;
}

/** How much each table stores, counted from its records as they come (for a locked workspace opened without its key: as stored, encrypted). */
export async function countTables(db: WorkspaceDb, bytesBy = new Map<string, number>()): Promise<StorageReport['tables']> {
  const tables: StorageReport['tables'] = [];
  for (const table of db.tables) {
    let records = 0;
    let bytes = 0;
    await table.each((record: Record<string, unknown>) => {
      const size = approxBytes(record);
      records += 1;
      bytes += size;
      if (table.name === 'screeningResults') bytesBy.set(record.screeningId as string, (bytesBy.get(record.screeningId as string) ?? 0) + size);
      if (table.name === 'importSources') bytesBy.set(record.importId as string, size);
    });
    tables.push({ name: table.name, records, bytes });
  }
  return tables;
}

export async function storageReport(db: WorkspaceDb): Promise<StorageReport> {
  const bytesBy = new Map<string, number>();
  const tables = await countTables(db, bytesBy);
  const used = new Map<string, string>();
  await db.samples.each((s) => s.protocol.riskScreening && used.set(s.protocol.riskScreening.id, s.protocol.round));
  const chosen = (await chosenScreening(db))?.id;
  const screenings = (await db.screenings.toArray())
    .filter((s) => s.complete === true)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map((s) => ({
      id: s.id, asOf: s.asOf, createdAt: s.createdAt, purpose: s.purpose ?? 'user', cases: s.caseCount,
      bytes: approxBytes(s) + (bytesBy.get(s.id) ?? 0), chosen: s.id === chosen, usedBy: used.get(s.id) ?? null,
    }));
  const imports = (await db.imports.orderBy('importedAt').reverse().toArray()).map((i) => ({
    id: i.id, fileName: i.fileName, importedAt: i.importedAt, cases: i.counts.cases, fileBytes: bytesBy.get(i.id) ?? null,
  }));
  const manifest = (await db.meta.get('cases')) ?? { count: 0 };
  return { tables, bytes: tables.reduce((n, t) => n + t.bytes, 0), cases: manifest.count, screenings, imports };
}

/** Deletes the file kept with an import; what was imported from it stays. */
export async function deleteImportFile(db: WorkspaceDb, importId: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.imports, db.importSources, db.auditLog], async () => {
    const record = await db.imports.get(importId);
    if (!record) throw new Error('Importen findes ikke længere.');
    await db.importSources.delete(importId);
    await db.imports.update(importId, { sourceKept: false });
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'import.fileDeleted', details: { fileName: record.fileName, importedAt: record.importedAt } });
  });
}
