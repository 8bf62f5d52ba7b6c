import type { RuleStatus } from '../rules/types';
import type { Design, SampledCase, StratumPlan } from '../sampling/draw';
import { stratifiedEstimate } from '../sampling/estimate';
import { wilson, wilsonEffective, type Interval } from '../statistics';
import type { ReviewAnswer } from './answers';
import { isDescriptive, type Answer, type Question } from './templates';

/**
 * What a round's answers say (SAMPLING.md "Estimates and intervals"): per compliance question the
 * counts, the rate of compliant answers with its interval, weighted for the sample's design; the
 * findings (every "Nej"); and where an answer and the screening disagree. A descriptive question
 * ("Peger undersøgelsen på anbringelse?") is only counted: it has no rate and no findings.
 */

export interface ReviewedCase extends Pick<SampledCase, 'caseNumber' | 'stratum' | 'probability'> {
  unit: string;
}

export type EstimateMethod = 'census' | 'wilson' | 'stratified' | 'weighted';

export type AnswerCounts = Record<Answer, number> & { unanswered: number };

export interface QuestionResult {
  questionId: string;
  counts: AnswerCounts;
  /** Compliant (Ja, Ja – lovlig undtagelse) of compliant and Nej; null when none. */
  rate: number | null;
  ci: Interval | null;
  method: EstimateMethod;
  /** Strata of the design with cases but no answer yet: the estimate leaves them out until they have. */
  strataWithoutAnswers: number;
}

const compliant = (a: Answer | null | undefined) => a === 'yes' || a === 'exception';

/**
 * Hájek's weighted rate Σ y/π ÷ Σ 1/π with its linearised variance, treating the cases as drawn
 * with replacement (Särndal et al. 1992, §5.6): for a sub-sample of a sample, where each case's
 * inclusion probability is the product of both draws'. Slightly conservative.
 */
function weighted(cases: readonly { y: number; p: number }[]): { rate: number; variance: number } {
  const n = cases.length;
  const total = cases.reduce((sum, c) => sum + 1 / c.p, 0);
  const rate = cases.reduce((sum, c) => sum + c.y / c.p, 0) / total;
  const variance = n < 2 ? Infinity : ((n / (n - 1)) * cases.reduce((sum, c) => sum + ((c.y - rate) / c.p) ** 2, 0)) / (total * total);
  return { rate, variance };
}

/**
 * The interval of a weighted rate: Wilson's with the effective sample size p(1−p)/v (Kish; as
 * Korn and Graubard 1998 do for Clopper–Pearson). When every answer is alike the design's
 * variance is 0, and the counted cases' Wilson interval is used: 20 of 20 is not certain to be
 * 100 %.
 */
function designInterval(estimate: number, variance: number, counted: number, confidence: number): Interval | null {
  // Weights summing to 1 can leave a rate a float's hair outside [0, 1].
  const rate = Math.abs(estimate - Math.round(estimate)) < 1e-12 ? Math.round(estimate) : Math.min(1, Math.max(0, estimate));
  const effective = variance > 0 && Number.isFinite(variance) && rate > 0 && rate < 1 ? (rate * (1 - rate)) / variance : counted;
  return wilsonEffective(rate, effective, confidence);
}

/**
 * The estimate a design allows. A targeted selection is a census of its filter: its rate is
 * exact for those cases and is never extrapolated. A simple random sample gets Wilson's
 * interval; a stratified one the stratified estimator; a nested one the weighted rate.
 */
export function methodFor(design: Design, nested: boolean): EstimateMethod {
  if (design.kind === 'targeted') return 'census';
  if (nested) return 'weighted';
  return design.kind === 'simple' ? 'wilson' : 'stratified';
}

/** Each answer counted over the cases; a case without one counts as unanswered. */
export function countAnswers(cases: readonly Pick<ReviewedCase, 'caseNumber'>[], answers: ReadonlyMap<string, Answer | null>): AnswerCounts {
  const counts = { yes: 0, exception: 0, no: 0, notRelevant: 0, unanswered: 0 };
  for (const c of cases) {
    const a = answers.get(c.caseNumber);
    if (a == null) counts.unanswered += 1;
    else counts[a] += 1;
  }
  return counts;
}

/** The rate of compliance for one compliance question. */
export function questionResult(
  questionId: string, cases: readonly ReviewedCase[], answers: ReadonlyMap<string, Answer | null>, design: Design, strata: readonly StratumPlan[], nested: boolean, confidence = 0.95,
): QuestionResult {
  const counts = countAnswers(cases, answers);
  const x = counts.yes + counts.exception;
  const n = x + counts.no;
  const method = methodFor(design, nested);
  const counted = cases.filter((c) => { const a = answers.get(c.caseNumber); return a === 'yes' || a === 'exception' || a === 'no'; });
  const answeredStrata = new Set(counted.map((c) => c.stratum));
  const strataWithoutAnswers = method === 'stratified' ? strata.filter((s) => s.drawn > 0 && !answeredStrata.has(s.key)).length : 0;
  const result = (rate: number | null, ci: Interval | null): QuestionResult => ({ questionId, counts, rate, ci, method, strataWithoutAnswers });
  if (n === 0) return result(null, null);
  switch (method) {
    case 'census':
      return result(x / n, null);
    case 'wilson':
      return result(x / n, wilson(x, n, confidence));
    case 'weighted': {
      const w = weighted(counted.map((c) => ({ y: compliant(answers.get(c.caseNumber)) ? 1 : 0, p: c.probability })));
      return result(Math.min(1, Math.max(0, w.rate)), designInterval(w.rate, w.variance, n, confidence));
    }
    case 'stratified': {
      const estimate = stratifiedEstimate(strata.map((s) => {
        const inStratum = counted.filter((c) => c.stratum === s.key);
        return { population: s.population, reviewed: inStratum.length, compliant: inStratum.filter((c) => compliant(answers.get(c.caseNumber))).length };
      }), confidence);
      return estimate ? result(Math.min(1, Math.max(0, estimate.rate)), designInterval(estimate.rate, estimate.variance, n, confidence)) : result(null, null);
    }
  }
}

