import { describe, expect, it } from 'vitest';
import { screenCase } from '../../src/domain/rules/evaluate';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { RuleId, RuleResult, ScreeningSettings } from '../../src/domain/rules/types';
import {
  emptyEvents,
  type ActionPlan,
  type CaseBundle,
  type CaseEvents,
  type EventTableName,
  type Investigation,
  type Measure,
  type Notification,
} from '../../src/domain/types';

/**
 * UND_24T … PLAN_DELT of RULES.md, with every expectation worked out by hand from the spec: the
 * deadlines, hverdage (counted on a calendar, the receipt day not counted) and days late are
 * written out, never computed here.
 */

// ---- subjects: every field empty ("not stated") unless the row says otherwise ----
let seq = 0;
const id = () => `E${++seq}`;
const notification = (receivedAt: string, fields: Partial<Notification> = {}): Notification => ({
  id: id(), caseNumber: 'S-1', receivedAt, fromProfessional: null, assessedAt: null, acknowledgedAt: null, outcome: null, preventiveConsidered: null, ...fields,
});
const investigation = (fields: Partial<Investigation> = {}): Investigation => ({
  id: id(), caseNumber: 'S-1', startedAt: null, completedAt: null, interimAssessmentAt: null, recommendsPlacement: null, ...fields,
});
const measure = (startDate: string, fields: Partial<Measure> = {}): Measure => ({
  id: id(), caseNumber: 'S-1', measureId: 'M-1', kind: null, paragraph: null, consent: null, urgent: null, startDate, endDate: null, decisionDate: null,
  childConversationAt: null, conversationWaived: null, supporterOffered: null, parentsInformed: null, placementChoiceJustified: null,
  contactDecided: null, planSharedWithPlacement: null, managementApproved: null, planNeeded: null, ...fields,
});
const plan = (date: string, fields: Partial<ActionPlan> = {}): ActionPlan => ({ id: id(), caseNumber: 'S-1', date, measureId: null, filed: null, ...fields });
const caseWith = (events: Partial<CaseEvents>, awareAt: string | null = null): CaseBundle => ({
  caseNumber: 'S-1', cpr: null, birthDate: null, unit: 'Børnefamilieenhed Nord', group: null, caseworker: 'AB', openedAt: null, closedAt: null, awareAt,
  events: { ...emptyEvents(), ...events },
});

// ---- screening one rule and checking its result ----
const EVERY_TABLE: EventTableName[] = ['notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits'];
const without = (table: EventTableName) => EVERY_TABLE.filter((t) => t !== table);

interface Options { asOf?: string; tables?: EventTableName[]; settings?: ScreeningSettings }
type Expected = Partial<Pick<RuleResult, 'status' | 'deadline' | 'doneAt' | 'daysLate' | 'regime' | 'legalRef' | 'trigger'>> & {
  /** Keys that must be among the result's `missing`. */
  missing?: unknown[];
  /** Substrings of the basis sentence. */
  basis?: string[];
  basisLacks?: string;
};
interface Row extends Options { name: string; subject: CaseBundle; expected: Expected }

function screen(ruleId: RuleId, c: CaseBundle, { asOf = '2024-12-31', tables = EVERY_TABLE, settings = DEFAULT_SETTINGS }: Options): RuleResult[] {
  return screenCase(c, { asOf, settings, importedTables: new Set(tables) }).filter((r) => r.ruleId === ruleId);
}

/** Every rule gives exactly one result for each subject of its kind, a subject outside its scope included (notApplicable). */
function check(ruleId: RuleId, { subject, expected, ...options }: Row) {
  const results = screen(ruleId, subject, options);
  expect(results).toHaveLength(1);
  const { missing, basis = [], basisLacks, ...fields } = expected;
  const r = results[0]!;
  expect(r).toMatchObject(fields);
  if (missing) expect(r.missing).toEqual(expect.arrayContaining(missing));
  for (const part of basis) expect(r.basis).toContain(part);
  if (basisLacks) expect(r.basis).not.toContain(basisLacks);
}

/** One test per row; `it.each`'s `$name` would quote and cut the names at 40 characters. */
const table = (ruleId: RuleId, rows: Row[]) => rows.forEach((row) => it(row.name, () => check(ruleId, row)));

const SEL = (paragraph: string) => ({ regime: 'SEL', legalRef: `Serviceloven ${paragraph}` }) as const;
const BL = (paragraph: string) => ({ regime: 'BL', legalRef: `Barnets Lov ${paragraph}` }) as const;
const none = { doneAt: null, daysLate: null } as const;

