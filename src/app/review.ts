import type { RoundRecord, SampleRecord } from '../domain/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { recordAnswer, type AnswerInput, type AnswerSource, type ReviewAnswer } from '../domain/review/answers';
import { BUILT_IN_TEMPLATES, type QuestionTemplate } from '../domain/review/templates';
import { assignReviewers } from '../domain/sampling/assign';
import { outOfScopeOf } from '../domain/sampling/draw';
import type { HandoverChange, HandoverReading } from '../domain/review/answers';
import { handoverWorkbook, readHandover } from '../io/handover';
import { appendAudit } from '../db/audit-log';
import type { AuditDetails, AuditValue, Stamp } from '../domain/audit';
import { stampAt } from './audit';

/** Review rounds in the workspace: templates, reviewers and their cases, answers, and the Excel handover. */

/** The built-in templates as edited in this workspace, then the workspace's own. */
export async function listTemplates(db: WorkspaceDb): Promise<QuestionTemplate[]> {
  const stored = new Map((await db.questionTemplates.toArray()).map((t) => [t.id, t]));
  const builtIn = BUILT_IN_TEMPLATES.map((t) => stored.get(t.id) ?? t);
  return [...builtIn, ...[...stored.values()].filter((t) => !t.builtIn)];
}

export async function saveTemplate(db: WorkspaceDb, template: QuestionTemplate, stamp: Stamp): Promise<void> {
  if (!template.name.trim()) throw new Error('Giv skemaet et navn.');
  await db.transaction('rw', [db.questionTemplates, db.auditLog], async () => {
    await db.questionTemplates.put(template);
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'template.saved', details: { template: template.name, questions: template.questions.length } });
  });
}

export async function templateOf(db: WorkspaceDb, round: RoundRecord): Promise<QuestionTemplate> {
  const id = round.review?.templateId;
  const template = (await listTemplates(db)).find((t) => t.id === id);
  if (!template) throw new Error('Runden har ikke fået et spørgeskema endnu.');
  return template;
}

async function roundWithSample(db: WorkspaceDb, roundId: string): Promise<{ round: RoundRecord; sample: SampleRecord }> {
  const round = await db.rounds.get(roundId);
  const sample = round && (await db.samples.get(round.sampleId));
  if (!round || !sample) throw new Error('Runden findes ikke længere.');
  return { round, sample };
}

/**
 * Gives the round its template and reviewers, and shares the cases among them: evenly, in an
 * order seeded by the sample's seed, and never to the case's own caseworker. Cases already
 * answered keep their reviewer.
 */
export async function setUpRound(db: WorkspaceDb, roundId: string, templateId: string, reviewers: readonly string[], stamp: Stamp): Promise<RoundRecord> {
  const names = [...new Set(reviewers.map((r) => r.trim()).filter(Boolean))];
  if (names.length === 0) throw new Error('Skriv mindst én gennemgåer.');
  const { round, sample } = await roundWithSample(db, roundId);
  const out = new Set(outOfScopeOf(sample));
  const answered = new Map((await db.reviews.where('roundId').equals(roundId).toArray()).filter((a) => a.answer != null).map((a) => [a.caseNumber, a.reviewer]));
  const open = sample.cases.filter((c) => !out.has(c.caseNumber) && !answered.has(c.caseNumber));
  const { assigned, unassignable } = assignReviewers(open, names, sample.protocol.seed);
  const assignments: [string, string][] = sample.cases.flatMap((c): [string, string][] => {
    const reviewer = answered.get(c.caseNumber) ?? assigned.get(c.caseNumber);
    return reviewer ? [[c.caseNumber, reviewer]] : [];
  });
  const updated: RoundRecord = { ...round, review: { templateId, reviewers: names, assignments, unassignable } };
  await db.transaction('rw', [db.rounds, db.auditLog], async () => {
    await db.rounds.put(updated);
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'round.setUp', details: { round: round.name, templateId, reviewers: names, unassignable: unassignable.length } });
  });
  return updated;
}

export const answersOf = (db: WorkspaceDb, roundId: string): Promise<ReviewAnswer[]> => db.reviews.where('roundId').equals(roundId).toArray();