export interface Finding {
  roundId: string;
  caseNumber: string;
  questionId: string;
  ruleId: string | null;
  unit: string;
  comment: string;
  reviewer: string;
  at: string;
}

/** Every "Nej" to a compliance question is a finding. */
export function findingsOf(answers: readonly ReviewAnswer[], questions: readonly Question[], units: ReadonlyMap<string, string>): Finding[] {
  const rule = new Map(questions.map((q) => [q.id, q.ruleId ?? null]));
  const descriptive = new Set(questions.filter(isDescriptive).map((q) => q.id));
  return answers.filter((a) => a.answer === 'no' && !descriptive.has(a.questionId)).map((a) => ({
    roundId: a.roundId, caseNumber: a.caseNumber, questionId: a.questionId, ruleId: rule.get(a.questionId) ?? null,
    unit: units.get(a.caseNumber) ?? '', comment: a.comment, reviewer: a.reviewer, at: a.at,
  }));
}

export interface Disagreement {
  caseNumber: string;
  questionId: string;
  ruleId: string;
  answer: Answer;
  screening: 'met' | 'breached';
}

/**
 * Where a reviewer's answer and the screening of the same rule disagree: "Ja" where the
 * screening found a breach, "Nej" where it found every subject of the case met. Statuses per case
 * and rule come from the latest screening; pending, unknown and not applicable say nothing. A
 * descriptive question's answer says nothing about compliance, so it never disagrees.
 */
export function disagreements(answers: readonly ReviewAnswer[], questions: readonly Question[], statuses: ReadonlyMap<string, ReadonlyMap<string, readonly RuleStatus[]>>): Disagreement[] {
  const rule = new Map(questions.filter((q) => q.ruleId && !isDescriptive(q)).map((q) => [q.id, q.ruleId!]));
  const found: Disagreement[] = [];
  for (const a of answers) {
    const ruleId = rule.get(a.questionId);
    const list = ruleId ? statuses.get(a.caseNumber)?.get(ruleId) : undefined;
    if (!ruleId || !list?.length || a.answer == null) continue;
    const breached = list.includes('breached');
    const met = list.every((s) => s === 'met' || s === 'metWithException');
    if (compliant(a.answer) && breached) found.push({ caseNumber: a.caseNumber, questionId: a.questionId, ruleId, answer: a.answer, screening: 'breached' });
    else if (a.answer === 'no' && met) found.push({ caseNumber: a.caseNumber, questionId: a.questionId, ruleId, answer: a.answer, screening: 'met' });
  }
  return found;
}

/**
 * Per unit: the share of compliant answers among the unit's reviewed cases, with Wilson's
 * interval. Within a unit the cases of a design stratified by unit are a simple random sample;
 * for other designs it describes the reviewed cases.
 */
export function resultsByUnit(cases: readonly ReviewedCase[], answers: ReadonlyMap<string, Answer | null>, census = false, confidence = 0.95) {
  const units = new Map<string, { x: number; n: number }>();
  for (const c of cases) {
    const a = answers.get(c.caseNumber);
    if (a !== 'yes' && a !== 'exception' && a !== 'no') continue;
    const u = units.get(c.unit) ?? { x: 0, n: 0 };
    u.n += 1;
    if (compliant(a)) u.x += 1;
    units.set(c.unit, u);
  }
  return [...units].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([unit, { x, n }]) => ({ unit, compliant: x, counted: n, rate: x / n, ci: census ? null : wilson(x, n, confidence) }));
}

export interface RoundResults {
  /** Per compliance question: counts, rate and interval, and the rate per unit. */
  compliance: { question: Question; result: QuestionResult; units: ReturnType<typeof resultsByUnit> }[];
  /** Per descriptive question: the counts only. */
  descriptive: { question: Question; counts: AnswerCounts }[];
}

/**
 * A round's results per question, in the template's order: the compliance questions with their
 * rates, the descriptive ones counted. `answerOf` gives a case's answer to a question.
 */
export function roundResults(
  questions: readonly Question[], cases: readonly ReviewedCase[], answerOf: (caseNumber: string, questionId: string) => Answer | null | undefined,
  design: Design, strata: readonly StratumPlan[], nested: boolean, confidence = 0.95,
): RoundResults {
  const out: RoundResults = { compliance: [], descriptive: [] };
  for (const question of questions) {
    const answers = new Map(cases.map((c) => [c.caseNumber, answerOf(c.caseNumber, question.id) ?? null]));
    if (isDescriptive(question)) out.descriptive.push({ question, counts: countAnswers(cases, answers) });
    else out.compliance.push({ question, result: questionResult(question.id, cases, answers, design, strata, nested, confidence), units: resultsByUnit(cases, answers, design.kind === 'targeted', confidence) });
  }
  return out;
}
