import type { WorkspaceDb } from '../db/workspace-db';
import { actionChanges, checkAction, type ActionFields, type ActionStatus, type FocusArea, type ImprovementAction } from '../domain/review/plan';
import type { Finding } from '../domain/review/results';
import { appendAudit } from '../db/audit-log';
import type { Stamp } from '../domain/audit';
import { stampAt } from './audit';

/** The improvement plan in the workspace: focus areas and their actions, every change in the audit log. */

export async function loadPlan(db: WorkspaceDb): Promise<{ areas: FocusArea[]; actions: ImprovementAction[] }> {
  const [areas, actions] = await Promise.all([db.focusAreas.orderBy('createdAt').toArray(), db.improvementActions.toArray()]);
  return { areas, actions: actions.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0)) };
}

/** A focus area from a round's findings about one question: named after it, linked to it and its rule. */
export async function focusAreaFromFindings(db: WorkspaceDb, title: string, templateId: string, questionId: string, findings: readonly Finding[], round: { id: string; name: string }, stamp: Stamp): Promise<FocusArea> {
  const rules = [...new Set(findings.flatMap((f) => (f.ruleId ? [f.ruleId] : [])))];
  return addFocusArea(db, { title, questions: [`${templateId}:${questionId}`], rules, from: { roundId: round.id, roundName: round.name, findings: findings.length } }, stamp);
}

export async function addFocusArea(db: WorkspaceDb, area: Omit<FocusArea, 'id' | 'createdAt'>, stamp: Stamp): Promise<FocusArea> {
  const at = stampAt(stamp);
  if (!area.title.trim()) throw new Error('Giv fokusområdet en titel.');
  const created: FocusArea = { ...area, title: area.title.trim(), id: crypto.randomUUID(), createdAt: at };
  await db.transaction('rw', [db.focusAreas, db.auditLog], async () => {
    await db.focusAreas.add(created);
    await appendAudit(db, { at, by: stamp.by, action: 'plan.focusArea', details: { title: created.title } });
  });
  return created;
}

export async function addAction(db: WorkspaceDb, action: Omit<ImprovementAction, 'id' | 'updatedAt' | 'status'>, stamp: Stamp): Promise<ImprovementAction> {
  const at = stampAt(stamp);
  const problem = checkAction(action);
  if (problem) throw new Error(problem);
  if (!(await db.focusAreas.get(action.focusArea))) throw new Error('Fokusområdet findes ikke længere.');
  const created: ImprovementAction = { ...action, text: action.text.trim(), owner: action.owner.trim(), id: crypto.randomUUID(), status: 'notStarted', updatedAt: at };
  await db.transaction('rw', [db.improvementActions, db.auditLog], async () => {
    await db.improvementActions.add(created);
    await appendAudit(db, { at, by: stamp.by, action: 'plan.action', details: { text: created.text, owner: created.owner, deadline: created.deadline } });
  });
  return created;
}

export async function setActionStatus(db: WorkspaceDb, id: string, status: ActionStatus, stamp: Stamp): Promise<void> {
  const at = stampAt(stamp);
  await db.transaction('rw', [db.improvementActions, db.auditLog], async () => {
    const action = await db.improvementActions.get(id);
    if (!action) throw new Error('Handlingen findes ikke længere.');
    await db.improvementActions.put({ ...action, status, updatedAt: at });
    await appendAudit(db, { at, by: stamp.by, action: 'plan.status', details: { text: action.text, from: action.status, to: status } });
  });
}

/** Renames a focus area; logged with the old and the new title. */
export async function renameFocusArea(db: WorkspaceDb, id: string, title: string, stamp: Stamp): Promise<void> {
  const at = stampAt(stamp);
  const next = title.trim();
  if (!next) throw new Error('Giv fokusområdet en titel.');
  await db.transaction('rw', [db.focusAreas, db.auditLog], async () => {
    const area = await db.focusAreas.get(id);
    if (!area) throw new Error('Fokusområdet findes ikke længere.');
    if (area.title === next) return;
    await db.focusAreas.put({ ...area, title: next });
    await appendAudit(db, { at, by: stamp.by, action: 'plan.focusArea.edited', details: { from: area.title, to: next } });
  });
}

/** Deletes a focus area and its actions; logged with its title and the actions it had. */
export async function deleteFocusArea(db: WorkspaceDb, id: string, stamp: Stamp): Promise<void> {
  const at = stampAt(stamp);
  await db.transaction('rw', [db.focusAreas, db.improvementActions, db.auditLog], async () => {
    const area = await db.focusAreas.get(id);
    if (!area) throw new Error('Fokusområdet findes ikke længere.');
    const actions = await db.improvementActions.where('focusArea').equals(id).toArray();
    await db.improvementActions.bulkDelete(actions.map((a) => a.id));
    await db.focusAreas.delete(id);
    await appendAudit(db, { at, by: stamp.by, action: 'plan.focusArea.deleted', details: { title: area.title, actions: actions.map((a) => a.text) } });
  });
}

/** Changes an action's text, owner or deadline; logged field by field, old → new. */
export async function editAction(db: WorkspaceDb, id: string, fields: ActionFields, stamp: Stamp): Promise<void> {
  const at = stampAt(stamp);
  const problem = checkAction(fields);
  if (problem) throw new Error(problem);
  await db.transaction('rw', [db.improvementActions, db.auditLog], async () => {
    const action = await db.improvementActions.get(id);
    if (!action) throw new Error('Handlingen findes ikke længere.');
    const changes = actionChanges(action, fields);
    if (changes.length === 0) return;
    await db.improvementActions.put({ ...action, text: fields.text.trim(), owner: fields.owner.trim(), deadline: fields.deadline, updatedAt: at });
    await appendAudit(db, { at, by: stamp.by, action: 'plan.action.edited', details: { text: action.text, changes } });
  });
}

/** Deletes an action; logged with what it was. */
export async function deleteAction(db: WorkspaceDb, id: string, stamp: Stamp): Promise<void> {
  const at = stampAt(stamp);
  await db.transaction('rw', [db.improvementActions, db.auditLog], async () => {
    const action = await db.improvementActions.get(id);
    if (!action) throw new Error('Handlingen findes ikke længere.');
    await db.improvementActions.delete(id);
    await appendAudit(db, { at, by: stamp.by, action: 'plan.action.deleted', details: { text: action.text, owner: action.owner, deadline: action.deadline, status: action.status } });
  });
}
