import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAction, addFocusArea, focusAreaFromFindings, loadPlan, setActionStatus } from '../../src/app/improvement';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { isOverdue, planStatus } from '../../src/domain/review/plan';
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
    const area = await focusAreaFromFindings(db, 'Planer før anbringelse', 'anbringelse', 'plan', [finding('S-1', 'PLAN_RETTIDIG'), finding('S-2', 'PLAN_RETTIDIG')], { id: 'R', name: 'Niveau 2' }, '2026-01-10T09:00:00.000Z');
    expect(area).toMatchObject({ title: 'Planer før anbringelse', questions: ['anbringelse:plan'], rules: ['PLAN_RETTIDIG'], from: { roundId: 'R', roundName: 'Niveau 2', findings: 2 } });
    const byHand = await addFocusArea(db, { title: 'Børnesamtaler', questions: [], rules: [], from: null }, '2026-01-11T09:00:00.000Z');
    const first = await addAction(db, { focusArea: area.id, text: 'Tjekliste før anbringelse', owner: 'Leder A', deadline: '2026-02-28' });
    await addAction(db, { focusArea: area.id, text: 'Undervisning', owner: 'Jurist B', deadline: '2026-06-30' });
    await setActionStatus(db, first.id, 'done');
    await expect(addAction(db, { focusArea: byHand.id, text: 'x', owner: ' ', deadline: '2026-01-01' })).rejects.toThrow('Skriv, hvem der er ansvarlig.');
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
});
