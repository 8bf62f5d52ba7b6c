import type { Answer } from './templates';

/** Reviewers' answers: one record per case and question, with every change kept. */

export type AnswerSource = 'app' | 'excel';

export interface AnswerChange {
  at: string;
  by: string;
  source: AnswerSource;
  from: Answer | null;
  to: Answer | null;
  fromComment: string;
  toComment: string;
}

export interface ReviewAnswer {
  /** `roundId|caseNumber|questionId`. */
  id: string;
  roundId: string;
  caseNumber: string;
  questionId: string;
  answer: Answer | null;
  comment: string;
  /** Who gave the answer as it stands, and when. */
  reviewer: string;
  at: string;
  history: AnswerChange[];
}

export const answerId = (roundId: string, caseNumber: string, questionId: string) => `${roundId}|${caseNumber}|${questionId}`;

export interface AnswerInput {
  roundId: string;
  caseNumber: string;
  questionId: string;
  answer: Answer | null;
  comment: string;
}

/** The answer after `input`, with the change logged; undefined when it changes nothing. */
export function recordAnswer(existing: ReviewAnswer | undefined, input: AnswerInput, by: string, at: string, source: AnswerSource): ReviewAnswer | undefined {
  const comment = input.comment.trim();
  const from = existing?.answer ?? null;
  const fromComment = existing?.comment ?? '';
  if (from === input.answer && fromComment === comment) return undefined;
  return {
    id: answerId(input.roundId, input.caseNumber, input.questionId), roundId: input.roundId, caseNumber: input.caseNumber, questionId: input.questionId,
    answer: input.answer, comment, reviewer: by, at,
    history: [...(existing?.history ?? []), { at, by, source, from, to: input.answer, fromComment, toComment: comment }],
  };
}

/** A change a filled-in handover workbook would make (io/handover.ts reads it). */
export interface HandoverChange {
  caseNumber: string;
  questionId: string;
  reviewer: string;
  answer: Answer | null;
  comment: string;
  /** new: no answer in the app; changed: differs from it; conflict: the app's answer is newer than the export and differs. */
  kind: 'new' | 'changed' | 'conflict';
  current: { answer: Answer | null; comment: string; at: string } | null;
}

export interface HandoverProblem {
  sheet: string;
  row: number | null;
  /** The column's letter, where the problem is one cell. */
  column?: string;
  message: string;
}

export interface HandoverReading {
  changes: HandoverChange[];
  problems: HandoverProblem[];
  /** Answers in the workbook that are the same as in the app. */
  unchanged: number;
}
