import { describe, expect, it } from 'vitest';
import { decodeCase, encodeCase } from '../../src/db/case-codec';
import type { StoredCase } from '../../src/domain/records';
import { emptyEvents, type CaseBundle } from '../../src/domain/types';

const stored: CaseBundle = {
  caseNumber: 'S-7', cpr: '050324-xxxx', birthDate: '2024-03-05', unit: 'Nord', group: null, caseworker: 'AB',
  openedAt: '2024-03-10', closedAt: null, awareAt: null,
  events: {
    ...emptyEvents(),
    notifications: [{ id: 'N:S-7:2024-03-09T10:00:1', caseNumber: 'S-7', receivedAt: '2024-03-09T10:00', fromProfessional: false, assessedAt: null, acknowledgedAt: null, outcome: 'none', preventiveConsidered: null }],
    followUps: [{ id: 'O:S-7:2024-06-01:1', caseNumber: 'S-7', measureId: null, date: '2024-06-01', cadenceMonths: 0 }],
  },
};

describe('how a case is stored', () => {
  it('leaves out null fields, empty event tables and the repeated case number, but keeps false and 0', () => {
    expect(encodeCase(stored)).toEqual({
      caseNumber: 'S-7', cpr: '050324-xxxx', birthDate: '2024-03-05', unit: 'Nord', caseworker: 'AB', openedAt: '2024-03-10',
      events: {
        notifications: [{ id: 'N:S-7:2024-03-09T10:00:1', receivedAt: '2024-03-09T10:00', fromProfessional: false, outcome: 'none' }],
        followUps: [{ id: 'O:S-7:2024-06-01:1', date: '2024-06-01', cadenceMonths: 0 }],
      },
    });
  });

  it('reads back exactly the case that was written', () => {
    expect(decodeCase(encodeCase(stored))).toEqual(stored);
  });

  it('writes the same text for the same case whatever order its fields came in, and leaves out what is not case data', () => {
    const shuffled = Object.fromEntries(Object.entries(stored).reverse()) as unknown as CaseBundle;
    const withStorageFacts: StoredCase = { ...stored, revision: 7, missingSince: '2026-11-27' };
    expect(JSON.stringify(encodeCase(shuffled))).toBe(JSON.stringify(encodeCase(stored)));
    expect(JSON.stringify(encodeCase(withStorageFacts))).toBe(JSON.stringify(encodeCase(stored)));
    expect(JSON.stringify(encodeCase(stored)).startsWith('{"caseNumber":"S-7",')).toBe(true);
  });
});
