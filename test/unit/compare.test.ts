import { describe, expect, it } from 'vitest';
import { compareRates, compareRounds, compareScreenings, differenceInterval, formatPoints, newcombe, VERDICT_LABEL } from '../../src/domain/compare';
import type { ComplianceCell, ScreeningCompliance } from '../../src/domain/report/compliance';
import type { QuestionCompliance, RoundCompliance } from '../../src/domain/report/review-compliance';

/**
 * Expected values by hand from the formulas (z = 1.959964, 6 decimals):
 * Wilson 12/20 = (0.386582, 0.781193), 18/20 = (0.698966, 0.972134),
 *        8/10 = (0.490162, 0.943318),  7/10 = (0.396778, 0.892209),
 *        40/50 = (0.669629, 0.887562), 30/50 = (0.461814, 0.723916).
 * Newcombe, after − before:
 *   18/20 − 12/20 = +0.30: L = 0.30 − √((0.9 − 0.698966)² + (0.781193 − 0.6)²) = 0.029361,
 *                           U = 0.30 + √((0.972134 − 0.9)² + (0.6 − 0.386582)²) = 0.525279;
 *   7/10 − 8/10 = −0.10: (−0.435386, 0.264614);   30/50 − 40/50 = −0.20: (−0.363592, −0.020134).
 */
const close = (ci: { low: number; high: number } | null, low: number, high: number) => {
  expect(ci).not.toBeNull();
  expect(ci!.low).toBeCloseTo(low, 6);
  expect(ci!.high).toBeCloseTo(high, 6);
};

describe("Newcombe's hybrid score interval", () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, table II, method 10, examples (a) and (b).
  it('gives the published limits for 56/70 − 48/80 and 9/10 − 3/10', () => {
    expect(newcombe(48, 80, 56, 70)!.low).toBeCloseTo(0.0524, 4);
    expect(newcombe(48, 80, 56, 70)!.high).toBeCloseTo(0.3339, 4);
    expect(newcombe(3, 10, 9, 10)!.low).toBeCloseTo(0.1705, 4);
    expect(newcombe(3, 10, 9, 10)!.high).toBeCloseTo(0.809, 4);
  });

  it('is null when a side has nothing counted', () => {
    expect(newcombe(0, 0, 3, 10)).toBeNull();
  });

  it('carries a design-based interval into the difference (MOVER)', () => {
    // 0.5 (0.40–0.60) → 0.7 (0.55–0.80): L = 0.2 − √(0.15² + 0.1²), U = 0.2 + √(0.1² + 0.1²).
    close(differenceInterval({ rate: 0.5, ci: { low: 0.4, high: 0.6 } }, { rate: 0.7, ci: { low: 0.55, high: 0.8 } }), 0.019722, 0.341421);
  });
});

describe('compareRates', () => {
  it('calls 12/20 → 18/20 a significant improvement of 30 points', () => {
    const change = compareRates({ compliant: 12, counted: 20, rate: 0.6, ci: null }, { compliant: 18, counted: 20, rate: 0.9, ci: null });
    expect(change.difference).toBeCloseTo(0.3, 12);
    close(change.ci, 0.029361, 0.525279);
    expect(change.significant).toBe(true);
    expect(change.verdict).toBe('better');
    expect(VERDICT_LABEL[change.verdict]).toBe('Signifikant ændring: bedre');
  });

  it('calls 8/10 → 7/10 no clear change', () => {
    const change = compareRates({ compliant: 8, counted: 10, rate: 0.8, ci: null }, { compliant: 7, counted: 10, rate: 0.7, ci: null });
    close(change.ci, -0.435386, 0.264614);
    expect(change.verdict).toBe('noClearChange');
    expect(change.significant).toBe(false);
  });

  it('uses a side\u2019s own interval when it has one (a weighted round)', () => {
    const change = compareRates({ compliant: 5, counted: 10, rate: 0.5, ci: { low: 0.4, high: 0.6 } }, { compliant: 7, counted: 10, rate: 0.7, ci: { low: 0.55, high: 0.8 } });
    close(change.ci, 0.019722, 0.341421);
    expect(change.verdict).toBe('better');
  });

  it('cannot compare a side without a rate', () => {
    expect(compareRates(null, { compliant: 1, counted: 1, rate: 1, ci: null }).verdict).toBe('notComparable');
    expect(compareRates({ compliant: 0, counted: 0, rate: null, ci: null }, { compliant: 1, counted: 2, rate: 0.5, ci: null }).difference).toBeNull();
  });
});

