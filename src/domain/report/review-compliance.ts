import type { Answer, Question } from '../review/templates';
import { countAnswers, roundResults, type AnswerCounts, type EstimateMethod, type ReviewedCase } from '../review/results';
import type { Design, StratumPlan } from '../sampling/draw';
import { compareDanish } from '../format';
import { wilson } from '../statistics';
import type { Basis, ComplianceCounts, Tally } from './compliance';

/**
 * A review round's compliance per question, overall and per unit, in the same shape as a
 * screening's (compliance.ts). The overall rate is the design's estimate (`roundResults`:
 * Wilson for a simple random sample, the stratified estimator, the weighted rate for a nested
 * sample); per unit it is the share of the unit's reviewed cases with Wilson's interval, as on
 * the round's own page. A targeted selection is a census of its filter: basis `census`, no
 * interval, never extrapolated.
 */

export interface QuestionCompliance extends Tally {
  questionId: string;
  text: string;
  ruleId: string | null;
  /** null: all units. */
  unit: string | null;
  method: EstimateMethod;
}

export interface RoundCompliance {
  overall: QuestionCompliance[];
  /** Per question, then unit in Danish order. */
  byUnit: QuestionCompliance[];
}

/** Ja and Ja – lovlig undtagelse comply, Nej does not; an unanswered question is pending. */
export const answerCounts = (a: AnswerCounts): ComplianceCounts => ({ compliant: a.yes + a.exception, nonCompliant: a.no, pending: a.unanswered, unknown: 0, notRelevant: a.notRelevant });

export function roundCompliance(
  questions: readonly Question[], cases: readonly ReviewedCase[], answerOf: (caseNumber: string, questionId: string) => Answer | null | undefined,
  design: Design, strata: readonly StratumPlan[], nested: boolean, confidence = 0.95,
): RoundCompliance {
  const results = roundResults(questions, cases, answerOf, design, strata, nested, confidence);
  const units = [...new Set(cases.map((c) => c.unit))].sort(compareDanish);
  const out: RoundCompliance = { overall: [], byUnit: [] };
  for (const { question, result } of results.compliance) {
    const basis: Basis = result.method === 'census' ? 'census' : 'sample';
    const base = { questionId: question.id, text: question.text, ruleId: question.ruleId ?? null, method: result.method, basis };
    const counts = answerCounts(result.counts);
    out.overall.push({ ...base, unit: null, ...counts, n: counts.compliant + counts.nonCompliant, rate: result.rate, ci: result.ci });
    for (const unit of units) {
      const mine = cases.filter((c) => c.unit === unit);
      const c = answerCounts(countAnswers(mine, new Map(mine.map((m) => [m.caseNumber, answerOf(m.caseNumber, question.id) ?? null]))));
      const n = c.compliant + c.nonCompliant;
      out.byUnit.push({ ...base, unit, ...c, n, rate: n === 0 ? null : c.compliant / n, ci: basis === 'census' ? null : wilson(c.compliant, n, confidence) });
    }
  }
  return out;
}
