import { eachCaseColumns } from '../db/case-store';
import type { WorkspaceDb } from '../db/workspace-db';
import { screeningCompliance, type ScreeningCompliance } from '../domain/report/compliance';
import { roundCompliance, type RoundCompliance } from '../domain/report/review-compliance';
import { quarterEnds, TrendBuilder, type ComplianceTrend } from '../domain/report/trend';
import type { RoundRecord, SampleRecord } from '../domain/records';
import { outOfScopeOf } from '../domain/sampling/draw';
import type { ScreeningContext } from '../domain/rules/types';
import { asReader } from './locks';
import { answersOf, templateOf } from './review';
import type { LoadedScreening } from './screening';

/**
 * Compliance for Overblik, the reports and the comparison: from a screening held in memory, from
 * a round's answers, and the trend of the workspace's cases screened as of each quarter end.
 */

/** A screening's counts per rule × unit × quarter, each result in its case's unit at the screening. */
export function complianceOfScreening(screening: LoadedScreening): ScreeningCompliance {
  const { cases } = screening;
  return screeningCompliance(screening.results, (caseNumber) => cases.get(caseNumber)?.unit);
}

/**
 * A round's compliance per question and unit: the cases of its sample still in scope, the
 * questions of its template (retired ones only where the round answered them), as on the round's page.
 */
export async function complianceOfRound(db: WorkspaceDb, entry: { round: RoundRecord; sample: SampleRecord }): Promise<RoundCompliance> {
  const template = await templateOf(db, entry.round);
  const answers = await answersOf(db, entry.round.id);
  const byKey = new Map(answers.map((a) => [`${a.caseNumber}|${a.questionId}`, a.answer]));
  const questions = template.questions.filter((q) => !q.retired || answers.some((a) => a.questionId === q.id));
  const outOfScope = new Set(outOfScopeOf(entry.sample));
  const cases = entry.sample.cases.filter((c) => !outOfScope.has(c.caseNumber));
  const { design, strata } = entry.sample.protocol;
  return roundCompliance(questions, cases, (c, q) => byKey.get(`${c}|${q}`), design, strata, entry.sample.parentProbabilities !== null);
}

/** How many quarters the trend shows by default. */
export const TREND_QUARTERS = 6;

/**
 * The workspace's cases as they are now, screened as of each of the last `count` quarter ends up
 * to `base.asOf` under `base`'s settings and imported tables (a screening's, or the workspace's:
 * `screeningContext`); a chunk at a time, with `progress` (0–1) after
 * each quarter of each chunk. Slow for a large workspace (one screening per quarter): run it in
 * the worker.
 */
export async function complianceTrendOf(db: WorkspaceDb, base: Omit<ScreeningContext, 'explain'>, count = TREND_QUARTERS, progress: (share: number) => void = () => {}): Promise<ComplianceTrend> {
  const ends = quarterEnds(base.asOf, count);
  const builder = new TrendBuilder(ends, (end) => ({ ...base, asOf: end }));
  let before = 0;
  // Imports wait while the cases are read, as for a screening.
  await asReader(db.name, () => eachCaseColumns(db, (columns, _facts, share) => {
    const from = before;
    builder.add(columns, (done) => progress(from + ((share - from) * done) / ends.length));
    before = share;
  }));
  progress(1);
  return builder.result();
}
