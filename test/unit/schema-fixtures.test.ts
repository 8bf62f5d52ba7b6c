import Dexie from 'dexie';
import { inflateSync, strFromU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseScreening, importedTables, loadScreening, runScreening } from '../../src/app/screening';
import { decodeCase, type EncodedCase } from '../../src/db/case-codec';
import { allCases, caseManifest, eachCaseColumns } from '../../src/db/case-store';
import { workspaceDbName } from '../../src/db/names';
import { latestVersion, WORKSPACE_SCHEMA } from '../../src/db/schema';
import { sha256Text } from '../../src/db/audit-log';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { verifyChain } from '../../src/domain/audit';
import type { StoredCase } from '../../src/domain/records';
import { screenTable } from '../../src/domain/rules/evaluate';
import type { RuleResult, ScreeningSettings } from '../../src/domain/rules/types';
import { loadDump, readDump, rowsOf } from './db-dump';

/**
 * Every released schema version's own database (test/unit/fixtures/db-vN.json, written by that
 * release's code) opens with today's code: the upgrades run from its version to the latest, and
 * nothing it held is lost.
 */

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

type Row = Record<string, unknown>;
const KEPT_AS_THEY_WERE = ['mappingProfiles', 'rounds', 'samples', 'reviews', 'questionTemplates', 'findings', 'focusAreas', 'improvementActions'];

/** The log lines a database held before version 6, as its upgrade chains them: in order, their own fields as details, no user. */
async function expectChainedLog(db: WorkspaceDb, before: Row[]): Promise<void> {
  // Every fixture logs at least its two imports and its screening.
  expect(before.length).toBeGreaterThanOrEqual(3);
  const entries = await db.auditLog.orderBy('seq').toArray();
  expect(entries.map(({ id, seq, at, by, action, details }) => ({ id, seq, at, by, action, details })))
    .toEqual(before.map(({ id, at, action, ...details }, i) => ({ id, seq: i + 1, at, by: '', action, details })));
  expect(verifyChain(entries, sha256Text)).toMatchObject({ entries: before.length, problems: [] });
}
const byKey = (a: RuleResult, b: RuleResult) => (a.caseNumber + a.ruleId + a.subject < b.caseNumber + b.ruleId + b.subject ? -1 : 1);

describe.each([1, 2, 3, 4])('a database written by schema version %i', (version) => {
  const dump = readDump(`test/unit/fixtures/db-v${version}.json`);
  const rows = (table: string) => (dump.tables[table] ? (rowsOf(dump, table) as Row[]) : []);

  async function upgraded() {
    await loadDump(dump, workspaceDbName('old'));
    return openWorkspaceDb('old');
  }

  it(`is version ${version} and upgrades to version ${latestVersion(WORKSPACE_SCHEMA)} with every case, as it was`, async () => {
    expect(dump.schemaVersion).toBe(version);
    const db = await upgraded();
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    const expected: StoredCase[] = rows('cases')
      .map((c) => ({ ...decodeCase(c as EncodedCase), revision: 1, missingSince: (c.missingSince as string | undefined) ?? null }))
      .sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1));
    expect(expected).toHaveLength(26);
    expect(expected.filter((c) => c.missingSince).map((c) => c.caseNumber)).toEqual(['SCN-26']);
    expect(await allCases(db)).toEqual(expected);
    expect(await caseManifest(db)).toMatchObject({ revision: 1, count: 26 });
    let screened = 0;
    await eachCaseColumns(db, (columns) => (screened += columns.size));
    expect(screened).toBe(26);
    db.close();
  });

  it('keeps every import, setting, sample, round, answer, plan and log line, and the rows of each import', async () => {
    const db = await upgraded();
    expect(await db.imports.toArray()).toEqual(rows('imports').map((i) => ({ ...i, sourceKept: true })));
    for (const table of KEPT_AS_THEY_WERE) expect(await db.table(table).toArray(), table).toEqual(rows(table));
    await expectChainedLog(db, rows('auditLog'));
    expect((await db.settings.toArray()).filter((s) => s.key !== 'chosenScreeningId')).toEqual(rows('settings'));
    for (const record of rows('imports')) {
      const source = (await db.importSources.get(record.id as string))!;
      expect(source).toMatchObject({ kind: 'rows', deflated: true, fileName: record.fileName });
      const kept = JSON.parse(strFromU8(inflateSync(source.bytes))) as { sheet: string; rows: unknown[] }[];
      const raw = rows('rawRows').filter((r) => r.importId === record.id);
      expect(kept.flatMap((s) => s.rows)).toEqual(raw.flatMap((r) => r.rows as unknown[]));
      expect(kept.map((s) => s.sheet)).toEqual([...new Set(raw.map((r) => r.sheet))]);
    }
    db.close();
  });

  it('keeps its screening, complete, as the one the pages use, with the same results', async () => {
    const db = await upgraded();
    const [before] = rows('screenings');
    expect(await db.settings.get('chosenScreeningId')).toEqual({ key: 'chosenScreeningId', value: before!.id });
    const loaded = await loadScreening(db, before!.id as string);
    // The screening came after the last import: the cases are those it screened.
    expect(loaded.record).toEqual({ ...before, complete: true, purpose: 'user', dataRevision: 1, importedTables: expect.any(Array) });
    expect([...loaded.record.importedTables!].sort()).toEqual([...(await importedTables(db))].sort());
    const stored = rows('screeningResults');
    const results = stored[0]!.table
      ? new (await import('../../src/domain/rules/result-table')).ResultTable(stored[0]!.table as never).all()
      : stored.flatMap((r) => r.results as RuleResult[]);
    expect(loaded.results.all().sort(byKey)).toEqual(results.sort(byKey));
    expect(loaded.cases.size).toBe(26);
    db.close();
  });

  it('screens the same as the cases it held, and explains a case from its stored screening', async () => {
    const db = await upgraded();
    const settings = rows('settings').find((s) => s.key === 'screeningSettings')!.value as ScreeningSettings;
    const run = await runScreening(db, { id: 'again', asOf: '2024-06-30', createdAt: '2026-11-29T08:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
    const original = screenTable(rows('cases') as never, { asOf: '2024-06-30', settings, importedTables: await importedTables(db), explain: false });
    expect(run.results.all().sort(byKey)).toEqual(original.all().sort(byKey));

    // The stored screening was made by that release's rules: a case is explained with its basis
    // sentences where today's rules give the same results, and shown beside today's where not.
    const screening = await loadScreening(db, rows('screenings')[0]!.id as string);
    const outcome = (r: RuleResult) => [r.ruleId, r.subject, r.status, r.deadline, r.doneAt, r.daysLate, r.legalRef].join('|');
    for (const caseNumber of ['SCN-01', 'SCN-03', 'SCN-12', 'SCN-21']) {
      const view = await caseScreening(db, screening, caseNumber);
      const stored = screening.results.all().filter((r) => r.caseNumber === caseNumber);
      const today = run.results.all().filter((r) => r.caseNumber === caseNumber);
      const same = stored.map(outcome).sort().join() === today.map(outcome).sort().join();
      expect(view.results.map(outcome).sort()).toEqual(stored.map(outcome).sort());
      expect(view.explanation, caseNumber).toBe(same ? 'explained' : 'rulesChanged');
      for (const r of same ? view.results : view.now!) expect(r.basis, `${caseNumber} ${r.ruleId}`).not.toBe('');
    }
    db.close();
  });
});

