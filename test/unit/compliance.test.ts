import { describe, expect, it } from 'vitest';
import { rollUp, screeningCompliance, tally, type ComplianceRow } from '../../src/domain/report/compliance';
import { roundCompliance } from '../../src/domain/report/review-compliance';
import { complianceTrend, quarterEnds, TrendBuilder } from '../../src/domain/report/trend';
import { encodeColumns } from '../../src/domain/rules/case-columns';
import { RULES } from '../../src/domain/rules/catalog';
import { ResultTable } from '../../src/domain/rules/result-table';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { RuleResult, ScreeningSettings } from '../../src/domain/rules/types';
import type { Question } from '../../src/domain/review/templates';
import type { Answer } from '../../src/domain/review/templates';
import { emptyEvents, EVENT_TABLES, type CaseBundle, type Investigation } from '../../src/domain/types';

/** Wilson 95 % intervals worked out by hand (z = 1,959964, z² = 3,841459): (2x + z² ± z·√(z² + 4x(n−x)/n)) / (2(n + z²)). */
const WILSON_2_OF_4 = { low: 0.150039, high: 0.849961 };
const WILSON_1_OF_1 = { low: 0.206549, high: 1 };
const WILSON_3_OF_4 = { low: 0.300642, high: 0.954413 };
const WILSON_2_OF_3 = { low: 0.20766, high: 0.938508 };

const closeTo = (interval: { low: number; high: number }) => ({ low: expect.closeTo(interval.low, 5), high: expect.closeTo(interval.high, 5) });

const result = (fields: Partial<RuleResult>): RuleResult => ({
  ruleId: 'BFU_4M', caseNumber: 'S-1', subject: 'investigation:U1', status: 'met', deadline: null, doneAt: null, daysLate: null, regime: 'BL',
  legalRef: 'Barnets Lov § 20', basis: '', trigger: null, ...fields,
});

describe('compliance of a screening per rule, unit and quarter (census)', () => {
  // S-1 in Nord, S-2 in Syd, S-3 without a unit.
  const units = new Map([['S-1', 'Nord'], ['S-2', 'Syd']]);
  const table = ResultTable.of([
    result({ caseNumber: 'S-1', status: 'met', deadline: '2024-05-05', trigger: '2024-01-05' }),
    result({ caseNumber: 'S-1', status: 'breached', deadline: '2024-06-30', trigger: '2024-02-28' }),
    result({ caseNumber: 'S-2', status: 'breached', deadline: '2024-07-01', trigger: '2024-03-01' }),
    result({ caseNumber: 'S-2', status: 'pending', deadline: '2024-10-15', trigger: '2024-06-15' }),
    result({ ruleId: 'PLAN_DELT', caseNumber: 'S-1', status: 'metWithException', trigger: '2023-12-31' }),
    result({ ruleId: 'PLAN_DELT', caseNumber: 'S-2', status: 'unknown', trigger: null, regime: null }),
    result({ ruleId: 'PLAN_DELT', caseNumber: 'S-3', status: 'notApplicable', trigger: '2024-02-10' }),
    // Its trigger is in 2023 K4 but its deadline in 2024 K2: the deadline's quarter counts.
    result({ caseNumber: 'S-3', status: 'met', deadline: '2024-04-01', trigger: '2023-12-01' }),
  ]);
  const compliance = screeningCompliance(table, (c) => units.get(c));
  const row = (r: Partial<ComplianceRow>) => expect.objectContaining(r);

  it('lists rules in screening order, units in Danish order and quarters ascending, ukendt last', () => {
    expect(compliance.rules).toEqual(['BFU_4M', 'PLAN_DELT']);
    expect(compliance.units).toEqual(['Nord', 'Syd', 'ukendt']);
    expect(compliance.quarters).toEqual(['2023 K4', '2024 K1', '2024 K2', '2024 K3', '2024 K4', 'ukendt']);
    expect(compliance.basis).toBe('census');
  });

  it('rates each rule as compliant / (compliant + non-compliant), counting pending, unknown and not relevant apart', () => {
    const byRule = rollUp(compliance, ['rule']);
    expect(byRule).toEqual([
      { ruleId: 'BFU_4M', unit: null, quarter: null, compliant: 2, nonCompliant: 2, pending: 1, unknown: 0, notRelevant: 0, n: 4, rate: 0.5, ci: closeTo(WILSON_2_OF_4), basis: 'census' },
      { ruleId: 'PLAN_DELT', unit: null, quarter: null, compliant: 1, nonCompliant: 0, pending: 0, unknown: 1, notRelevant: 1, n: 1, rate: 1, ci: closeTo(WILSON_1_OF_1), basis: 'census' },
    ]);
  });

  it('splits a rule by unit, a case without a unit in ukendt', () => {
    expect(rollUp(compliance, ['rule', 'unit'], { ruleId: 'BFU_4M' })).toEqual([
      row({ unit: 'Nord', compliant: 1, nonCompliant: 1, n: 2, rate: 0.5 }),
      row({ unit: 'Syd', nonCompliant: 1, pending: 1, n: 1, rate: 0 }),
      row({ unit: 'ukendt', compliant: 1, n: 1, rate: 1 }),
    ]);
  });

  it('puts a result in the quarter of its deadline, else of its trigger, else ukendt; a quarter with only pending has no rate', () => {
    expect(rollUp(compliance, ['rule', 'quarter'], { ruleId: 'BFU_4M' })).toEqual([
      row({ quarter: '2024 K2', compliant: 2, nonCompliant: 1, n: 3, rate: 2 / 3, ci: closeTo(WILSON_2_OF_3) }),
      row({ quarter: '2024 K3', nonCompliant: 1, n: 1, rate: 0 }),
      row({ quarter: '2024 K4', pending: 1, n: 0, rate: null, ci: null }),
    ]);
    expect(rollUp(compliance, ['quarter'], { ruleId: 'PLAN_DELT' }).map((r) => [r.quarter, r.compliant, r.unknown, r.notRelevant])).toEqual([
      ['2023 K4', 1, 0, 0], ['2024 K1', 0, 0, 1], ['ukendt', 0, 1, 0],
    ]);
  });

  it('gives one cell per rule, unit and quarter, and nothing for a filter that names no rule', () => {
    expect(rollUp(compliance, ['rule', 'unit', 'quarter'], { unit: 'Nord' }).map((r) => [r.ruleId, r.quarter, r.compliant, r.nonCompliant])).toEqual([
      ['BFU_4M', '2024 K2', 1, 1], ['PLAN_DELT', '2023 K4', 1, 0],
    ]);
    expect(rollUp(compliance, ['rule'], { ruleId: 'SAMVAER' })).toEqual([]);
  });

  it('survives the trip between threads as plain data', () => {
    expect(structuredClone(compliance)).toEqual(compliance);
  });
});

