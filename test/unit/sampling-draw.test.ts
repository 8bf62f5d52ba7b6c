import fc from 'fast-check';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, drawSample, exchangePairs, stratify, drawStrata, type Design, type SampleCase } from '../../src/domain/sampling/draw';

const UNITS = ['Nord', 'Syd', 'Øst', 'Vest', 'Døgnvagten'];
const GROUPS = ['undersøgelsesgruppe', 'børnegruppe', 'ungegruppe'];

/** A population of distinct case numbers spread over units, groups, caseworkers and risk bands. */
const populationArb = fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 0, maxLength: 300 }).map((numbers) =>
  numbers.map((n): SampleCase => ({
    caseNumber: `S-${n}`, unit: UNITS[n % 5]!, group: GROUPS[n % 3]!, caseworker: `Sagsbehandler ${n % 11}`,
    risk: (['høj', 'mellem', 'lav'] as const)[n % 7 === 0 ? 0 : n % 3 === 0 ? 1 : 2],
  })));

const designArb: fc.Arbitrary<Design> = fc.oneof(
  fc.record({ kind: fc.constant('simple' as const), n: fc.integer({ min: 0, max: 80 }) }),
  fc.record({ kind: fc.constant('stratified' as const), by: fc.constantFrom('unit' as const, 'group' as const, 'caseworker' as const), perStratum: fc.integer({ min: 0, max: 25 }), sizes: fc.constant({ Døgnvagten: 5 }) }),
  fc.record({ kind: fc.constant('proportional' as const), by: fc.constantFrom('unit' as const, 'caseworker' as const), n: fc.integer({ min: 0, max: 120 }), atLeastOne: fc.boolean() }),
  fc.record({ kind: fc.constant('risk' as const), fractions: fc.constant({ høj: 0.5, mellem: 0.2, lav: 0.05 }), minimum: fc.integer({ min: 0, max: 3 }) }),
  fc.constant({ kind: 'targeted' as const }),
);
const seedArb = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

describe('drawing a sample: properties over random populations, designs and seeds (fast-check)', () => {
  it('never draws a case twice, never more than a stratum holds, and the strata add up', () => {
    fc.assert(fc.property(populationArb, designArb, seedArb, (population, design, seed) => {
      const draw = drawSample(population, design, seed);
      const numbers = draw.cases.map((c) => c.caseNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const s of draw.strata) expect(s.drawn).toBeLessThanOrEqual(s.population);
      expect(draw.strata.reduce((sum, s) => sum + s.population, 0)).toBe(population.length);
      expect(draw.strata.reduce((sum, s) => sum + s.drawn, 0)).toBe(draw.cases.length);
      for (const c of draw.cases) expect(population.some((p) => p.caseNumber === c.caseNumber)).toBe(true);
    }));
  });

  it('gives the same sample for the same seed and population, whatever order the rows come in', () => {
    fc.assert(fc.property(populationArb, designArb, seedArb, (population, design, seed) => {
      const reversed = [...population].reverse();
      expect(drawSample(reversed, design, seed).cases).toEqual(drawSample(population, design, seed).cases);
    }));
  });

  it('draws a nested sample that is a subset of its parent sample', () => {
    fc.assert(fc.property(populationArb, seedArb, seedArb, fc.integer({ min: 0, max: 40 }), (population, seed, childSeed, n) => {
      const parent = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: 20 }, seed);
      const parentCases = population.filter((c) => parent.cases.some((p) => p.caseNumber === c.caseNumber));
      const child = drawSample(parentCases, { kind: 'simple', n }, childSeed);
      for (const c of child.cases) expect(parent.cases.map((p) => p.caseNumber)).toContain(c.caseNumber);
    }));
  });

  it('keeps the cases already drawn when the same seed draws more', () => {
    fc.assert(fc.property(populationArb, seedArb, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (population, seed, a, b) => {
      const small = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: Math.min(a, b) }, seed).cases.map((c) => c.caseNumber);
      const large = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: Math.max(a, b) }, seed).cases.map((c) => c.caseNumber);
      for (const caseNumber of small) expect(large).toContain(caseNumber);
    }));
  });

  it('pairs units so that no unit ever reviews itself, each unit reviewing and reviewed once', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 12 }), seedArb, (units, seed) => {
      const pairs = exchangePairs(units, seed);
      expect([...pairs.keys()].sort()).toEqual([...units].sort());
      expect([...pairs.values()].sort()).toEqual([...units].sort());
      for (const [reviewer, reviewed] of pairs) expect(reviewed).not.toBe(reviewer);
    }));
  });
});