describe('UND_24T: notification assessed within 24 hours (SEL § 155 / BL § 136)', () => {
  const n = (receivedAt: string, assessedAt: string | null = null) => caseWith({ notifications: [notification(receivedAt, { assessedAt })] });
  table('UND_24T', [
    { name: 'Barnets Lov § 136: meets UND_24T when the assessment comes exactly 24 hours after receipt (04-03-2024 10:15 → 05-03-2024 10:15)', subject: n('2024-03-04T10:15', '2024-03-05T10:15'), expected: { status: 'met', deadline: '2024-03-05', doneAt: '2024-03-05', daysLate: null, ...BL('§ 136') } },
    { name: 'Barnets Lov § 136: breaches UND_24T, 1 day late, when the assessment comes 24 hours and 1 minute after receipt', subject: n('2024-03-04T10:15', '2024-03-05T10:16'), expected: { status: 'breached', deadline: '2024-03-05', doneAt: '2024-03-05', daysLate: 1, ...BL('§ 136') } },
    { name: 'Barnets Lov § 136: breaches UND_24T, 1 day late, when the assessment comes 48 hours after receipt', subject: n('2024-03-04T10:15', '2024-03-06T10:15'), expected: { status: 'breached', deadline: '2024-03-05', doneAt: '2024-03-06', daysLate: 1 } },
    { name: 'Barnets Lov § 136: breaches UND_24T when both times are known and 24½ hours passed, although the assessment is on the next calendar day', subject: n('2024-03-04T23:00', '2024-03-05T23:30'), expected: { status: 'breached', deadline: '2024-03-05', doneAt: '2024-03-05', daysLate: 1 } },
    { name: 'Barnets Lov § 136: meets UND_24T with dates only when assessed the next calendar day, and the basis says "kun dato"', subject: n('2024-03-04', '2024-03-05'), expected: { status: 'met', deadline: '2024-03-05', doneAt: '2024-03-05', daysLate: null, basis: ['kun dato'] } },
    { name: 'Barnets Lov § 136: breaches UND_24T with dates only when assessed two calendar days after receipt ("kun dato")', subject: n('2024-03-04', '2024-03-06'), expected: { status: 'breached', deadline: '2024-03-05', doneAt: '2024-03-06', daysLate: 1, basis: ['kun dato'] } },
    { name: 'Barnets Lov § 136: meets UND_24T by the date-only rule when the receipt has a time but the assessment only a date', subject: n('2024-03-04T23:00', '2024-03-05'), expected: { status: 'met', deadline: '2024-03-05', doneAt: '2024-03-05', basis: ['kun dato'] } },
    { name: 'Barnets Lov § 136: meets UND_24T by the date-only rule when the receipt has only a date and the assessment a late time the next day', subject: n('2024-03-04', '2024-03-05T23:59'), expected: { status: 'met', deadline: '2024-03-05', doneAt: '2024-03-05', basis: ['kun dato'] } },
    { name: 'Barnets Lov § 136: UND_24T is pending on the deadline day when the notification is not yet assessed', subject: n('2024-03-04T10:15'), asOf: '2024-03-05', expected: { status: 'pending', deadline: '2024-03-05', ...none } },
    { name: 'Barnets Lov § 136: UND_24T is pending on the next day for a date-only receipt not yet assessed ("kun dato")', subject: n('2024-03-04'), asOf: '2024-03-05', expected: { status: 'pending', deadline: '2024-03-05', ...none, basis: ['kun dato'] } },
    { name: 'Barnets Lov § 136: breaches UND_24T, 1 day overdue, when nothing is assessed and asOf is the day after the deadline', subject: n('2024-03-04T10:15'), asOf: '2024-03-06', expected: { status: 'breached', deadline: '2024-03-05', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 136: 24 hours from 28-02-2024 12:00 end on leap day 29-02-2024', subject: n('2024-02-28T12:00', '2024-02-29T12:00'), expected: { status: 'met', deadline: '2024-02-29', doneAt: '2024-02-29' } },
    { name: 'Serviceloven § 155: 24 hours from 28-02-2023 12:00 end on 01-03-2023 (no leap day)', subject: n('2023-02-28T12:00', '2023-03-01T12:00'), expected: { status: 'met', deadline: '2023-03-01', ...SEL('§ 155') } },
    { name: 'Serviceloven § 155: a notification received 31-12-2023 is screened under SEL though its deadline falls in 2024', subject: n('2023-12-31T18:00', '2024-01-01T09:00'), expected: { status: 'met', deadline: '2024-01-01', ...SEL('§ 155'), trigger: '2023-12-31' } },
    { name: 'Barnets Lov § 136: a notification received 01-01-2024 is screened under Barnets Lov', subject: n('2024-01-01T08:00', '2024-01-01T15:00'), expected: { status: 'met', deadline: '2024-01-02', ...BL('§ 136') } },
    { name: 'UND_24T is unknown, not breached, when the receipt is empty (no deadline, no law to cite)', subject: n(null as unknown as string, '2024-03-05T10:00'), expected: { status: 'unknown', deadline: null, doneAt: null, daysLate: null, regime: null, trigger: null, missing: ['notifications.receivedAt'], basis: ['Modtagelsesdatoen mangler.'] } },
  ]);
});

describe('UND_24T with a local standard of 12 hours: date-only data cannot be judged ("kun dato")', () => {
  const settings: ScreeningSettings = { ...DEFAULT_SETTINGS, localStandards: [{ id: 'UND_12T', baseRuleId: 'UND_24T', name: 'Underretning vurderet inden 12 timer', params: { hours: 12 } }] };
  const twelve = (receivedAt: string, assessedAt: string | null = null) =>
    screenCase(caseWith({ notifications: [notification(receivedAt, { assessedAt })] }), { asOf: '2024-12-31', settings, importedTables: new Set(EVERY_TABLE) }).filter((r) => r.ruleId === 'UND_12T');
  it.each([
    { name: 'unknown when both are dates only (04-03-2024 → 04-03-2024), naming both time fields', received: '2024-03-04', assessed: '2024-03-04', missing: ['notifications.receivedAt', 'notifications.assessedAt'] },
    { name: 'unknown when the receipt has a time and the assessment only a date, naming the assessment', received: '2024-03-04T10:00', assessed: '2024-03-04', missing: ['notifications.assessedAt'] },
    { name: 'unknown when the receipt has only a date and nothing is assessed yet, naming the receipt', received: '2024-03-04', assessed: null, missing: ['notifications.receivedAt'] },
  ])('$name', ({ received, assessed, missing }) => {
    const results = twelve(received, assessed);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'unknown', deadline: null, missing, regime: 'BL' });
    expect(results[0]!.basis).toContain('kun dato');
    expect(results[0]!.legalRef).toBe('lokal standard (afledt af Barnets Lov § 136)');
  });
  it.each([
    { name: 'met with both times: 04-03-2024 10:00 + 12 hours = 22:00 the same day, assessed 22:00', assessed: '2024-03-04T22:00', want: { status: 'met', deadline: '2024-03-04', doneAt: '2024-03-04', daysLate: null } },
    { name: 'breached with both times: assessed 22:01 the same day, 1 day late by the rule\u2019s minimum', assessed: '2024-03-04T22:01', want: { status: 'breached', deadline: '2024-03-04', doneAt: '2024-03-04', daysLate: 1 } },
  ])('$name', ({ assessed, want }) => {
    expect(twelve('2024-03-04T10:00', assessed)).toEqual([expect.objectContaining(want)]);
  });
});

