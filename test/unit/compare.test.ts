import { describe, expect, it } from 'vitest';
import {
  compareQuestionTallies, compareRates, compareScreeningTallies, differenceInterval, formatPoints, newcombe, VERDICT_LABEL,
  type QuestionTally, type ScreeningTallies,
} from '../../src/domain/compare';

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
  const counts = (met: number, breached: number, metWithException = 0) => ({ met, metWithException, breached });
  const before: ScreeningTallies = {
    rules: [{ ruleId: 'BFU_4M', ...counts(10, 8, 2) }, { ruleId: 'UND_24T', ...counts(40, 10) }],
    units: new Map([['BFU_4M', [{ group: 'Øst', ...counts(8, 2) }, { group: 'Vest', ...counts(2, 6, 2) }]]]),
  };
  const after: ScreeningTallies = {
    rules: [{ ruleId: 'BFU_4M', ...counts(16, 2, 2) }, { ruleId: 'UND_24T', ...counts(30, 20) }, { ruleId: 'TILSYN_2X', ...counts(3, 1) }],
    units: new Map([['BFU_4M', [{ group: 'Øst', ...counts(7, 3) }, { group: 'Vest', ...counts(10, 0) }, { group: 'Nord', ...counts(1, 0) }]]]),
  };
  const table = compareScreeningTallies(before, after);

  it('compares every rule of either screening, in order', () => {
    expect(table.map((r) => r.ruleId)).toEqual(['BFU_4M', 'UND_24T', 'TILSYN_2X']);
    expect(table.map((r) => r.change.verdict)).toEqual(['better', 'worse', 'notComparable']);
    close(table[0]!.change.ci, 0.029361, 0.525279);
    close(table[1]!.change.ci, -0.363592, -0.020134);
    expect(table[1]!.change.difference).toBeCloseTo(-0.2, 12);
  });

  it('compares the units within a rule; a unit only in one screening cannot be compared', () => {
    const units = table[0]!.units;
    expect(units.map((u) => u.key)).toEqual(['Øst', 'Vest', 'Nord']);
    expect(units[0]!.change.difference).toBeCloseTo(-0.1, 12);
    close(units[0]!.change.ci, -0.435386, 0.264614);
    // Vest 4/10 → 10/10: +60 points. Wilson 4/10 = (0.168180, 0.687326), 10/10 = (0.722467, 1):
    // L = 0.6 − √((1 − 0.722467)² + (0.687326 − 0.4)²) = 0.200524, U = 0.6 + √(0 + (0.4 − 0.168180)²) = 0.831820.
    close(units[1]!.change.ci, 0.200524, 0.83182);
    expect(units[1]!.change.verdict).toBe('better');
    expect(units[2]!.change.verdict).toBe('notComparable');
    expect(table[1]!.units).toEqual([]);
  });
});

describe('two rounds per question', () => {
  const tally = (questionId: string, yes: number, exception: number, no: number, ci: QuestionTally['ci'] = null): QuestionTally => ({
    questionId, counts: { yes, exception, no }, rate: (yes + exception) / (yes + exception + no), ci,
    units: [{ unit: 'Øst', compliant: yes + exception, counted: yes + exception + no, rate: (yes + exception) / (yes + exception + no), ci: null }],
  });

  it('matches questions by id and compares each with its own interval', () => {
    const rows = compareQuestionTallies([tally('q1', 10, 2, 8), tally('q2', 5, 0, 5, { low: 0.4, high: 0.6 })], [tally('q1', 16, 2, 2), tally('q2', 7, 0, 3, { low: 0.55, high: 0.8 })]);
    expect(rows.map((r) => r.questionId)).toEqual(['q1', 'q2']);
    close(rows[0]!.change.ci, 0.029361, 0.525279);
    close(rows[1]!.change.ci, 0.019722, 0.341421);
    expect(rows[0]!.units[0]!.key).toBe('Øst');
    close(rows[0]!.units[0]!.change.ci, 0.029361, 0.525279);
  });
});

describe('formatPoints', () => {
  it.each([[0.3, '+30,0'], [-0.125, '-12,5'], [0, '0,0'], [-0.00001, '0,0']])('%f → %s', (d, text) => {
    expect(formatPoints(d)).toBe(text);
  });
});
