import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import-run';
import { allCases } from '../../src/db/case-store';
import { WORKSPACE_SCHEMA, latestVersion } from '../../src/db/schema';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';
import { TEST_SCHEMA_NEXT } from './fixtures/schema.next';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

// ARCHITECTURE.md's tables, with cases kept in chunks and the imported files instead of their rows (schema.ts says why).
const ARCHITECTURE_TABLES = [
  'caseChunks', 'imports', 'importSources', 'screenings', 'rounds', 'samples', 'reviews',
  'questionTemplates', 'findings', 'improvementActions', 'auditLog',
];

describe('workspace schema', () => {
  it('the latest version has every table of the architecture, and none of the copies it replaced', async () => {
    const db = await openWorkspaceDb('v1');
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(ARCHITECTURE_TABLES));
    for (const gone of ['cases', 'caseSnapshot', 'caseColumns', 'rawRows']) expect(db.tables.map((t) => t.name)).not.toContain(gone);
    db.close();
  });

  it('declares versions in increasing order so upgrades run in sequence', () => {
    const versions = WORKSPACE_SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(latestVersion(WORKSPACE_SCHEMA)).toBe(versions.at(-1));
  });

  it('upgrades a database with data to a next version without losing a row', async () => {
    const db = await openWorkspaceDb('migrate');
    const workbook: SourceWorkbook = { format: 'csv', sheets: [{ name: 'x', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler'], emptyRows: 0, rows: [{ number: 2, cells: ['S-1', 'Nord', 'AB'] }, { number: 3, cells: ['S-2', 'Syd', 'CD'] }] }] };
    await runImport(db, workbook, { importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', fileName: 'x.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: false, source: new Uint8Array([1, 2, 3]), by: 'Test Fiktiv' });
    const cases = await allCases(db);
    db.close();

    const next = await openWorkspaceDb('migrate', {}, TEST_SCHEMA_NEXT);
    expect(next.verno).toBe(latestVersion(TEST_SCHEMA_NEXT));
    expect(await allCases(next)).toEqual(cases);
    expect(await next.table('imports').where('format').equals('csv').primaryKeys()).toEqual(['I-1']);
    expect((await next.imports.get('I-1')) as unknown).toMatchObject({ year: '2026' });
    expect(await next.importSources.count()).toBe(1);
    expect(await next.settings.get('keepFullCpr')).toEqual({ key: 'keepFullCpr', value: false });
    expect(await next.table('exports').count()).toBe(0);
    next.close();
  });
});