describe('a database written by schema version 5', () => {
  it('upgrades with every table as it was and its log chained', async () => {
    const dump = readDump('test/unit/fixtures/db-v5.json');
    expect(dump.schemaVersion).toBe(5);
    await loadDump(dump, workspaceDbName('v5'));
    const db = await openWorkspaceDb('v5');
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    for (const table of Object.keys(dump.tables).filter((t) => t !== 'auditLog')) expect(await db.table(table).toArray(), table).toEqual(rowsOf(dump, table));
    await expectChainedLog(db, rowsOf(dump, 'auditLog') as Row[]);
    db.close();
  });
});

describe('a database written by schema version 6', () => {
  it('upgrades with its cases, its file and its screening, a case explained from it, its log whole, and no report', async () => {
    const dump = readDump('test/unit/fixtures/db-v6.json');
    expect(dump.schemaVersion).toBe(6);
    await loadDump(dump, workspaceDbName('v6'));
    const db = await openWorkspaceDb('v6');
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    expect(await db.reports.count()).toBe(0);
    const cases = await allCases(db);
    expect(cases).toHaveLength(26);
    expect(cases.filter((c) => c.missingSince).map((c) => c.caseNumber)).toEqual(['SCN-26']);
    // SCN-25 changed in the second import: the only case at its revision.
    expect(cases.filter((c) => c.revision === 2).map((c) => c.caseNumber)).toEqual(['SCN-25']);
    expect(await db.importSources.count()).toBe(2);
    const screening = await loadScreening(db, 'fixture-screening-1');
    expect(screening.record).toMatchObject({ complete: true, purpose: 'user', dataRevision: 2 });
    expect((await caseScreening(db, screening, 'SCN-03')).explanation).toBe('explained');
    const log = await db.auditLog.toArray();
    expect(verifyChain(log, sha256Text)).toMatchObject({ entries: log.length, problems: [] });
    expect(log.length).toBeGreaterThan(10);
    expect(new Set(log.map((e) => e.by))).toEqual(new Set(['Fixtur Bruger']));
    db.close();
  });
});

describe('the database the current version writes (fixtures/db-v7.json)', () => {
  it('opens as written, with its stored report as it was made and its workbook', async () => {
    const dump = readDump('test/unit/fixtures/db-v7.json');
    expect(dump.schemaVersion).toBe(latestVersion(WORKSPACE_SCHEMA));
    await loadDump(dump, workspaceDbName('current'));
    const db = await openWorkspaceDb('current');
    expect(await allCases(db)).toHaveLength(26);
    expect(await db.reports.toArray()).toEqual(rowsOf(dump, 'reports'));
    const report = (await db.reports.get('fixture-report-1'))!;
    expect(report).toMatchObject({ format: 1, title: 'Fixtur 2. kvartal 2024', kommune: 'Fixtur Kommune', quarters: ['2024 K2'], demo: false });
    expect(report.rows.find((r) => r.id === 'BFU_4M')!.total).toMatchObject({ compliant: 3, counted: 5 });
    expect(report.thresholds).toEqual({ green: 90, yellow: 75 });
    const { reportWorkbook } = await import('../../src/io/report-workbook');
    expect(reportWorkbook(report).byteLength).toBeGreaterThan(1000);
    const log = await db.auditLog.toArray();
    expect(verifyChain(log, sha256Text)).toMatchObject({ entries: log.length, problems: [] });
    expect(log.at(-1)).toMatchObject({ action: 'report.stored', by: 'Fixtur Bruger' });
    db.close();
  });
});
