import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA, latestVersion } from '../../src/db/schema';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { TEST_SCHEMA_V2 } from './fixtures/schema.v2';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const ARCHITECTURE_TABLES = [
  'cases', 'notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits',
  'childConversations', 'decisions', 'imports', 'rawRows', 'screenings', 'rounds', 'samples', 'reviews',
  'questionTemplates', 'findings', 'improvementActions', 'auditLog',
];

describe('workspace schema', () => {
  it('version 1 has every table of the architecture', async () => {
    const db = await openWorkspaceDb('v1');
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(ARCHITECTURE_TABLES));
    db.close();
  });

  it('declares versions in increasing order so upgrades run in sequence', () => {
    const versions = WORKSPACE_SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(latestVersion(WORKSPACE_SCHEMA)).toBe(versions.at(-1));
  });

  it('upgrades a version 1 database with data to version 2 without losing a row', async () => {
    const v1 = await openWorkspaceDb('migrate');
    await v1.cases.bulkAdd([
      { caseNumber: 'S-1', unit: 'Nord', caseworker: 'AB', group: 'Børn', closedAt: '2025-06-30' },
      { caseNumber: 'S-2', unit: 'Syd', caseworker: 'CD', group: 'Unge' },
    ]);
    await v1.table('measures').add({ id: 'M-1', caseNumber: 'S-2', kind: 'anbringelse', startDate: '2024-01-02' });
    await v1.table('rawRows').bulkAdd([{ importId: 'I-1', row: 2, values: { Sagsnr: 'S-1' } }, { importId: 'I-1', row: 3, values: { Sagsnr: 'S-2' } }]);
    await v1.settings.put({ key: 'keepFullCpr', value: false });
    v1.close();

    const v2 = await openWorkspaceDb('migrate', {}, TEST_SCHEMA_V2);
    expect(v2.verno).toBe(2);
    expect(await v2.cases.orderBy('caseNumber').toArray()).toEqual([
      { caseNumber: 'S-1', unit: 'Nord', caseworker: 'AB', group: 'Børn', closedAt: '2025-06-30', status: 'closed' },
      { caseNumber: 'S-2', unit: 'Syd', caseworker: 'CD', group: 'Unge', status: 'active' },
    ]);
    expect(await v2.cases.where('status').equals('active').primaryKeys()).toEqual(['S-2']);
    expect(await v2.table('measures').get('M-1')).toEqual({ id: 'M-1', caseNumber: 'S-2', kind: 'anbringelse', startDate: '2024-01-02' });
    expect(await v2.table('rawRows').where('importId').equals('I-1').count()).toBe(2);
    expect(await v2.settings.get('keepFullCpr')).toEqual({ key: 'keepFullCpr', value: false });
    expect(await v2.table('exports').count()).toBe(0);
    v2.close();
  });
});
