import { maskCprLike } from '../cpr';
import type { ActionStatus } from '../review/plan';
import type { EstimateMethod } from '../review/results';
import type { Interval } from '../statistics';
import type { IsoDate } from '../types';
import type { Thresholds } from './thresholds';

/**
 * A report to the social committee (Rapporter), stored as a frozen snapshot of everything it
 * shows: numbers, texts, the kommune's name, when it was made and whether the data are
 * fictitious. It is never computed again, so it opens and prints the same after later imports,
 * screenings or answers. Nothing in it is a CPR number: free texts pass `maskCprLike`.
 */

/** The snapshot's own format; a later change to its shape bumps it and reads older ones as they were. */
export const REPORT_FORMAT = 1;

/** Compliant of counted (met + met with exception of those plus breached; Ja + Ja – lovlig undtagelse of those plus Nej). */
export interface ReportCell {
  compliant: number;
  counted: number;
  rate: number | null;
  /** 95 % interval; null for a census (no sampling error) or when nothing was counted. */
  ci: Interval | null;
}

/** A column group of the compliance table: one unit in one quarter, from the screening (level null) or a round's level. */
export interface ReportColumn {
  unit: string;
  /** `2024 K2` (summary.ts `quarterOf`). */
  quarter: string;
  /** The ledelsestilsyn's level of the round (1–4); null for the screening or a round without levels. */
  level: number | null;
  /** Where the numbers come from: `Screening` or the round's name. */
  source: string;
}

export interface ReportRow {
  kind: 'rule' | 'question';
  /** Rule id, or the question's id. */
  id: string;
  label: string;
  /** Paragraphs (rules: SEL and BL), or the rule the question checks. */
  legalRef: string;
  /** One per column; null where the row has no numbers for that column. */
  cells: (ReportCell | null)[];
  /** All the report's units and quarters together, as the source's own method estimates it. */
  total: ReportCell | null;
  method: EstimateMethod;
  /** A rule's rate in each of the report's `units`, its quarters together (the heat map); absent for questions. */
  units?: (ReportCell | null)[];
}

export interface ReportRound {
  id: string;
  name: string;
  level: number | null;
  quarter: string | null;
  method: EstimateMethod;
  /** The sample protocol as label–value lines (describe.ts `protocolLines`). */
  protocol: [string, string][];
  strata: { key: string; population: number; drawn: number; takenWhole: boolean }[];
}

export interface ReportFinding {
  round: string;
  caseNumber: string;
  question: string;
  unit: string;
  comment: string;
  reviewer: string;
}

export interface ReportPlanLine {
  area: string;
  action: string;
  owner: string;
  deadline: IsoDate;
  status: ActionStatus;
  overdue: boolean;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  id: string;
  title: string;
  kommune: string;
  /** ISO datetime the report was made. */
  createdAt: string;
  createdBy: string;
  demo: boolean;
  quarters: string[];
  units: string[];
  screening: { id: string; asOf: IsoDate; ruleSetVersion: string; caseCount: number } | null;
  rounds: ReportRound[];
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The method note, as label–text lines. */
  method: [string, string][];
  findings: ReportFinding[];
  plan: ReportPlanLine[];
  appVersion: string;
  /** The heat map's bands when the report was made (a workspace setting). */
  thresholds: Thresholds;
}

/** What the list of stored reports shows of each, without its tables. */
export type ReportSummary = Pick<Report, 'id' | 'title' | 'kommune' | 'createdAt' | 'createdBy' | 'demo' | 'quarters' | 'units'>;

export const summaryOf = ({ id, title, kommune, createdAt, createdBy, demo, quarters, units }: Report): ReportSummary => ({ id, title, kommune, createdAt, createdBy, demo, quarters, units });

/** Free text of a report (comments, names): any CPR-like value masked, as everywhere the workbench shows text. */
export const reportText = (text: string): string => maskCprLike(text);

/** Checks what the user composes before anything is computed; a Danish message or null. */
export function reportProblem(request: { title: string; kommune: string; quarters: readonly string[]; screening: boolean; rounds: readonly string[] }): string | null {
  if (!request.title.trim()) return 'Giv rapporten en titel.';
  if (!request.kommune.trim()) return 'Skriv kommunens navn.';
  if (!request.screening && request.rounds.length === 0) return 'Vælg en screening eller mindst én tilsynsrunde.';
  if (request.quarters.length === 0) return 'Vælg mindst ét kvartal.';
  return null;
}