describe('UND_KVIT: receipt to a professional within 6 hverdage (SEL § 155 b / BL § 138)', () => {
  const n = (receivedAt: string, acknowledgedAt: string | null = null, fromProfessional: boolean | null = true) =>
    caseWith({ notifications: [notification(receivedAt, { fromProfessional, acknowledgedAt })] });
  table('UND_KVIT', [
    { name: 'Barnets Lov § 138: meets UND_KVIT when the receipt is sent on the 6th hverdag, Tuesday 12-03-2024 after Monday 04-03-2024', subject: n('2024-03-04', '2024-03-12'), expected: { status: 'met', deadline: '2024-03-12', doneAt: '2024-03-12', daysLate: null, ...BL('§ 138') } },
    { name: 'Barnets Lov § 138: breaches UND_KVIT, 1 day late, when the receipt is sent Wednesday 13-03-2024', subject: n('2024-03-04', '2024-03-13'), expected: { status: 'breached', deadline: '2024-03-12', doneAt: '2024-03-13', daysLate: 1 } },
    { name: 'Barnets Lov § 138: UND_KVIT counts from the receipt date when the receipt has a time (04-03-2024 16:45 → 12-03-2024)', subject: n('2024-03-04T16:45', '2024-03-12'), expected: { status: 'met', deadline: '2024-03-12' } },
    { name: 'Barnets Lov § 138: UND_KVIT is pending on the deadline day when no receipt is sent yet', subject: n('2024-03-04'), asOf: '2024-03-12', expected: { status: 'pending', deadline: '2024-03-12', ...none } },
    { name: 'Barnets Lov § 138: breaches UND_KVIT, 1 day overdue, when no receipt is sent by 13-03-2024', subject: n('2024-03-04'), asOf: '2024-03-13', expected: { status: 'breached', deadline: '2024-03-12', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 138: UND_KVIT is notApplicable when the notifier is not a professional', subject: n('2024-03-04', null, false), expected: { status: 'notApplicable', ...BL('§ 138') } },
    { name: 'Barnets Lov § 138: UND_KVIT is unknown when it is not stated whether the notifier is a professional', subject: n('2024-03-04', '2024-03-05', null), expected: { status: 'unknown', missing: ['notifications.fromProfessional'] } },
    { name: 'UND_KVIT is unknown, not breached, when a professional\u2019s notification has no receipt date', subject: n(null as unknown as string, '2024-03-05'), expected: { status: 'unknown', deadline: null, regime: null, missing: ['notifications.receivedAt'] } },
    { name: 'UND_KVIT names both fields when neither the receipt date nor "fagperson" is stated', subject: n(null as unknown as string, null, null), expected: { status: 'unknown', missing: ['notifications.fromProfessional', 'notifications.receivedAt'] } },
    { name: 'UND_KVIT is notApplicable to a notifier who is not a professional, receipt date or not', subject: n(null as unknown as string, null, false), expected: { status: 'notApplicable', regime: null } },
    { name: 'Barnets Lov § 138: a receipt on Saturday 02-03-2024 starts the count on Monday, 6th hverdag Monday 11-03-2024', subject: n('2024-03-02', '2024-03-11'), expected: { status: 'met', deadline: '2024-03-11' } },
    { name: 'Barnets Lov § 138: Easter week 2024 — Wednesday 27-03-2024 + 6 hverdage skips skærtorsdag, langfredag and 2. påskedag: 09-04-2024', subject: n('2024-03-27', '2024-04-09'), expected: { status: 'met', deadline: '2024-04-09' } },
    { name: 'Serviceloven § 155 b: Monday 01-05-2023 + 6 hverdage skips store bededag 05-05-2023: Wednesday 10-05-2023', subject: n('2023-05-01', '2023-05-10'), expected: { status: 'met', deadline: '2023-05-10', ...SEL('§ 155 b') } },
    { name: 'Barnets Lov § 138: Monday 22-04-2024 + 6 hverdage counts Friday 26-04-2024 (no store bededag from 2024): Tuesday 30-04-2024', subject: n('2024-04-22', '2024-05-01'), expected: { status: 'breached', deadline: '2024-04-30', doneAt: '2024-05-01', daysLate: 1 } },
    { name: 'Barnets Lov § 138: Friday 20-12-2024 + 6 hverdage skips 24/12, 25/12, 26/12, 31/12 and 01/01 by default: Monday 06-01-2025', subject: n('2024-12-20', '2025-01-06'), asOf: '2025-01-31', expected: { status: 'met', deadline: '2025-01-06' } },
    { name: 'Serviceloven § 155 b: a notification received Sunday 31-12-2023 stays under SEL; deadline Tuesday 09-01-2024', subject: n('2023-12-31', '2024-01-09'), expected: { status: 'met', deadline: '2024-01-09', ...SEL('§ 155 b'), trigger: '2023-12-31' } },
    { name: 'Barnets Lov § 138: a notification received on nytårsdag 01-01-2024 is under Barnets Lov; deadline Tuesday 09-01-2024', subject: n('2024-01-01', '2024-01-09'), expected: { status: 'met', deadline: '2024-01-09', ...BL('§ 138') } },
  ]);
});

describe('UND_STILLING: decision on preventive support when no investigation follows (SEL § 11, stk. 3 / BL § 30)', () => {
  const n = (receivedAt: string, outcome: Notification['outcome'], preventiveConsidered: boolean | null) =>
    caseWith({ notifications: [notification(receivedAt, { outcome, preventiveConsidered })] });
  table('UND_STILLING', [
    { name: 'Barnets Lov § 30: meets UND_STILLING when a notification with outcome "ingen" has the decision documented', subject: n('2024-02-01', 'none', true), expected: { status: 'met', deadline: null, ...none, ...BL('§ 30') } },
    { name: 'Barnets Lov § 30: meets UND_STILLING when a notification with outcome "forebyggende" has the decision documented', subject: n('2024-02-01', 'preventive', true), expected: { status: 'met' } },
    { name: 'Barnets Lov § 30: breaches UND_STILLING when the decision is not documented (nej)', subject: n('2024-02-01', 'none', false), expected: { status: 'breached', ...BL('§ 30') } },
    { name: 'Barnets Lov § 30: UND_STILLING is unknown when "stillingtagen dokumenteret" is empty', subject: n('2024-02-01', 'preventive', null), expected: { status: 'unknown', missing: ['notifications.preventiveConsidered'] } },
    { name: 'Barnets Lov § 30: UND_STILLING is unknown when the outcome (its scope field) is empty', subject: n('2024-02-01', null, true), expected: { status: 'unknown', missing: ['notifications.outcome'] } },
    { name: 'Barnets Lov § 30: UND_STILLING is notApplicable to a notification that led to an investigation', subject: n('2024-02-01', 'investigation', null), expected: { status: 'notApplicable', ...BL('§ 30'), basis: ['Underretningen førte til en undersøgelse.'] } },
    { name: 'Barnets Lov § 30: UND_STILLING is notApplicable to a notification on an existing case', subject: n('2024-02-01', 'existingCase', false), expected: { status: 'notApplicable', basis: ['Underretningen indgik i en eksisterende sag.'] } },
    { name: 'UND_STILLING is unknown, not met, when the receipt date (the trigger) is empty', subject: n(null as unknown as string, 'none', true), expected: { status: 'unknown', regime: null, trigger: null, missing: ['notifications.receivedAt'], basis: ['Modtagelsesdatoen mangler.'] } },
    { name: 'UND_STILLING is notApplicable to a notification that led to an investigation even without a receipt date', subject: n(null as unknown as string, 'investigation', null), expected: { status: 'notApplicable', regime: null } },
    { name: 'Serviceloven § 11, stk. 3: UND_STILLING on a notification received 31-12-2023', subject: n('2023-12-31', 'none', true), expected: { status: 'met', ...SEL('§ 11, stk. 3') } },
    { name: 'Barnets Lov § 30: UND_STILLING on a notification received 01-01-2024', subject: n('2024-01-01', 'none', true), expected: { status: 'met', ...BL('§ 30') } },
  ]);
});

const inv = (fields: Partial<Investigation>, awareAt: string | null = null, notifications: Notification[] = []) =>
  caseWith({ investigations: [investigation(fields)], notifications }, awareAt);

describe('BFU_4M: investigation completed within 4 months (SEL § 50 / BL § 20)', () => {
  table('BFU_4M', [
    { name: 'Barnets Lov § 20: meets BFU_4M when the investigation ends on the deadline day, 4 months after it started (15-01-2024 → 15-05-2024)', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-05-15' }), expected: { status: 'met', deadline: '2024-05-15', doneAt: '2024-05-15', daysLate: null, ...BL('§ 20') } },
    { name: 'Barnets Lov § 20: breaches BFU_4M when the investigation ends 4 months and 1 day after it started', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-05-16' }), expected: { status: 'breached', deadline: '2024-05-15', doneAt: '2024-05-16', daysLate: 1, ...BL('§ 20') } },
    { name: 'Barnets Lov § 20: BFU_4M is pending on the deadline day while the investigation is not completed', subject: inv({ startedAt: '2024-01-15' }), asOf: '2024-05-15', expected: { status: 'pending', deadline: '2024-05-15', ...none } },
    { name: 'Barnets Lov § 20: breaches BFU_4M, 1 day overdue, when the investigation is still open the day after the deadline', subject: inv({ startedAt: '2024-01-15' }), asOf: '2024-05-16', expected: { status: 'breached', deadline: '2024-05-15', doneAt: null, daysLate: 1 } },
    { name: 'Serviceloven § 50: 31-10-2023 + 4 months is leap day 29-02-2024, which is in time', subject: inv({ startedAt: '2023-10-31', completedAt: '2024-02-29' }), expected: { status: 'met', deadline: '2024-02-29', ...SEL('§ 50') } },
    { name: 'Serviceloven § 50: breaches BFU_4M when an investigation started 31-10-2023 ends 01-03-2024', subject: inv({ startedAt: '2023-10-31', completedAt: '2024-03-01' }), expected: { status: 'breached', deadline: '2024-02-29', doneAt: '2024-03-01', daysLate: 1 } },
    { name: 'Serviceloven § 50: 31-10-2022 + 4 months is 28-02-2023, so 01-03-2023 is 1 day late', subject: inv({ startedAt: '2022-10-31', completedAt: '2023-03-01' }), expected: { status: 'breached', deadline: '2023-02-28', doneAt: '2023-03-01', daysLate: 1, ...SEL('§ 50') } },
    { name: 'Barnets Lov § 20: 31-10-2024 + 4 months is 28-02-2025, so 01-03-2025 is 1 day late', subject: inv({ startedAt: '2024-10-31', completedAt: '2025-03-01' }), asOf: '2025-06-30', expected: { status: 'breached', deadline: '2025-02-28', daysLate: 1 } },
    { name: 'Barnets Lov § 20: 31-10-2027 + 4 months is leap day 29-02-2028', subject: inv({ startedAt: '2027-10-31', completedAt: '2028-02-29' }), asOf: '2028-06-30', expected: { status: 'met', deadline: '2028-02-29' } },
    { name: 'Serviceloven § 50: an investigation started 31-12-2023 is under SEL, deadline 30-04-2024', subject: inv({ startedAt: '2023-12-31', completedAt: '2024-04-30' }), expected: { status: 'met', deadline: '2024-04-30', ...SEL('§ 50'), trigger: '2023-12-31' } },
    { name: 'Barnets Lov § 20: an investigation started 01-01-2024 is under Barnets Lov, deadline 01-05-2024', subject: inv({ startedAt: '2024-01-01', completedAt: '2024-05-02' }), expected: { status: 'breached', deadline: '2024-05-01', daysLate: 1, ...BL('§ 20') } },
    { name: 'Barnets Lov § 20: BFU_4M uses the start date, not the case\u2019s earlier awareness date, when both are given', subject: inv({ startedAt: '2024-03-01', completedAt: '2024-07-01' }, '2024-02-10'), expected: { status: 'met', deadline: '2024-07-01', trigger: '2024-03-01' } },
    { name: 'Barnets Lov § 20: without a start date BFU_4M counts from the case\u2019s awareness date 10-02-2024, and the basis says so', subject: inv({ completedAt: '2024-06-11' }, '2024-02-10', [notification('2024-01-05T09:00')]), expected: { status: 'breached', deadline: '2024-06-10', daysLate: 1, trigger: '2024-02-10', basis: ['Påbegyndt mangler', '10-02-2024'], basisLacks: 'underretning' } },
    { name: 'Barnets Lov § 20: without start and awareness dates BFU_4M counts from the first notification 20-02-2024, and the basis says so', subject: inv({}, null, [notification('2024-03-05T09:00'), notification('2024-02-20T14:30')]), asOf: '2024-06-20', expected: { status: 'pending', deadline: '2024-06-20', trigger: '2024-02-20', basis: ['Påbegyndt mangler', 'underretning', '20-02-2024'] } },
    { name: 'Serviceloven § 50: an awareness date of 31-12-2023 used in place of the start date puts BFU_4M under SEL', subject: inv({ completedAt: '2024-04-30' }, '2023-12-31'), expected: { status: 'met', deadline: '2024-04-30', ...SEL('§ 50') } },
    { name: 'BFU_4M is unknown when the investigation has no start date, the case no awareness date and no notification', subject: inv({ completedAt: '2024-04-30' }), expected: { status: 'unknown', missing: ['investigations.startedAt', 'cases.awareAt'] } },
  ]);
});

describe('BFU_FORELOEBIG: interim assessment when the 4 months are exceeded (SEL § 50 / BL § 20)', () => {
  table('BFU_FORELOEBIG', [
    { name: 'Barnets Lov § 20: meets BFU_FORELOEBIG when the interim assessment is made 7 days after the exceeded deadline 15-05-2024', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-06-01', interimAssessmentAt: '2024-05-22' }), expected: { status: 'met', deadline: '2024-05-22', doneAt: '2024-05-22', daysLate: null, ...BL('§ 20') } },
    { name: 'Barnets Lov § 20: breaches BFU_FORELOEBIG when the interim assessment comes 8 days after the deadline', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-06-01', interimAssessmentAt: '2024-05-23' }), expected: { status: 'breached', deadline: '2024-05-22', doneAt: '2024-05-23', daysLate: 1 } },
    { name: 'Barnets Lov § 20: BFU_FORELOEBIG is pending within the 7 days after the deadline while the investigation is open', subject: inv({ startedAt: '2024-01-15' }), asOf: '2024-05-20', expected: { status: 'pending', deadline: '2024-05-22', ...none } },
    { name: 'Barnets Lov § 20: breaches BFU_FORELOEBIG, 1 day overdue, when there is no interim assessment 8 days after the deadline', subject: inv({ startedAt: '2024-01-15' }), asOf: '2024-05-23', expected: { status: 'breached', deadline: '2024-05-22', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 20: BFU_FORELOEBIG is notApplicable when the investigation ended on the deadline day (BFU_4M met)', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-05-15' }), expected: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 20: BFU_FORELOEBIG is notApplicable while BFU_4M is still pending', subject: inv({ startedAt: '2024-01-15' }), asOf: '2024-05-15', expected: { status: 'notApplicable' } },
    { name: 'BFU_FORELOEBIG is unknown when BFU_4M is unknown (no start, awareness or notification date)', subject: inv({ interimAssessmentAt: '2024-05-01' }), expected: { status: 'unknown', missing: ['investigations.startedAt', 'cases.awareAt'] } },
    { name: 'Serviceloven § 50: BFU_FORELOEBIG deadline is leap day 29-02-2024 + 7 days = 07-03-2024 for an investigation started 31-10-2023', subject: inv({ startedAt: '2023-10-31', completedAt: '2024-04-01', interimAssessmentAt: '2024-03-07' }), expected: { status: 'met', deadline: '2024-03-07', ...SEL('§ 50') } },
    { name: 'Serviceloven § 50: BFU_FORELOEBIG deadline is 28-02-2023 + 7 days = 07-03-2023 for an investigation started 31-10-2022', subject: inv({ startedAt: '2022-10-31', completedAt: '2023-04-01', interimAssessmentAt: '2023-03-08' }), expected: { status: 'breached', deadline: '2023-03-07', daysLate: 1 } },
    { name: 'Serviceloven § 50: an investigation started 31-12-2023 gets deadline 30-04-2024 + 7 = 07-05-2024 under SEL', subject: inv({ startedAt: '2023-12-31', completedAt: '2024-06-01', interimAssessmentAt: '2024-05-07' }), expected: { status: 'met', deadline: '2024-05-07', ...SEL('§ 50') } },
    { name: 'Barnets Lov § 20: an investigation started 01-01-2024 gets deadline 01-05-2024 + 7 = 08-05-2024 under Barnets Lov', subject: inv({ startedAt: '2024-01-01', completedAt: '2024-06-01', interimAssessmentAt: '2024-05-08' }), expected: { status: 'met', deadline: '2024-05-08', ...BL('§ 20') } },
    { name: 'Barnets Lov § 20: a workspace tolerance of 14 days moves the BFU_FORELOEBIG deadline to 29-05-2024', subject: inv({ startedAt: '2024-01-15', completedAt: '2024-06-10', interimAssessmentAt: '2024-05-29' }), settings: { ...DEFAULT_SETTINGS, params: { BFU_FORELOEBIG: { toleranceDays: 14 } } }, expected: { status: 'met', deadline: '2024-05-29' } },
  ]);
});

describe('BFU_FOER_ANBR: investigation before a planned placement (SEL § 50, jf. § 58 / BL § 20, jf. §§ 46–47)', () => {
  const placed = (startDate: string, fields: Partial<Measure>, completions: string[] = []) =>
    caseWith({ measures: [measure(startDate, { kind: 'placement', urgent: false, ...fields })], investigations: completions.map((completedAt) => investigation({ completedAt })) });
  table('BFU_FOER_ANBR', [
    { name: 'Barnets Lov § 20, jf. §§ 46–47: meets BFU_FOER_ANBR when the investigation is completed on the decision day 01-03-2024', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }, ['2024-03-01']), expected: { status: 'met', deadline: '2024-03-01', doneAt: '2024-03-01', daysLate: null, ...BL('§ 20, jf. §§ 46–47') } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: breaches BFU_FOER_ANBR, 1 day late, when the investigation is completed the day after the decision', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }, ['2024-03-02']), expected: { status: 'breached', deadline: '2024-03-01', doneAt: '2024-03-02', daysLate: 1 } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: meets BFU_FOER_ANBR when one of two investigations was completed before the decision', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }, ['2024-04-01', '2023-11-20']), expected: { status: 'met', doneAt: '2023-11-20' } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: without a decision date BFU_FOER_ANBR uses the start date 05-03-2024', subject: placed('2024-03-05', {}, ['2024-03-05']), expected: { status: 'met', deadline: '2024-03-05', doneAt: '2024-03-05' } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: breaches BFU_FOER_ANBR, 1 day overdue at asOf (daysLate 1), when investigations are imported but none is completed', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }), asOf: '2024-03-02', expected: { status: 'breached', deadline: '2024-03-01', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: BFU_FOER_ANBR is pending when the decision 01-03-2024 is after asOf and no investigation is completed yet', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }), asOf: '2024-02-20', expected: { status: 'pending', deadline: '2024-03-01', ...none } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: BFU_FOER_ANBR is unknown, not breached, when investigations were never imported', subject: placed('2024-03-05', { decisionDate: '2024-03-01' }), tables: without('investigations'), expected: { status: 'unknown', missing: [expect.stringMatching(/^investigations/)] } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: an empty "akut" is not ja, so the placement is screened', subject: placed('2024-03-05', { decisionDate: '2024-03-01', urgent: null }, ['2024-02-15']), expected: { status: 'met', doneAt: '2024-02-15' } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: BFU_FOER_ANBR is notApplicable to an urgent placement', subject: placed('2024-03-05', { decisionDate: '2024-03-01', urgent: true }), expected: { status: 'notApplicable', basis: ['Akut anbringelse'] } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: BFU_FOER_ANBR is notApplicable to a preventive measure', subject: placed('2024-03-05', { decisionDate: '2024-03-01', kind: 'preventive' }), expected: { status: 'notApplicable', basis: ['Foranstaltningen er ikke en anbringelse.'] } },
    { name: 'BFU_FOER_ANBR is unknown, not breached, when the placement has neither decision nor start date', subject: placed(null as unknown as string, {}, ['2024-02-15']), expected: { status: 'unknown', regime: null, deadline: null, missing: ['measures.decisionDate', 'measures.startDate'] } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: BFU_FOER_ANBR is unknown when the measure\u2019s type (scope field) is empty', subject: placed('2024-03-05', { decisionDate: '2024-03-01', kind: null }, ['2024-02-15']), expected: { status: 'unknown', missing: ['measures.kind'] } },
    { name: 'Serviceloven § 50, jf. § 58: a placement decided 31-12-2023 and started 02-01-2024 is under SEL', subject: placed('2024-01-02', { decisionDate: '2023-12-31' }, ['2023-12-20']), expected: { status: 'met', deadline: '2023-12-31', ...SEL('§ 50, jf. § 58'), trigger: '2023-12-31' } },
    { name: 'Barnets Lov § 20, jf. §§ 46–47: a placement decided 01-01-2024 is under Barnets Lov', subject: placed('2024-01-02', { decisionDate: '2024-01-01' }, ['2023-12-20']), expected: { status: 'met', deadline: '2024-01-01', ...BL('§ 20, jf. §§ 46–47') } },
    { name: 'Serviceloven § 50, jf. § 58: without a decision date, a start on 31-12-2023 puts the placement under SEL', subject: placed('2023-12-31', {}, ['2023-12-20']), expected: { status: 'met', deadline: '2023-12-31', ...SEL('§ 50, jf. § 58') } },
  ]);
});

describe('PLAN_RETTIDIG: action plan / barnets plan in time (SEL § 140 / BL § 91)', () => {
  const m = (kind: Measure['kind'], startDate: string, fields: Partial<Measure>, plans: ActionPlan[] = []) =>
    caseWith({ measures: [measure(startDate, { kind, ...fields })], actionPlans: plans });
  table('PLAN_RETTIDIG', [
    // Serviceloven § 140
    { name: 'Serviceloven § 140: meets PLAN_RETTIDIG when the plan is dated on the decision day of a planned placement', subject: m('placement', '2023-06-20', { decisionDate: '2023-06-15', urgent: false }, [plan('2023-06-15', { measureId: 'M-1' })]), expected: { status: 'met', deadline: '2023-06-15', doneAt: '2023-06-15', daysLate: null, ...SEL('§ 140') } },
    { name: 'Serviceloven § 140: breaches PLAN_RETTIDIG, 1 day late, when the plan is dated the day after the decision', subject: m('placement', '2023-06-20', { decisionDate: '2023-06-15', urgent: false }, [plan('2023-06-16')]), expected: { status: 'breached', deadline: '2023-06-15', doneAt: '2023-06-16', daysLate: 1, ...SEL('§ 140') } },
    { name: 'Serviceloven § 140: without a decision date the deadline is the start date 20-06-2023', subject: m('placement', '2023-06-20', {}, [plan('2023-06-20')]), expected: { status: 'met', deadline: '2023-06-20' } },
    { name: 'Serviceloven § 140: an urgent placement started 31-10-2023 has until start + 4 months = leap day 29-02-2024', subject: m('placement', '2023-10-31', { decisionDate: '2023-11-10', urgent: true }, [plan('2024-02-29')]), expected: { status: 'met', deadline: '2024-02-29', doneAt: '2024-02-29', ...SEL('§ 140') } },
    { name: 'Serviceloven § 140: breaches PLAN_RETTIDIG when the plan for an urgent placement started 31-10-2023 is dated 01-03-2024', subject: m('placement', '2023-10-31', { decisionDate: '2023-11-10', urgent: true }, [plan('2024-03-01')]), expected: { status: 'breached', deadline: '2024-02-29', doneAt: '2024-03-01', daysLate: 1 } },
    { name: 'Serviceloven § 140: an urgent placement started 31-10-2022 has until 28-02-2023', subject: m('placement', '2022-10-31', { decisionDate: '2022-11-02', urgent: true }, [plan('2023-02-28')]), expected: { status: 'met', deadline: '2023-02-28' } },
    { name: 'Serviceloven § 140: a preventive measure decided 10-05-2023 needs its plan by the decision day, whatever "plan nødvendig" says', subject: m('preventive', '2023-05-12', { decisionDate: '2023-05-10' }, [plan('2023-05-10')]), expected: { status: 'met', deadline: '2023-05-10', ...SEL('§ 140') } },
    { name: 'Serviceloven § 140: a consent placement decided 31-12-2023 is under SEL, so its plan is due on the decision day', subject: m('placement', '2024-01-05', { decisionDate: '2023-12-31', consent: true, urgent: false }, [plan('2023-12-31')]), expected: { status: 'met', deadline: '2023-12-31', ...SEL('§ 140'), trigger: '2023-12-31' } },
    // Barnets Lov § 91
    { name: 'Barnets Lov § 91: a consent placement decided 01-01-2024 is under Barnets Lov, plan due decision + 3 months = 01-04-2024', subject: m('placement', '2024-01-05', { decisionDate: '2024-01-01', consent: true }, [plan('2024-04-01')]), expected: { status: 'met', deadline: '2024-04-01', doneAt: '2024-04-01', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: meets PLAN_RETTIDIG when a placement without consent has its plan on the decision day', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: false }, [plan('2024-03-10')]), expected: { status: 'met', deadline: '2024-03-10', doneAt: '2024-03-10', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: breaches PLAN_RETTIDIG, 1 day late, when a placement without consent gets its plan the day after the decision', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: false }, [plan('2024-03-11')]), expected: { status: 'breached', deadline: '2024-03-10', doneAt: '2024-03-11', daysLate: 1 } },
    { name: 'Barnets Lov § 91: an urgent placement without consent still needs the plan by the decision day (no 4-month rule under BL)', subject: m('placement', '2024-03-10', { decisionDate: '2024-03-10', consent: false, urgent: true }, [plan('2024-03-11')]), expected: { status: 'breached', deadline: '2024-03-10', daysLate: 1 } },
    { name: 'Barnets Lov § 91: without a decision date a placement without consent needs the plan by the start date', subject: m('placement', '2024-03-11', { consent: false }, [plan('2024-03-11')]), expected: { status: 'met', deadline: '2024-03-11' } },
    { name: 'Barnets Lov § 91: meets PLAN_RETTIDIG when a consent placement decided 10-03-2024 has its plan on 10-06-2024', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }, [plan('2024-06-10')]), expected: { status: 'met', deadline: '2024-06-10', doneAt: '2024-06-10' } },
    { name: 'Barnets Lov § 91: breaches PLAN_RETTIDIG, 1 day late, when a consent placement decided 10-03-2024 gets its plan 11-06-2024', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }, [plan('2024-06-11')]), expected: { status: 'breached', deadline: '2024-06-10', doneAt: '2024-06-11', daysLate: 1 } },
    { name: 'Barnets Lov § 91: a consent placement decided 30-11-2024 has until 28-02-2025 (month end)', subject: m('placement', '2024-12-01', { decisionDate: '2024-11-30', consent: true }, [plan('2025-02-28')]), asOf: '2025-06-30', expected: { status: 'met', deadline: '2025-02-28' } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is unknown when a placement\u2019s consent is empty', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10' }, [plan('2024-03-10')]), expected: { status: 'unknown', missing: ['measures.consent'] } },
    { name: 'Barnets Lov § 91: support under § 32 with "plan nødvendig" = ja needs the plan by decision + 3 months (31-05-2024 → 31-08-2024)', subject: m('preventive', '2024-06-01', { decisionDate: '2024-05-31', planNeeded: true }, [plan('2024-08-31')]), expected: { status: 'met', deadline: '2024-08-31', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: support under § 32 decided 30-11-2027 has until leap day 29-02-2028', subject: m('preventive', '2027-12-01', { decisionDate: '2027-11-30', planNeeded: true }, [plan('2028-03-01')]), asOf: '2028-06-30', expected: { status: 'breached', deadline: '2028-02-29', doneAt: '2028-03-01', daysLate: 1 } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is notApplicable to § 32 support when the kommune decided no plan is needed', subject: m('preventive', '2024-06-01', { decisionDate: '2024-05-31', planNeeded: false }), expected: { status: 'notApplicable' } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is unknown for § 32 support when "plan nødvendig" is empty', subject: m('preventive', '2024-06-01', { decisionDate: '2024-05-31' }, [plan('2024-06-01')]), expected: { status: 'unknown', missing: ['measures.planNeeded'] } },
    // No plan by the deadline, and which plans count
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is pending on the deadline day when no plan exists yet', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }), asOf: '2024-06-10', expected: { status: 'pending', deadline: '2024-06-10', ...none } },
    { name: 'Barnets Lov § 91: breaches PLAN_RETTIDIG, 1 day overdue, when no plan exists the day after the deadline', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }), asOf: '2024-06-11', expected: { status: 'breached', deadline: '2024-06-10', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 91: breaches PLAN_RETTIDIG with the first later plan (20-06-2024) as doneAt when there is no plan by the deadline', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }, [plan('2024-07-01'), plan('2024-06-20')]), expected: { status: 'breached', deadline: '2024-06-10', doneAt: '2024-06-20', daysLate: 10 } },
    { name: 'Barnets Lov § 91: a plan tied to another measure does not count for this one', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }, [plan('2024-05-01', { measureId: 'M-2' })]), asOf: '2024-06-11', expected: { status: 'breached', deadline: '2024-06-10', doneAt: null, daysLate: 1 } },
    { name: 'Barnets Lov § 91: a plan with an empty measure id covers the case\u2019s measures and counts', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }, [plan('2024-05-01', { measureId: 'M-2' }), plan('2024-05-02', { measureId: null })]), expected: { status: 'met', deadline: '2024-06-10', doneAt: '2024-05-02' } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is unknown, not breached, when action plans were never imported', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: true }), tables: without('actionPlans'), expected: { status: 'unknown', missing: [expect.stringMatching(/^actionPlans/)] } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is unknown when the measure\u2019s type (scope field) is empty', subject: m(null, '2024-03-11', { decisionDate: '2024-03-10' }, [plan('2024-03-10')]), expected: { status: 'unknown', missing: ['measures.kind'] } },
    { name: 'Barnets Lov § 91: PLAN_RETTIDIG is notApplicable to a safety plan', subject: m('safetyPlan', '2024-03-11', { decisionDate: '2024-03-10' }), expected: { status: 'notApplicable', basis: ['Foranstaltningen er hverken en anbringelse eller en forebyggende foranstaltning.'] } },
    // Missing dates: unknown, never day arithmetic on an empty value; a plan without a date is no evidence.
    { name: 'PLAN_RETTIDIG is unknown, not breached, when the placement has neither decision nor start date', subject: m('placement', null as unknown as string, { consent: false }, [plan('2024-03-10')]), expected: { status: 'unknown', regime: null, deadline: null, missing: ['measures.decisionDate', 'measures.startDate'] } },
    { name: 'Serviceloven § 140: PLAN_RETTIDIG is unknown for an urgent placement decided 10-11-2023 without a start date (the 4 months run from the start)', subject: m('placement', null as unknown as string, { decisionDate: '2023-11-10', urgent: true }, [plan('2024-03-01')]), expected: { status: 'unknown', ...SEL('§ 140'), missing: ['measures.startDate'] } },
    { name: 'Barnets Lov § 91: a plan without a date does not count: breached, 1 day overdue at 11-03-2024 for a placement without consent decided 10-03-2024', subject: m('placement', '2024-03-11', { decisionDate: '2024-03-10', consent: false }, [plan(null as unknown as string)]), asOf: '2024-03-11', expected: { status: 'breached', deadline: '2024-03-10', doneAt: null, daysLate: 1 } },
  ]);
});

