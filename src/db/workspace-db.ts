import Dexie, { type Table } from 'dexie';
import { decodeCase, encodeCase, type EncodedCase } from './case-codec';
import type { ColumnChunk, SnapshotChunk } from './case-snapshot';
import { watchConnection, type ConnectionWatchers } from './connection';
import type { MappingProfile } from '../io/mapping';
import type { ReviewAnswer } from '../domain/review/answers';
import type { QuestionTemplate } from '../domain/review/templates';
import type { FocusArea, ImprovementAction } from '../domain/review/plan';
import { workspaceDbName } from './names';
import type { ImportRecord, RawRowChunk, RoundRecord, SampleRecord, ScreeningRecord, ScreeningResultChunk, StoredCase } from './records';
import { WORKSPACE_SCHEMA, type SchemaVersion } from './schema';

export class WorkspaceDb extends Dexie {
  declare cases: Table<StoredCase, string>;
  declare imports: Table<ImportRecord, string>;
  declare rawRows: Table<RawRowChunk, number>;
  declare mappingProfiles: Table<MappingProfile, string>;
  declare screenings: Table<ScreeningRecord, string>;
  declare screeningResults: Table<ScreeningResultChunk, number>;
  declare rounds: Table<RoundRecord, string>;
  declare samples: Table<SampleRecord, string>;
  declare reviews: Table<ReviewAnswer, string>;
  declare questionTemplates: Table<QuestionTemplate, string>;
  declare focusAreas: Table<FocusArea, string>;
  declare improvementActions: Table<ImprovementAction, string>;
  declare settings: Table<{ key: string; value: unknown }, string>;
  declare caseSnapshot: Table<SnapshotChunk, number>;
  declare caseColumns: Table<ColumnChunk, number>;
  declare auditLog: Table<{ id?: number; at: string; action: string; [key: string]: unknown }, number>;

  constructor(name: string, schema: readonly SchemaVersion[], watchers: ConnectionWatchers = {}) {
    super(name);
    for (const step of schema) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    watchConnection(this, watchers);
    // Cases are written sparse (case-codec.ts); every read gets the full canonical shape back.
    this.cases.hook('reading', (stored) => decodeCase(stored as unknown as EncodedCase));
  }

  /** Writes cases in their stored form. The only way cases should be written; the writer then renews the snapshot (case-snapshot.ts). */
  putCases(cases: readonly StoredCase[]): Promise<unknown> {
    return this.putEncodedCases(cases.map(encodeCase));
  }

  putEncodedCases(cases: readonly EncodedCase[]): Promise<unknown> {
    return this.cases.bulkPut(cases as unknown as StoredCase[]);
  }
}

/** Opens (creating or upgrading as needed) the database of one workspace. */
export async function openWorkspaceDb(
  workspaceId: string,
  watchers: ConnectionWatchers = {},
  schema: readonly SchemaVersion[] = WORKSPACE_SCHEMA,
): Promise<WorkspaceDb> {
  const db = new WorkspaceDb(workspaceDbName(workspaceId), schema, watchers);
  await db.open();
  return db;
}

export function deleteWorkspaceDb(workspaceId: string): Promise<void> {
  return Dexie.delete(workspaceDbName(workspaceId));
}
