import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import-run';
import { caseManifest, DataChangedError, eachCaseColumns, eachStoredCase, getCase } from '../../src/db/case-store';
import type { ColumnChunk } from '../../src/db/records';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { CASE_COLUMNS_CODEC, encodeColumns, type CaseColumns } from '../../src/domain/rules/case-columns';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('store');
});
afterEach(() => db.close());

const HEADERS = ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Foranstaltning type', 'Foranstaltning iværksat'];
async function importCases(n: number, kind = 'Anbringelse') {
  const workbook: SourceWorkbook = {
    format: 'csv',
    sheets: [{ name: 'udtraek', headers: HEADERS, emptyRows: 0, rows: Array.from({ length: n }, (_, i) => ({ number: i + 2, cells: [`S-${String(i).padStart(5, '0')}`, 'Nord', 'AB', kind, '01-03-2024'] })) }],
  };
  return runImport(db, workbook, { importId: crypto.randomUUID(), importedAt: '2026-11-27T08:00:00.000Z', fileName: 'x.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: false, by: 'Test Fiktiv' });
}

async function columnsRead(): Promise<CaseColumns[]> {
  const read: CaseColumns[] = [];
  await eachCaseColumns(db, (columns) => read.push(columns));
  return read;
}

async function columnsFromCases(): Promise<CaseColumns[]> {
  const chunks: CaseColumns[] = [];
  await eachStoredCase(db, (cases) => chunks.push(encodeColumns(cases)));
  return chunks;
}

describe('the cases: one truth in chunks, columns derived from it', () => {
  it('finds a case by its number in any chunk, and none that is not there', async () => {
    await importCases(4_100);
    expect((await caseManifest(db)).chunks.map((c) => [c.first, c.count])).toEqual([['S-00000', 2000], ['S-02000', 2000], ['S-04000', 100]]);
    for (const n of ['S-00000', 'S-01999', 'S-02000', 'S-04099']) expect(await getCase(db, n)).toMatchObject({ caseNumber: n, unit: 'Nord', revision: 1, missingSince: null });
    for (const n of ['S-04100', 'A', 'S-0', 'ZZZ']) expect(await getCase(db, n)).toBeUndefined();
  });

  it.each([
    ['made by an older codec', (c: ColumnChunk) => ({ ...c, codec: CASE_COLUMNS_CODEC - 1 })],
    ['made from an older revision of its cases', (c: ColumnChunk) => ({ ...c, revision: c.revision - 1 })],
  ])('makes a column chunk %s again from its cases before it is read, and stores it', async (_, stale) => {
    await importCases(4_100);
    const good = await columnsRead();
    const chunk = (await db.columnChunks.get(1))!;
    // A stale chunk that would screen wrong: every measure's kind emptied.
    await db.columnChunks.put({ ...stale(chunk), numbers: { ...chunk.numbers, measures: { ...chunk.numbers.measures, kind: new Int32Array(chunk.numbers.measures.kind.length) } } });
    expect(await columnsRead()).toEqual(good);
    expect(await columnsRead()).toEqual(await columnsFromCases());
    expect(await db.columnChunks.get(1)).toEqual(chunk);
  });

  it('makes a missing column chunk from its cases before it is read', async () => {
    await importCases(4_100);
    const good = await columnsRead();
    await db.columnChunks.clear();
    expect(await columnsRead()).toEqual(good);
    expect(await db.columnChunks.count()).toBe(3);
  });

  it('refuses to mix two imports: cases rewritten after the reader took the manifest', async () => {
    await importCases(2_500);
    const manifest = await caseManifest(db);
    await importCases(2_500, 'Forebyggende');
    await expect(eachCaseColumns(db, () => {}, [0, 1], manifest)).rejects.toBeInstanceOf(DataChangedError);
    await expect(eachCaseColumns(db, () => {}, [0, 1], manifest)).rejects.toThrow('Sagerne blev ændret, mens de blev læst');
  });
});
