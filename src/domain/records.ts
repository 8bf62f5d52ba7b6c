import type { ImportMapping, UnknownValueCount } from './mapping';
import type { ReimportDiff } from './reimport';
import type { OverviewFigures } from './report/overview';
import type { ComplianceTrend } from './report/trend';
import type { RuleSummary } from './rules/summary';
import type { ScreeningSettings } from './rules/types';
import type { SampledCase, SampleEvent } from './sampling/draw';
import type { Period, PopulationFilter } from './sampling/frame';
import type { SampleProtocol } from './sampling/protocol';
import type { SourceWorkbook } from './source';
import type { CaseBundle, EventTableName, IsoDate, TableName } from './types';

/**
 * The records a workspace keeps, as every layer sees them: the importer and the pages, the
 * exports and the storage. How they are laid out on disk is the storage's business (src/db).
 */

/** A value of a file that could not be used, or was stored as unknown, with where it was. */
export interface ImportIssue {
  sheet: string;
  /** The row number the user sees in the file. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  /** `error`: the row (or the event in it) was not imported. `warning`: the value was stored as unknown. */
  severity: 'error' | 'warning';
}

/** What a screening keeps of each case it screened: for grouping its results and for the deadline list. */
export type CaseFacts = Pick<CaseBundle, 'unit' | 'group' | 'caseworker'> & {
  /** Absent in screenings stored before the deadline list needed it. */
  closedAt?: IsoDate | null;
  missing?: boolean;
};

/** A case as stored: its canonical fields and events, when its data last changed, and whether the latest extract held it. */
export interface StoredCase extends CaseBundle {
  /** The workspace's data revision at which the case last changed (each import that changes cases makes a new one). */
  revision: number;
  /** The date of the first import that no longer contained the case; null while it is present. */
  missingSince: IsoDate | null;
}

export interface ImportCounts {
  rowsRead: number;
  rowsRejected: number;
  emptyRows: number;
  cases: number;
  events: Record<string, number>;
  errors: number;
  warnings: number;
}

export interface ImportTimings {
  readMs: number;
  transformMs: number;
  writeMs: number;
  /** Where the transaction's time went (ms): reading the stored cases, mapping, merging and comparing, writing. */
  parts?: { stored: number; transform: number; merge: number; write: number };
}

/** One import: what file, how it was mapped, what came of it. */
export interface ImportRecord {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  importedAt: string;
  format: SourceWorkbook['format'];
  encoding: SourceWorkbook['encoding'] | null;
  delimiter: SourceWorkbook['delimiter'] | null;
  mapping: ImportMapping;
  keepFullCpr: boolean;
  tables: TableName[];
  counts: ImportCounts;
  diff: ReimportDiff;
  issues: ImportIssue[];
  /** Choice and yes/no values read as "ukendt", per column and value; absent in records from before value mapping. */
  unknownValues?: UnknownValueCount[];
  timings: ImportTimings;
  /** The day the extract was taken (asked at import); absent in older records, where the import's date stands in. */
  extractDate?: IsoDate;
  /** The data revision this import made; absent in records from before schema version 5. */
  dataRevision?: number;
  /** Whether the file's bytes are kept (compressed) with the import; false once deleted or when the user chose not to keep files. */
  sourceKept?: boolean;
}

/** Why a screening was run: by the user on the Screening page, or by Frister for today's steps. */
export type ScreeningPurpose = 'user' | 'deadlines';

/** A screening: when, under which rules and data, and the counts per rule. Its results are stored with it, in one transaction. */
export interface ScreeningRecord {
  id: string;
  asOf: IsoDate;
  createdAt: string;
  ruleSetVersion: string;
  settings: ScreeningSettings;
  caseCount: number;
  summary: RuleSummary[];
  /** `parts` (ms): this worker's share, then waiting for the helper's, joining the two, counting per rule. */
  timings: { screenMs: number; storeMs: number; parts?: { own: number; helper: number; join: number; summary: number } };
  /** Stored only complete (schema version 5); older records may say `false`, and such are never read. */
  complete?: boolean;
  /** Absent in records from before schema version 5: read as 'user'. */
  purpose?: ScreeningPurpose;
  /** The data revision screened: a case whose revision is higher has changed since. */
  dataRevision?: number;
  /** The event tables the workspace had imported then: where a missing event meant "not done". */
  importedTables?: EventTableName[];
  /** The trend per quarter up to `asOf` (report/trend.ts), once Overblik has computed it. */
  trend?: ComplianceTrend;
  /** Overblik's figures, made as the screening was stored (absent in older records). */
  figures?: OverviewFigures;
}

/** How a sample's population was chosen, as data: drawing again with the same seed starts here. */
export interface SampleSelection {
  filter: PopulationFilter;
  excludeClosed: boolean;
  /** Leave out cases in a round drawn within this many months before `asOf`. */
  reviewedWithinMonths: number | null;
  asOf: IsoDate;
  /** A nested sample's population is this sample's cases. */
  parentSampleId: string | null;
}

/** A sampled case with the facts it had when drawn: reviewers are assigned by them, whatever later imports say. */
export type SampleRecordCase = SampledCase & Pick<CaseBundle, 'unit' | 'group' | 'caseworker'>;

/**
 * A sample with its protocol. It keeps the population it was drawn from, by stratum, and what
 * happened to it since (cases out of scope, extensions), so it can always be drawn again exactly,
 * whatever later imports change.
 */
export interface SampleRecord {
  id: string;
  roundId: string;
  createdAt: string;
  /** `design` is the design first drawn; `strata` are as they stand after the events. */
  protocol: SampleProtocol;
  selection: SampleSelection;
  population: [string, string[]][];
  /** A nested sample's cases' inclusion probabilities in the sample they were drawn from. */
  parentProbabilities: [string, number][] | null;
  events: (SampleEvent & { at: string })[];
  /** As drawn, replacements included; the cases out of scope stay listed. */
  cases: SampleRecordCase[];
}

/** A review round (tilsynsrunde). Its question template, reviewers and answers come with the review work. */
export interface RoundRecord {
  id: string;
  name: string;
  /** Level in a tiered model such as Copenhagen's 1–4; null for a stand-alone round. */
  level: number | null;
  period: Period | null;
  createdAt: string;
  sampleId: string;
  /** Rounds created together by one preset share this id. */
  series: string | null;
  /** Set up for review: the question template, the reviewers and who reviews which case. */
  review?: { templateId: string; reviewers: string[]; assignments: [string, string][]; unassignable: string[] };
}
