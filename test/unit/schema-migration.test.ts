import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_SCHEMA, latestVersion } from '../../src/db/schema';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { TEST_SCHEMA_NEXT } from './fixtures/schema.next';
import { eachCaseColumns, eachStoredCase, type CaseFactColumns } from '../../src/db/case-snapshot';
import { encodeColumns, type CaseColumns } from '../../src/domain/rules/case-columns';
import { encodeCase, type EncodedCase } from '../../src/db/case-codec';
import type { StoredCase } from '../../src/db/records';
import { emptyEvents } from '../../src/domain/types';

const S1: StoredCase = {
  caseNumber: 'S-1', cpr: null, birthDate: '2015-04-01', unit: 'Nord', group: 'Børn', caseworker: 'AB', openedAt: '2023-01-05',
  closedAt: '2025-06-30', awareAt: null, importId: 'I-1', missingSince: null, events: emptyEvents(),
};
const S2: StoredCase = {
  ...S1, caseNumber: 'S-2', unit: 'Syd', group: 'Unge', caseworker: 'CD', closedAt: null,
  events: {
    ...emptyEvents(),
    measures: [{
      id: 'F:M-1', caseNumber: 'S-2', measureId: 'M-1', kind: 'placement', paragraph: 'BL § 46', consent: false, urgent: null,
      startDate: '2024-01-02', endDate: null, decisionDate: '2023-12-20', childConversationAt: null, conversationWaived: true,
      supporterOffered: null, parentsInformed: null, placementChoiceJustified: null, contactDecided: null,
      planSharedWithPlacement: null, managementApproved: null, planNeeded: null,
    }],
  },
};

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

// ARCHITECTURE.md's tables; events are stored inside their case (see schema.ts for why).
const ARCHITECTURE_TABLES = [
  'cases', 'imports', 'rawRows', 'screenings', 'rounds', 'samples', 'reviews',
  'questionTemplates', 'findings', 'improvementActions', 'auditLog',
];

describe('workspace schema', () => {
  it('the latest version has every table of the architecture', async () => {
    const db = await openWorkspaceDb('v1');
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(ARCHITECTURE_TABLES));
    db.close();
  });

  it('declares versions in increasing order so upgrades run in sequence', () => {
    const versions = WORKSPACE_SCHEMA.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(latestVersion(WORKSPACE_SCHEMA)).toBe(versions.at(-1));
  });

  it('version 2 builds the case snapshot from the cases a version 1 database holds', async () => {
    const v1 = await openWorkspaceDb('snapshot', {}, WORKSPACE_SCHEMA.slice(0, 1));
    await v1.putCases([S2, S1]);
    v1.close();
    const v2 = await openWorkspaceDb('snapshot', {}, WORKSPACE_SCHEMA.slice(0, 2));
    expect(v2.verno).toBe(2);
    const read: EncodedCase[] = [];
    expect(await eachStoredCase(v2, (cases) => read.push(...cases))).toBe(2);
    expect(read).toEqual([encodeCase(S1), encodeCase(S2)]);
    expect(await v2.caseSnapshot.count()).toBe(1);
    v2.close();
  });

  it('version 4 builds the screening\u2019s columns from the cases a version 3 database holds', async () => {
    const v3 = await openWorkspaceDb('columns', {}, WORKSPACE_SCHEMA.slice(0, 3));
    await v3.putCases([S2, S1]);
    v3.close();
    const v4 = await openWorkspaceDb('columns', {}, WORKSPACE_SCHEMA.slice(0, 4));
    const read: { columns: CaseColumns; facts: CaseFactColumns }[] = [];
    expect(await eachCaseColumns(v4, (columns, facts) => read.push({ columns, facts }))).toBe(2);
    expect(read).toHaveLength(1);
    expect(read[0]!.columns).toEqual(encodeColumns([S1, S2]));
    expect(read[0]!.facts).toMatchObject({ unit: ['Nord', 'Syd'], group: ['Børn', 'Unge'], caseworker: ['AB', 'CD'] });
    v4.close();
  });

  it('upgrades a database with data to a next version without losing a row', async () => {
    const v1 = await openWorkspaceDb('migrate');
    await v1.putCases([S1, S2]);
    await v1.rawRows.bulkAdd([
      { importId: 'I-1', sheet: 'Sager', rows: [{ number: 2, cells: ['S-1'] }] },
      { importId: 'I-1', sheet: 'Sager', rows: [{ number: 3, cells: ['S-2'] }] },
    ]);
    await v1.settings.put({ key: 'keepFullCpr', value: false });
    v1.close();

    const v2 = await openWorkspaceDb('migrate', {}, TEST_SCHEMA_NEXT);
    expect(v2.verno).toBe(latestVersion(TEST_SCHEMA_NEXT));
    expect(await v2.cases.orderBy('caseNumber').toArray()).toEqual([{ ...S1, status: 'closed' }, { ...S2, status: 'active' }]);
    expect(await v2.table('cases').where('status').equals('active').primaryKeys()).toEqual(['S-2']);
    expect(await v2.rawRows.where('importId').equals('I-1').count()).toBe(2);
    expect(await v2.settings.get('keepFullCpr')).toEqual({ key: 'keepFullCpr', value: false });
    expect(await v2.table('exports').count()).toBe(0);
    v2.close();
  });
});
