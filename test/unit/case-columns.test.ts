import { describe, expect, it } from 'vitest';
import { encodeColumns, MEASURE_KIND_CODE, NO, NONE, OUTCOME_CODE, YES } from '../../src/domain/rules/case-columns';

// Day numbers written out: 01-01-2024 is 19,723 days after 01-01-1970 (54 years of 365 days and
// 13 leap days, 1972–2020); 29-02-2024 is 31 + 28 days later.
const JAN_1_2024 = 19_723;
const FEB_29_2024 = JAN_1_2024 + 59;
const MAR_5_2024 = JAN_1_2024 + 31 + 29 + 4;

describe('cases as columns', () => {
  it('turns dates into day numbers, times into minute numbers, yes/no and choices into small numbers, empty into NONE', () => {
    const columns = encodeColumns([
      {
        caseNumber: 'S-1', awareAt: '2024-02-29',
        events: {
          notifications: [
            { id: 'N:S-1:2024-03-05T14:07:1', receivedAt: '2024-03-05T14:07', fromProfessional: true, assessedAt: '2024-03-06', outcome: 'none' },
            { id: 'N:S-1:2024-01-01:1', receivedAt: '2024-01-01', fromProfessional: false, preventiveConsidered: null },
          ],
          measures: [{ id: 'F:M-1', measureId: 'M-1', kind: 'placement', startDate: '2024-03-05', urgent: false, consent: null }],
          actionPlans: [{ id: 'H:S-1:2024-02-29:1', date: '2024-02-29', measureId: 'M-1', filed: true }],
        },
      },
      // As stored: no awareAt, no notifications; follow-ups for a measure the case does not have, and for all.
      { caseNumber: 'S-2', events: { followUps: [{ id: 'O:S-2:2024-01-01:1', date: '2024-01-01', measureId: 'M-9', cadenceMonths: 6 }, { id: 'O:S-2:2024-03-05:1', date: '2024-03-05' }] } },
    ]);
    expect(columns.size).toBe(2);
    expect(columns.caseNumbers).toEqual(['S-1', 'S-2']);
    expect([...columns.awareAt]).toEqual([FEB_29_2024, NONE]);

    const n = columns.notifications;
    expect([...n.start]).toEqual([0, 2, 2]);
    expect(n.id).toEqual(['N:S-1:2024-03-05T14:07:1', 'N:S-1:2024-01-01:1']);
    expect([...n.received]).toEqual([MAR_5_2024 * 1440 + 14 * 60 + 7, JAN_1_2024 * 1440]);
    expect([...n.receivedTimed]).toEqual([YES, NO]);
    expect([...n.assessed]).toEqual([(MAR_5_2024 + 1) * 1440, NONE]);
    expect([...n.assessedTimed]).toEqual([NO, NO]);
    expect([...n.fromProfessional]).toEqual([YES, NO]);
    expect([...n.outcome]).toEqual([4, NONE]);
    expect([...n.preventiveConsidered]).toEqual([NONE, NONE]);

    const m = columns.measures;
    expect([...m.start]).toEqual([0, 1, 1]);
    expect([...m.kind]).toEqual([1]);
    expect([...m.startDate]).toEqual([MAR_5_2024]);
    expect([...m.urgent, ...m.consent, ...m.endDate]).toEqual([NO, NONE, NONE]);

    // A measure id is one number wherever it appears, so a plan or follow-up finds its measure by a number compare.
    expect([...columns.actionPlans.measure]).toEqual([m.measure[0]]);
    expect([...columns.actionPlans.date]).toEqual([FEB_29_2024]);
    const f = columns.followUps;
    expect([...f.start]).toEqual([0, 0, 2]);
    expect(f.measure[0]).not.toBe(m.measure[0]);
    expect(f.measure[1]).toBe(NONE);
    expect([...f.cadenceMonths]).toEqual([6, NONE]);
    expect([...columns.supervisionVisits.start]).toEqual([0, 0, 0]);
  });

  it('stores a choice by its stable code, never by its place in a list, and an unknown choice as empty', () => {
    // These numbers are on disk in every workspace: changing one would misread stored columns.
    expect(MEASURE_KIND_CODE).toEqual({ placement: 1, preventive: 2, safetyPlan: 3, youthSanction: 4, other: 5 });
    expect(OUTCOME_CODE).toEqual({ investigation: 1, preventive: 2, existingCase: 3, none: 4 });
    const columns = encodeColumns([{
      caseNumber: 'S-1',
      events: {
        measures: [{ id: 'a', kind: 'other', startDate: '2024-01-01' }, { id: 'b', kind: 'toString', startDate: '2024-01-01' }, { id: 'c', kind: '__proto__', startDate: '2024-01-01' }],
        notifications: [{ id: 'n', receivedAt: '2024-01-01', outcome: 'existingCase' }],
      },
    }]);
    expect([...columns.measures.kind]).toEqual([5, NONE, NONE]);
    expect([...columns.notifications.outcome]).toEqual([3]);
  });

  it('refuses a date that is not one, rather than read it as empty', () => {
    expect(() => encodeColumns([{ caseNumber: 'S-1', awareAt: '2024-13-01' }])).toThrow('Ugyldig dato i sagens data: "2024-13-01"');
    expect(() => encodeColumns([{ caseNumber: 'S-1', events: { notifications: [{ id: 'N', receivedAt: '2024-03-05Tkl:07' }] } }])).toThrow('Ugyldig dato');
  });

  it('reads a cadence that is not a whole number of months as empty', () => {
    const followUps = [1.5, 6, null].map((cadenceMonths, i) => ({ id: `O-${i}`, date: '2024-03-05', cadenceMonths }));
    expect([...encodeColumns([{ caseNumber: 'S-1', events: { followUps } }]).followUps.cadenceMonths]).toEqual([NONE, 6, NONE]);
  });
});
