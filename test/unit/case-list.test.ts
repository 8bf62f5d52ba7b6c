import { describe, expect, it } from 'vitest';
import {
  caseTimeline, distinctValues, filterCases, NO_FILTER, sortCases, sortKey, summariseCase, type CaseSummary,
} from '../../src/domain/case-list';
import { emptyEvents, type CaseBundle, type CaseEvents } from '../../src/domain/types';

const bundle = (fields: Partial<CaseBundle> = {}, events: Partial<CaseEvents> = {}): CaseBundle => ({
  caseNumber: 'S-1', cpr: null, birthDate: null, unit: 'Nord', group: null, caseworker: 'AB',
  openedAt: null, closedAt: null, awareAt: null, ...fields, events: { ...emptyEvents(), ...events },
});

const summary = (fields: Partial<CaseSummary>): CaseSummary => {
  const caseNumber = fields.caseNumber ?? 'S-1';
  return { caseNumber, unit: 'Nord', group: null, caseworker: 'AB', openedAt: null, closedAt: null, status: 'active', events: 0, numberKey: sortKey(caseNumber), ...fields };
};

const numbers = (list: readonly CaseSummary[]) => list.map((c) => c.caseNumber);

describe('sortKey', () => {
  it.each([
    ['S-2', 's-000000000002'],
    ['S-0010', 's-000000000010'],
    ['Ærø', '{r|'],
    ['Åse Ødegård', '}se |deg}rd'],
    ['Émile', 'emile'],
  ])('turns %j into %j, whose plain string order is Danish natural order', (text, key) => {
    expect(sortKey(text)).toBe(key);
  });

  it('orders z before æ before ø before å, and S-9 before S-10', () => {
    const keys = ['å', 'z', 'ø', 'æ', 'S-10', 'S-9'].map(sortKey).sort();
    expect(keys).toEqual(['s-000000000009', 's-000000000010', 'z', '{', '|', '}']);
  });
});

describe('summariseCase', () => {
  it.each<[string, string | null, string | null, CaseSummary['status']]>([
    ['active when it has no closing date and is in the extract', null, null, 'active'],
    ['closed when it has a closing date', '2024-06-30', null, 'closed'],
    ['missing when the last extract no longer held it', null, '2026-11-27', 'missing'],
    ['missing rather than closed when both apply', '2024-06-30', '2026-11-27', 'missing'],
  ])('calls a case %s', (_name, closedAt, missingSince, status) => {
    expect(summariseCase({ ...bundle({ closedAt }), missingSince }).status).toBe(status);
  });

  it('counts the events of every table and copies the list columns', () => {
    const c = bundle({ caseNumber: 'S-7', unit: 'Syd', group: 'Unge', caseworker: 'Åse', openedAt: '2024-01-02' }, {
      notifications: [{ id: 'n1', caseNumber: 'S-7', receivedAt: '2024-01-01', fromProfessional: null, assessedAt: null, acknowledgedAt: null, outcome: null, preventiveConsidered: null }],
      followUps: [
        { id: 'o1', caseNumber: 'S-7', measureId: null, date: '2024-03-01', cadenceMonths: null },
        { id: 'o2', caseNumber: 'S-7', measureId: null, date: '2024-09-01', cadenceMonths: null },
      ],
      supervisionVisits: [{ id: 't1', caseNumber: 'S-7', date: '2024-05-01', childSeenAlone: true }],
    });
    expect(summariseCase({ ...c, missingSince: null })).toEqual({
      caseNumber: 'S-7', unit: 'Syd', group: 'Unge', caseworker: 'Åse', openedAt: '2024-01-02', closedAt: null, status: 'active', events: 4,
      numberKey: 's-000000000007',
    });
  });
});

describe('filterCases', () => {
  const list = [
    summary({ caseNumber: 'S-1', unit: 'Nord', caseworker: 'AB', group: 'Børn', status: 'active' }),
    summary({ caseNumber: 'S-10', unit: 'Syd', caseworker: 'AB', group: 'Unge', status: 'closed' }),
    summary({ caseNumber: 'ÆØÅ-3', unit: 'Nord', caseworker: 'CD', group: null, status: 'missing' }),
    summary({ caseNumber: 'X-2', unit: 'Syd', caseworker: 'CD', group: 'Børn', status: 'active' }),
  ];

  it.each<[string, Partial<typeof NO_FILTER>, string[]]>([
    ['no filter', {}, ['S-1', 'S-10', 'ÆØÅ-3', 'X-2']],
    ['unit', { unit: 'Nord' }, ['S-1', 'ÆØÅ-3']],
    ['caseworker', { caseworker: 'CD' }, ['ÆØÅ-3', 'X-2']],
    ['group', { group: 'Børn' }, ['S-1', 'X-2']],
    ['status', { status: 'missing' }, ['ÆØÅ-3']],
    ['text, any case', { text: 's-1' }, ['S-1', 'S-10']],
    ['text with spaces around it', { text: '  x-2 ' }, ['X-2']],
    ['text with Danish letters in another case', { text: 'æøå' }, ['ÆØÅ-3']],
    ['several filters at once', { unit: 'Syd', status: 'active' }, ['X-2']],
    ['a text no case number holds', { text: 'Nord' }, []],
  ])('filters by %s', (_name, filter, expected) => {
    expect(numbers(filterCases(list, { ...NO_FILTER, ...filter }))).toEqual(expected);
  });
});

