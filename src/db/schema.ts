import type { Transaction } from 'dexie';
import type { EncodedCase } from './case-codec';
import { writeCaseColumns, writeCaseSnapshot } from './case-snapshot';

/**
 * One step in the workspace database's history. Versions are only ever appended: a released
 * version's stores never change, so a database written by any earlier release upgrades in order
 * (the tldraw store's explicit, numbered migration sequence).
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows when a version changes their shape. Runs inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Tables of ARCHITECTURE.md, with one change measured to matter: a case is stored with its events
 * in one record (`CaseBundle`), not one record per event. IndexedDB's cost is per record, the
 * rules read a case at a time, and 100,000 cases with five events each would otherwise be 600,000
 * writes. Source rows are stored in chunks for the same reason. Cases are filtered in memory, so
 * they carry no secondary indexes to maintain.
 */
export const WORKSPACE_SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'caseNumber',
      imports: 'id, importedAt',
      rawRows: '++id, importId',
      mappingProfiles: 'id, name, signature',
      screenings: 'id, asOf, createdAt',
      screeningResults: '++id, screeningId',
      rounds: 'id, level, createdAt',
      samples: 'id, roundId, createdAt',
      reviews: 'id, roundId, caseNumber, reviewer, [roundId+caseNumber]',
      questionTemplates: 'id',
      findings: 'id, roundId, caseNumber, ruleId',
      improvementActions: 'id, focusArea, status',
      auditLog: '++id, at, action',
      settings: 'key',
    },
  },
  {
    // The cases again, as JSON in chunks, for reading them all fast (case-snapshot.ts).
    version: 2,
    stores: { caseSnapshot: 'id' },
    upgrade: async (tx) => {
      const cases = (await tx.table('cases').toCollection().raw().toArray()) as EncodedCase[];
      await writeCaseSnapshot(tx.table('caseSnapshot'), cases);
    },
  },
  {
    // The improvement plan's focus areas; its actions have had their table since version 1.
    version: 3,
    stores: { focusAreas: 'id, createdAt' },
  },
  {
    // The cases again as columns, for the screening (case-snapshot.ts `ColumnChunk`).
    version: 4,
    stores: { caseColumns: 'id' },
    upgrade: async (tx) => {
      const cases = (await tx.table('cases').toCollection().raw().toArray()) as EncodedCase[];
      await writeCaseColumns(tx.table('caseColumns'), cases);
    },
  },
];

export const latestVersion = (schema: readonly SchemaVersion[]) => schema[schema.length - 1]!.version;
