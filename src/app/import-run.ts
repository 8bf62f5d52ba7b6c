import type { ImportCounts, ImportRecord, RawRowChunk, StoredCase } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { encodeCase } from '../db/case-codec';
import { writeCaseSnapshot } from '../db/case-snapshot';
import { diffCases } from '../domain/reimport';
import { EVENT_TABLES, emptyEvents, type CaseBundle, type EventTableName } from '../domain/types';
import type { ImportMapping } from '../io/mapping';
import type { SourceWorkbook } from '../io/source';
import { transformWorkbook } from '../io/transform';

export interface ImportRequest {
  importId: string;
  /** ISO datetime of the import; its date marks cases that are no longer present. */
  importedAt: string;
  fileName: string;
  size: number;
  sha256: string;
  readMs: number;
  mapping: ImportMapping;
  keepFullCpr: boolean;
}

export type ImportProgress = (stage: 'transform' | 'write', done: number, total: number) => void;

const RAW_CHUNK_ROWS = 1000;
const WRITE_BATCH = 5000;

/**
 * Maps, validates and stores one file in one transaction: it lands whole or not at all, so a
 * closed tab or a cancel leaves the workspace as it was.
 */
export async function runImport(db: WorkspaceDb, workbook: SourceWorkbook, request: ImportRequest, progress: ImportProgress = () => {}): Promise<ImportRecord> {
  const started = performance.now();
  progress('transform', 0, 1);
  const known = new Set(await db.cases.toCollection().primaryKeys());
  const result = transformWorkbook(workbook, request.mapping, { keepFullCpr: request.keepFullCpr, knownCaseNumbers: known });
  const transformMs = performance.now() - started;
  progress('transform', 1, 1);

  const coversCases = result.tables.includes('cases');
  const covered = result.tables.filter((t): t is EventTableName => t !== 'cases');
  const writeStarted = performance.now();
  const record = await db.transaction('rw', [db.cases, db.caseSnapshot, db.caseColumns, db.imports, db.rawRows, db.auditLog], async () => {
    const existing: StoredCase[] = known.size ? await db.cases.toArray() : [];
    const existingByNumber = new Map(existing.map((c) => [c.caseNumber, c]));
    // Events of the tables this file covers are replaced; the other tables' events are kept.
    const base = (caseNumber: string): CaseBundle['events'] => {
      const events = { ...(existingByNumber.get(caseNumber)?.events ?? emptyEvents()) };
      for (const table of covered) events[table] = [];
      return events;
    };
    const incoming = new Map<string, CaseBundle>(result.data.cases.map((c) => [c.caseNumber, { ...c, events: base(c.caseNumber) }]));
    for (const table of EVENT_TABLES) {
      for (const event of result.data[table]) {
        let bundle = incoming.get(event.caseNumber);
        if (!bundle) {
          const { importId: _i, missingSince: _m, ...stored } = existingByNumber.get(event.caseNumber)!;
          bundle = { ...stored, events: base(event.caseNumber) };
          incoming.set(event.caseNumber, bundle);
        }
        (bundle.events[table] as (typeof event)[]).push(event);
      }
    }
    const bundles = [...incoming.values()];
    const diff = diffCases(existing, bundles, covered, coversCases);

    const importDate = request.importedAt.slice(0, 10);
    const writes: StoredCase[] = bundles.map((c) => ({ ...c, importId: request.importId, missingSince: null }));
    for (const caseNumber of diff.noLongerPresent) {
      const stored = existingByNumber.get(caseNumber)!;
      if (!stored.missingSince) writes.push({ ...stored, missingSince: importDate });
    }
    const chunks: RawRowChunk[] = [];
    for (const sheet of workbook.sheets) {
      for (let i = 0; i < sheet.rows.length; i += RAW_CHUNK_ROWS) {
        chunks.push({ importId: request.importId, sheet: sheet.name, rows: sheet.rows.slice(i, i + RAW_CHUNK_ROWS) });
      }
    }
    const total = writes.length + chunks.length * RAW_CHUNK_ROWS;
    let done = 0;
    const encoded = writes.map(encodeCase);
    for (let i = 0; i < encoded.length; i += WRITE_BATCH) {
      await db.putEncodedCases(encoded.slice(i, i + WRITE_BATCH));
      progress('write', (done += Math.min(WRITE_BATCH, encoded.length - i)), total);
    }
    const written = new Set(encoded.map((c) => c.caseNumber));
    await writeCaseSnapshot(db.caseSnapshot, [...existing.filter((c) => !written.has(c.caseNumber)).map(encodeCase), ...encoded], db.caseColumns);
    for (let i = 0; i < chunks.length; i += 10) {
      await db.rawRows.bulkAdd(chunks.slice(i, i + 10));
      progress('write', (done += Math.min(10, chunks.length - i) * RAW_CHUNK_ROWS), total);
    }

    const events: ImportCounts['events'] = Object.fromEntries(covered.map((t) => [t, result.data[t].length]));
    const record: ImportRecord = {
      id: request.importId,
      fileName: request.fileName,
      size: request.size,
      sha256: request.sha256,
      importedAt: request.importedAt,
      format: workbook.format,
      encoding: workbook.encoding ?? null,
      delimiter: workbook.delimiter ?? null,
      mapping: request.mapping,
      keepFullCpr: request.keepFullCpr,
      tables: result.tables,
      counts: {
        rowsRead: result.rowsRead,
        rowsRejected: result.rowsRejected,
        emptyRows: result.emptyRows,
        cases: result.data.cases.length,
        events,
        errors: result.issues.filter((i) => i.severity === 'error').length,
        warnings: result.issues.filter((i) => i.severity === 'warning').length,
      },
      diff,
      issues: result.issues,
      timings: { readMs: request.readMs, transformMs, writeMs: 0 },
    };
    await db.imports.add(record);
    await db.auditLog.add({ at: request.importedAt, action: 'import', fileName: request.fileName, cases: record.counts.cases, errors: record.counts.errors });
    return record;
  });
  record.timings.writeMs = performance.now() - writeStarted;
  await db.imports.update(record.id, { 'timings.writeMs': record.timings.writeMs });
  return record;
}
