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
/** Out of scope: either no result or notApplicable (RULES.md allows both readings of "does not concern"). */
const outOfScope = (results: RuleResult[], ruleId: string) => expect(of(results, ruleId).every((r) => r.status === 'notApplicable')).toBe(true);

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

  it('Barnets Lov § 5: unknown when there was no conversation and "waived" is empty, naming the missing field', () => {
    const r = one(screenCase(bundle({ measures: [measure({ kind: 'preventive', startDate: '2024-02-10', decisionDate: '2024-02-05' })] }), ctx('2024-12-31')), 'SAMTALE_FOER_AFG');
    expect(r.status).toBe('unknown');
    expect(r.missing).toContain('measures.conversationWaived');
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
    it(`${rule} does not concern a preventive measure`, () => outOfScope(screen({ kind: 'preventive', startDate: '2024-03-04', [field]: false }), rule));
  } else {
    it(`${rule} does not concern a measure without a decision date`, () => outOfScope(screen({ decisionDate: null, startDate: '2024-03-04', [field]: false }), rule));
  }
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
  it('does not concern a safety plan', () => outOfScope(screenCase(bundle({ measures: [measure({ kind: 'safetyPlan', startDate: '2024-03-15' })] }), ctx('2024-12-31')), 'OPF_FOERSTE'));
});