describe('tally', () => {
  it('has no rate and no interval when nothing was decided', () => {
    expect(tally({ compliant: 0, nonCompliant: 0, pending: 3, unknown: 1, notRelevant: 2 })).toMatchObject({ n: 0, rate: null, ci: null });
  });
});

describe('compliance of a review round per question and unit (sample)', () => {
  const questions: Question[] = [
    { id: 'q1', text: 'Er undersøgelsen afsluttet inden 4 måneder?', ruleId: 'BFU_4M' },
    { id: 'q2', text: 'Peger undersøgelsen på anbringelse?', kind: 'descriptive' },
    { id: 'q3', text: 'Er barnet inddraget?' },
  ];
  const cases = [
    { caseNumber: 'A1', unit: 'Nord' }, { caseNumber: 'A2', unit: 'Nord' }, { caseNumber: 'A3', unit: 'Nord' },
    { caseNumber: 'B1', unit: 'Syd' }, { caseNumber: 'B2', unit: 'Syd' },
  ].map((c) => ({ ...c, stratum: 'alle', probability: 1 }));
  const answers: Record<string, Partial<Record<string, Answer>>> = {
    q1: { A1: 'yes', A2: 'exception', A3: 'no', B1: 'yes' },
    q2: { A1: 'yes', A2: 'no', A3: 'no', B1: 'no', B2: 'yes' },
    q3: { A1: 'notRelevant', A2: 'yes', A3: 'yes', B1: 'yes', B2: 'yes' },
  };
  const answerOf = (c: string, q: string) => answers[q]?.[c];

  it('estimates a simple random sample with Wilson and labels it a sample; descriptive questions have no rate', () => {
    const { overall } = roundCompliance(questions, cases, answerOf, { kind: 'simple', n: 5 }, [], false);
    expect(overall).toEqual([
      { questionId: 'q1', text: questions[0]!.text, ruleId: 'BFU_4M', unit: null, method: 'wilson', basis: 'sample', compliant: 3, nonCompliant: 1, pending: 1, unknown: 0, notRelevant: 0, n: 4, rate: 0.75, ci: closeTo(WILSON_3_OF_4) },
      expect.objectContaining({ questionId: 'q3', ruleId: null, compliant: 4, notRelevant: 1, n: 4, rate: 1 }),
    ]);
  });

  it('rates each unit from its own reviewed cases with Wilson', () => {
    const { byUnit } = roundCompliance(questions, cases, answerOf, { kind: 'simple', n: 5 }, [], false);
    expect(byUnit.filter((r) => r.questionId === 'q1')).toEqual([
      expect.objectContaining({ unit: 'Nord', compliant: 2, nonCompliant: 1, n: 3, rate: 2 / 3, ci: closeTo(WILSON_2_OF_3), basis: 'sample' }),
      expect.objectContaining({ unit: 'Syd', compliant: 1, pending: 1, n: 1, rate: 1, ci: closeTo(WILSON_1_OF_1) }),
    ]);
  });

  it('labels a targeted selection a census, with no interval', () => {
    const { overall, byUnit } = roundCompliance(questions, cases, answerOf, { kind: 'targeted' }, [], false);
    expect(overall[0]).toMatchObject({ basis: 'census', method: 'census', rate: 0.75, ci: null });
    expect(byUnit.every((r) => r.basis === 'census' && r.ci === null)).toBe(true);
  });
});

