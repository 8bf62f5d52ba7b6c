import type { ChainReport } from '../domain/audit';
import type { AuditFilter } from '../domain/audit-labels';
import type { ImportIssue, ImportRecord, ScreeningRecord, StoredCase } from '../domain/records';
import type { Grouping, RuleSummary } from '../domain/rules/summary';
import type { DataQuality } from '../domain/rules/data-quality';
import type { RuleComparison } from '../domain/compare';
import type { DeadlineItem } from '../domain/rules/deadlines';
import type { WorkListOptions } from '../domain/rules/work-list';
import type { RuleResult, RuleStatus } from '../domain/rules/types';
import type { HandoverReading } from '../domain/review/answers';
import type { IsoDate } from '../domain/types';
import type { CaseScreening, ScreeningRequest, SubjectQuery } from './screening';
import type { StorageReport } from './storage-report';
import type { OverviewFigures } from './overview';
import type { ComplianceTrend } from '../domain/report/trend';
import type { CaseSummary } from '../domain/case-list';
import type { SourceCell, SourceRow, SourceWorkbook } from '../domain/source';
import type { SheetShape } from '../io/shape';
import type { DemoRequest } from './demo';
import type { ImportRequest } from './import-run';
import type { SamplingFrame } from './sampling';
import type { DbRef } from '../db/workspace-db';

export type { DbRef };
import type { BackupMade, Restored } from './backup';
import type { BackupManifest } from '../domain/backup';
import type { Result } from '../domain/result';
import type { Workspace } from '../domain/workspace';
import type { Report } from '../domain/report/snapshot';
import type { ReportChoices, ReportRequest } from './report-compose';

import type { ImportLimits } from '../domain/import-limits';

/** What the page can see of a file read in the worker: enough to map it, not all its rows. */
export interface WorkbookSummary {
  fileName: string;
  size: number;
  sha256: string;
  format: SourceWorkbook['format'];
  encoding: SourceWorkbook['encoding'] | null;
  delimiter: SourceWorkbook['delimiter'] | null;
  readMs: number;
  /** What the reader decided that the user should check (lines read in another encoding), in Danish. */
  notes: string[];
  sheets: {
    name: string; headers: string[]; rowCount: number; emptyRows: number; preview: SourceRow[];
    /** Title lines, blank columns and a totals row found (io/shape.ts), and what they mean in Danish. */
    shape: SheetShape; notes: string[];
    /** Per column, its different values with counts (for the value mapping). */
    values: ColumnValues[];
    /** Per column, some of its values, for the header matcher (`SheetLayout.samples`). */
    samples: SourceCell[][];
  }[];
}

/** A column's different values, most frequent first; `more`: too many to list (not a choice column). */
export interface ColumnValues {
  column: number;
  values: { value: string; key: string; count: number }[];
  more: boolean;
}

