import { ResultTable } from '../../src/domain/rules/result-table';
import { describe, expect, it } from 'vitest';
import { screenCase, screenCases } from '../../src/domain/rules/evaluate';
import { CATALOG_VERSION } from '../../src/domain/rules/catalog';
import { DEFAULT_SETTINGS, ruleSetVersion } from '../../src/domain/rules/settings';
import { quarterOf, summariseByRule, summariseGroups } from '../../src/domain/rules/summary';
import type { RuleId, RuleResult, RuleStatus, ScreeningContext, ScreeningSettings } from '../../src/domain/rules/types';
import { emptyEvents, type Case, type CaseBundle, type EventTableName, type FollowUp, type Investigation, type Measure, type SupervisionVisit } from '../../src/domain/types';

// Expectations are worked out by hand from RULES.md; every date is written out.

const ALL_TABLES: EventTableName[] = ['notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits'];

type MeasureInput = Partial<Measure> & { startDate: string };
const measure = (over: MeasureInput): Measure => ({
  id: 'M1', caseNumber: 'S-1', measureId: 'M1', kind: null, paragraph: null, consent: null, urgent: null, endDate: null, decisionDate: null,
  childConversationAt: null, conversationWaived: null, supporterOffered: null, parentsInformed: null, placementChoiceJustified: null,
  contactDecided: null, planSharedWithPlacement: null, managementApproved: null, planNeeded: null, ...over,
});
const placement = (over: MeasureInput) => measure({ kind: 'placement', ...over });
let seq = 0;
const followUp = (date: string, over: Partial<FollowUp> = {}): FollowUp => ({ id: `F${++seq}`, caseNumber: 'S-1', measureId: null, date, cadenceMonths: null, ...over });
const visit = (date: string, childSeenAlone: boolean | null = true): SupervisionVisit => ({ id: `V${++seq}`, caseNumber: 'S-1', date, childSeenAlone });
const investigation = (startedAt: string | null, completedAt: string | null): Investigation =>
  ({ id: `U${++seq}`, caseNumber: 'S-1', startedAt, completedAt, interimAssessmentAt: null, recommendsPlacement: null });

function bundle(events: Partial<CaseBundle['events']> = {}, fields: Partial<Case> = {}): CaseBundle {
  return { caseNumber: 'S-1', cpr: null, birthDate: null, unit: 'Børnefamilieenhed Nord', group: null, caseworker: 'AB', openedAt: null, closedAt: null, awareAt: null, ...fields, events: { ...emptyEvents(), ...events } };
}
const ctx = (asOf: string, settings: Partial<ScreeningSettings> = {}, tables: EventTableName[] = ALL_TABLES): ScreeningContext =>
  ({ asOf, settings: { ...DEFAULT_SETTINGS, ...settings }, importedTables: new Set(tables) });
const of = (results: RuleResult[], ruleId: string) => results.filter((r) => r.ruleId === ruleId);
/** The one result of a rule for the case's single subject. */
function one(results: RuleResult[], ruleId: string): RuleResult {
  const found = of(results, ruleId);
  expect(found, `${ruleId} results`).toHaveLength(1);
  return found[0]!;
}
/** Out of scope: exactly one result for the subject, notApplicable, with a basis saying why (every rule lists every subject of its kind). */
function outOfScope(results: RuleResult[], ruleId: string, why: string) {
  expect(one(results, ruleId)).toMatchObject({ status: 'notApplicable', basis: why });
}

describe('SAMTALE_FOER_AFG: the conversation with the child before the decision', () => {
  it.each([
    { name: 'Barnets Lov § 5: meets when the conversation is held before the decision', m: { decisionDate: '2024-02-05', childConversationAt: '2024-02-01' }, want: { status: 'met', deadline: '2024-02-05', doneAt: '2024-02-01', regime: 'BL', legalRef: 'Barnets Lov § 5' } },
    { name: 'Barnets Lov § 5: meets when the conversation is held on the decision day itself', m: { decisionDate: '2024-02-05', childConversationAt: '2024-02-05' }, want: { status: 'met', deadline: '2024-02-05', doneAt: '2024-02-05' } },
    { name: 'Barnets Lov § 5: breaches when the conversation comes 1 day after the decision and was not waived', m: { decisionDate: '2024-02-05', childConversationAt: '2024-02-06', conversationWaived: false }, want: { status: 'breached', deadline: '2024-02-05', doneAt: '2024-02-06', daysLate: 1 } },
    { name: 'Barnets Lov § 5: met with exception when there was no conversation but it was waived with a reason', m: { decisionDate: '2024-02-05', conversationWaived: true }, want: { status: 'metWithException', deadline: '2024-02-05' } },
    { name: 'Barnets Lov § 5: met with exception when a late conversation was waived with a reason', m: { decisionDate: '2024-02-05', childConversationAt: '2024-02-20', conversationWaived: true }, want: { status: 'metWithException' } },
    { name: 'Barnets Lov § 5: breaches when there was no conversation and waived is nej', m: { decisionDate: '2024-02-05', conversationWaived: false }, want: { status: 'breached', deadline: '2024-02-05', doneAt: null } },
    { name: 'Serviceloven § 48: a decision on 31-12-2023 is judged under SEL even if the measure starts in 2024', m: { decisionDate: '2023-12-31', startDate: '2024-01-08', childConversationAt: '2023-12-20' }, want: { status: 'met', regime: 'SEL', legalRef: 'Serviceloven § 48' } },
    { name: 'Barnets Lov § 5: a decision on 01-01-2024 is judged under BL even if the measure started in 2023', m: { decisionDate: '2024-01-01', startDate: '2023-12-01', childConversationAt: '2023-12-28' }, want: { status: 'met', regime: 'BL', legalRef: 'Barnets Lov § 5' } },
    { name: 'not applicable to a measure without a decision date', m: { childConversationAt: '2024-02-01' }, want: { status: 'notApplicable' } },
  ])('$name', ({ m, want }) => {
    const r = one(screenCase(bundle({ measures: [measure({ kind: 'preventive', startDate: '2024-02-10', ...m })] }), ctx('2024-12-31')), 'SAMTALE_FOER_AFG');
    expect(r).toMatchObject(want);
  });

  it('Barnets Lov § 5: breaches when there was no conversation and "waived" is empty: no documented reason is non-compliance, deadline the decision 05-02-2024', () => {
    const r = one(screenCase(bundle({ measures: [measure({ kind: 'preventive', startDate: '2024-02-10', decisionDate: '2024-02-05' })] }), ctx('2024-12-31')), 'SAMTALE_FOER_AFG');
    expect(r).toMatchObject({ status: 'breached', deadline: '2024-02-05', doneAt: null, daysLate: null, regime: 'BL', legalRef: 'Barnets Lov § 5', trigger: '2024-02-05' });
    expect(r.missing).toBeUndefined();
    expect(r.basis).toBe('Ingen børnesamtale før afgørelsen 05-02-2024, og ingen begrundelse for at fravælge den er registreret.');
  });
  it('Serviceloven § 48: breaches a conversation 1 day after the decision 15-12-2023 with "waived" empty (daysLate 1)', () => {
    const r = one(screenCase(bundle({ measures: [measure({ kind: 'placement', startDate: '2023-12-20', decisionDate: '2023-12-15', childConversationAt: '2023-12-16' })] }), ctx('2024-12-31')), 'SAMTALE_FOER_AFG');
    expect(r).toMatchObject({ status: 'breached', deadline: '2023-12-15', doneAt: '2023-12-16', daysLate: 1, regime: 'SEL', legalRef: 'Serviceloven § 48' });
  });
  it('not applicable, with the reason, to a measure without a decision date even when its start date is empty too', () => {
    const r = one(screenCase(bundle({ measures: [measure({ kind: 'placement', startDate: null as unknown as string })] }), ctx('2024-12-31')), 'SAMTALE_FOER_AFG');
    expect(r).toMatchObject({ status: 'notApplicable', basis: 'Ingen afgørelsesdato.', regime: null, trigger: null });
  });
});