describe('OPF_LOEBENDE: follow-up at the decided interval', () => {
  it.each<DeadlineRow>([
    { name: 'Serviceloven § 70: met with follow-ups exactly 6 months apart and asOf exactly 6 months after the last', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-15')], asOf: '2024-03-15', want: { status: 'met', regime: 'SEL', legalRef: 'Serviceloven § 70' } },
    { name: 'Serviceloven § 70: breached when the second follow-up comes 6 months and 1 day after the first', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-16')], asOf: '2023-10-01', want: { status: 'breached' } },
    { name: 'Serviceloven § 70: breached when asOf is 6 months and 1 day after the last follow-up', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15'), followUp('2023-09-15')], asOf: '2024-03-16', want: { status: 'breached' } },
    { name: 'Serviceloven § 70: SEL uses 6 months even when a 3-month cadence is recorded', m: { startDate: '2023-01-10' }, fus: [followUp('2023-03-15', { cadenceMonths: 3 }), followUp('2023-09-15')], asOf: '2024-03-15', want: { status: 'met', regime: 'SEL' } },
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
describe('TILSYN_2X: supervision visits at least twice a year', () => {
  const since2020 = { startDate: '2020-05-01' };
  it.each<VisitRow>([
    { name: 'Serviceloven § 148: met with 2 visits on the first and last day of the rolling window 30-06-2023–30-06-2024', m: since2020, visits: [visit('2023-06-30'), visit('2024-06-30')], asOf: '2024-06-30', want: { status: 'met', regime: 'SEL', legalRef: 'Serviceloven § 148' } },
    { name: 'Serviceloven § 148: breached when one of 2 visits falls on 29-06-2023, the day before the rolling window', m: since2020, visits: [visit('2023-06-29'), visit('2024-06-30')], asOf: '2024-06-30', want: { status: 'breached' } },
    { name: 'Serviceloven § 148: a visit after asOf is not counted', m: since2020, visits: [visit('2024-01-15'), visit('2024-07-01')], asOf: '2024-06-30', want: { status: 'breached' } },
    { name: 'Serviceloven § 148: placed from 31-12-2023, half a year (to 30-06-2024) requires 1 visit', m: { startDate: '2023-12-31' }, visits: [visit('2024-03-01')], asOf: '2024-06-30', want: { status: 'met' } },
    { name: 'Serviceloven § 148: placed from 31-12-2023, a visit on 30-12-2023 before the start is not counted', m: { startDate: '2023-12-31' }, visits: [visit('2023-12-30')], asOf: '2024-06-30', want: { status: 'breached' } },
    { name: 'Barnets Lov § 156, stk. 5: not applicable when placed from 01-01-2024, less than half a year before asOf 30-06-2024', m: { startDate: '2024-01-01' }, visits: [], asOf: '2024-06-30', want: { status: 'notApplicable' } },
    { name: 'Serviceloven § 148: placement ended 31-03-2024 requires 1 visit in 30-06-2023–31-03-2024; one on 15-04-2024 does not count', m: { ...since2020, endDate: '2024-03-31' }, visits: [visit('2024-04-15')], asOf: '2024-06-30', want: { status: 'breached' } },
    { name: 'Serviceloven § 148: placement ended 31-03-2024, a visit on the end day counts', m: { ...since2020, endDate: '2024-03-31' }, visits: [visit('2024-03-31')], asOf: '2024-06-30', want: { status: 'met' } },
    { name: 'Serviceloven § 148: asOf 29-02-2024 gives the window 28-02-2023–29-02-2024; visits on both ends meet it', m: since2020, visits: [visit('2023-02-28'), visit('2024-02-29')], asOf: '2024-02-29', want: { status: 'met' } },
    { name: 'Serviceloven § 148: asOf 29-02-2024, a visit on 27-02-2023 is outside the window', m: since2020, visits: [visit('2023-02-27'), visit('2024-02-29')], asOf: '2024-02-29', want: { status: 'breached' } },
    { name: 'Serviceloven § 148: rolling window to 31-12-2024 requires 2 visits, so 1 visit is breached', m: since2020, visits: [visit('2024-05-01')], asOf: '2024-12-31', want: { status: 'breached' } },
    { name: 'Barnets Lov § 156, stk. 5: placed 01-01-2024, window 30-06-2024–30-06-2025 requires 2 visits', m: { startDate: '2024-01-01' }, visits: [visit('2024-07-01'), visit('2025-06-30')], asOf: '2025-06-30', want: { status: 'met', regime: 'BL', legalRef: 'Barnets Lov § 156, stk. 5' } },
    { name: 'calendar year: not applicable at asOf 30-06-2024, as 01-01-2024 + 6 months is 01-07-2024', m: since2020, visits: [visit('2024-03-01')], asOf: '2024-06-30', window: 'calendarYear', want: { status: 'notApplicable' } },
    { name: 'calendar year: at asOf 01-07-2024 one visit is required and one on 01-01-2024 meets it', m: since2020, visits: [visit('2024-01-01')], asOf: '2024-07-01', window: 'calendarYear', want: { status: 'met' } },
    { name: 'calendar year: at asOf 01-07-2024 a visit on 15-12-2023 (previous year) is not counted', m: since2020, visits: [visit('2023-12-15')], asOf: '2024-07-01', window: 'calendarYear', want: { status: 'breached' } },
    { name: 'calendar year: at asOf 31-12-2024, 01-01-2024 + 12 months = 01-01-2025 is after b, so 1 visit is required and met', m: since2020, visits: [visit('2024-05-01')], asOf: '2024-12-31', window: 'calendarYear', want: { status: 'met' } },
    { name: 'Serviceloven § 148: unknown when supervision visits were never imported', m: since2020, visits: [], asOf: '2024-06-30', tables: ['measures'], want: { status: 'unknown' } },
    { name: 'unknown when the measure kind is empty', m: { ...since2020, kind: null }, visits: [visit('2024-01-15')], asOf: '2024-06-30', want: { status: 'unknown', missing: ['measures.kind'] } },
  ])('$name', ({ m, visits, asOf, window, tables, want }) => {
    const results = screenCase(bundle({ measures: [placement(m)], supervisionVisits: visits }), ctx(asOf, { supervisionWindow: window ?? 'rolling' }, tables));
    expect(one(results, 'TILSYN_2X')).toMatchObject(want);
  });
  it('does not concern a preventive measure', () =>
    outOfScope(screenCase(bundle({ measures: [measure({ kind: 'preventive', startDate: '2020-05-01' })] }), ctx('2024-06-30')), 'TILSYN_2X'));
});

describe('TILSYN_SAMTALE: the child seen alone at each visit', () => {
  it.each([
    { name: 'Barnets Lov § 156, stk. 5: met for a visit on 01-01-2024 with the child seen alone', date: '2024-01-01', alone: true, want: { status: 'met', regime: 'BL', legalRef: 'Barnets Lov § 156, stk. 5' } },
    { name: 'Serviceloven § 148: breached for a visit on 31-12-2023 without the child seen alone', date: '2023-12-31', alone: false, want: { status: 'breached', regime: 'SEL', legalRef: 'Serviceloven § 148' } },
    { name: 'Barnets Lov § 156, stk. 5: unknown when "seen alone" is empty, naming the field', date: '2024-04-02', alone: null, want: { status: 'unknown', missing: ['supervisionVisits.childSeenAlone'] } },
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
    { name: 'unknown when approval is empty', m: { decisionDate: '2024-03-01' }, want: { status: 'unknown', missing: ['measures.managementApproved'] } },
    { name: 'unknown when the decision date is empty', m: { managementApproved: true }, want: { status: 'unknown', missing: ['measures.decisionDate'] } },
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
  ])('lokal standard: SIKPLAN_VARIGHED is $name', (row) => {
    const r = one(screenCase(safety(row.m), ctx(row.asOf, row.settings)), 'SIKPLAN_VARIGHED');
    expect(r).toMatchObject(row.want);
    if (row.m.kind !== null) expect(r.legalRef.startsWith('lokal standard')).toBe(true);
  });
  it('safety-plan rules do not concern a placement', () => {
    const results = screenCase(bundle({ measures: [placement({ startDate: '2024-03-01' })] }), ctx('2024-12-31'));
    outOfScope(results, 'SIKPLAN_GODKENDT');
    outOfScope(results, 'SIKPLAN_VARIGHED');
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