describe('quarter ends', () => {
  it.each([
    ['2024-08-15', 2, ['2024-03-31', '2024-06-30']],
    ['2024-06-30', 3, ['2023-12-31', '2024-03-31', '2024-06-30']],
    ['2024-01-01', 1, ['2023-12-31']],
    ['2025-12-31', 5, ['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31']],
  ] as const)('as of %s, the last %i are %j', (asOf, count, expected) => {
    expect(quarterEnds(asOf, count)).toEqual(expected);
  });
});

describe('trend per quarter: the same cases screened as of each quarter end', () => {
  let seq = 0;
  const investigation = (startedAt: string | null, completedAt: string | null): Investigation => ({
    id: `U${++seq}`, caseNumber: '', startedAt, completedAt, interimAssessmentAt: null, recommendsPlacement: null,
  });
  const caseOf = (caseNumber: string, inv: Investigation): CaseBundle => ({
    caseNumber, cpr: null, birthDate: null, unit: 'Nord', group: null, caseworker: 'AB', openedAt: null, closedAt: null, awareAt: null,
    events: { ...emptyEvents(), investigations: [{ ...inv, caseNumber }] },
  });
  // BFU_4M alone: the deadline is the start + 4 months.
  const cases = [
    caseOf('C1', investigation('2023-11-10', '2024-03-01')), // frist 10-03-2024 (K1), i tide
    caseOf('C2', investigation('2023-11-20', '2024-04-02')), // frist 20-03-2024 (K1), for sent
    caseOf('C3', investigation('2024-01-15', null)), // frist 15-05-2024 (K2), ikke afsluttet 30-06-2024
    caseOf('C4', investigation('2024-02-29', '2024-06-29')), // frist 29-06-2024 (K2), på dagen
    caseOf('C5', investigation('2024-02-01', '2024-05-20')), // frist 01-06-2024 (K2), i tide
    caseOf('C6', investigation('2024-03-15', null)), // frist 15-07-2024 (K3): in neither quarter
    caseOf('C7', investigation(null, null)), // no start at all: unknown, in no quarter
  ];
  const settings: ScreeningSettings = { ...DEFAULT_SETTINGS, enabled: Object.fromEntries(RULES.map((r) => [r.id, r.id === 'BFU_4M'])) };
  const contextAt = (asOf: string) => ({ asOf, settings, importedTables: new Set(EVENT_TABLES) });

  it('rates each quarter by the deadlines that fell in it, as they stood on its last day', () => {
    const trend = complianceTrend(cases, ['2024-03-31', '2024-06-30'], contextAt);
    expect(trend.rules).toEqual(['BFU_4M']);
    expect(trend.quarters.map((q) => [q.quarter, q.asOf])).toEqual([['2024 K1', '2024-03-31'], ['2024 K2', '2024-06-30']]);
    expect(trend.quarters[0]!.rules[0]).toMatchObject({ compliant: 1, nonCompliant: 1, pending: 0, unknown: 0, n: 2, rate: 0.5, ci: closeTo(WILSON_1_OF_2), basis: 'census' });
    expect(trend.quarters[1]!.rules[0]).toMatchObject({ compliant: 2, nonCompliant: 1, pending: 0, unknown: 0, n: 3, rate: 2 / 3, ci: closeTo(WILSON_2_OF_3) });
  });

  it('gives the same trend from the cases in two chunks as whole, and reports each quarter screened', () => {
    const whole = complianceTrend(cases, ['2024-03-31', '2024-06-30'], contextAt);
    const builder = new TrendBuilder(['2024-03-31', '2024-06-30'], contextAt);
    const done: number[] = [];
    builder.add(encodeColumns(cases.slice(0, 3)), (q) => done.push(q));
    builder.add(encodeColumns(cases.slice(3)), (q) => done.push(q));
    expect(builder.result()).toEqual(whole);
    expect(done).toEqual([1, 2, 1, 2]);
  });
});

const WILSON_1_OF_2 = { low: 0.094531, high: 0.905469 };