describe('designs, by example', () => {
  const population: SampleCase[] = Array.from({ length: 130 }, (_, i) => ({
    caseNumber: `S-${String(i + 1).padStart(3, '0')}`, unit: i < 60 ? 'Nord' : i < 120 ? 'Syd' : 'Døgnvagten', group: GROUPS[i % 3]!, caseworker: `SB ${i % 6}`,
  }));

  it('level 2 of the Copenhagen model: 20 per unit and 5 from Døgnvagten, each with its inclusion probability', () => {
    const draw = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: 20, sizes: { Døgnvagten: 5 } }, 2026);
    expect(draw.strata).toEqual([
      { key: 'Døgnvagten', population: 10, drawn: 5, takenWhole: false, short: false },
      { key: 'Nord', population: 60, drawn: 20, takenWhole: false, short: false },
      { key: 'Syd', population: 60, drawn: 20, takenWhole: false, short: false },
    ]);
    expect(draw.cases.find((c) => c.stratum === 'Nord')!.probability).toBeCloseTo(20 / 60, 12);
    expect(draw.cases.find((c) => c.stratum === 'Døgnvagten')!.probability).toBe(0.5);
  });

  it('takes a stratum with fewer cases than asked for whole, and says so', () => {
    const draw = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: 20 }, 1);
    expect(draw.strata.find((s) => s.key === 'Døgnvagten')).toEqual({ key: 'Døgnvagten', population: 10, drawn: 10, takenWhole: true, short: true });
  });

  it('one per caseworker is a stratified design with one case per caseworker', () => {
    const draw = drawSample(population, { kind: 'stratified', by: 'caseworker', perStratum: 1 }, 7);
    expect(draw.cases.map((c) => c.stratum).sort()).toEqual(['SB 0', 'SB 1', 'SB 2', 'SB 3', 'SB 4', 'SB 5']);
  });

  it('a targeted design is a census of its population', () => {
    const draw = drawSample(population.slice(0, 12), { kind: 'targeted' }, 3);
    expect(draw.cases.map((c) => c.probability)).toEqual(Array(12).fill(1));
  });

  it('allocates proportionally with the largest remainder: 10 over 60/60/10 is 5/4/1 (remainders .6 .6 .8 → ties to the first)', () => {
    // Quotas 10·60/130 = 4.615, 4.615, 0.769: floors 4, 4, 0; the two left go to 0.769 and the first 0.615.
    expect(allocateProportionally([60, 60, 10], 10)).toEqual([5, 4, 1]);
    expect(allocateProportionally([1000, 10, 10], 3, true)).toEqual([1, 1, 1]);
    expect(allocateProportionally([3, 50], 20)).toEqual([1, 19]);
    expect(allocateProportionally([3, 5], 20)).toEqual([3, 5]);
  });

  it('replaces a case found out of scope with the next one of its stratum in the same order, marked as a replacement', () => {
    const design: Design = { kind: 'stratified', by: 'unit', perStratum: 20 };
    const draw = drawSample(population, design, 11);
    const gone = draw.cases.find((c) => c.stratum === 'Syd')!.caseNumber;
    // The next in Syd's seeded order is the 21st case a draw of 21 per unit takes in Syd.
    const next = drawSample(population, { ...design, perStratum: 21 }, 11).cases.filter((c) => c.stratum === 'Syd')[20]!.caseNumber;
    const replaced = drawSample(population, design, 11, [{ kind: 'outOfScope', caseNumber: gone }]);
    expect(replaced.cases.at(-1)).toEqual({ caseNumber: next, stratum: 'Syd', probability: 20 / 60, replacement: true, replaces: gone });
    expect(replaced.outOfScope).toEqual([gone]);
    expect(replaced.strata.find((s) => s.key === 'Syd')!.drawn).toBe(20);
  });

  it('an extension after a replacement keeps both, and adds the cases after them in the order', () => {
    const design: Design = { kind: 'simple', n: 5 };
    const order = drawSample(population, { kind: 'simple', n: 9 }, 4).cases.map((c) => c.caseNumber);
    const draw = drawSample(population, design, 4, [{ kind: 'outOfScope', caseNumber: order[1]! }, { kind: 'extend', design: { kind: 'simple', n: 7 } }]);
    // 5 drawn; the 2nd out of scope and replaced by the 6th; extended to 7 in scope: the 7th and 8th.
    expect(draw.cases.map((c) => [c.caseNumber, c.replacement])).toEqual([
      [order[0], false], [order[1], false], [order[2], false], [order[3], false], [order[4], false], [order[5], true], [order[6], false], [order[7], false],
    ]);
    expect(draw.cases.every((c) => c.probability === 7 / 130)).toBe(true);
  });

  it('the cross-unit exchange: 4 units review each other two by two, 2 cases from each of the 3 groups of the partner', () => {
    const four = population.map((c, i) => ({ ...c, unit: ['A', 'B', 'C', 'D'][i % 4]! }));
    const draw = drawSample(four, { kind: 'exchange', groups: GROUPS, perGroup: 2 }, 99);
    expect(draw.cases).toHaveLength(4 * 3 * 2);
    const reviewerOf = new Map<string, string>();
    for (const c of draw.cases) {
      const unit = four.find((f) => f.caseNumber === c.caseNumber)!.unit;
      expect(c.reviewedBy).not.toBe(unit);
      reviewerOf.set(unit, c.reviewedBy!);
    }
    // Two by two: A reviews B exactly when B reviews A.
    for (const [unit, reviewer] of reviewerOf) expect(reviewerOf.get(reviewer)).toBe(unit);
  });

  it('the exchange pairs only units with cases in the chosen groups', () => {
    const withEmpty = [...population.slice(0, 60).map((c) => ({ ...c, unit: 'A' })), ...population.slice(60, 120).map((c) => ({ ...c, unit: 'B' })), { ...population[120]!, unit: 'Tom', group: 'andet' }];
    const draw = drawSample(withEmpty, { kind: 'exchange', groups: GROUPS, perGroup: 2 }, 5);
    expect(new Set(draw.cases.map((c) => c.reviewedBy))).toEqual(new Set(['A', 'B']));
    expect(draw.strata.reduce((n, s) => n + s.population, 0)).toBe(120);
  });

  it('refuses a seed the generator cannot tell apart from another, in Danish', () => {
    expect(() => drawSample(population, { kind: 'simple', n: 1 }, 2 ** 32 + 5)).toThrow('Frøet skal være et helt tal');
    expect(() => drawSample(population, { kind: 'simple', n: 1 }, 1.5)).toThrow('Frøet skal være et helt tal');
  });

  it('stores a population by stratum and draws the same from it again', () => {
    const design: Design = { kind: 'stratified', by: 'unit', perStratum: 7 };
    const strata = stratify([...population].reverse(), design);
    expect([...strata.keys()]).toEqual(['Døgnvagten', 'Nord', 'Syd']);
    expect(strata.get('Døgnvagten')).toEqual(['S-121', 'S-122', 'S-123', 'S-124', 'S-125', 'S-126', 'S-127', 'S-128', 'S-129', 'S-130']);
    expect(drawStrata(new Map(JSON.parse(JSON.stringify([...strata]))), design, 8)).toEqual(drawSample(population, design, 8));
  });
});

