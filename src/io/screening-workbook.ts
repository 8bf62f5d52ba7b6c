/**
 * A screening as an .xlsx file for people: "Resultater" with one row per result, "Oversigt" with
 * one row per rule. Danish headers and status words, dates dd-mm-åååå; rates in percent as
 * numbers, so the sheet can still sort and sum them.
 */
import { formatDate } from '../domain/format';
import { RULES } from '../domain/rules/catalog';
import { STATUS_LABEL } from '../domain/rules/labels';
import type { RuleSummary } from '../domain/rules/summary';
import type { RuleResult } from '../domain/rules/types';
import type { IsoDate } from '../domain/types';
import { writeWorkbook, type OutCell } from './xlsx-write';


export const RESULT_HEADERS = ['Sagsnr', 'Regel', 'Emne', 'Status', 'Frist', 'Udført', 'Dage for sent', 'Regime', 'Lovgrundlag', 'Begrundelse'] as const;

export const SUMMARY_HEADERS = [
  'Regel', 'Navn', 'Overholdt', 'Overholdt (undtagelse)', 'Overskredet', 'Afventer', 'Ikke relevant', 'Ukendt',
  'Andel overholdt (%)', 'Wilson 95 % nedre (%)', 'Wilson 95 % øvre (%)',
] as const;

export interface ScreeningWorkbookInput {
  asOf: IsoDate;
  ruleSetVersion: string;
  results: readonly RuleResult[];
  summaries: readonly RuleSummary[];
  /** Names of local standards, which the catalog does not know. */
  ruleNames?: ReadonlyMap<string, string>;
  /** From a demo workspace: DEMO on every sheet. */
  demo?: boolean;
  /** A line under the summary saying what the results sheet leaves out, if anything. */
  note?: string;
}

const date = (value: IsoDate | null): OutCell => (value ? formatDate(value) : null);
/** A share as a percentage with one decimal, e.g. 0.8318 → 83.2. */
const percent = (share: number | null | undefined): OutCell => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

function resultRows(results: readonly RuleResult[]): OutCell[][] {
  return results.map((r) => [
    r.caseNumber, r.ruleId, r.subject, STATUS_LABEL[r.status], date(r.deadline), date(r.doneAt), r.daysLate, r.regime, r.legalRef, r.basis,
  ]);
}

function summaryRows(input: ScreeningWorkbookInput): OutCell[][] {
  const name = (id: string) => input.ruleNames?.get(id) ?? RULES.find((r) => r.id === id)?.name ?? id;
  return input.summaries.map((s) => [
    s.ruleId, name(s.ruleId), s.met, s.metWithException, s.breached, s.pending, s.notApplicable, s.unknown,
    percent(s.rate), percent(s.ci?.low), percent(s.ci?.high),
  ]);
}

export function screeningWorkbook(input: ScreeningWorkbookInput): Uint8Array {
  const footer: OutCell[][] = [
    [],
    ['Skæringsdato', formatDate(input.asOf)],
    ['Regelsæt', input.ruleSetVersion],
    ['Andelen er overholdt (også med undtagelse) af overholdt + overskredet; afventer, ikke relevant og ukendt tæller ikke med.'],
    ...(input.note ? [[input.note]] : []),
  ];
  return writeWorkbook(
    [
      { name: 'Resultater', rows: [[...RESULT_HEADERS], ...resultRows(input.results)], widths: [12, 18, 34, 20, 11, 11, 8, 7, 28, 70], filter: true },
      { name: 'Oversigt', rows: [[...SUMMARY_HEADERS], ...summaryRows(input), ...footer], widths: [18, 50, 10, 12, 12, 10, 10, 10, 12, 12, 12] },
    ],
    `Screening pr. ${formatDate(input.asOf)}`,
    { demo: input.demo === true },
  );
}
