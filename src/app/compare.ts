import type { WorkspaceDb } from '../db/workspace-db';
import { compareRounds as compareRoundTallies, compareScreenings as compareScreeningTallies, type QuestionComparison, type RuleComparison } from '../domain/compare';
import { complianceOfRound, complianceOfScreening } from './compliance';
import type { LoadedScreening } from './screening';

/**
 * Sammenlign: two stored screenings per rule and unit, or two review rounds per question and
 * unit. The tallies are the compliance aggregation's (compliance.ts, the same as Overblik's and
 * the reports'); this only pairs them and asks domain/compare.ts whether each change is larger
 * than chance.
 */

/** Per rule, and within it per unit, the change from `before` to `after`. */
export function compareScreenings(before: LoadedScreening, after: LoadedScreening): RuleComparison[] {
  return compareScreeningTallies(complianceOfScreening(before), complianceOfScreening(after));
}

export interface RoundComparison {
  before: { roundId: string; name: string };
  after: { roundId: string; name: string };
  /** Question id → its text, from either round. */
  questions: [string, string][];
  rows: QuestionComparison[];
}

async function roundEntry(db: WorkspaceDb, roundId: string) {
  const round = await db.rounds.get(roundId);
  const sample = round && (await db.samples.get(round.sampleId));
  if (!round || !sample) throw new Error('Runden findes ikke længere.');
  return { round, sample };
}

export async function compareRounds(db: WorkspaceDb, beforeId: string, afterId: string): Promise<RoundComparison> {
  const [b, a] = await Promise.all([roundEntry(db, beforeId), roundEntry(db, afterId)]);
  const [before, after] = await Promise.all([complianceOfRound(db, b), complianceOfRound(db, a)]);
  const questions = new Map([...before.overall, ...after.overall].map((q) => [q.questionId, q.text]));
  return {
    before: { roundId: beforeId, name: b.round.name }, after: { roundId: afterId, name: a.round.name },
    questions: [...questions], rows: compareRoundTallies(before, after),
  };
}
