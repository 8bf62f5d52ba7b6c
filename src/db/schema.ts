import type { Transaction } from 'dexie';
import { upgradeToV5 } from './migrations/v5';
import { upgradeToV6 } from './migrations/v6';

/**
 * One step in the workspace database's history. Versions are only ever appended: a released
 * version's stores never change, so a database written by any earlier release upgrades in order
 * (the tldraw store's explicit, numbered migration sequence). An upgrade carries its own frozen
 * code (src/db/migrations/): it never calls today's writers, whose output may change.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows when a version changes their shape. Runs inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Tables of ARCHITECTURE.md, with one change measured to matter: cases are stored with their
 * events, 2,000 to a record (case-store.ts), not one record per event or per case. IndexedDB's
 * cost is per record, and 100,000 cases with five events each would otherwise be 600,000 writes.
 * Cases are filtered in memory, so they carry no secondary indexes to maintain.
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
    // The cases again, as JSON in chunks, for reading them all fast. Its upgrade filled the table
    // from `cases`; every upgrade now goes on to version 5, which makes its own chunks from
    // `cases` and drops this table, so filling it would be wasted (and called today's writer).
    version: 2,
    stores: { caseSnapshot: 'id' },
  },
  {
    // The improvement plan's focus areas; its actions have had their table since version 1.
    version: 3,
    stores: { focusAreas: 'id, createdAt' },
  },
  {
    // The cases again as columns, for the screening. Version 5 drops the table (see version 2).
    version: 4,
    stores: { caseColumns: 'id' },
  },
  {
    // One truth: the cases in chunks with a manifest (case-store.ts), the screening's columns
    // derived from each chunk with the codec and revision they were made from, the files of
    // imports kept whole and compressed instead of their rows (migrations/v5.ts).
    version: 5,
    stores: {
      cases: null, caseSnapshot: null, caseColumns: null, rawRows: null,
      caseChunks: 'id', columnChunks: 'id', meta: 'key', importSources: 'importId',
    },
    upgrade: upgradeToV5,
  },
  {
    // The audit log chained by SHA-256: each line numbered (`seq`), with who did it, its details,
    // the hash of the line before and its own (domain/audit.ts); earlier lines are chained in the
    // order they were written (migrations/v6.ts).
    version: 6,
    stores: { auditLog: '++id, at, action, seq' },
    upgrade: upgradeToV6,
  },
  {
    // Stored reports (Rapporter): each a frozen snapshot of what it shows (domain/report.ts), so it
    // opens and prints unchanged after later imports. A new table: no row changes shape.
    version: 7,
    stores: { reports: 'id, createdAt' },
  },
];

export const latestVersion = (schema: readonly SchemaVersion[]) => schema[schema.length - 1]!.version;
