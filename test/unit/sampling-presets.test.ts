import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReviewers } from '../../src/domain/sampling/assign';
import type { SampleCase } from '../../src/domain/sampling/draw';
import { copenhagenPlans, drawPlans } from '../../src/domain/sampling/presets';

// 4 units of 60 cases, Døgnvagten with 12; 8 caseworkers.
const population: SampleCase[] = Array.from({ length: 252 }, (_, i) => ({
  caseNumber: `K-${String(i).padStart(4, '0')}`, unit: i < 240 ? `Enhed ${Math.floor(i / 60) + 1}` : 'Døgnvagten', group: null, caseworker: `SB ${i % 8}`,
}));

describe('the Copenhagen four-level model', () => {
  const draws = drawPlans(population, copenhagenPlans(), 2026);

  it('draws 3 per caseworker (one a month), 20 per unit + 5 from Døgnvagten, then 60 and 30 nested', () => {
    expect(draws.get(1)!.cases).toHaveLength(8 * 3);
    expect(draws.get(2)!.cases).toHaveLength(20 * 4 + 5);
    expect(draws.get(3)!.cases).toHaveLength(60);
    expect(draws.get(4)!.cases).toHaveLength(30);
    const level = (n: number) => new Set(draws.get(n)!.cases.map((c) => c.caseNumber));
    for (const c of level(3)) expect(level(2).has(c)).toBe(true);
    for (const c of level(4)) expect(level(3).has(c)).toBe(true);
  });

  it('draws the same four samples again from the same seed', () => {
    const again = drawPlans([...population].reverse(), copenhagenPlans(), 2026);
    for (const level of [1, 2, 3, 4]) expect(again.get(level)!.cases).toEqual(draws.get(level)!.cases);
    expect(drawPlans(population, copenhagenPlans(), 2027).get(2)!.cases).not.toEqual(draws.get(2)!.cases);
  });
});

describe('assigning reviewers', () => {
  it('never gives a reviewer a case of their own, and shares the cases evenly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 2, max: 6 }), fc.integer(), (count, reviewers, seed) => {
      const names = Array.from({ length: reviewers }, (_, i) => `SB ${i}`);
      const cases = population.slice(0, count);
      const { assigned, unassignable } = assignReviewers(cases, names, seed);
      expect(unassignable).toEqual([]);
      for (const c of cases) expect(assigned.get(c.caseNumber)).not.toBe(c.caseworker);
      const loads = names.map((name) => [...assigned.values()].filter((r) => r === name).length);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
    }));
  });

  it('reports a case that only its own caseworker could review', () => {
    expect(assignReviewers([{ caseNumber: 'S-1', caseworker: 'AB' }], ['AB'], 1)).toEqual({ assigned: new Map(), unassignable: ['S-1'] });
  });
});

describe('exclusions and the population key', () => {
  it('leaves out closed cases and cases reviewed in the last 6 months, counting each reason', async () => {
    const { applyExclusions, populationKeyText } = await import('../../src/domain/sampling/protocol');
    const cases = [
      { caseNumber: 'S-3', unit: 'Nord', group: null, caseworker: 'AB', closedAt: '2026-01-10' },
      { caseNumber: 'S-1', unit: 'Nord', group: null, caseworker: 'AB', closedAt: null },
      { caseNumber: 'S-2', unit: 'Nord', group: null, caseworker: 'AB', closedAt: null },
      { caseNumber: 'S-4', unit: 'Nord', group: null, caseworker: 'AB', closedAt: '2026-09-30' },
    ];
    // 31-03-2026 − 6 months = 30-09-2025: a review on 01-10-2025 is within, one on 30-09-2025 is not.
    const lastReviewed = new Map([['S-1', '2025-10-01'], ['S-2', '2025-09-30']]);
    const { kept, exclusions } = applyExclusions(cases, { asOf: '2026-03-31', excludeClosed: true, reviewedWithinMonths: 6, lastReviewed });
    expect(kept.map((c) => c.caseNumber)).toEqual(['S-2', 'S-4']);
    expect(exclusions).toEqual([{ reason: 'Lukket', count: 1 }, { reason: 'Med i et tilsyn inden for 6 måneder', count: 1 }]);
    expect(populationKeyText(cases)).toBe('S-1\nS-2\nS-3\nS-4');
  });
});
