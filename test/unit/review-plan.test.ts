import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addFocusArea, deleteAction, deleteFocusArea, editAction, focusAreaFromFindings, loadPlan, renameFocusArea, setActionStatus } from '../../src/app/improvement';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { actionChanges, isOverdue, planStatus, type ActionFields } from '../../src/domain/review/plan';
import type { Finding } from '../../src/domain/review/results';
import { planWorkbook } from '../../src/io/plan-workbook';

let db: WorkspaceDb;
beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('plan');
});

const finding = (caseNumber: string, ruleId: string | null): Finding => ({ roundId: 'R', caseNumber, questionId: 'plan', ruleId, unit: 'Nord', comment: '', reviewer: 'L', at: 't' });

describe('the improvement plan', () => {
  it('an action is overdue from the day after its deadline, until it is done', () => {
    expect(isOverdue({ status: 'inProgress', deadline: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isOverdue({ status: 'inProgress', deadline: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ status: 'done', deadline: '2026-03-31' }, '2026-04-01')).toBe(false);
  });

  it('makes a focus area from findings, linked to their question and rules; actions with owner, deadline and status; a status export', async () => {
    const area = await focusAreaFromFindings(db, 'Planer før anbringelse', 'anbringelse', 'plan', [finding('S-1', 'PLAN_RETTIDIG'), finding('S-2', 'PLAN_RETTIDIG')], { id: 'R', name: 'Niveau 2' }, { by: 'Test Fiktiv', at: '2026-01-10T09:00:00.000Z' });
    expect(area).toMatchObject({ title: 'Planer før anbringelse', questions: ['anbringelse:plan'], rules: ['PLAN_RETTIDIG'], from: { roundId: 'R', roundName: 'Niveau 2', findings: 2 } });
    const byHand = await addFocusArea(db, { title: 'Børnesamtaler', questions: [], rules: [], from: null }, { by: 'Test Fiktiv', at: '2026-01-11T09:00:00.000Z' });
    const first = await addAction(db, { focusArea: area.id, text: 'Tjekliste før anbringelse', owner: 'Leder A', deadline: '2026-02-28' }, { by: 'Test Fiktiv' });
    await addAction(db, { focusArea: area.id, text: 'Undervisning', owner: 'Jurist B', deadline: '2026-06-30' }, { by: 'Test Fiktiv' });
    await setActionStatus(db, first.id, 'done', { by: 'Test Fiktiv' });
    await expect(addAction(db, { focusArea: byHand.id, text: 'x', owner: ' ', deadline: '2026-01-01' }, { by: 'Test Fiktiv' })).rejects.toThrow('Skriv, hvem der er ansvarlig.');
    const { areas, actions } = await loadPlan(db);
    const status = planStatus(areas, actions, '2026-07-01');
    expect(status.map((s) => [s.area.title, s.counts, s.overdue])).toEqual([
      ['Planer før anbringelse', { notStarted: 1, inProgress: 0, done: 1 }, 1],
      ['Børnesamtaler', { notStarted: 0, inProgress: 0, done: 0 }, 0],
    ]);
    const book = XLSX.read(planWorkbook(areas, actions, '2026-07-01', false));
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Status!, { header: 1 })).toEqual([
      ['Fokusområde', 'Handlinger', 'Ikke startet', 'I gang', 'Færdig', 'Overskredet'],
      ['Planer før anbringelse', 2, 1, 0, 1, 1],
      ['Børnesamtaler', 0, 0, 0, 0, 0],
    ]);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Handlinger!, { header: 1 }).slice(1)).toEqual([
      ['Planer før anbringelse', 'Tjekliste før anbringelse', 'Leder A', '28-02-2026', 'Færdig', 'Nej', 'Handleplan / barnets plan rettidigt'],
      ['Planer før anbringelse', 'Undervisning', 'Jurist B', '30-06-2026', 'Ikke startet', 'Ja', 'Handleplan / barnets plan rettidigt'],
    ]);
    expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['plan.focusArea', 'plan.focusArea', 'plan.action', 'plan.action', 'plan.status']);
  });

  const before: ActionFields = { text: 'Tjekliste', owner: 'Leder A', deadline: '2026-02-28' };
  const edits: [string, ActionFields, ReturnType<typeof actionChanges>][] = [
    ['nothing', { ...before }, []],
    ['only spaces around the text', { ...before, text: '  Tjekliste ' }, []],
    ['the deadline', { ...before, deadline: '2026-03-31' }, [{ field: 'deadline', from: '2026-02-28', to: '2026-03-31' }]],
    ['owner and text', { ...before, text: 'Tjekliste v2', owner: ' Jurist B' }, [{ field: 'text', from: 'Tjekliste', to: 'Tjekliste v2' }, { field: 'owner', from: 'Leder A', to: 'Jurist B' }]],
  ];
  it.each(edits)('an edit of %s is logged field by field', (_, after, expected) => {
    expect(actionChanges(before, after)).toEqual(expected);
  });

  it('renames and deletes focus areas and edits and deletes actions, each change in the audit log', async () => {
    const logged = async () => (await db.auditLog.toArray()).slice(-1)[0]!;
    const area = await addFocusArea(db, { title: 'Samvær', questions: [], rules: [], from: null }, { by: 'Test Fiktiv', at: '2026-02-01T09:00:00.000Z' });
    const action = await addAction(db, { focusArea: area.id, text: 'Skabelon for samværsafgørelser', owner: 'Leder A', deadline: '2026-04-30' }, { by: 'Test Fiktiv', at: '2026-02-01T09:01:00.000Z' });
    const other = await addAction(db, { focusArea: area.id, text: 'Undervisning i samvær', owner: 'Jurist B', deadline: '2026-05-31' }, { by: 'Test Fiktiv', at: '2026-02-01T09:02:00.000Z' });

    await renameFocusArea(db, area.id, '  Samvær og kontakt ', { by: 'Test Fiktiv', at: '2026-02-02T09:00:00.000Z' });
    expect((await db.focusAreas.get(area.id))!.title).toBe('Samvær og kontakt');
    expect(await logged()).toMatchObject({ at: '2026-02-02T09:00:00.000Z', by: 'Test Fiktiv', action: 'plan.focusArea.edited', details: { from: 'Samvær', to: 'Samvær og kontakt' } });
    await expect(renameFocusArea(db, area.id, ' ', { by: 'Test Fiktiv' })).rejects.toThrow('Giv fokusområdet en titel.');

    await editAction(db, action.id, { text: 'Skabelon for samværsafgørelser', owner: 'Leder C', deadline: '2026-06-30' }, { by: 'Test Fiktiv', at: '2026-02-03T09:00:00.000Z' });
    expect(await db.improvementActions.get(action.id)).toMatchObject({ owner: 'Leder C', deadline: '2026-06-30', status: 'notStarted', updatedAt: '2026-02-03T09:00:00.000Z' });
    expect(await logged()).toMatchObject({
      action: 'plan.action.edited',
      details: { text: 'Skabelon for samværsafgørelser', changes: [{ field: 'owner', from: 'Leder A', to: 'Leder C' }, { field: 'deadline', from: '2026-04-30', to: '2026-06-30' }] },
    });
    // An edit that changes nothing writes nothing; one that breaks the rules of an action is refused.
    const lines = await db.auditLog.count();
    await editAction(db, action.id, { text: 'Skabelon for samværsafgørelser', owner: 'Leder C', deadline: '2026-06-30' }, { by: 'Test Fiktiv' });
    expect(await db.auditLog.count()).toBe(lines);
    await expect(editAction(db, action.id, { text: 'x', owner: 'y', deadline: '' }, { by: 'Test Fiktiv' })).rejects.toThrow('Vælg en frist.');

    await deleteAction(db, other.id, { by: 'Test Fiktiv', at: '2026-02-04T09:00:00.000Z' });
    expect(await db.improvementActions.get(other.id)).toBeUndefined();
    expect(await logged()).toMatchObject({ action: 'plan.action.deleted', details: { text: 'Undervisning i samvær', owner: 'Jurist B', deadline: '2026-05-31', status: 'notStarted' } });
    await expect(deleteAction(db, other.id, { by: 'Test Fiktiv' })).rejects.toThrow('Handlingen findes ikke længere.');

    // Deleting an area deletes its actions with it.
    await deleteFocusArea(db, area.id, { by: 'Test Fiktiv', at: '2026-02-05T09:00:00.000Z' });
    const { areas, actions } = await loadPlan(db);
    expect(areas.map((a) => a.id)).not.toContain(area.id);
    expect(actions.filter((a) => a.focusArea === area.id)).toEqual([]);
    expect(await logged()).toMatchObject({ at: '2026-02-05T09:00:00.000Z', action: 'plan.focusArea.deleted', details: { title: 'Samvær og kontakt', actions: ['Skabelon for samværsafgørelser'] } });
  });
});
