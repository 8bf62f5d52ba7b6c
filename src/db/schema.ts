import type { Transaction } from 'dexie';

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

/** Tables of ARCHITECTURE.md. Events are keyed by `id` and indexed by case and their date. */
export const WORKSPACE_SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'caseNumber, unit, caseworker, group, importId',
      notifications: 'id, caseNumber, receivedAt',
      investigations: 'id, caseNumber, startedAt',
      measures: 'id, caseNumber, startDate, kind',
      actionPlans: 'id, caseNumber, date',
      followUps: 'id, caseNumber, date',
      supervisionVisits: 'id, caseNumber, date',
      childConversations: 'id, caseNumber, date',
      decisions: 'id, caseNumber, date',
      imports: 'id, importedAt',
      rawRows: '++id, importId',
      mappingProfiles: 'id, name',
      screenings: 'id, asOf, createdAt',
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
];

export const latestVersion = (schema: readonly SchemaVersion[]) => schema[schema.length - 1]!.version;