describe('sortCases', () => {
  it('orders case numbers naturally: S-2 before S-10', () => {
    const list = ['S-10', 'S-2', 'S-1', 'S-100'].map((caseNumber) => summary({ caseNumber }));
    expect(numbers(sortCases(list, 'caseNumber', 'ascending'))).toEqual(['S-1', 'S-2', 'S-10', 'S-100']);
    expect(numbers(sortCases(list, 'caseNumber', 'descending'))).toEqual(['S-100', 'S-10', 'S-2', 'S-1']);
  });

  it('puts æ, ø and å after z, in that order', () => {
    const list = ['Åby', 'Zealand', 'Ørsted', 'Ærø', 'Anholt'].map((unit, i) => summary({ caseNumber: `S-${i}`, unit }));
    expect(sortCases(list, 'unit', 'ascending').map((c) => c.unit)).toEqual(['Anholt', 'Zealand', 'Ærø', 'Ørsted', 'Åby']);
    expect(sortCases(list, 'unit', 'descending').map((c) => c.unit)).toEqual(['Åby', 'Ørsted', 'Ærø', 'Zealand', 'Anholt']);
  });

  it('puts blanks last in both directions', () => {
    const list = [summary({ caseNumber: 'S-1', group: null }), summary({ caseNumber: 'S-2', group: 'Unge' }), summary({ caseNumber: 'S-3', group: 'Børn' })];
    expect(numbers(sortCases(list, 'group', 'ascending'))).toEqual(['S-3', 'S-2', 'S-1']);
    expect(numbers(sortCases(list, 'group', 'descending'))).toEqual(['S-2', 'S-3', 'S-1']);
  });

  it('sorts dates and event counts, and breaks ties by case number ascending', () => {
    const list = [
      summary({ caseNumber: 'S-3', openedAt: '2024-10-01', events: 2 }),
      summary({ caseNumber: 'S-1', openedAt: '2024-02-01', events: 10 }),
      summary({ caseNumber: 'S-2', openedAt: '2023-12-31', events: 2 }),
      summary({ caseNumber: 'S-4', openedAt: null, events: 0 }),
    ];
    expect(numbers(sortCases(list, 'openedAt', 'ascending'))).toEqual(['S-2', 'S-1', 'S-3', 'S-4']);
    expect(numbers(sortCases(list, 'openedAt', 'descending'))).toEqual(['S-3', 'S-1', 'S-2', 'S-4']);
    expect(numbers(sortCases(list, 'events', 'descending'))).toEqual(['S-1', 'S-2', 'S-3', 'S-4']);
    expect(numbers(sortCases(list, 'events', 'ascending'))).toEqual(['S-4', 'S-2', 'S-3', 'S-1']);
  });

  it('returns a sorted copy and leaves the list as it was', () => {
    const list = [summary({ caseNumber: 'S-2' }), summary({ caseNumber: 'S-1' })];
    sortCases(list, 'caseNumber', 'ascending');
    expect(numbers(list)).toEqual(['S-2', 'S-1']);
  });
});

describe('distinctValues', () => {
  it('lists each non-empty value once, in Danish order', () => {
    const list = ['Øst', 'Nord', 'Åby', 'Nord', 'Ærø', 'Syd'].map((unit, i) => summary({ caseNumber: `S-${i}`, unit, group: i % 2 ? 'Unge' : null }));
    expect(distinctValues(list, 'unit')).toEqual(['Nord', 'Syd', 'Ærø', 'Øst', 'Åby']);
    expect(distinctValues(list, 'group')).toEqual(['Unge']);
  });
});

