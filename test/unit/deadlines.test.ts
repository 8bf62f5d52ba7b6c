import { ResultTable } from '../../src/domain/rules/result-table';
import { describe, expect, it } from 'vitest';
import { bucketOf, deadlineItems } from '../../src/domain/rules/deadlines';
import type { RuleResult } from '../../src/domain/rules/types';

// asOf Wednesday 05-06-2024: the week ends Sunday 09-06-2024; 14 days ahead is 19-06-2024.
describe('the weekly deadline overview', () => {
  it.each([
    ['2024-06-04', 'overdue'],
    ['2024-06-05', 'thisWeek'],
    ['2024-06-09', 'thisWeek'],
    ['2024-06-10', 'next14Days'],
    ['2024-06-19', 'next14Days'],
    ['2024-06-20', 'later'],
  ])('puts a deadline of %s in %s when the overview is made on Wednesday 05-06-2024', (deadline, bucket) => {
    expect(bucketOf(deadline, '2024-06-05')).toBe(bucket);
  });

  it('ends the week on the Sunday also when made on a Sunday or a Monday', () => {
    expect(bucketOf('2024-06-09', '2024-06-09')).toBe('thisWeek');
    expect(bucketOf('2024-06-10', '2024-06-09')).toBe('next14Days');
    expect(bucketOf('2024-06-16', '2024-06-10')).toBe('thisWeek');
  });

  const result = (fields: Partial<RuleResult>): RuleResult => ({
    ruleId: 'BFU_4M', caseNumber: 'S-1', subject: 'investigation:U:S-1', status: 'pending', deadline: '2024-06-20', doneAt: null, daysLate: null,
    regime: 'BL', legalRef: 'Barnets Lov § 20', basis: '', trigger: '2024-02-20', ...fields,
  });

  it('lists pending steps and overdue steps not done, soonest first, with unit and caseworker, and leaves out steps done late', () => {
    const cases = new Map([['S-1', { unit: 'Nord', caseworker: 'Alma Fiktiv' }], ['S-2', { unit: 'Syd', caseworker: 'Bent Opdigtet' }]]);
    const items = deadlineItems(ResultTable.of([
      result({}),
      result({ caseNumber: 'S-2', status: 'breached', deadline: '2024-05-31', daysLate: 5 }),
      result({ caseNumber: 'S-2', ruleId: 'UND_KVIT', status: 'breached', deadline: '2024-05-01', doneAt: '2024-05-03', daysLate: 2 }),
      result({ status: 'met', deadline: '2024-06-01', doneAt: '2024-05-30' }),
      result({ ruleId: 'BISIDDER', status: 'breached', deadline: null }),
    ]), cases, '2024-06-05');
    expect(items).toEqual([
      { caseNumber: 'S-2', ruleId: 'BFU_4M', subject: 'investigation:U:S-1', deadline: '2024-05-31', daysLeft: -5, bucket: 'overdue', unit: 'Syd', caseworker: 'Bent Opdigtet', legalRef: 'Barnets Lov § 20', open: true },
      { caseNumber: 'S-1', ruleId: 'BFU_4M', subject: 'investigation:U:S-1', deadline: '2024-06-20', daysLeft: 15, bucket: 'later', unit: 'Nord', caseworker: 'Alma Fiktiv', legalRef: 'Barnets Lov § 20', open: true },
    ]);
  });

  it('marks a step open only in a case that is not closed by the day of the list and still in the extract', () => {
    const cases = new Map([
      ['S-1', { unit: 'Nord', caseworker: 'A', closedAt: '2024-06-05' }],
      ['S-2', { unit: 'Nord', caseworker: 'A', closedAt: '2024-06-06' }],
      ['S-3', { unit: 'Nord', caseworker: 'A', closedAt: null, missing: true }],
      ['S-4', { unit: 'Nord', caseworker: 'A', closedAt: null, missing: false }],
    ]);
    const items = deadlineItems(ResultTable.of(['S-1', 'S-2', 'S-3', 'S-4'].map((caseNumber) => result({ caseNumber }))), cases, '2024-06-05');
    // Closed on the day itself counts as closed; closed the day after is still open that day.
    expect(items.map((i) => [i.caseNumber, i.open])).toEqual([['S-1', false], ['S-2', true], ['S-3', false], ['S-4', true]]);
  });
});