describe('selection frequencies match the inclusion probabilities (chi-square over 2,000 seeds)', () => {
  // Each case's count over the seeds is binomial with the probability the draw records for it;
  // the scaled squares summed are about chi-square. A generous bound: the 99.9 % quantile.
  function chiSquare(population: readonly SampleCase[], design: Design): { chi2: number; cases: number } {
    const seeds = 2000;
    const hits = new Map<string, number>();
    const recorded = new Map<string, number>();
    for (let seed = 0; seed < seeds; seed++) {
      for (const c of drawSample(population, design, seed).cases) {
        hits.set(c.caseNumber, (hits.get(c.caseNumber) ?? 0) + 1);
        // The probability is the design's, the same whatever the seed.
        if (recorded.has(c.caseNumber)) expect(c.probability).toBe(recorded.get(c.caseNumber));
        recorded.set(c.caseNumber, c.probability);
      }
    }
    let chi2 = 0;
    for (const c of population) {
      const p = recorded.get(c.caseNumber)!;
      chi2 += ((hits.get(c.caseNumber) ?? 0) - seeds * p) ** 2 / (seeds * p * (1 - p));
    }
    return { chi2, cases: population.length };
  }

  it('a stratified design: Nord 6 of 30 (p = 0.2), Syd 6 of 10 (p = 0.6)', () => {
    const population: SampleCase[] = Array.from({ length: 40 }, (_, i) => ({ caseNumber: `S-${i}`, unit: i < 30 ? 'Nord' : 'Syd', group: null, caseworker: 'x' }));
    const { chi2 } = chiSquare(population, { kind: 'stratified', by: 'unit', perStratum: 6 });
    // 40 cases; the strata's fixed totals take 2 degrees of freedom.
    expect(chi2).toBeLessThan(jStat.chisquare.inv(0.999, 38));
  });

  it('a risk design topped up per unit: unequal probabilities within each unit', () => {
    const bands = ['høj', 'mellem', 'lav'] as const;
    const population: SampleCase[] = Array.from({ length: 90 }, (_, i) => ({ caseNumber: `R-${String(i).padStart(2, '0')}`, unit: i < 45 ? 'A' : 'B', group: null, caseworker: 'x', risk: bands[i % 3] }));
    const { chi2, cases } = chiSquare(population, { kind: 'risk', fractions: { høj: 0.5, mellem: 0.2, lav: 0.05 }, minimum: 1, perUnit: 15 });
    // 6 strata (unit × band) with fixed totals.
    expect(chi2).toBeLessThan(jStat.chisquare.inv(0.999, cases - 6));
  });
});
