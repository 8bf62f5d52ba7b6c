import Dexie, { type Table } from 'dexie';
import { watchConnection, type ConnectionWatchers } from './connection';
import type { AuditEntry } from '../domain/audit';
import { encryptionMiddleware, workspaceKeys } from './encryption';
import type { MappingProfile } from '../domain/mapping';
import type { ImportRecord, RoundRecord, SampleRecord, ScreeningRecord } from '../domain/records';
import type { ReviewAnswer } from '../domain/review/answers';
import type { QuestionTemplate } from '../domain/review/templates';
import type { FocusArea, ImprovementAction } from '../domain/review/plan';
import type { Report } from '../domain/report/snapshot';
import { workspaceDbName } from './names';
import type { CaseChunk, CaseManifest, ColumnChunk, ImportSource, ScreeningResultChunk } from './records';
import { WORKSPACE_SCHEMA, type SchemaVersion } from './schema';

export class WorkspaceDb extends Dexie {
  /** The cases: the record of truth (case-store.ts). Written only by `writeCaseRows`. */
  declare caseChunks: Table<CaseChunk, number>;
  /** Derived from `caseChunks` for the screening; rebuilt when stale. */
  declare columnChunks: Table<ColumnChunk, number>;
  declare meta: Table<CaseManifest, string>;
  declare imports: Table<ImportRecord, string>;
  declare importSources: Table<ImportSource, string>;
  declare mappingProfiles: Table<MappingProfile, string>;
  declare screenings: Table<ScreeningRecord, string>;
  declare screeningResults: Table<ScreeningResultChunk, number>;
  declare rounds: Table<RoundRecord, string>;
  declare samples: Table<SampleRecord, string>;
  declare reviews: Table<ReviewAnswer, string>;
  declare questionTemplates: Table<QuestionTemplate, string>;
  declare focusAreas: Table<FocusArea, string>;
  declare improvementActions: Table<ImprovementAction, string>;
  /** Frozen report snapshots (Rapporter). */
  declare reports: Table<Report, string>;
  declare settings: Table<{ key: string; value: unknown }, string>;
  /** Written only by `appendAudit` (audit-log.ts): hash-chained. */
  declare auditLog: Table<AuditEntry, number>;

  constructor(name: string, schema: readonly SchemaVersion[], watchers: ConnectionWatchers = {}, key?: Uint8Array) {
    super(name);
    // Before the first open: every read and write of a locked workspace goes through it.
    if (key) this.use(encryptionMiddleware(workspaceKeys(key)));
    for (const step of schema) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    watchConnection(this, watchers);
  }
}

/**
 * A workspace's database as a worker is told to open it: its name, and for a locked workspace the
 * key (the 32 bytes the passphrase gave; sent only to our own workers, kept only in memory).
 */
export interface DbRef {
  name: string;
  key?: Uint8Array;
}

/** A connection to the database `ref` names, opened at its first use. */
export const workspaceDbOf = (ref: DbRef) => new WorkspaceDb(ref.name, WORKSPACE_SCHEMA, {}, ref.key);

/** Opens (creating or upgrading as needed) the database of one workspace; with `key`, a locked one. */
export async function openWorkspaceDb(
  workspaceId: string,
  watchers: ConnectionWatchers = {},
  schema: readonly SchemaVersion[] = WORKSPACE_SCHEMA,
  key?: Uint8Array,
): Promise<WorkspaceDb> {
  const db = new WorkspaceDb(workspaceDbName(workspaceId), schema, watchers, key);
  await db.open();
  return db;
}

export function deleteWorkspaceDb(workspaceId: string): Promise<void> {
  return Dexie.delete(workspaceDbName(workspaceId));
}