describe('caseTimeline', () => {
  const c = bundle({ awareAt: '2024-01-10', openedAt: '2024-01-15', closedAt: null }, {
    notifications: [{
      id: 'n1', caseNumber: 'S-1', receivedAt: '2024-01-12T14:30', fromProfessional: true, assessedAt: '2024-01-13T09:00',
      acknowledgedAt: '2024-01-13', outcome: 'investigation', preventiveConsidered: null,
    }],
    investigations: [{ id: 'u1', caseNumber: 'S-1', startedAt: '2024-01-20', completedAt: '2024-05-20', interimAssessmentAt: null, recommendsPlacement: null }],
    measures: [
      {
        id: 'F:F-1', caseNumber: 'S-1', measureId: 'F-1', kind: 'placement', paragraph: 'BL § 46', consent: false, urgent: true,
        startDate: '2024-06-01', endDate: null, decisionDate: '2024-05-28', childConversationAt: '2024-05-27', conversationWaived: false,
        supporterOffered: null, parentsInformed: null, placementChoiceJustified: null, contactDecided: null, planSharedWithPlacement: null,
        managementApproved: null, planNeeded: null,
      },
      {
        id: 'F:F-2', caseNumber: 'S-1', measureId: 'F-2', kind: null, paragraph: null, consent: null, urgent: null,
        startDate: '2023-11-01', endDate: '2023-12-01', decisionDate: null, childConversationAt: null, conversationWaived: null,
        supporterOffered: true, parentsInformed: null, placementChoiceJustified: null, contactDecided: null, planSharedWithPlacement: null,
        managementApproved: null, planNeeded: null,
      },
    ],
    actionPlans: [{ id: 'h1', caseNumber: 'S-1', date: '2024-06-15', measureId: 'F-1', filed: true }],
    followUps: [{ id: 'o1', caseNumber: 'S-1', measureId: null, date: '2024-09-01', cadenceMonths: 6 }],
    supervisionVisits: [{ id: 't1', caseNumber: 'S-1', date: '2024-09-01', childSeenAlone: false }],
  });

  it('lists every dated step in date order with Danish labels and details, skipping unknown dates', () => {
    expect(caseTimeline(c)).toEqual([
      { at: '2023-11-01', label: 'Foranstaltning af ukendt type iværksat', details: ['id F-2', 'akut: ukendt', 'samtykke: ukendt'] },
      { at: '2023-12-01', label: 'Foranstaltning af ukendt type ophørt', details: ['id F-2'] },
      { at: '2024-01-10', label: 'Kommunen opmærksom på barnet', details: [] },
      { at: '2024-01-12T14:30', label: 'Underretning modtaget', details: ['fra fagperson: ja', 'udfald: undersøgelse'] },
      { at: '2024-01-13', label: 'Kvittering sendt til underretter', details: [] },
      { at: '2024-01-13T09:00', label: 'Underretning vurderet', details: [] },
      { at: '2024-01-15', label: 'Sagen oprettet', details: [] },
      { at: '2024-01-20', label: 'Børnefaglig undersøgelse påbegyndt', details: [] },
      { at: '2024-05-20', label: 'Børnefaglig undersøgelse afsluttet', details: ['peger på anbringelse: ukendt'] },
      { at: '2024-05-27', label: 'Børnesamtale (anbringelse)', details: [] },
      { at: '2024-05-28', label: 'Afgørelse om anbringelse', details: ['BL § 46', 'børnesamtale fravalgt med begrundelse: nej', 'bisidder vejledt: ukendt'] },
      { at: '2024-06-01', label: 'Anbringelse iværksat', details: ['id F-1', 'akut: ja', 'samtykke: nej'] },
      { at: '2024-06-15', label: 'Handleplan', details: ['journaliseret: ja', 'foranstaltning F-1'] },
      { at: '2024-09-01', label: 'Opfølgning', details: ['næste inden 6 måneder'] },
      { at: '2024-09-01', label: 'Personrettet tilsyn', details: ['samtale med barnet alene: nej'] },
    ]);
  });

  it('puts a date-only step before the timed steps of the same day, and timed steps by the clock', () => {
    const sameDay = bundle({ openedAt: '2024-03-05' }, {
      notifications: [
        { id: 'n1', caseNumber: 'S-1', receivedAt: '2024-03-05T23:59', fromProfessional: null, assessedAt: null, acknowledgedAt: null, outcome: null, preventiveConsidered: null },
        { id: 'n2', caseNumber: 'S-1', receivedAt: '2024-03-05T08:00', fromProfessional: null, assessedAt: '2024-03-05T10:00', acknowledgedAt: '2024-03-04', outcome: null, preventiveConsidered: null },
      ],
    });
    expect(caseTimeline(sameDay).map((e) => [e.at, e.label])).toEqual([
      ['2024-03-04', 'Kvittering sendt til underretter'],
      ['2024-03-05', 'Sagen oprettet'],
      ['2024-03-05T08:00', 'Underretning modtaget'],
      ['2024-03-05T10:00', 'Underretning vurderet'],
      ['2024-03-05T23:59', 'Underretning modtaget'],
    ]);
  });

  it('gives an empty timeline for a case with no dates', () => {
    expect(caseTimeline(bundle())).toEqual([]);
  });
});

describe('a list that comes already in case-number order', () => {
  it('keeps its order and is still a copy the page may change', () => {
    const inOrder = ['S-1', 'S-2', 'S-10'].map((caseNumber) => ({
      caseNumber, unit: 'Nord', group: null, caseworker: 'AB', openedAt: null, closedAt: null, status: 'active' as const, events: 0, numberKey: sortKey(caseNumber),
    }));
    const sorted = sortCases(inOrder, 'caseNumber', 'ascending');
    expect(sorted.map((c) => c.caseNumber)).toEqual(['S-1', 'S-2', 'S-10']);
    expect(sorted).not.toBe(inOrder);
    expect(sortCases(inOrder, 'caseNumber', 'descending').map((c) => c.caseNumber)).toEqual(['S-10', 'S-2', 'S-1']);
  });
});
