import { deflateSync, strToU8 } from 'fflate';
import { caseForRules, encodeCase, type EncodedCase } from '../db/case-codec';
import { byCaseNumber, readCaseRows, writeCaseRows, type CaseRow } from '../db/case-store';
import type { ImportSource } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import { maskCprLike, maskSheets } from '../domain/cpr';
import { fieldByKey } from '../domain/fields';
import { DEFAULT_IMPORT_LIMITS, ShrinkNotConfirmed, shrinkQuestion } from '../domain/import-limits';
import type { ImportMapping } from '../domain/mapping';
import type { ImportCounts, ImportRecord } from '../domain/records';
import { changedFields, type ReimportDiff } from '../domain/reimport';
import type { SourceWorkbook } from '../domain/source';
import { EVENT_TABLES, emptyEvents, type CaseBundle, type CaseEvents, type EventTableName, type IsoDate } from '../domain/types';
import { transformWorkbook, type TransformResult } from '../io/transform';
import { appendAudit } from '../db/audit-log';
import { keepFullCpr } from './import-service';
import { clearDraft } from './import-draft';
import { asWriter } from './locks';
import { settingChanged } from './settings-log';

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
  /** The day the extract was taken; the import's own date when not given. */
  extractDate?: IsoDate;
  /** The file as read, kept with the import unless the workspace says not to keep files. */
  source?: Uint8Array;
  /** Who imports: the name the user gave for the session, for the audit log. */
  by: string;
  /** The user has answered yes to marking many cases as no longer present (see `shrinkQuestion`). */
  confirmedShrink?: boolean;
  /** The setting `shrinkQuestion` asks by; the default when not given. */
  shrinkShare?: number;
}

export type ImportProgress = (stage: 'transform' | 'write', done: number, total: number) => void;

const KEEP_FILES = 'keepImportFiles';
const KEEP_FULL_CPR = 'keepFullCpr';

/** Whether imports keep their files (the default) or only what was read from them. */
export async function keepImportFiles(db: WorkspaceDb): Promise<boolean> {
  return (await db.settings.get(KEEP_FILES))?.value !== false;
}

export async function setKeepImportFiles(db: WorkspaceDb, keep: boolean, stamp: Stamp): Promise<void> {
  await settingChanged(db, KEEP_FILES, keep, 'settings.keepImportFiles', stamp, (stored) => stored !== false);
}

/**
 * What is kept of the file. With full CPR numbers kept: the file itself (a zip, xlsx or ods, is
 * compressed already; everything else is deflated). Otherwise the file's own bytes would keep the
 * numbers, so the rows as read are kept instead, deflated JSON (`kind: 'rows'`), with the CPR
 * columns and every other CPR-like value masked.
 */
function sourceOf(request: ImportRequest, workbook: SourceWorkbook): ImportSource | undefined {
  const bytes = request.source;
  if (!bytes) return undefined;
  const fileName = request.keepFullCpr ? request.fileName : maskCprLike(request.fileName);
  if (!request.keepFullCpr) {
    const text = strToU8(JSON.stringify(maskSheets(workbook.sheets, cprColumns(request.mapping)).map(({ name, headers, rows }) => ({ sheet: name, headers, rows }))));
    return { importId: request.importId, fileName, kind: 'rows', deflated: true, size: text.byteLength, bytes: deflateSync(text, { level: 1 }) };
  }
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b;
  return { importId: request.importId, fileName, kind: 'file', deflated: !zipped, size: bytes.byteLength, bytes: zipped ? bytes : deflateSync(bytes, { level: 1 }) };
}

/** Per sheet, the columns the mapping reads as CPR numbers. */
function cprColumns(mapping: ImportMapping): Map<string, Set<number>> {
  return new Map(mapping.sheets.filter((s) => s.role !== 'ignore').map((s) => [
    s.sheet, new Set(s.columns.filter((c) => c.target !== null && fieldByKey.get(c.target)?.type === 'cpr').map((c) => c.column)),
  ]));
}