export type WorkerJob =
  | { kind: 'sha256'; bytes: ArrayBuffer }
  /** A backup file of the workspace; `passphrase` null: "uden adgangskode". */
  | { kind: 'backup'; db: DbRef; workspace: Workspace; passphrase: string | null; by: string }
  /** What a backup file holds, the passphrase checked. */
  | { kind: 'inspectBackup'; file: Blob; passphrase: string | null }
  /** A backup file restored into a database that does not exist yet. */
  | { kind: 'restoreBackup'; dbName: string; file: Blob; fileName: string; passphrase: string | null; by: string }
  | { kind: 'read'; bytes: ArrayBuffer; fileName: string; limits?: ImportLimits }
  /** The file read last, with the header of sheet `sheet` in line `headerLine` (chosen by hand). */
  | { kind: 'reshape'; sheet: number; headerLine: number }
  /** Keeps the file read last as the workspace's import draft (masked unless the workspace keeps full CPR numbers). */
  | { kind: 'keepDraft'; db: DbRef }
  /** Reads the workspace's import draft back in as the file read last; `read` with ok false when there is none. */
  | { kind: 'restoreDraft'; db: DbRef }
  | { kind: 'import'; db: DbRef; request: Omit<ImportRequest, 'fileName' | 'size' | 'sha256' | 'readMs'> }
  | { kind: 'demo'; db: DbRef; request: DemoRequest }
  | { kind: 'issuesWorkbook'; issues: ImportIssue[]; demo: boolean }
  | { kind: 'template' }
  | { kind: 'caseIndex'; db: DbRef }
  | { kind: 'sampleFrame'; db: DbRef }
  | { kind: 'handoverWorkbook'; db: DbRef; roundId: string; demo: boolean }
  | { kind: 'planWorkbook'; db: DbRef; today: IsoDate; demo: boolean }
  | { kind: 'readHandover'; db: DbRef; roundId: string; bytes: ArrayBuffer }
  /** Each case's statuses per rule in a screening, for the review form and the disagreements. */
  | { kind: 'caseStatuses'; db: DbRef; screeningId: string; caseNumbers: string[] }
  | { kind: 'sampleWorkbook'; db: DbRef; sampleId: string; demo: boolean }
  /** `helper`: a port to a second worker that screens the second half (`screenPart`). */
  | { kind: 'screen'; db: DbRef; request: ScreeningRequest; helper?: MessagePort }
  /** Answers when the screening this worker ran is stored (or fails if it could not be). */
  | { kind: 'screenStored'; screeningId: string }
  /** A case with every field, and its results in a stored screening, explained. */
  | { kind: 'caseView'; db: DbRef; caseNumber: string; screeningId: string | null }
  | { kind: 'storageReport'; db: DbRef }
  /** What a workspace stores in all, counted as stored: a locked one's other than the open one need no key. */
  | { kind: 'storageSize'; db: DbRef }
  | { kind: 'screenPart'; db: DbRef; port: MessagePort }
  | { kind: 'screeningGroups'; db: DbRef; screeningId: string; ruleId: string; by: Grouping }
  | { kind: 'screeningSubjects'; db: DbRef; screeningId: string; query: SubjectQuery }
  | { kind: 'deadlines'; db: DbRef; screeningId: string }
  | { kind: 'dataQuality'; db: DbRef; screeningId: string }
  /** Sammenlign: two stored screenings per rule and unit. */
  | { kind: 'compareScreenings'; db: DbRef; before: string; after: string }
  /** Overblik's figures of a stored screening. */
  | { kind: 'overview'; db: DbRef; screeningId: string }
  /** The trend per quarter up to a stored screening's date, kept with it. */
  | { kind: 'trend'; db: DbRef; screeningId: string }
  /** One sheet per caseworker of the steps `options` select, of `unit` and `caseworker` when given. */
  | { kind: 'deadlineWorkbook'; db: DbRef; screeningId: string; options: WorkListOptions; unit: string; caseworker: string; demo: boolean }
  /** Every record of one workspace's database into another, empty one: to lock a workspace or to open it for good. */
  | { kind: 'copyWorkspace'; from: DbRef; to: DbRef }
  /** The whole audit log, its entries in chunks (newest first, each `{ entry, text }` with its search text), and what its chain says. */
  | { kind: 'auditLog'; db: DbRef }
  /** The entries `filter` selects as a workbook, newest first, with the chain's state. */
  | { kind: 'auditWorkbook'; db: DbRef; filter: AuditFilter; exportedAt: string; demo: boolean }
  /** Rapporter: what can go into a report, the snapshot of one, a stored one's workbook, and a screening's workbook. */
  | { kind: 'reportChoices'; db: DbRef; screeningId: string | null }
  | { kind: 'composeReport'; db: DbRef; request: ReportRequest }
  | { kind: 'reportWorkbook'; db: DbRef; reportId: string }
  | { kind: 'screeningWorkbook'; db: DbRef; screeningId: string; demo: boolean };

export type WorkerJobResult =
  | { kind: 'sha256'; hex: string }
  | { kind: 'backup'; made: BackupMade }
  | { kind: 'inspectBackup'; result: Result<BackupManifest> }
  | { kind: 'restoreBackup'; result: Result<Restored> }
  | { kind: 'read'; ok: true; summary: WorkbookSummary }
  | { kind: 'read'; ok: false; message: string }
  | { kind: 'import'; record: ImportRecord; confirm?: undefined }
  /** The import asks first (nothing was written): the question, in Danish. */
  | { kind: 'import'; confirm: string; record?: undefined }
  | { kind: 'keepDraft' }
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
  | { kind: 'storageSize'; bytes: number }
  | { kind: 'screenPart' }
  | { kind: 'screeningGroups'; groups: (RuleSummary & { group: string })[] }
  | { kind: 'screeningSubjects'; total: number; results: RuleResult[] }
  | { kind: 'deadlines'; items: DeadlineItem[] }
  | { kind: 'dataQuality'; quality: DataQuality }
  | { kind: 'compareScreenings'; rules: RuleComparison[] }
  | { kind: 'overview'; figures: OverviewFigures }
  | { kind: 'trend'; trend: ComplianceTrend }
  /** The entries come as chunks before this. */
  | { kind: 'auditLog'; count: number; chain: ChainReport }
  | { kind: 'auditWorkbook'; bytes: Uint8Array; rows: number }
  | { kind: 'copyWorkspace'; records: number }
  | { kind: 'reportChoices'; choices: ReportChoices }
  | { kind: 'composeReport'; report: Report };

export type WorkerRequest = { id: number; job: WorkerJob };

export type WorkerResponse =
  | { id: number; type: 'progress'; stage: string; done: number; total: number }
  /** Part of a large result, sent ahead so that no single message blocks the page for long. */
  | { id: number; type: 'chunk'; items: unknown[] }
  | { id: number; type: 'done'; result: WorkerJobResult }
  | { id: number; type: 'error'; message: string };
