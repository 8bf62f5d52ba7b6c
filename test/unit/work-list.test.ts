import { describe, expect, it } from 'vitest';
import type { DeadlineItem } from '../../src/domain/rules/deadlines';
import { daysText, selectionText, workList, type WorkListOptions } from '../../src/domain/rules/work-list';

// The list is made on Monday 25-11-2024; three months back is 25-08-2024.
const AS_OF = '2024-11-25';
let n = 0;
const item = (deadline: string, daysLeft: number, fields: Partial<DeadlineItem> = {}): DeadlineItem => ({
  caseNumber: `S-${++n}`, ruleId: 'BFU_4M', subject: `investigation:${n}`, deadline, daysLeft, bucket: daysLeft < 0 ? 'overdue' : 'thisWeek',
  unit: 'Nord', caseworker: 'Alma Fiktiv', legalRef: 'Barnets Lov § 20', open: true, ...fields,
});
const options = (changes: Partial<WorkListOptions> = {}): WorkListOptions => ({ asOf: AS_OF, horizonMonths: 3, showOlder: false, showClosed: false, ...changes });

describe('Frister as this week\u2019s work', () => {
  const longAgo = item('2016-01-24', -3228);
  const onTheHorizon = item('2024-08-25', -92);
  const beyondIt = item('2024-08-24', -93);
  const lastWeek = item('2024-11-18', -7);
  const yesterday = item('2024-11-24', -1);
  const today = item('2024-11-25', 0);
  const friday = item('2024-11-29', 4);
  const closedCase = item('2024-11-20', -5, { open: false });
  const all = [longAgo, onTheHorizon, beyondIt, lastWeek, yesterday, today, friday, closedCase];

  it('shows the open cases\u2019 overdue steps of the last 3 months newest first, then the coming ones soonest first', () => {
    const list = workList(all, options());
    expect(list.items).toEqual([yesterday, lastWeek, onTheHorizon, today, friday]);
    expect(list.older).toBe(2);
    expect(list.closed).toBe(1);
  });

  it('shows the older overdue steps and the closed cases when asked, counted', () => {
    expect(workList(all, options({ showOlder: true })).items).toEqual([yesterday, lastWeek, onTheHorizon, beyondIt, longAgo, today, friday]);
    expect(workList(all, options({ showClosed: true })).items).toEqual([yesterday, closedCase, lastWeek, onTheHorizon, today, friday]);
  });

  it('groups the steps by caseworker in Danish order, with the overdue ones counted', () => {
    const team = [
      item('2024-11-20', -5, { caseworker: 'Åse Påfund' }),
      item('2024-11-27', 2, { caseworker: 'Åse Påfund' }),
      item('2024-11-26', 1, { caseworker: 'Ærbødig Fiktiv' }),
      item('2024-11-22', -3, { caseworker: 'Zenia Eksempel' }),
      item('2024-11-28', 3, { caseworker: 'Bent Opdigtet' }),
    ];
    expect(workList(team, options()).byCaseworker.map((g) => [g.caseworker, g.items.length, g.overdue])).toEqual([
      ['Bent Opdigtet', 1, 0], ['Zenia Eksempel', 1, 1], ['Ærbødig Fiktiv', 1, 0], ['Åse Påfund', 2, 1],
    ]);
  });

  it.each([
    [-3961, '3.961 dage over'], [-3, '3 dage over'], [-1, '1 dag over'], [0, 'i dag'], [1, 'om 1 dag'], [5, 'om 5 dage'], [1200, 'om 1.200 dage'],
  ])('says %i days left as "%s"', (daysLeft, text) => {
    expect(daysText(daysLeft)).toBe(text);
  });

  it('says in words what is shown and what is left out', () => {
    const list = workList(all, options());
    expect(selectionText(list, options())).toBe('Viser åbne sager og overskredne skridt fra de seneste 3 måneder; ikke vist: 2 ældre overskredne, 1 i lukkede sager.');
    expect(selectionText(workList(all, options({ showOlder: true, showClosed: true })), options({ showOlder: true, showClosed: true }))).toBe('Viser alle sager og alle overskredne skridt.');
  });
});