describe('TILSYN_2X in the deadline overview: the next visit due', () => {
  const visit = (fields: Partial<RuleResult>): RuleResult => ({
    ruleId: 'TILSYN_2X', caseNumber: 'S-1', subject: 'measure:A1', status: 'met', deadline: null, doneAt: null, daysLate: null,
    regime: 'BL', legalRef: 'Barnets Lov § 156, stk. 5', basis: '', trigger: '2024-06-05', ...fields,
  });
  const cases = new Map([['S-1', { unit: 'Nord', caseworker: 'Alma Fiktiv' }]]);
  const listed = (results: RuleResult[]) => deadlineItems(ResultTable.of(results), cases, '2024-06-05').map((item) => [item.subject, item.deadline, item.daysLeft, item.bucket]);

  it('lists a met window by its next visit: last visit 01-03-2024 + 6 months = 01-09-2024, 88 days after Wednesday 05-06-2024', () => {
    // 05-06 → 30-06: 25 days, July 31, August 31, → 01-09: 1 = 88.
    expect(listed([visit({ deadline: '2024-09-01', doneAt: '2024-03-01' })])).toEqual([['measure:A1', '2024-09-01', 88, 'later']]);
  });
  it('lists a breached window with a visit by its next visit, overdue since 01-05-2024 (35 days before 05-06-2024)', () => {
    expect(listed([visit({ status: 'breached', deadline: '2024-05-01', doneAt: '2023-11-01' })])).toEqual([['measure:A1', '2024-05-01', -35, 'overdue']]);
  });
  it('leaves out a placement that has ended (no next visit, so no deadline) and a window that does not apply', () => {
    expect(listed([visit({ status: 'breached', deadline: null }), visit({ status: 'notApplicable' }), visit({ status: 'unknown' })])).toEqual([]);
  });
  it('keeps the other rules to pending steps and overdue steps not done: a met BFU_4M with a deadline is not listed', () => {
    expect(listed([visit({ ruleId: 'BFU_4M', subject: 'investigation:U1', deadline: '2024-09-01', doneAt: '2024-05-01' }), visit({ ruleId: 'OPF_LOEBENDE', status: 'breached', deadline: '2024-05-01', doneAt: '2024-05-03' })])).toEqual([]);
  });
});

describe('fields to fix in the case system', () => {
  it('turns unknown results into fields per case and cases per field, each field once per case', async () => {
    const { dataQuality, fieldLabel } = await import('../../src/domain/rules/data-quality');
    const unknown = (caseNumber: string, missing: string[]): RuleResult => ({
      ruleId: 'X', caseNumber, subject: 's', status: 'unknown', deadline: null, doneAt: null, daysLate: null, regime: null, legalRef: '', basis: '', trigger: null, missing,
    });
    const quality = dataQuality(ResultTable.of([
      unknown('S-1', ['measures.consent']),
      unknown('S-1', ['measures.consent', 'measures.kind']),
      unknown('S-2', ['measures.consent']),
      { ...unknown('S-3', ['measures.kind']), status: 'breached' },
    ]));
    expect(quality).toEqual({
      fields: [{ key: 'measures.consent', cases: 2 }, { key: 'measures.kind', cases: 1 }],
      cases: [{ caseNumber: 'S-1', fields: ['measures.consent', 'measures.kind'] }, { caseNumber: 'S-2', fields: ['measures.consent'] }],
    });
    expect(fieldLabel('measures.consent')).toBe('Foranstaltninger: Samtykke');
    expect(fieldLabel('followUps')).toBe('Opfølgninger (ikke importeret)');
  });
});