describe('two screenings per rule and unit', () => {
  /** A cell of rule × unit × quarter (indexes into the lists below) with compliant and non-compliant counts. */
  const cell = (rule: number, unit: number, quarter: number, compliant: number, nonCompliant: number): ComplianceCell =>
    ({ rule, unit, quarter, compliant, nonCompliant, pending: 1, unknown: 1, notRelevant: 1 });
  // BFU_4M: Øst 8/10 (5/6 in K1 + 3/4 in K2), Vest 4/10: 12/20. UND_24T: 40/50 in Øst.
  const before: ScreeningCompliance = {
    basis: 'census', rules: ['BFU_4M', 'UND_24T'], units: ['Vest', 'Øst'], quarters: ['2025 K1', '2025 K2'],
    cells: [cell(0, 0, 0, 4, 6), cell(0, 1, 0, 5, 1), cell(0, 1, 1, 3, 1), cell(1, 1, 1, 40, 10)],
  };
  // BFU_4M: Øst 7/10, Vest 10/10, Nord 1/1: 18/21, and Syd with nothing counted. UND_24T: 30/50. TILSYN_2X only here.
  const after: ScreeningCompliance = {
    basis: 'census', rules: ['BFU_4M', 'UND_24T', 'TILSYN_2X'], units: ['Nord', 'Syd', 'Vest', 'Øst'], quarters: ['2025 K3'],
    cells: [cell(0, 0, 0, 1, 0), cell(0, 1, 0, 0, 0), cell(0, 2, 0, 10, 0), cell(0, 3, 0, 7, 3), cell(1, 3, 0, 30, 20), cell(2, 3, 0, 0, 0)],
  };
  const table = compareScreenings(before, after);

  it('compares every rule of either screening, in order, over all units and quarters', () => {
    expect(table.map((r) => r.ruleId)).toEqual(['BFU_4M', 'UND_24T', 'TILSYN_2X']);
    expect(table.map((r) => r.change.verdict)).toEqual(['noClearChange', 'worse', 'notComparable']);
    expect(table[0]!.change.before).toEqual({ compliant: 12, counted: 20, rate: 0.6, ci: expect.anything() });
    expect(table[0]!.change.after).toMatchObject({ compliant: 18, counted: 21 });
    // 12/20 → 18/21 is +25,7 points, yet not more than chance: Wilson 18/21 = (0.653639, 0.950190),
    // L = 0.257143 − √((0.857143 − 0.653639)² + (0.781193 − 0.6)²) = −0.015336, U = 0.257143 + √((0.950190 − 0.857143)² + (0.6 − 0.386582)²) = 0.489963.
    close(table[0]!.change.ci, -0.015336, 0.489963);
    close(table[1]!.change.ci, -0.363592, -0.020134);
    expect(table[1]!.change.difference).toBeCloseTo(-0.2, 12);
  });

  it('compares the units within a rule; a unit only in one screening cannot be compared, one with nothing counted is left out', () => {
    const units = table[0]!.units;
    expect(units.map((u) => u.key)).toEqual(['Vest', 'Øst', 'Nord']);
    expect(units[1]!.change.difference).toBeCloseTo(-0.1, 12);
    close(units[1]!.change.ci, -0.435386, 0.264614);
    // Vest 4/10 → 10/10: +60 points. Wilson 4/10 = (0.168180, 0.687326), 10/10 = (0.722467, 1):
    // L = 0.6 − √((1 − 0.722467)² + (0.687326 − 0.4)²) = 0.200524, U = 0.6 + √(0 + (0.4 − 0.168180)²) = 0.831820.
    close(units[0]!.change.ci, 0.200524, 0.83182);
    expect(units[0]!.change.verdict).toBe('better');
    expect(units[2]!.change.verdict).toBe('notComparable');
    expect(table[2]!.units).toEqual([]);
  });
});

describe('two rounds per question', () => {
  const q = (questionId: string, unit: string | null, compliant: number, nonCompliant: number, ci: QuestionCompliance['ci'] = null): QuestionCompliance => ({
    questionId, text: questionId, ruleId: null, unit, method: 'wilson', basis: 'sample', compliant, nonCompliant, pending: 0, unknown: 0, notRelevant: 0,
    n: compliant + nonCompliant, rate: compliant + nonCompliant ? compliant / (compliant + nonCompliant) : null, ci,
  });
  const round = (rows: [string, number, number, QuestionCompliance['ci']][]): RoundCompliance => ({
    overall: rows.map(([id, x, no, ci]) => q(id, null, x, no, ci)),
    byUnit: rows.flatMap(([id, x, no]) => [q(id, 'Øst', x, no), q(id, 'Vest', 0, 0)]),
  });

  it('matches questions by id and compares each with its own interval (Wilson on the counts for a census side)', () => {
    const rows = compareRounds(round([['q1', 12, 8, null], ['q2', 5, 5, { low: 0.4, high: 0.6 }]]), round([['q1', 18, 2, null], ['q2', 7, 3, { low: 0.55, high: 0.8 }]]));
    expect(rows.map((r) => r.questionId)).toEqual(['q1', 'q2']);
    close(rows[0]!.change.ci, 0.029361, 0.525279);
    close(rows[1]!.change.ci, 0.019722, 0.341421);
    expect(rows[0]!.units.map((u) => u.key)).toEqual(['Øst']);
    close(rows[0]!.units[0]!.change.ci, 0.029361, 0.525279);
  });
});

describe('formatPoints', () => {
  it.each([[0.3, '+30,0'], [-0.125, '-12,5'], [0, '0,0'], [-0.00001, '0,0']])('%f → %s', (d, text) => {
    expect(formatPoints(d)).toBe(text);
  });
});