type YesNoRule = { rule: RuleId; field: keyof Measure; sel: string; bl: string; kinds: 'placement' | 'decision' };
const YES_NO: YesNoRule[] = [
  { rule: 'BISIDDER', field: 'supporterOffered', sel: 'Serviceloven § 48', bl: 'Barnets Lov § 6', kinds: 'decision' },
  { rule: 'FORAELDRE_VEJL', field: 'parentsInformed', sel: 'Serviceloven §§ 72–73', bl: 'Barnets Lov §§ 140–142', kinds: 'placement' },
  { rule: 'ANBR_STED', field: 'placementChoiceJustified', sel: 'Serviceloven § 68 a', bl: 'Barnets Lov § 67', kinds: 'placement' },
  { rule: 'SAMVAER', field: 'contactDecided', sel: 'Serviceloven § 71', bl: 'Barnets Lov §§ 103–105', kinds: 'placement' },
];

describe.each(YES_NO)('$rule: yes/no field measures.$field', ({ rule, field, sel, bl, kinds }) => {
  const screen = (m: MeasureInput) => screenCase(bundle({ measures: [placement({ decisionDate: '2024-03-01', ...m })] }), ctx('2024-12-31'));
  it.each([
    { value: true, status: 'met' },
    { value: false, status: 'breached' },
  ])(`${bl}: ${rule} is $status when ${field} is $value for a decision of 01-03-2024`, ({ value, status }) => {
    expect(one(screen({ startDate: '2024-03-04', [field]: value }), rule)).toMatchObject({ status, regime: 'BL', legalRef: bl });
  });
  it(`${bl}: ${rule} is unknown when ${field} is empty, naming measures.${field}`, () => {
    expect(one(screen({ startDate: '2024-03-04' }), rule)).toMatchObject({ status: 'unknown', missing: [`measures.${field}`] });
  });
  it(`${sel}: ${rule} follows the decision date 29-12-2023, not the start 02-01-2024`, () => {
    expect(one(screen({ decisionDate: '2023-12-29', startDate: '2024-01-02', [field]: true }), rule)).toMatchObject({ status: 'met', regime: 'SEL', legalRef: sel });
  });
  if (kinds === 'placement') {
    it(`${sel}: ${rule} falls back to the start date 31-12-2023 when there is no decision date`, () => {
      expect(one(screen({ decisionDate: null, startDate: '2023-12-31', [field]: true }), rule)).toMatchObject({ regime: 'SEL', legalRef: sel });
    });
    it(`${bl}: ${rule} is judged under BL from a start on 01-01-2024 without decision date`, () => {
      expect(one(screen({ decisionDate: null, startDate: '2024-01-01', [field]: true }), rule)).toMatchObject({ regime: 'BL', legalRef: bl });
    });
    it(`${rule} is unknown when the measure kind is empty, naming measures.kind`, () => {
      expect(one(screen({ kind: null, startDate: '2024-03-04', [field]: true }), rule)).toMatchObject({ status: 'unknown', missing: ['measures.kind'] });
    });
    it(`${rule} does not concern a preventive measure: notApplicable, "not a placement"`, () => outOfScope(screen({ kind: 'preventive', startDate: '2024-03-04', [field]: false }), rule, 'Foranstaltningen er ikke en anbringelse.'));
    it(`${rule} is unknown when both the decision and the start date are empty, naming both`, () => {
      const r = one(screen({ decisionDate: null, startDate: null as unknown as string, [field]: true }), rule);
      expect(r).toMatchObject({ status: 'unknown', regime: null, trigger: null, basis: 'Foranstaltningens afgørelsesdato og startdato mangler.' });
      expect(r.missing).toEqual(['measures.decisionDate', 'measures.startDate']);
    });
  } else {
    it(`${rule} does not concern a measure without a decision date: notApplicable`, () => outOfScope(screen({ decisionDate: null, startDate: '2024-03-04', [field]: false }), rule, 'Ingen afgørelsesdato.'));
  }
});

describe('FORAELDRE_VEJL: the basis says which guidance applies', () => {
  const screen = (m: MeasureInput) => one(screenCase(bundle({ measures: [placement(m)] }), ctx('2024-12-31')), 'FORAELDRE_VEJL');
  it.each([
    { name: 'Barnets Lov §§ 140–142: without consent (decision 01-03-2024) the parents must be told of §§ 140–142', m: { startDate: '2024-03-04', decisionDate: '2024-03-01', consent: false, parentsInformed: true }, status: 'met',
      basis: 'Anbringelse uden samtykke: forældrene skal vejledes om retten til advokatbistand og aktindsigt efter barnets lovs §§ 140–142; forældre vejledt: ja.' },
    { name: 'Serviceloven §§ 72–73: without consent (decision 15-11-2023) the parents must be told of §§ 72–73', m: { startDate: '2023-11-20', decisionDate: '2023-11-15', consent: false, parentsInformed: false }, status: 'breached',
      basis: 'Anbringelse uden samtykke: forældrene skal vejledes om retten til advokatbistand og aktindsigt efter servicelovens §§ 72–73; forældre vejledt: nej.' },
    { name: 'with consent the guidance is what makes the consent informed', m: { startDate: '2024-03-04', decisionDate: '2024-03-01', consent: true, parentsInformed: true }, status: 'met',
      basis: 'Anbringelse med samtykke: vejledningen skal sikre, at samtykket er informeret; forældre vejledt: ja.' },
    { name: 'with consent not stated the basis says which one applies is not known, and the status follows "vejledt" alone', m: { startDate: '2024-03-04', decisionDate: '2024-03-01', parentsInformed: true }, status: 'met',
      basis: 'Det er ikke oplyst, om anbringelsen er med samtykke, så det fremgår ikke, om vejledningen skal gælde barnets lovs §§ 140–142 (uden samtykke) eller det informerede samtykke; forældre vejledt: ja.' },
  ])('$name', ({ m, status, basis }) => {
    expect(screen(m)).toMatchObject({ status, basis });
  });
});

type DeadlineRow = { name: string; m: MeasureInput; fus?: FollowUp[]; invs?: Investigation[]; awareAt?: string; asOf: string; settings?: Partial<ScreeningSettings>; tables?: EventTableName[]; want: Partial<RuleResult> & { status: RuleStatus } };
const run = (rule: string, row: DeadlineRow) =>
  one(screenCase(bundle({ measures: [measure({ kind: 'placement', ...row.m })], followUps: row.fus ?? [], investigations: row.invs ?? [] }, { awareAt: row.awareAt ?? null }), ctx(row.asOf, row.settings, row.tables)), rule);

