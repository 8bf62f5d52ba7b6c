import type { IsoDate } from '../types';

/**
 * The improvement plan (udviklingsplan): focus areas, made from findings or by hand, and the
 * actions that should move them, each with an owner, a deadline and a status, linked to the
 * questions and rules they should improve.
 */

export type ActionStatus = 'notStarted' | 'inProgress' | 'done';

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = { notStarted: 'Ikke startet', inProgress: 'I gang', done: 'Færdig' };

export interface FocusArea {
  id: string;
  title: string;
  /** Question ids (`templateId:questionId`) and rule ids the area is about. */
  questions: string[];
  rules: string[];
  /** How many findings it was made from, and in which round; null when made by hand. */
  from: { roundId: string; roundName: string; findings: number } | null;
  createdAt: string;
}

export interface ImprovementAction {
  id: string;
  focusArea: string;
  text: string;
  owner: string;
  deadline: IsoDate;
  status: ActionStatus;
  updatedAt: string;
}

export function checkAction(action: Pick<ImprovementAction, 'text' | 'owner' | 'deadline'>): string | null {
  if (!action.text.trim()) return 'Skriv, hvad der skal gøres.';
  if (!action.owner.trim()) return 'Skriv, hvem der er ansvarlig.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(action.deadline)) return 'Vælg en frist.';
  return null;
}

export type ActionFields = Pick<ImprovementAction, 'text' | 'owner' | 'deadline'>;

/** What an edit changes in an action, field by field (text and owner trimmed), for the audit log; empty when nothing. */
export function actionChanges(before: ActionFields, after: ActionFields): { field: keyof ActionFields; from: string; to: string }[] {
  const next = { text: after.text.trim(), owner: after.owner.trim(), deadline: after.deadline };
  return (['text', 'owner', 'deadline'] as const).filter((f) => before[f] !== next[f]).map((field) => ({ field, from: before[field], to: next[field] }));
}

/** An action not done by its deadline is overdue from the day after. */
export const isOverdue = (action: Pick<ImprovementAction, 'status' | 'deadline'>, today: IsoDate) => action.status !== 'done' && action.deadline < today;

/** Per focus area: actions by status, and how many are overdue. */
export function planStatus(areas: readonly FocusArea[], actions: readonly ImprovementAction[], today: IsoDate) {
  return areas.map((area) => {
    const mine = actions.filter((a) => a.focusArea === area.id);
    return {
      area,
      actions: mine,
      counts: { notStarted: mine.filter((a) => a.status === 'notStarted').length, inProgress: mine.filter((a) => a.status === 'inProgress').length, done: mine.filter((a) => a.status === 'done').length },
      overdue: mine.filter((a) => isOverdue(a, today)).length,
    };
  });
}