/** An answer's change for the audit log: the answer and the comment old → new, each only when it changed. */
function answerChange(existing: ReviewAnswer | undefined, next: ReviewAnswer): AuditDetails {
  const from = existing?.answer ?? null;
  const fromComment = existing?.comment ?? '';
  return {
    caseNumber: next.caseNumber, question: next.questionId, reviewer: next.reviewer,
    ...(from !== next.answer && { from, to: next.answer }),
    ...(fromComment !== next.comment && { comment: { from: fromComment, to: next.comment } }),
  };
}

/**
 * Saves one answer at once, with its change logged (in the answer's history and the audit log);
 * returns it, or undefined when nothing changed. `reviewer` gives the answer; `stamp.by` is who is
 * at the keyboard. Give only what changed (the answer or the comment): the other is read in the
 * same transaction, so a comment saved while an answer is being saved cannot undo it.
 */
export async function saveAnswer(db: WorkspaceDb, input: Omit<AnswerInput, 'answer' | 'comment'> & Partial<Pick<AnswerInput, 'answer' | 'comment'>>, reviewer: string, stamp: Stamp, source: AnswerSource = 'app'): Promise<ReviewAnswer | undefined> {
  const at = stampAt(stamp);
  return db.transaction('rw', [db.reviews, db.rounds, db.auditLog], async () => {
    const existing = await db.reviews.get(`${input.roundId}|${input.caseNumber}|${input.questionId}`);
    const next = recordAnswer(existing, { ...input, answer: input.answer !== undefined ? input.answer : (existing?.answer ?? null), comment: input.comment ?? existing?.comment ?? '' }, reviewer, at, source);
    if (!next) return undefined;
    await db.reviews.put(next);
    const round = (await db.rounds.get(input.roundId))?.name ?? input.roundId;
    await appendAudit(db, { at, by: stamp.by, action: 'answer.saved', details: { round, ...answerChange(existing, next), source } });
    return next;
  });
}

async function handoverInput(db: WorkspaceDb, roundId: string, reading = false) {
  const { round, sample } = await roundWithSample(db, roundId);
  if (!round.review) throw new Error('Giv runden et spørgeskema og gennemgåere, før arket hentes.');
  const template = await templateOf(db, round);
  const answers = await answersOf(db, roundId);
  const answered = new Set(answers.map((a) => a.questionId));
  // Retired questions stay in a new sheet only where they have answers in this round; a sheet
  // exported before a question was retired still reads.
  const questions = reading ? template.questions : template.questions.filter((q) => !q.retired || answered.has(q.id));
  return { round, sample, questions, template, answers, assignments: new Map(round.review.assignments) };
}

/** The handover workbook; the page logs the export once the file is handed to the browser (`logExport`). */
export async function exportHandover(db: WorkspaceDb, roundId: string, demo: boolean, at = new Date().toISOString()): Promise<Uint8Array> {
  return handoverWorkbook({ ...(await handoverInput(db, roundId)), exportedAt: at, demo });
}

export async function readHandoverFile(db: WorkspaceDb, roundId: string, bytes: Uint8Array): Promise<HandoverReading> {
  return readHandover(bytes, await handoverInput(db, roundId, true));
}

/** Applies the changes the user accepted, each as an answer from Excel by the sheet's reviewer. */
export async function applyHandover(db: WorkspaceDb, roundId: string, accepted: readonly HandoverChange[], stamp: Stamp): Promise<number> {
  const at = stampAt(stamp);
  const changes: AuditValue[] = [];
  await db.transaction('rw', [db.reviews, db.rounds, db.auditLog], async () => {
    for (const c of accepted) {
      const existing = await db.reviews.get(`${roundId}|${c.caseNumber}|${c.questionId}`);
      const next = recordAnswer(existing, { roundId, caseNumber: c.caseNumber, questionId: c.questionId, answer: c.answer, comment: c.comment }, c.reviewer, at, 'excel');
      if (next) {
        await db.reviews.put(next);
        changes.push(answerChange(existing, next));
      }
    }
    const round = (await db.rounds.get(roundId))?.name ?? roundId;
    await appendAudit(db, { at, by: stamp.by, action: 'handover.applied', details: { round, answers: changes.length, changes } });
  });
  return changes.length;
}