/**
 * Maps, validates and stores one file in one transaction: it lands whole or not at all, so a
 * closed tab or a cancel leaves the workspace as it was. Everything it decides (which cases are
 * known, what changed) is read inside that transaction, and only one import at a time writes a
 * workspace (across tabs, `asWriter`).
 */
export async function runImport(db: WorkspaceDb, workbook: SourceWorkbook, given: ImportRequest, progress: ImportProgress = () => {}): Promise<ImportRecord> {
  // A file named after a child is not unheard of; its name is kept in the import, the file and the log.
  const request = given.keepFullCpr ? given : { ...given, fileName: maskCprLike(given.fileName) };
  const source = (await keepImportFiles(db)) ? sourceOf(given, workbook) : undefined;
  return asWriter(db.name, async () => {
    let transformMs = 0;
    let writeStarted = 0;
    let parts: NonNullable<ImportRecord['timings']['parts']> | undefined;
    const record = await db.transaction('rw', [db.caseChunks, db.columnChunks, db.meta, db.imports, db.importSources, db.settings, db.auditLog], async () => {
      const started = performance.now();
      progress('transform', 0, 1);
      const before = await readCaseRows(db);
      const known = new Map(before.rows.map((r) => [r.caseNumber, r]));
      const transformStarted = performance.now();
      const result = transformWorkbook(workbook, request.mapping, { keepFullCpr: request.keepFullCpr, knownCaseNumbers: known });
      writeStarted = performance.now();
      transformMs = writeStarted - started;
      progress('transform', 1, 1);

      progress('write', 0, 1);
      const revision = before.manifest.revision + 1;
      const held = known.size;
      const { rows, diff } = merge(known, result, revision, request.importedAt.slice(0, 10));
      const question = request.confirmedShrink ? undefined
        : shrinkQuestion(held, result.data.cases.length, diff.noLongerPresent.length, request.shrinkShare ?? DEFAULT_IMPORT_LIMITS.shrinkShare);
      if (question) throw new ShrinkNotConfirmed(question);
      const merged = performance.now();
      const after = await writeCaseRows(db, rows, revision, before);
      parts = { stored: transformStarted - started, transform: writeStarted - transformStarted, merge: merged - writeStarted, write: 0 };
      if (source) await db.importSources.put(source);
      // The mapping in progress has landed: a reload no longer offers it.
      await clearDraft(db);
      // The choice is stored with the import it was made for, so a cancelled or failed import changes no setting.
      const keptBefore = await keepFullCpr(db);
      await db.settings.put({ key: KEEP_FULL_CPR, value: request.keepFullCpr });
      if (keptBefore !== request.keepFullCpr) {
        await appendAudit(db, { at: request.importedAt, by: request.by, action: 'settings.keepFullCpr', details: { from: keptBefore, to: request.keepFullCpr } });
      }
      const record = importRecord(request, workbook, result, diff, transformMs, after.revision, source !== undefined);
      await db.imports.add(record);
      const { counts } = record;
      await appendAudit(db, {
        at: request.importedAt, by: request.by, action: 'import',
        details: {
          fileName: request.fileName, extractDate: record.extractDate ?? null, rowsRead: counts.rowsRead, cases: counts.cases,
          added: diff.added.length, changed: diff.changed.length, noLongerPresent: diff.noLongerPresent.length, errors: counts.errors, warnings: counts.warnings,
        },
      });
      progress('write', 1, 1);
      return record;
    });
    record.timings.writeMs = performance.now() - writeStarted;
    record.timings.parts = { ...parts!, write: record.timings.writeMs - parts!.merge };
    await db.imports.update(record.id, { 'timings.writeMs': record.timings.writeMs, 'timings.parts': record.timings.parts });
    return record;
  });
}

/**
 * The workspace's cases after this file: its cases replace theirs (events of the tables the file
 * covers are replaced, the others kept), the rest stay, those the file no longer lists are marked.
 * A case whose text changes gets the new revision; unchanged cases keep theirs.
 */
