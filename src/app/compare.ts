import type { WorkspaceDb } from '../db/workspace-db';
import { compareQuestionTallies, compareScreeningTallies, type QuestionComparison, type QuestionTally, type RuleComparison } from '../domain/compare';
import { isDescriptive } from '../domain/review/templates';
import { roundResults } from '../domain/review/results';
import { summariseByRule, summariseGroups } from '../domain/rules/summary';
import { outOfScopeOf } from '../domain/sampling/draw';
import { answersOf, templateOf } from './review';
import type { LoadedScreening } from './screening';

/**
 * Sammenlign: two stored screenings per rule and unit, or two review rounds per question and
 * unit. The tallies are the screening page's and the round page's own (summary.ts, results.ts);
 * this only pairs them and asks compare.ts whether each change is larger than chance.
 */

/** Per rule, and within it per unit, the change from `before` to `after`. */
export function compareScreenings(before: LoadedScreening, after: LoadedScreening): RuleComparison[] {
  const tallies = (s: LoadedScreening) => {
    const rules = summariseByRule(s.results);
    return { rules, units: new Map(rules.map((r) => [r.ruleId, summariseGroups(s.results, r.ruleId, 'unit', s.cases)])) };
  };
  return compareScreeningTallies(tallies(before), tallies(after));
}

export interface RoundTallies {
  roundId: string;
  name: string;
  templateId: string;
  /** Question id → its text, for the compliance questions. */
  questions: [string, string][];
  tallies: QuestionTally[];
}

/** A round's compliance questions with their rates, weighted for its design, and per unit. */
export async function roundTallies(db: WorkspaceDb, roundId: string): Promise<RoundTallies> {
  const round = await db.rounds.get(roundId);
  const sample = round && (await db.samples.get(round.sampleId));
  if (!round || !sample) throw new Error('Runden findes ikke længere.');
  const template = await templateOf(db, round);
  const answers = new Map((await answersOf(db, roundId)).map((a) => [`${a.caseNumber}|${a.questionId}`, a.answer]));
  const out = new Set(outOfScopeOf(sample));
  const cases = sample.cases.filter((c) => !out.has(c.caseNumber));
  const questions = template.questions.filter((q) => !isDescriptive(q) && (!q.retired || cases.some((c) => answers.has(`${c.caseNumber}|${q.id}`))));
  const results = roundResults(questions, cases, (c, q) => answers.get(`${c}|${q}`), sample.protocol.design, sample.protocol.strata, sample.parentProbabilities !== null);
  return {
    roundId, name: round.name, templateId: template.id,
    questions: results.compliance.map((r) => [r.question.id, r.question.text]),
    tallies: results.compliance.map(({ question, result, units }) => ({ questionId: question.id, counts: result.counts, rate: result.rate, ci: result.ci, units })),
  };
}

export interface RoundComparison {
  before: RoundTallies;
  after: RoundTallies;
  rows: QuestionComparison[];
}

export async function compareRounds(db: WorkspaceDb, beforeId: string, afterId: string): Promise<RoundComparison> {
  const [before, after] = await Promise.all([roundTallies(db, beforeId), roundTallies(db, afterId)]);
  return { before, after, rows: compareQuestionTallies(before.tallies, after.tallies) };
}