describe('PLAN_JOURNAL: plan filed (SEL § 140 / BL § 91)', () => {
  const p = (date: string, filed: boolean | null) => caseWith({ actionPlans: [plan(date, { filed })] });
  table('PLAN_JOURNAL', [
    { name: 'Barnets Lov § 91: meets PLAN_JOURNAL when the plan is filed', subject: p('2024-02-01', true), expected: { status: 'met', deadline: null, ...none, ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: breaches PLAN_JOURNAL when the plan is not filed', subject: p('2024-02-01', false), expected: { status: 'breached', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: PLAN_JOURNAL is unknown when "journaliseret" is empty', subject: p('2024-02-01', null), expected: { status: 'unknown', missing: ['actionPlans.filed'] } },
    { name: 'Serviceloven § 140: a plan dated 31-12-2023 is screened under SEL', subject: p('2023-12-31', true), expected: { status: 'met', ...SEL('§ 140') } },
    { name: 'Barnets Lov § 91: a plan dated 01-01-2024 is screened under Barnets Lov', subject: p('2024-01-01', false), expected: { status: 'breached', ...BL('§ 91') } },
    { name: 'PLAN_JOURNAL is unknown, not breached, when the plan has no date (no law to cite)', subject: p(null as unknown as string, false), expected: { status: 'unknown', regime: null, missing: ['actionPlans.date'], basis: ['Planens dato mangler.'] } },
    { name: 'PLAN_JOURNAL names both fields when the plan has neither date nor "journaliseret"', subject: p(null as unknown as string, null), expected: { status: 'unknown', missing: ['actionPlans.date', 'actionPlans.filed'] } },
  ]);
  it('Barnets Lov § 91: PLAN_JOURNAL screens each action plan of the case', () => {
    const c = caseWith({ actionPlans: [plan('2024-02-01', { filed: true }), plan('2024-05-01', { filed: false })] });
    expect(screen('PLAN_JOURNAL', c, {}).map((r) => r.status)).toEqual(['met', 'breached']);
  });
});

describe('PLAN_DELT: relevant parts of the plan given to the placement (SEL § 140, stk. 7 / BL § 91)', () => {
  const m = (kind: Measure['kind'], startDate: string, decisionDate: string | null, planSharedWithPlacement: boolean | null) =>
    caseWith({ measures: [measure(startDate, { kind, decisionDate, planSharedWithPlacement })] });
  table('PLAN_DELT', [
    { name: 'Barnets Lov § 91: meets PLAN_DELT when the plan was sent to the placement', subject: m('placement', '2024-02-05', '2024-02-01', true), expected: { status: 'met', deadline: null, ...none, ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: breaches PLAN_DELT when the plan was not sent to the placement', subject: m('placement', '2024-02-05', '2024-02-01', false), expected: { status: 'breached', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: PLAN_DELT is unknown when "plan sendt til anbringelsessted" is empty', subject: m('placement', '2024-02-05', '2024-02-01', null), expected: { status: 'unknown', missing: ['measures.planSharedWithPlacement'] } },
    { name: 'Serviceloven § 140, stk. 7: a placement decided 31-12-2023 is screened under SEL', subject: m('placement', '2024-01-03', '2023-12-31', true), expected: { status: 'met', ...SEL('§ 140, stk. 7') } },
    { name: 'Barnets Lov § 91: without a decision date, a placement started 01-01-2024 is screened under Barnets Lov', subject: m('placement', '2024-01-01', null, true), expected: { status: 'met', ...BL('§ 91') } },
    { name: 'Barnets Lov § 91: PLAN_DELT is notApplicable to a preventive measure', subject: m('preventive', '2024-02-05', '2024-02-01', null), expected: { status: 'notApplicable', ...BL('§ 91'), basis: ['Foranstaltningen er ikke en anbringelse.'] } },
    { name: 'Barnets Lov § 91: PLAN_DELT is unknown when the measure\u2019s type (scope field) is empty', subject: m(null, '2024-02-05', '2024-02-01', true), expected: { status: 'unknown', missing: ['measures.kind'] } },
  ]);
});
