import { describe, expect, it } from 'vitest';
import { composeReport, type ComposeRequest, type RoundPart, type ScreeningPart } from '../../src/domain/report/compose';

const request: ComposeRequest = {
  id: 'R', title: ' Udvalget K2 ', kommune: 'Fiktiv Kommune', createdAt: '2024-07-05T08:00:00.000Z', createdBy: 'Test Fiktiv', demo: true,
  quarters: ['2024 K2', '2024 K1'], units: [], today: '2024-07-05', appVersion: '1.0.0', thresholds: { green: 90, yellow: 75 },
};
const rate = (compliant: number, n: number) => ({ compliant, n, rate: n ? compliant / n : null, ci: n ? { low: 0.1, high: 0.9 } : null });

const screening: ScreeningPart = {
  record: { id: 'S', asOf: '2024-06-30', ruleSetVersion: '2026.2', caseCount: 10 },
  cells: [
    { ruleId: 'BFU_4M', unit: 'Nord', quarter: '2024 K1', ...rate(1, 2) },
    { ruleId: 'BFU_4M', unit: 'Nord', quarter: '2024 K2', ...rate(3, 3) },
    { ruleId: 'BFU_4M', unit: 'Syd', quarter: '2024 K2', ...rate(0, 0) },
    { ruleId: 'BFU_4M', unit: 'Syd', quarter: '2023 K4', ...rate(1, 1) },
  ],
  totals: [{ ruleId: 'BFU_4M', ...rate(4, 5) }],
  unitTotals: [{ ruleId: 'BFU_4M', unit: 'Nord', ...rate(4, 5) }],
};

/** A level of the ledelsestilsyn with the same question, answered in one unit. */
const level = (n: number, unit: string, compliant: number, counted: number): RoundPart => ({
  round: { id: `L${n}`, name: `Niveau ${n}: runde`, level: n, quarter: '2024 K2' }, method: n === 2 ? 'stratified' : 'weighted',
  protocol: [['Frø', '42'], ['Population', 'Sager i 010203-1234s enhed']], strata: [],
  questions: [{ id: 'plan', text: 'Er planen rettidig?', ruleId: 'PLAN_RETTIDIG', overall: rate(compliant, counted), byUnit: [{ unit, ...rate(compliant, counted) }] }],
  findings: counted > compliant ? [{ caseNumber: 'S-1', question: 'Er planen rettidig?', unit, comment: 'CPR 010203-1234 i journalen', reviewer: 'Anne Fiktiv' }] : [],
});

describe('composing a report', () => {
  const report = composeReport(request, screening, [level(3, 'Nord', 1, 2), level(2, 'Nord', 5, 6)], {
    areas: [{ id: 'A', title: 'Planer', questions: [], rules: [], from: null, createdAt: '2024-07-01T08:00:00.000Z' }],
    actions: [{ id: 'X', focusArea: 'A', text: 'Tjekliste', owner: 'Leder Fiktiv', deadline: '2024-07-01', status: 'inProgress', updatedAt: '2024-07-01T08:00:00.000Z' }],
  });

  it('lays out a unit\'s screening quarters, then its rounds by level, and leaves out quarters not chosen', () => {
    expect(report.quarters).toEqual(['2024 K1', '2024 K2']);
    expect(report.units).toEqual(['Nord', 'Syd']);
    expect(report.columns.map((c) => `${c.unit}|${c.quarter}|${c.level ?? c.source}`)).toEqual([
      'Nord|2024 K1|Screening', 'Nord|2024 K2|Screening', 'Nord|2024 K2|2', 'Nord|2024 K2|3', 'Syd|2024 K1|Screening', 'Syd|2024 K2|Screening',
    ]);
  });

  it('puts a rule\'s counts in its screening columns, and an empty cell where nothing was counted', () => {
    const bfu = report.rows.find((r) => r.id === 'BFU_4M')!;
    expect(bfu.cells.map((c) => (c ? `${c.compliant}/${c.counted}` : null))).toEqual(['1/2', '3/3', null, null, null, null]);
    expect(bfu).toMatchObject({ kind: 'rule', label: 'Børnefaglig undersøgelse afsluttet inden 4 måneder', legalRef: 'Serviceloven § 50 / Barnets Lov § 20', method: 'census', total: { compliant: 4, counted: 5 } });
    expect(bfu.units!.map((c) => c && c.counted)).toEqual([5, null]);
  });

  it('makes one row of a question asked at several levels, each level in its column, without one total', () => {
    const plan = report.rows.filter((r) => r.kind === 'question');
    expect(plan).toHaveLength(1);
    expect(plan[0]!.cells.map((c) => (c ? `${c.compliant}/${c.counted}` : null))).toEqual([null, null, '5/6', '1/2', null, null]);
    expect(plan[0]!.total).toBeNull();
    expect(report.rounds.map((r) => r.level)).toEqual([2, 3]);
  });

  it('copies texts with CPR-like values masked, the plan with overdue marked, the title trimmed and the DEMO mark', () => {
    const finding = { caseNumber: 'S-1', question: 'Er planen rettidig?', unit: 'Nord', comment: 'CPR 010203-xxxx i journalen', reviewer: 'Anne Fiktiv' };
    expect(report.findings).toEqual([{ round: 'Niveau 2: runde', ...finding }, { round: 'Niveau 3: runde', ...finding }]);
    expect(report.rounds[0]!.protocol).toContainEqual(['Population', 'Sager i 010203-xxxxs enhed']);
    expect(report.plan).toEqual([{ area: 'Planer', action: 'Tjekliste', owner: 'Leder Fiktiv', deadline: '2024-07-01', status: 'inProgress', overdue: true }]);
    expect(report).toMatchObject({ title: 'Udvalget K2', demo: true, thresholds: { green: 90, yellow: 75 }, format: 1 });
  });

  it('keeps only the chosen units', () => {
    const syd = composeReport({ ...request, units: ['Syd'] }, screening, [level(2, 'Nord', 5, 6)], { areas: [], actions: [] });
    expect(syd.units).toEqual(['Syd']);
    expect(syd.columns.every((c) => c.unit === 'Syd')).toBe(true);
    expect(syd.findings).toEqual([]);
  });
});