describe('OPF_FOERSTE: the first follow-up', () => {
  it.each<DeadlineRow>([
    { name: 'Barnets Lov § 95: meets OPF_FOERSTE when the first follow-up comes on the deadline day, 3 months after the start', m: { startDate: '2024-03-15' }, fus: [followUp('2024-06-15')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-06-15', doneAt: '2024-06-15', regime: 'BL', legalRef: 'Barnets Lov § 95' } },
    { name: 'Barnets Lov § 95: breaches OPF_FOERSTE when the first follow-up comes 3 months and 1 day after the start', m: { startDate: '2024-03-15' }, fus: [followUp('2024-06-16')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-06-15', doneAt: '2024-06-16', daysLate: 1 } },
    { name: 'Barnets Lov § 95: the earliest of several follow-ups is the first one', m: { startDate: '2024-03-15' }, fus: [followUp('2024-07-01'), followUp('2024-05-01')], asOf: '2024-12-31', want: { status: 'met', doneAt: '2024-05-01' } },
    { name: 'Barnets Lov § 95: pending with no follow-up when asOf is the deadline day', m: { startDate: '2024-03-15' }, asOf: '2024-06-15', want: { status: 'pending', deadline: '2024-06-15', doneAt: null } },
    { name: 'Barnets Lov § 95: breached with no follow-up when asOf is 1 day past the deadline', m: { startDate: '2024-03-15' }, asOf: '2024-06-16', want: { status: 'breached', deadline: '2024-06-15', doneAt: null } },
    { name: 'Barnets Lov § 95: also covers preventive measures', m: { kind: 'preventive', startDate: '2024-03-15' }, fus: [followUp('2024-06-15')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-06-15' } },
    { name: 'Serviceloven § 70: start 30-11-2023 + 3 months is 29-02-2024 (leap year), a follow-up that day is in time', m: { startDate: '2023-11-30' }, fus: [followUp('2024-02-29')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-02-29', regime: 'SEL', legalRef: 'Serviceloven § 70' } },
    { name: 'Serviceloven § 70: breaches when the follow-up comes on 01-03-2024 after a start on 30-11-2023', m: { startDate: '2023-11-30' }, fus: [followUp('2024-03-01')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-02-29', daysLate: 1 } },
    { name: 'Serviceloven § 70: start 30-11-2022 + 3 months is 28-02-2023 (no leap year), 01-03-2023 is 1 day late', m: { startDate: '2022-11-30' }, fus: [followUp('2023-03-01')], asOf: '2023-12-31', want: { status: 'breached', deadline: '2023-02-28', daysLate: 1 } },
    { name: 'Serviceloven § 70: a decision on 20-12-2023 keeps SEL for a start on 10-01-2024, so a running investigation does not shorten the deadline', m: { decisionDate: '2023-12-20', startDate: '2024-01-10' }, invs: [investigation('2023-11-01', '2024-02-01')], fus: [followUp('2024-04-10')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-04-10', regime: 'SEL', legalRef: 'Serviceloven § 70' } },
    { name: 'Barnets Lov § 95: a decision on 02-01-2024 gives BL for a start on 28-12-2023; the investigation completed 15-02-2024 is the deadline', m: { decisionDate: '2024-01-02', startDate: '2023-12-28' }, invs: [investigation('2023-12-01', '2024-02-15')], fus: [followUp('2024-02-16')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-02-15', daysLate: 1, regime: 'BL' } },
    { name: 'Barnets Lov § 95: an investigation started before the start and completed 10-04-2024 moves the deadline to 10-04-2024', m: { startDate: '2024-03-01' }, invs: [investigation('2024-02-01', '2024-04-10')], fus: [followUp('2024-04-10')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-04-10' } },
    { name: 'Barnets Lov § 95: breaches when the follow-up comes the day after that investigation was completed', m: { startDate: '2024-03-01' }, invs: [investigation('2024-02-01', '2024-04-10')], fus: [followUp('2024-04-11')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-04-10', doneAt: '2024-04-11', daysLate: 1 } },
    { name: 'Barnets Lov § 95: an investigation started on the start day itself counts', m: { startDate: '2024-03-01' }, invs: [investigation('2024-03-01', '2024-04-10')], fus: [followUp('2024-04-11')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-04-10' } },
    { name: 'Barnets Lov § 95: an investigation without start date counts from the case\u2019s awareness date 01-02-2024', m: { startDate: '2024-03-01' }, awareAt: '2024-02-01', invs: [investigation(null, '2024-04-10')], fus: [followUp('2024-04-11')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-04-10' } },
    { name: 'Barnets Lov § 95: an investigation started after the start does not shorten the 3 months', m: { startDate: '2024-03-01' }, invs: [investigation('2024-03-05', '2024-04-10')], fus: [followUp('2024-04-11')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-06-01' } },
    { name: 'Barnets Lov § 95: an investigation completed on the start day (not after it) does not count', m: { startDate: '2024-03-01' }, invs: [investigation('2024-01-10', '2024-03-01')], fus: [followUp('2024-04-11')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-06-01' } },
    { name: 'Barnets Lov § 95: an investigation completed after the 3 months leaves start + 3 months as the earlier date', m: { startDate: '2024-03-01' }, invs: [investigation('2024-02-01', '2024-07-01')], fus: [followUp('2024-06-01')], asOf: '2024-12-31', want: { status: 'met', deadline: '2024-06-01' } },
    { name: 'Barnets Lov § 95: a follow-up dated before the start does not count', m: { startDate: '2024-03-15' }, fus: [followUp('2024-03-14')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-06-15', doneAt: null } },
    { name: 'Barnets Lov § 95: a follow-up of another measure does not count', m: { startDate: '2024-03-15' }, fus: [followUp('2024-04-01', { measureId: 'M2' })], asOf: '2024-12-31', want: { status: 'breached', doneAt: null } },
    { name: 'Barnets Lov § 95: a follow-up naming this measure counts', m: { startDate: '2024-03-15' }, fus: [followUp('2024-04-01', { measureId: 'M1' })], asOf: '2024-12-31', want: { status: 'met', doneAt: '2024-04-01' } },
    { name: 'Barnets Lov § 95: not applicable when the measure ended 14-06-2024, before the deadline 15-06-2024', m: { startDate: '2024-03-15', endDate: '2024-06-14' }, asOf: '2024-12-31', want: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 95: a measure that ended on the deadline day still needed its follow-up', m: { startDate: '2024-03-15', endDate: '2024-06-15' }, asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-06-15' } },
    { name: 'Barnets Lov § 95: unknown when the measure kind is empty', m: { kind: null, startDate: '2024-03-15' }, fus: [followUp('2024-04-01')], asOf: '2024-12-31', want: { status: 'unknown', missing: ['measures.kind'] } },
  ])('$name', (row) => expect(run('OPF_FOERSTE', row)).toMatchObject(row.want));

  it('Barnets Lov § 95: unknown, not breached, when follow-ups were never imported', () => {
    const r = run('OPF_FOERSTE', { name: '', m: { startDate: '2024-03-15' }, asOf: '2024-12-31', tables: ['measures', 'investigations'], want: { status: 'unknown' } });
    expect(r.status).toBe('unknown');
    expect(r.missing?.some((k) => k.startsWith('followUps'))).toBe(true);
  });
  it('does not concern a safety plan: notApplicable', () =>
    outOfScope(screenCase(bundle({ measures: [measure({ kind: 'safetyPlan', startDate: '2024-03-15' })] }), ctx('2024-12-31')), 'OPF_FOERSTE', 'Foranstaltningen er hverken en anbringelse eller en forebyggende foranstaltning.'));
  it('Barnets Lov § 95: unknown, naming the start date, when a measure decided 01-03-2024 has no start date', () => {
    const r = run('OPF_FOERSTE', { name: '', m: { decisionDate: '2024-03-01', startDate: null as unknown as string }, fus: [followUp('2024-04-01')], asOf: '2024-12-31', want: { status: 'unknown' } });
    expect(r).toMatchObject({ status: 'unknown', missing: ['measures.startDate'], regime: 'BL', basis: 'Foranstaltningens startdato mangler.' });
  });
  it('Barnets Lov § 95: a follow-up without a date is no evidence: breached, overdue since 15-06-2024', () => {
    const r = run('OPF_FOERSTE', { name: '', m: { startDate: '2024-03-15' }, fus: [followUp(null as unknown as string)], asOf: '2024-12-31', want: { status: 'breached' } });
    expect(r).toMatchObject({ status: 'breached', deadline: '2024-06-15', doneAt: null });
  });
});

describe('OPF_LOEBENDE: follow-up at the decided interval', () => {
  it.each<DeadlineRow>([
    // A recurring duty: the interval follows the measure (SEL: decided before 2024), the citation the date checked or due.
    { name: 'Serviceloven § 70: met at asOf 31-12-2023 with follow-ups 15-03-2023 and 15-09-2023 (next due 15-03-2024), cited under SEL at asOf', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-15')], asOf: '2023-12-31', want: { status: 'met', deadline: '2024-03-15', doneAt: '2023-09-15', regime: 'SEL', legalRef: 'Serviceloven § 70', trigger: '2023-12-31' } },
    { name: 'Barnets Lov § 95 (SEL interval of 6 months): met with follow-ups exactly 6 months apart and asOf 15-03-2024 exactly 6 months after the last, cited at asOf', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-15')], asOf: '2024-03-15', want: { status: 'met', deadline: '2024-03-15', regime: 'BL', legalRef: 'Barnets Lov § 95', trigger: '2024-03-15' } },
    { name: 'Serviceloven § 70: breached when the second follow-up comes 6 months and 1 day after the first (due 15-09-2023, came 16-09-2023)', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-16')], asOf: '2023-10-01', want: { status: 'breached', deadline: '2023-09-15', doneAt: '2023-09-16', daysLate: 1, regime: 'SEL', trigger: '2023-09-15' } },
    { name: 'Barnets Lov § 95: a SEL measure whose follow-up due 15-03-2024 is missing at asOf 16-03-2024 is cited under BL, 1 day late', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-15')], asOf: '2024-03-16', want: { status: 'breached', deadline: '2024-03-15', doneAt: null, daysLate: 1, regime: 'BL', legalRef: 'Barnets Lov § 95', trigger: '2024-03-15' } },
    { name: 'Barnets Lov § 95: SEL uses 6 months even when a 3-month cadence is recorded (met at asOf 15-03-2024, cited under BL)', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15', { cadenceMonths: 3 }), followUp('2023-09-15')], asOf: '2024-03-15', want: { status: 'met', deadline: '2024-03-15', regime: 'BL' } },
    { name: 'Barnets Lov § 95: a placement from 2020 keeps the SEL interval of 6 months (not the 3-month cadence), and its late 2025 follow-up cites BL: due 01-12-2024, came 15-01-2025, 45 days late', m: { startDate: '2020-05-01' }, fus: [followUp('2024-06-01', { cadenceMonths: 3 }), followUp('2025-01-15')], asOf: '2025-06-30', want: { status: 'breached', deadline: '2024-12-01', doneAt: '2025-01-15', daysLate: 45, regime: 'BL', legalRef: 'Barnets Lov § 95', trigger: '2024-12-01' } },
    { name: 'Serviceloven § 70: a measure that ended 30-06-2023, before its next follow-up was due (15-09-2023), is met and cited at its end', m: { startDate: '2023-01-10', endDate: '2023-06-30' }, fus: [followUp('2023-03-15')], asOf: '2024-06-30', want: { status: 'met', deadline: '2023-09-15', regime: 'SEL', trigger: '2023-06-30' } },
    { name: 'Barnets Lov § 95: met with the 3-month cadence decided at the first follow-up, kept to the day', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10', { cadenceMonths: 3 }), followUp('2024-05-10')], asOf: '2024-08-10', want: { status: 'met', regime: 'BL', legalRef: 'Barnets Lov § 95' } },
    { name: 'Barnets Lov § 95: breached when a follow-up comes 3 months and 1 day after the previous one under a 3-month cadence', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10', { cadenceMonths: 3 }), followUp('2024-05-11')], asOf: '2024-06-01', want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: the cadence of the first follow-up applies, not a later one\u2019s 12 months', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10', { cadenceMonths: 3 }), followUp('2024-05-10', { cadenceMonths: 12 })], asOf: '2024-08-11', want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: the workspace standard of 6 months applies when no cadence was decided (met on the last day)', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10')], asOf: '2024-08-10', want: { status: 'met' } },
    { name: 'Barnets Lov § 95: the workspace standard of 6 months is breached 1 day later', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10')], asOf: '2024-08-11', want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: a workspace standard changed to 4 months is met on 10-06-2024', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10')], asOf: '2024-06-10', settings: { params: { OPF_LOEBENDE: { defaultCadenceMonths: 4 } } }, want: { status: 'met' } },
    { name: 'Barnets Lov § 95: a workspace standard changed to 4 months is breached on 11-06-2024', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10')], asOf: '2024-06-11', settings: { params: { OPF_LOEBENDE: { defaultCadenceMonths: 4 } } }, want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: follow-up 31-08-2024 + 6 months = 28-02-2025, so asOf 28-02-2025 is in time', m: { startDate: '2024-08-01' }, fus: [followUp('2024-08-31')], asOf: '2025-02-28', want: { status: 'met' } },
    { name: 'Barnets Lov § 95: follow-up 31-08-2024 + 6 months = 28-02-2025, so asOf 01-03-2025 is late', m: { startDate: '2024-08-01' }, fus: [followUp('2024-08-31')], asOf: '2025-03-01', want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: a measure that ended 01-08-2024, within 6 months of the last follow-up, is met even at asOf 31-12-2024', m: { startDate: '2024-01-10', endDate: '2024-08-01' }, fus: [followUp('2024-02-10')], asOf: '2024-12-31', want: { status: 'met' } },
    { name: 'Barnets Lov § 95: a measure that ended 11-08-2024, 6 months and 1 day after the last follow-up, is breached', m: { startDate: '2024-01-10', endDate: '2024-08-11' }, fus: [followUp('2024-02-10')], asOf: '2024-12-31', want: { status: 'breached' } },
    { name: 'Barnets Lov § 95: not applicable when there is no follow-up yet', m: { startDate: '2024-01-10' }, asOf: '2024-12-31', want: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 95: not applicable when the only follow-up is dated before the start', m: { startDate: '2024-01-10' }, fus: [followUp('2024-01-09')], asOf: '2024-12-31', want: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 95: not applicable when the only follow-up has no date (no evidence of a follow-up)', m: { startDate: '2024-01-10' }, fus: [followUp(null as unknown as string)], asOf: '2024-12-31', want: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 95: a follow-up without a date between two others is skipped: 10-02-2024 → 10-08-2024 is the gap, 6 months exactly (met)', m: { startDate: '2024-01-10' }, fus: [followUp('2024-02-10'), followUp(null as unknown as string), followUp('2024-08-10')], asOf: '2024-12-31', want: { status: 'met', deadline: '2025-02-10', doneAt: '2024-08-10' } },
    { name: 'unknown, naming the start date, when the measure has a decision 01-03-2024 but no start date', m: { decisionDate: '2024-03-01', startDate: null as unknown as string }, fus: [followUp('2024-04-01')], asOf: '2024-12-31', want: { status: 'unknown', missing: ['measures.startDate'] } },
    { name: 'Barnets Lov § 95: unknown when the measure kind is empty', m: { kind: null, startDate: '2024-01-10' }, fus: [followUp('2024-02-10')], asOf: '2024-03-01', want: { status: 'unknown', missing: ['measures.kind'] } },
    { name: 'Barnets Lov § 95: unknown when follow-ups were never imported', m: { startDate: '2024-01-10' }, asOf: '2024-12-31', tables: ['measures'], want: { status: 'unknown' } },
  ])('$name', (row) => expect(run('OPF_LOEBENDE', row)).toMatchObject(row.want));

  it('Barnets Lov § 95: the basis says "kommunens standard" when no cadence was decided, and not when one was', () => {
    const m = { startDate: '2024-01-10' };
    expect(run('OPF_LOEBENDE', { name: '', m, fus: [followUp('2024-02-10')], asOf: '2024-03-01', want: { status: 'met' } }).basis).toContain('kommunens standard');
    expect(run('OPF_LOEBENDE', { name: '', m, fus: [followUp('2024-02-10', { cadenceMonths: 3 })], asOf: '2024-03-01', want: { status: 'met' } }).basis).not.toContain('kommunens standard');
  });
});

type VisitRow = { name: string; m: MeasureInput; visits: SupervisionVisit[]; asOf: string; window?: 'rolling' | 'calendarYear'; tables?: EventTableName[]; want: Partial<RuleResult> & { status: RuleStatus } };
const SUPERVISION_BL = { regime: 'BL', legalRef: 'Barnets Lov § 156, stk. 5' } as const;
const SUPERVISION_SEL = { regime: 'SEL', legalRef: 'Serviceloven § 148' } as const;
describe('TILSYN_2X: supervision visits at least twice a year', () => {
  // A recurring duty: cited under the law in force at b, the end of the placed part of the window;
  // the deadline is the next visit due, 6 months after the last visit from a to asOf (else the start).
  const since2020 = { startDate: '2020-05-01' };
  it.each<VisitRow>([
    // Rolling window W = [asOf − 12 months, asOf]
    { name: 'Barnets Lov § 156, stk. 5: a placement since 2020 with 2 visits on the first and last day of the window 30-06-2023–30-06-2024 is met, cited at b = 30-06-2024; next visit 30-06-2024 + 6 months = 30-12-2024', m: since2020, visits: [visit('2023-06-30'), visit('2024-06-30')], asOf: '2024-06-30', want: { status: 'met', deadline: '2024-12-30', doneAt: '2024-06-30', daysLate: null, trigger: '2024-06-30', ...SUPERVISION_BL } },
    { name: 'Serviceloven § 148: at asOf 31-12-2023 (W = 31-12-2022–31-12-2023) visits 01-03-2023 and 01-09-2023 meet the 2 required, cited under SEL; next visit 01-03-2024', m: since2020, visits: [visit('2023-03-01'), visit('2023-09-01')], asOf: '2023-12-31', want: { status: 'met', deadline: '2024-03-01', doneAt: '2023-09-01', trigger: '2023-12-31', ...SUPERVISION_SEL } },
    { name: 'breached when one of 2 visits falls on 29-06-2023, the day before the rolling window; the next visit is still due 6 months after 30-06-2024', m: since2020, visits: [visit('2023-06-29'), visit('2024-06-30')], asOf: '2024-06-30', want: { status: 'breached', deadline: '2024-12-30', doneAt: '2024-06-30', ...SUPERVISION_BL } },
    { name: 'a visit after asOf is not counted, nor used for the next visit: 15-01-2024 + 6 months = 15-07-2024', m: since2020, visits: [visit('2024-01-15'), visit('2024-07-01')], asOf: '2024-06-30', want: { status: 'breached', deadline: '2024-07-15', doneAt: '2024-01-15' } },
    { name: 'placed from 31-12-2023, half a year (to 30-06-2024) requires 1 visit; 01-03-2024 meets it, next due 01-09-2024', m: { startDate: '2023-12-31' }, visits: [visit('2024-03-01')], asOf: '2024-06-30', want: { status: 'met', deadline: '2024-09-01', ...SUPERVISION_BL } },
    { name: 'placed from 31-12-2023, a visit on 30-12-2023 before the start is not counted; with no visit the next was due start + 6 months = 30-06-2024', m: { startDate: '2023-12-31' }, visits: [visit('2023-12-30')], asOf: '2024-06-30', want: { status: 'breached', deadline: '2024-06-30', doneAt: null } },
    { name: 'placed from 31-10-2023 without any visit: 1 required (31-10-2023 + 6 months = 30-04-2024 ≤ asOf), the next visit overdue since 30-04-2024', m: { startDate: '2023-10-31' }, visits: [], asOf: '2024-06-30', want: { status: 'breached', deadline: '2024-04-30', doneAt: null } },
    { name: 'not applicable when placed from 01-01-2024, less than half a year before asOf 30-06-2024 (01-01-2024 + 6 months = 01-07-2024)', m: { startDate: '2024-01-01' }, visits: [], asOf: '2024-06-30', want: { status: 'notApplicable', deadline: null, trigger: '2024-06-30', ...SUPERVISION_BL } },
    { name: 'placement ended 31-03-2024 requires 1 visit in 30-06-2023–31-03-2024; one on 15-04-2024 does not count, and no next visit is due (deadline empty)', m: { ...since2020, endDate: '2024-03-31' }, visits: [visit('2024-04-15')], asOf: '2024-06-30', want: { status: 'breached', deadline: null, doneAt: null, trigger: '2024-03-31', ...SUPERVISION_BL } },
    { name: 'placement ended 31-03-2024, a visit on the end day counts', m: { ...since2020, endDate: '2024-03-31' }, visits: [visit('2024-03-31')], asOf: '2024-06-30', want: { status: 'met', deadline: null, doneAt: '2024-03-31' } },
    { name: 'Serviceloven § 148: a placement ended 31-12-2023 is cited at its end: a = 30-06-2023, a + 6 months = 30-12-2023 ≤ b → 1 visit; 01-08-2023 meets it', m: { ...since2020, endDate: '2023-12-31' }, visits: [visit('2023-08-01')], asOf: '2024-06-30', want: { status: 'met', deadline: null, trigger: '2023-12-31', ...SUPERVISION_SEL } },
    { name: 'a placement ending on asOf 30-06-2024 needs no further visit (deadline empty)', m: { ...since2020, endDate: '2024-06-30' }, visits: [visit('2023-09-01'), visit('2024-03-01')], asOf: '2024-06-30', want: { status: 'met', deadline: null } },
    { name: 'a placement ending 01-07-2024, after asOf, still has its next visit due: 01-03-2024 + 6 months = 01-09-2024', m: { ...since2020, endDate: '2024-07-01' }, visits: [visit('2023-09-01'), visit('2024-03-01')], asOf: '2024-06-30', want: { status: 'met', deadline: '2024-09-01' } },
    { name: 'the next visit after one on 31-08-2024 is due 28-02-2025 (month end)', m: since2020, visits: [visit('2024-03-01'), visit('2024-08-31')], asOf: '2024-12-31', want: { status: 'met', deadline: '2025-02-28', doneAt: '2024-08-31' } },
    { name: 'a visit without a date is not counted (breached, 1 of 2)', m: since2020, visits: [visit('2024-03-01'), visit(null as unknown as string)], asOf: '2024-06-30', want: { status: 'breached', deadline: '2024-09-01', doneAt: '2024-03-01' } },
    { name: 'asOf 29-02-2024 gives the window 28-02-2023–29-02-2024; visits on both ends meet it', m: since2020, visits: [visit('2023-02-28'), visit('2024-02-29')], asOf: '2024-02-29', want: { status: 'met', deadline: '2024-08-29' } },
    { name: 'asOf 29-02-2024, a visit on 27-02-2023 is outside the window', m: since2020, visits: [visit('2023-02-27'), visit('2024-02-29')], asOf: '2024-02-29', want: { status: 'breached' } },
    { name: 'rolling window to 31-12-2024 requires 2 visits, so 1 visit is breached', m: since2020, visits: [visit('2024-05-01')], asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-11-01' } },
    { name: 'placed 01-01-2024, window 30-06-2024–30-06-2025 requires 2 visits', m: { startDate: '2024-01-01' }, visits: [visit('2024-07-01'), visit('2025-06-30')], asOf: '2025-06-30', want: { status: 'met', deadline: '2025-12-30', ...SUPERVISION_BL } },
    // Calendar year: the last complete year before asOf, or asOf's own when asOf is 31-12
    { name: 'calendar year: at asOf 30-06-2024 the year judged is 2023; placed all of it → 2 visits; 01-03-2023 and 01-10-2023 meet it, cited under SEL at 31-12-2023; next visit 01-04-2024', m: since2020, visits: [visit('2023-03-01'), visit('2023-10-01')], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'met', deadline: '2024-04-01', doneAt: '2023-10-01', trigger: '2023-12-31', ...SUPERVISION_SEL } },
    { name: 'calendar year: at asOf 30-06-2024 one visit in 2023 (01-05-2023) is 1 of 2; the visit 01-03-2024 does not count for 2023 but sets the next visit: 01-09-2024', m: since2020, visits: [visit('2023-05-01'), visit('2024-03-01')], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'breached', deadline: '2024-09-01', doneAt: '2023-05-01', ...SUPERVISION_SEL } },
    { name: 'calendar year: asOf 31-12-2024 judges 2024 itself: visits 01-01-2024 and 31-12-2024 meet the 2 required, cited under BL; next visit 30-06-2025', m: since2020, visits: [visit('2024-01-01'), visit('2024-12-31')], asOf: '2024-12-31', window: 'calendarYear', want: { status: 'met', deadline: '2025-06-30', doneAt: '2024-12-31', trigger: '2024-12-31', ...SUPERVISION_BL } },
    { name: 'calendar year: asOf 30-12-2024 still judges 2023, with no visit in it → breached (2 required)', m: since2020, visits: [visit('2024-01-01'), visit('2024-12-30')], asOf: '2024-12-30', window: 'calendarYear', want: { status: 'breached', deadline: '2025-06-30', doneAt: null, trigger: '2023-12-31', ...SUPERVISION_SEL } },
    { name: 'calendar year: placed from 02-01-2023, not the whole of 2023 → 1 visit required; 01-06-2023 meets it', m: { startDate: '2023-01-02' }, visits: [visit('2023-06-01')], asOf: '2024-01-15', window: 'calendarYear', want: { status: 'met', deadline: '2023-12-01' } },
    { name: 'calendar year: placed from 01-07-2023, the 6 months July–December 2023 → 1 visit required; 01-11-2023 meets it', m: { startDate: '2023-07-01' }, visits: [visit('2023-11-01')], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'met', deadline: '2024-05-01', trigger: '2023-12-31' } },
    { name: 'calendar year: placed from 02-07-2023, less than 6 months of 2023 → not applicable', m: { startDate: '2023-07-02' }, visits: [visit('2023-11-01')], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'notApplicable', trigger: '2023-12-31' } },
    { name: 'calendar year: placed since 2020 and ended 30-06-2023, the 6 months January–June 2023 → 1 visit required; 01-02-2023 meets it, no next visit', m: { ...since2020, endDate: '2023-06-30' }, visits: [visit('2023-02-01')], asOf: '2024-01-15', window: 'calendarYear', want: { status: 'met', deadline: null, trigger: '2023-06-30', ...SUPERVISION_SEL } },
    { name: 'calendar year: ended 29-06-2023, less than 6 months of 2023 → not applicable', m: { ...since2020, endDate: '2023-06-29' }, visits: [], asOf: '2024-01-15', window: 'calendarYear', want: { status: 'notApplicable' } },
    { name: 'calendar year: a placement started in 2024 is not judged for 2023 at asOf 30-06-2024', m: { startDate: '2024-01-01' }, visits: [], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'notApplicable' } },
    // Missing data
    { name: 'unknown when supervision visits were never imported', m: since2020, visits: [], asOf: '2024-06-30', tables: ['measures'], want: { status: 'unknown', missing: ['supervisionVisits'] } },
    { name: 'unknown when the measure kind is empty', m: { ...since2020, kind: null }, visits: [visit('2024-01-15')], asOf: '2024-06-30', want: { status: 'unknown', missing: ['measures.kind'] } },
    { name: 'unknown, not breached, when the placement has no start date (decision 01-03-2020)', m: { decisionDate: '2020-03-01', startDate: null as unknown as string }, visits: [], asOf: '2024-06-30', want: { status: 'unknown', deadline: null, missing: ['measures.startDate'] } },
  ])('$name', ({ m, visits, asOf, window, tables, want }) => {
    const results = screenCase(bundle({ measures: [placement(m)], supervisionVisits: visits }), ctx(asOf, { supervisionWindow: window ?? 'rolling' }, tables));
    expect(one(results, 'TILSYN_2X')).toMatchObject(want);
  });
  it('does not concern a preventive measure: notApplicable', () =>
    outOfScope(screenCase(bundle({ measures: [measure({ kind: 'preventive', startDate: '2020-05-01' })] }), ctx('2024-06-30')), 'TILSYN_2X', 'Foranstaltningen er ikke en anbringelse.'));
});

describe('TILSYN_SAMTALE: the child seen alone at each visit', () => {
  it.each([
    { name: 'Barnets Lov § 156, stk. 5: met for a visit on 01-01-2024 with the child seen alone', date: '2024-01-01', alone: true, want: { status: 'met', regime: 'BL', legalRef: 'Barnets Lov § 156, stk. 5' } },
    { name: 'Serviceloven § 148: breached for a visit on 31-12-2023 without the child seen alone', date: '2023-12-31', alone: false, want: { status: 'breached', regime: 'SEL', legalRef: 'Serviceloven § 148' } },
    { name: 'Barnets Lov § 156, stk. 5: unknown when "seen alone" is empty, naming the field', date: '2024-04-02', alone: null, want: { status: 'unknown', missing: ['supervisionVisits.childSeenAlone'] } },
    { name: 'unknown, naming the date, when the visit has no date (no law to cite)', date: null as unknown as string, alone: true, want: { status: 'unknown', regime: null, missing: ['supervisionVisits.date'] } },
    { name: 'unknown, naming both fields, when the visit has neither date nor "seen alone"', date: null as unknown as string, alone: null, want: { status: 'unknown', missing: ['supervisionVisits.date', 'supervisionVisits.childSeenAlone'] } },
  ])('$name', ({ date, alone, want }) => {
    expect(one(screenCase(bundle({ supervisionVisits: [visit(date, alone)] }), ctx('2024-12-31')), 'TILSYN_SAMTALE')).toMatchObject(want);
  });
});

describe('SIKPLAN_GODKENDT and SIKPLAN_VARIGHED: safety plans (lokal standard)', () => {
  const safety = (m: MeasureInput) => bundle({ measures: [measure({ kind: 'safetyPlan', ...m })] });
  it.each([
    { name: 'met when approved and decided on the start day', m: { managementApproved: true, decisionDate: '2024-03-01' }, want: { status: 'met' } },
    { name: 'met when approved and decided the day before the start', m: { managementApproved: true, decisionDate: '2024-02-29' }, want: { status: 'met' } },
    { name: 'breached when management did not approve, even without a decision date', m: { managementApproved: false }, want: { status: 'breached' } },
    { name: 'breached when decided 1 day after the start, even with approval empty', m: { decisionDate: '2024-03-02' }, want: { status: 'breached' } },
    { name: 'unknown when approval is empty', m: { decisionDate: '2024-03-01' }, want: { status: 'unknown', missing: ['measures.managementApproved'], basis: 'Ledelsens godkendelse er ikke oplyst.' } },
    { name: 'unknown when the decision date is empty', m: { managementApproved: true }, want: { status: 'unknown', missing: ['measures.decisionDate'] } },
    { name: 'unknown, not breached, when the start date is empty (decided 01-03-2024, approved)', m: { startDate: null as unknown as string, managementApproved: true, decisionDate: '2024-03-01' }, want: { status: 'unknown', missing: ['measures.startDate'] } },
    { name: 'breached when not approved, even with the start date empty', m: { startDate: null as unknown as string, managementApproved: false, decisionDate: '2024-03-01' }, want: { status: 'breached', deadline: null } },
    { name: 'unknown, naming both dates, when a refusal has neither decision nor start date (no law to cite)', m: { startDate: null as unknown as string, managementApproved: false }, want: { status: 'unknown', regime: null, missing: ['measures.decisionDate', 'measures.startDate'] } },
    { name: 'unknown, naming all three fields, when approval, decision and start date are all empty', m: { startDate: null as unknown as string }, want: { status: 'unknown', missing: ['measures.managementApproved', 'measures.decisionDate', 'measures.startDate'], basis: 'Ledelsens godkendelse, afgørelsesdatoen og startdatoen er ikke oplyst.' } },
  ])('lokal standard: SIKPLAN_GODKENDT is $name', ({ m, want }) => {
    const r = one(screenCase(safety({ startDate: '2024-03-01', ...m }), ctx('2024-12-31')), 'SIKPLAN_GODKENDT');
    expect(r).toMatchObject(want);
    expect(r.legalRef.startsWith('lokal standard')).toBe(true);
  });
  it('lokal standard: SIKPLAN_GODKENDT is unknown naming both fields when both are empty', () => {
    expect([...(one(screenCase(safety({ startDate: '2024-03-01' }), ctx('2024-12-31')), 'SIKPLAN_GODKENDT').missing ?? [])].sort()).toEqual(['measures.decisionDate', 'measures.managementApproved']);
  });

  it.each<DeadlineRow>([
    { name: 'met when a plan from 30-11-2023 ends on 29-02-2024, 3 months later (leap year)', m: { startDate: '2023-11-30', endDate: '2024-02-29' }, asOf: '2024-12-31', want: { status: 'met', deadline: '2024-02-29', doneAt: '2024-02-29' } },
    { name: 'breached when a plan from 30-11-2023 ends on 01-03-2024', m: { startDate: '2023-11-30', endDate: '2024-03-01' }, asOf: '2024-12-31', want: { status: 'breached', deadline: '2024-02-29', doneAt: '2024-03-01', daysLate: 1 } },
    { name: 'breached when a plan from 30-11-2022 ends on 01-03-2023 (28-02-2023 was the last day)', m: { startDate: '2022-11-30', endDate: '2023-03-01' }, asOf: '2023-12-31', want: { status: 'breached', deadline: '2023-02-28', daysLate: 1 } },
    { name: 'pending when still active on the deadline day', m: { startDate: '2024-03-15' }, asOf: '2024-06-15', want: { status: 'pending', deadline: '2024-06-15', doneAt: null } },
    { name: 'breached when still active 1 day past the deadline', m: { startDate: '2024-03-15' }, asOf: '2024-06-16', want: { status: 'breached', deadline: '2024-06-15', doneAt: null } },
    { name: 'met with the default 3 months for a plan from 31-12-2023 ending 01-03-2024', m: { startDate: '2023-12-31', endDate: '2024-03-01' }, asOf: '2024-12-31', want: { status: 'met', deadline: '2024-03-31' } },
    { name: 'breached with a 2-month maximum for a plan from 31-12-2023 ending 01-03-2024', m: { startDate: '2023-12-31', endDate: '2024-03-01' }, asOf: '2024-12-31', settings: { params: { SIKPLAN_VARIGHED: { maxMonths: 2 } } }, want: { status: 'breached', deadline: '2024-02-29', daysLate: 1 } },
    { name: 'unknown when the measure kind is empty', m: { kind: null, startDate: '2024-03-15' }, asOf: '2024-12-31', want: { status: 'unknown', missing: ['measures.kind'] } },
    { name: 'unknown, not breached, when the start date is empty', m: { startDate: null as unknown as string, decisionDate: '2024-03-15' }, asOf: '2024-12-31', want: { status: 'unknown', deadline: null, missing: ['measures.startDate'] } },
  ])('lokal standard: SIKPLAN_VARIGHED is $name', (row) => {
    const r = one(screenCase(safety(row.m), ctx(row.asOf, row.settings)), 'SIKPLAN_VARIGHED');
    expect(r).toMatchObject(row.want);
    if (row.m.kind !== null) expect(r.legalRef.startsWith('lokal standard')).toBe(true);
  });
  it('safety-plan rules do not concern a placement: notApplicable', () => {
    const results = screenCase(bundle({ measures: [placement({ startDate: '2024-03-01' })] }), ctx('2024-12-31'));
    outOfScope(results, 'SIKPLAN_GODKENDT', 'Foranstaltningen er ikke en sikkerhedsplan.');
    outOfScope(results, 'SIKPLAN_VARIGHED', 'Foranstaltningen er ikke en sikkerhedsplan.');
  });
});

describe('settings: switching rules off, local standards, rule-set version', () => {
  const c = bundle({
    measures: [placement({ startDate: '2024-01-10', decisionDate: '2024-01-08', contactDecided: true })],
    investigations: [investigation('2024-01-10', '2024-04-15')],
    followUps: [followUp('2024-03-15')],
  });
  it('switching SAMVAER off removes its results and leaves the other rules', () => {
    const results = screenCase(c, ctx('2024-12-31', { enabled: { SAMVAER: false } }));
    expect(of(results, 'SAMVAER')).toEqual([]);
    expect(of(results, 'ANBR_STED')).toHaveLength(1);
    expect(of(screenCase(c, ctx('2024-12-31')), 'SAMVAER')).toHaveLength(1);
  });
  it('a local standard "Undersøgelse inden 3 måneder" gives its own results labelled lokal standard: investigation 10-01-2024 → 15-04-2024 is 5 days late', () => {
    const results = screenCases([c], ctx('2024-12-31', { localStandards: [{ id: 'BFU_3M', baseRuleId: 'BFU_4M', name: 'Undersøgelse inden 3 måneder', params: { months: 3 } }] }));
    expect(one(results, 'BFU_4M')).toMatchObject({ status: 'met', deadline: '2024-05-10', legalRef: 'Barnets Lov § 20' });
    const local = one(results, 'BFU_3M');
    expect(local).toMatchObject({ status: 'breached', deadline: '2024-04-10', doneAt: '2024-04-15', daysLate: 5, regime: 'BL' });
    expect(local.legalRef.startsWith('lokal standard')).toBe(true);
  });
  it('a local standard first follow-up within 2 months (from 10-01-2024: 10-03-2024) is breached by a follow-up on 15-03-2024 while § 95 is met', () => {
    const results = screenCase(c, ctx('2024-12-31', { localStandards: [{ id: 'OPF_2M', baseRuleId: 'OPF_FOERSTE', name: 'Første opfølgning inden 2 måneder', params: { months: 2 } }] }));
    expect(one(results, 'OPF_FOERSTE')).toMatchObject({ status: 'met', deadline: '2024-04-10' });
    expect(one(results, 'OPF_2M')).toMatchObject({ status: 'breached', deadline: '2024-03-10', daysLate: 5 });
    expect(one(results, 'OPF_2M').legalRef.startsWith('lokal standard')).toBe(true);
  });
  it('the rule-set version is the catalog version plus a settings fingerprint that ignores key order', () => {
    const a: ScreeningSettings = { ...DEFAULT_SETTINGS, params: { OPF_LOEBENDE: { selMonths: 6, defaultCadenceMonths: 4 } }, enabled: { SAMVAER: false, ANBR_STED: true } };
    const b: ScreeningSettings = { supervisionWindow: 'rolling', localStandards: [], holidays: { ...DEFAULT_SETTINGS.holidays }, enabled: { ANBR_STED: true, SAMVAER: false }, params: { OPF_LOEBENDE: { defaultCadenceMonths: 4, selMonths: 6 } } };
    expect(ruleSetVersion(a)).toBe(ruleSetVersion(b));
    expect(ruleSetVersion(DEFAULT_SETTINGS)).toBe(ruleSetVersion({ ...DEFAULT_SETTINGS }));
    expect(ruleSetVersion(a).startsWith(CATALOG_VERSION)).toBe(true);
  });
  it.each<[string, Partial<ScreeningSettings>]>([
    ['a rule switched off', { enabled: { TILSYN_2X: false } }],
    ['a changed parameter', { params: { SIKPLAN_VARIGHED: { maxMonths: 2 } } }],
    ['a local standard', { localStandards: [{ id: 'BFU_3M', baseRuleId: 'BFU_4M', name: 'Undersøgelse inden 3 måneder', params: { months: 3 } }] }],
    ['the calendar-year supervision window', { supervisionWindow: 'calendarYear' }],
  ])('the rule-set version changes with %s', (_label, change) => {
    expect(ruleSetVersion({ ...DEFAULT_SETTINGS, ...change })).not.toBe(ruleSetVersion(DEFAULT_SETTINGS));
  });
});

describe('summaries: counts, rate with the Wilson interval, groups', () => {
  const result = (status: RuleStatus, caseNumber = 'S-1', trigger: string | null = '2024-05-17', ruleId = 'OPF_FOERSTE'): RuleResult =>
    ({ ruleId, caseNumber, subject: `measure:${caseNumber}`, status, deadline: null, doneAt: null, daysLate: null, regime: 'BL', legalRef: 'Barnets Lov § 95', basis: '', trigger });
  const many = (n: number, status: RuleStatus) => Array.from({ length: n }, () => result(status));

  it('counts each status and rates 12 met + 5 with exception of 78 counted as 17/78, Wilson 0.140768–0.321607', () => {
    const results = [...many(12, 'met'), ...many(5, 'metWithException'), ...many(61, 'breached'), ...many(4, 'pending'), ...many(3, 'notApplicable'), ...many(2, 'unknown')];
    const [s] = summariseByRule(ResultTable.of(results));
    expect(s).toMatchObject({ ruleId: 'OPF_FOERSTE', met: 12, metWithException: 5, breached: 61, pending: 4, notApplicable: 3, unknown: 2 });
    expect(s!.rate).toBeCloseTo(17 / 78, 12);
    expect(s!.rate).toBeCloseTo(0.217949, 6);
    expect(s!.ci!.low).toBeCloseTo(0.140768, 6);
    expect(s!.ci!.high).toBeCloseTo(0.321607, 6);
  });
  it('gives no rate when only pending, not-applicable and unknown results exist', () => {
    const [s] = summariseByRule(ResultTable.of([result('pending'), result('notApplicable'), result('unknown')]));
    expect(s!.rate).toBeNull();
  });
  it('keeps one summary per rule id, local standards included', () => {
    const s = summariseByRule(ResultTable.of([result('met'), result('breached', 'S-1', '2024-05-17', 'OPF_2M'), result('breached')]));
    expect(s.map((x) => [x.ruleId, x.met, x.breached])).toEqual([['OPF_FOERSTE', 1, 1], ['OPF_2M', 0, 1]]);
  });

  it.each([['2024-05-17', '2024 K2'], ['2024-03-31', '2024 K1'], ['2024-04-01', '2024 K2'], ['2024-10-01', '2024 K4'], ['2023-12-31', '2023 K4']])('quarterOf(%s) is %s', (date, q) => {
    expect(quarterOf(date)).toBe(q);
  });

  const grouped = [result('met', 'S-1', '2024-05-17'), result('breached', 'S-3', '2024-03-31'), result('met', 'S-2', '2024-01-01'), result('breached', 'S-2', '2024-04-01'), result('breached', 'S-1', '2024-06-30', 'TILSYN_2X')];
  const cases = new Map([
    ['S-1', { unit: 'Nord', group: 'Børn', caseworker: 'AB' }],
    ['S-2', { unit: 'Syd', group: 'Unge', caseworker: 'CD' }],
    ['S-3', { unit: 'Nord', group: 'Unge', caseworker: 'AB' }],
  ]);
  it('groups one rule\u2019s results by unit, leaving other rules out', () => {
    const g = Object.fromEntries(summariseGroups(ResultTable.of(grouped), 'OPF_FOERSTE', 'unit', cases).map((x) => [x.group, [x.met, x.breached, x.rate]]));
    expect(g).toEqual({ Nord: [1, 1, 0.5], Syd: [1, 1, 0.5] });
  });
  it('groups by the quarter of the trigger: 31-03 in K1, 01-04 and 17-05 in K2', () => {
    const g = Object.fromEntries(summariseGroups(ResultTable.of(grouped), 'OPF_FOERSTE', 'quarter', cases).map((x) => [x.group, [x.met, x.breached]]));
    expect(g).toEqual({ '2024 K1': [1, 1], '2024 K2': [1, 1] });
  });
});
