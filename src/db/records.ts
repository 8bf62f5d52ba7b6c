import type { ReimportDiff } from '../domain/reimport';
import type { RuleSummary } from '../domain/rules/summary';
import type { StoredResultTable } from '../domain/rules/result-table';
import type { ScreeningSettings } from '../domain/rules/types';
import type { SampledCase, SampleEvent } from '../domain/sampling/draw';
import type { Period, PopulationFilter } from '../domain/sampling/frame';
import type { SampleProtocol } from '../domain/sampling/protocol';
import type { CaseBundle, IsoDate, TableName } from '../domain/types';
import type { ImportMapping } from '../io/mapping';
import type { SourceFormat, SourceRow, SourceWorkbook } from '../io/source';
import type { ImportIssue } from '../io/transform';

/** A case as stored: its canonical fields and events, and which import last delivered it. */
export interface StoredCase extends CaseBundle {
  importId: string;
  /** The date of the first import that no longer contained the case; null while it is present. */
  missingSince: IsoDate | null;
}

/** Source rows exactly as read, a chunk of consecutive rows of one sheet per record. */
export interface RawRowChunk {
  id?: number;
  importId: string;
  sheet: string;
  rows: SourceRow[];
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
}

/** One import: what file, how it was mapped, what came of it. */
export interface ImportRecord {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  importedAt: string;
  format: SourceFormat;
  encoding: SourceWorkbook['encoding'] | null;
  delimiter: SourceWorkbook['delimiter'] | null;
  mapping: ImportMapping;
  keepFullCpr: boolean;
  tables: TableName[];
  counts: ImportCounts;
  diff: ReimportDiff;
  issues: ImportIssue[];
  timings: ImportTimings;
}

/** A screening: when, under which rules, and the counts per rule. Its results are stored in chunks. */
export interface ScreeningRecord {
  id: string;
  asOf: IsoDate;
  createdAt: string;
  ruleSetVersion: string;
  settings: ScreeningSettings;
  caseCount: number;
  summary: RuleSummary[];
  timings: { screenMs: number; storeMs: number };
  /** `false` until all results are stored. */
  complete?: boolean;
}

/** The results of one screening as columns (result-table.ts), and the facts of its cases for grouping. */
export interface ScreeningResultChunk {
  id?: number;
  screeningId: string;
  table: StoredResultTable;
  cases: [string, Pick<CaseBundle, 'unit' | 'group' | 'caseworker'>][];
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