function merge(known: Map<string, CaseRow>, result: TransformResult, revision: number, importDate: string): { rows: CaseRow[]; diff: ReimportDiff } {
  const covered = result.tables.filter((t): t is EventTableName => t !== 'cases');
  const coversCases = result.tables.includes('cases');
  // A stored case as stored (empty fields left out): comparing it with a new case as it will be
  // stored needs no full objects, and keeping its events needs none either.
  const parsed = new Map<string, CaseBundle>();
  const stored = (caseNumber: string) => {
    let c = parsed.get(caseNumber);
    if (!c) parsed.set(caseNumber, (c = caseForRules(JSON.parse(known.get(caseNumber)!.line) as EncodedCase)));
    return c;
  };
  // A stored case is read only when it has events the file does not replace. In the JSON text an
  // event table's name followed by `":[` can only be that table's key: a string value escapes its quotes.
  const kept = EVENT_TABLES.filter((t) => !covered.includes(t)).map((t) => `"${t}":[`);
  const keepsEvents = (caseNumber: string) => kept.some((key) => known.get(caseNumber)?.line.includes(key));
  const base = (caseNumber: string): CaseEvents => {
    const events = keepsEvents(caseNumber) ? { ...stored(caseNumber).events } : emptyEvents();
    for (const table of covered) events[table] = [];
    return events;
  };
  const incoming = new Map<string, CaseBundle>(result.data.cases.map((c) => [c.caseNumber, { ...c, events: base(c.caseNumber) }]));
  for (const table of EVENT_TABLES) {
    for (const event of result.data[table]) {
      let bundle = incoming.get(event.caseNumber);
      if (!bundle) incoming.set(event.caseNumber, (bundle = { ...stored(event.caseNumber), events: base(event.caseNumber) }));
      (bundle.events[table] as (typeof event)[]).push(event);
    }
  }

  const diff: ReimportDiff = { added: [], changed: [], unchanged: 0, noLongerPresent: [] };
  // The stored rows become the new ones in place: the cases the file does not name stay as they are.
  const rows = known;
  const missingBefore = coversCases ? [...known.values()].filter((r) => !incoming.has(r.caseNumber)) : [];
  for (const [caseNumber, bundle] of incoming) {
    const encoded = encodeCase(bundle);
    const line = JSON.stringify(encoded);
    const old = known.get(caseNumber);
    if (!old) diff.added.push(caseNumber);
    else if (old.line === line) diff.unchanged += 1;
    else {
      const fields = changedFields(stored(caseNumber), caseForRules(encoded), covered);
      if (fields.length) diff.changed.push({ caseNumber, fields });
      else diff.unchanged += 1;
    }
    rows.set(caseNumber, { caseNumber, line, encoded, revision: old?.line === line ? old.revision : revision, missingSince: null });
  }
  for (const row of missingBefore) {
    diff.noLongerPresent.push(row.caseNumber);
    if (!row.missingSince) rows.set(row.caseNumber, { ...row, missingSince: importDate });
  }
  return { rows: [...rows.values()].sort((a, b) => byCaseNumber(a.caseNumber, b.caseNumber)), diff };
}

function importRecord(
  request: ImportRequest, workbook: SourceWorkbook, result: TransformResult, diff: ReimportDiff, transformMs: number, dataRevision: number, sourceKept: boolean,
): ImportRecord {
  const covered = result.tables.filter((t): t is EventTableName => t !== 'cases');
  const events: ImportCounts['events'] = Object.fromEntries(covered.map((t) => [t, result.data[t].length]));
  return {
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
    unknownValues: result.unknownValues,
    timings: { readMs: request.readMs, transformMs, writeMs: 0 },
    dataRevision,
    sourceKept,
    extractDate: request.extractDate ?? request.importedAt.slice(0, 10),
  };
}

/** The day the workspace's newest extract was taken (an import from before this was asked: its import date); null before any import. */
export async function latestExtractDate(db: WorkspaceDb): Promise<IsoDate | null> {
  const newest = await db.imports.orderBy('importedAt').last();
  return newest ? (newest.extractDate ?? newest.importedAt.slice(0, 10)) : null;
}
