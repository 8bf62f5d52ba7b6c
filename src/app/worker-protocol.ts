import type { ImportIssue, ImportRecord, ScreeningRecord, StoredCase } from '../domain/records';
import type { Grouping, RuleSummary } from '../domain/rules/summary';
import type { DataQuality } from '../domain/rules/data-quality';
import type { DeadlineItem } from '../domain/rules/deadlines';
import type { WorkListOptions } from '../domain/rules/work-list';
import type { RuleResult, RuleStatus } from '../domain/rules/types';
import type { HandoverReading } from '../domain/review/answers';
import type { IsoDate } from '../domain/types';
import type { CaseScreening, ScreeningRequest, SubjectQuery } from './screening';
import type { StorageReport } from './storage-report';
import type { CaseSummary } from '../domain/case-list';
import type { SourceRow, SourceWorkbook } from '../domain/source';
import type { DemoRequest } from './demo';
import type { ImportRequest } from './import-run';
import type { SamplingFrame } from './sampling';
import type { BackupMade, Restored } from './backup';
import type { BackupManifest } from '../domain/backup';
import type { Result } from '../domain/result';
import type { Workspace } from '../domain/workspace';

/** What the page can see of a file read in the worker: enough to map it, not all its rows. */
export interface WorkbookSummary {
  fileName: string;
  size: number;
  sha256: string;
  format: SourceWorkbook['format'];
  encoding: SourceWorkbook['encoding'] | null;
  delimiter: SourceWorkbook['delimiter'] | null;
  readMs: number;
  sheets: { name: string; headers: string[]; rowCount: number; emptyRows: number; preview: SourceRow[] }[];
}

export type WorkerJob =
  | { kind: 'sha256'; bytes: ArrayBuffer }
  /** A backup file of the workspace; `passphrase` null: "uden adgangskode". */
  | { kind: 'backup'; dbName: string; workspace: Workspace; passphrase: string | null }
  /** What a backup file holds, the passphrase checked. */
  | { kind: 'inspectBackup'; file: Blob; passphrase: string | null }
  /** A backup file restored into a database that does not exist yet. */
  | { kind: 'restoreBackup'; dbName: string; file: Blob; fileName: string; passphrase: string | null }
  | { kind: 'read'; bytes: ArrayBuffer; fileName: string }
  | { kind: 'import'; dbName: string; request: Omit<ImportRequest, 'fileName' | 'size' | 'sha256' | 'readMs'> }
  | { kind: 'demo'; dbName: string; request: DemoRequest }
  | { kind: 'issuesWorkbook'; issues: ImportIssue[]; demo: boolean }
  | { kind: 'template' }
  | { kind: 'caseIndex'; dbName: string }
  | { kind: 'sampleFrame'; dbName: string }
  | { kind: 'handoverWorkbook'; dbName: string; roundId: string; demo: boolean }
  | { kind: 'planWorkbook'; dbName: string; today: IsoDate; demo: boolean }
  | { kind: 'readHandover'; dbName: string; roundId: string; bytes: ArrayBuffer }
  /** Each case's statuses per rule in a screening, for the review form and the disagreements. */
  | { kind: 'caseStatuses'; dbName: string; screeningId: string; caseNumbers: string[] }
  | { kind: 'sampleWorkbook'; dbName: string; sampleId: string; demo: boolean }
  /** `helper`: a port to a second worker that screens the second half (`screenPart`). */
  | { kind: 'screen'; dbName: string; request: ScreeningRequest; helper?: MessagePort }
  /** Answers when the screening this worker ran is stored (or fails if it could not be). */
  | { kind: 'screenStored'; screeningId: string }
  /** A case with every field, and its results in a stored screening, explained. */
  | { kind: 'caseView'; dbName: string; caseNumber: string; screeningId: string | null }
  | { kind: 'storageReport'; dbName: string }
  | { kind: 'screenPart'; dbName: string; port: MessagePort }
  | { kind: 'screeningGroups'; dbName: string; screeningId: string; ruleId: string; by: Grouping }
  | { kind: 'screeningSubjects'; dbName: string; screeningId: string; query: SubjectQuery }
  | { kind: 'deadlines'; dbName: string; screeningId: string }
  | { kind: 'dataQuality'; dbName: string; screeningId: string }
  /** One sheet per caseworker of the steps `options` select, of `unit` and `caseworker` when given. */
  | { kind: 'deadlineWorkbook'; dbName: string; screeningId: string; options: WorkListOptions; unit: string; caseworker: string; demo: boolean };

export type WorkerJobResult =
  | { kind: 'sha256'; hex: string }
  | { kind: 'backup'; made: BackupMade }
  | { kind: 'inspectBackup'; result: Result<BackupManifest> }
  | { kind: 'restoreBackup'; result: Result<Restored> }
  | { kind: 'read'; ok: true; summary: WorkbookSummary }
  | { kind: 'read'; ok: false; message: string }
  | { kind: 'import'; record: ImportRecord }
  | { kind: 'xlsx'; bytes: Uint8Array }
  | { kind: 'caseIndex'; count: number }
  | { kind: 'readHandover'; reading: HandoverReading }
  | { kind: 'caseStatuses'; statuses: [string, [string, RuleStatus[]][]][] }
  /** The frame's cases come as chunks before this. */
  | { kind: 'sampleFrame'; count: number; riskScreening: SamplingFrame['riskScreening'] }
  | { kind: 'screen'; record: ScreeningRecord }
  | { kind: 'screenStored' }
  | { kind: 'caseView'; case: StoredCase | null; screening: CaseScreening | null }
  | { kind: 'storageReport'; report: StorageReport }
  | { kind: 'screenPart' }
  | { kind: 'screeningGroups'; groups: (RuleSummary & { group: string })[] }
  | { kind: 'screeningSubjects'; total: number; results: RuleResult[] }
  | { kind: 'deadlines'; items: DeadlineItem[] }
  | { kind: 'dataQuality'; quality: DataQuality };

export type WorkerRequest = { id: number; job: WorkerJob };

export type WorkerResponse =
  | { id: number; type: 'progress'; stage: string; done: number; total: number }
  /** Part of a large result, sent ahead so that no single message blocks the page for long. */
  | { id: number; type: 'chunk'; items: unknown[] }
  | { id: number; type: 'done'; result: WorkerJobResult }
  | { id: number; type: 'error'; message: string };
