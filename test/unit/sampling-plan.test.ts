import { describe, expect, it } from 'vitest';
import { attributeSize, deviationUpperBound, marginForSize, sizeForMargin } from '../../src/domain/sampling/plan';

// Every expected value below is from STAT-VECTORS.md, with the source it names there.

describe('cases needed for a margin (Cochran 1977 §4.4, finite-population correction, rounded up last)', () => {
  // STAT-VECTORS.md section 3 [calc]; N=20/80/500 agree with Krejcie & Morgan (1970) Table 1 before their rounding to nearest.
  it.each([
    [0.05, 20, 20], [0.05, 80, 67], [0.05, 500, 218], [0.05, 1000, 278], [0.05, 4000, 351], [0.05, Infinity, 385],
    [0.10, 20, 17], [0.10, 80, 44], [0.10, 500, 81], [0.10, 1000, 88], [0.10, 4000, 94], [0.10, Infinity, 97],
    [0.20, 20, 12], [0.20, 80, 19], [0.20, 500, 23], [0.20, 1000, 24], [0.20, 4000, 24], [0.20, Infinity, 25],
    [0.22, 20, 11], [0.22, 80, 17], [0.22, 500, 20], [0.22, 1000, 20], [0.22, 4000, 20], [0.22, Infinity, 20],
  ])('±%s of N = %s needs %s cases', (margin, population, n) => {
    expect(sizeForMargin(margin, population)).toBe(n);
  });

  it('never asks for more cases than there are, and a known rate of 20 % needs fewer than the cautious 50 %', () => {
    expect(sizeForMargin(0.01, 15)).toBe(15);
    expect(sizeForMargin(0.1, Infinity, 0.95, 0.2)).toBeLessThan(sizeForMargin(0.1));
  });

  it('refuses a margin outside (0, 1) and a population that is no whole number', () => {
    expect(() => sizeForMargin(0, 100)).toThrow(RangeError);
    expect(() => sizeForMargin(0.1, 10.5)).toThrow(RangeError);
  });
});

describe('the margin a fixed number of cases gives (STAT-VECTORS.md section 3, reverse direction)', () => {
  it.each([
    [20, 500, 0.214918], [20, 4000, 0.218609], [20, Infinity, 0.219131],
    [30, 500, 0.173643], [30, 4000, 0.178269], [30, Infinity, 0.178919],
    [60, 500, 0.118801], [60, 4000, 0.125578], [60, Infinity, 0.126515],
  ])('%s cases of N = %s give ±%s', (n, population, margin) => {
    expect(marginForSize(n, population)).toBeCloseTo(margin, 6);
  });

  it('agrees with the forward direction: ±22 points needs 20 cases, and 20 cases give at most ±22 points', () => {
    expect(sizeForMargin(0.22)).toBe(20);
    expect(marginForSize(20)).toBeLessThanOrEqual(0.22);
  });

  it('a census has no margin', () => {
    expect(marginForSize(80, 80)).toBe(0);
  });
});

describe('attribute sampling, as jfa planning()', () => {
  // STAT-VECTORS.md 1a [calc]; each cell also in AICPA Audit Sampling (2017) tables as encoded in jfa's tests.
  it.each([
    [0.95, 0.02, 149, 236, 313], [0.95, 0.03, 99, 157, 208], [0.95, 0.05, 59, 93, 124], [0.95, 0.10, 29, 46, 61],
    [0.90, 0.02, 114, 194, 265], [0.90, 0.03, 76, 129, 176], [0.90, 0.05, 45, 77, 105], [0.90, 0.10, 22, 38, 52],
  ])('binomial, confidence %s, tolerable %s: k = 0, 1, 2 need %s, %s, %s', (confidence, tolerable, k0, k1, k2) => {
    expect([0, 1, 2].map((k) => attributeSize(tolerable, k, confidence).n)).toEqual([k0, k1, k2]);
  });

  it('jfa test-planning.R binomial values: T = 1 %, k = 0 → 299 (t7)', () => {
    expect(attributeSize(0.01, 0, 0.95)).toEqual({ n: 299, model: 'binomial' });
  });

  // STAT-VECTORS.md 1b [calc]; N = 1000, T = 5 % with k = 0 and k = 2 are jfa test values (f5-v0.1.0-t14, t16).
  it.each([
    [0.95, 0.05, 1000, [57, 90, 119]], [0.95, 0.05, 500, [56, 87, 114]], [0.95, 0.05, 100, [45, 65, 81]],
    [0.95, 0.03, 100, [63, 87, 99]], [0.90, 0.10, 1000, [22, 37, 51]], [0.90, 0.02, 500, [102, 168, 224]],
  ])('hypergeometric, confidence %s, tolerable %s, N = %s: k = 0, 1, 2 need %j', (confidence, tolerable, population, sizes) => {
    expect([0, 1, 2].map((k) => attributeSize(tolerable, k, confidence, population).n)).toEqual(sizes);
  });

  it('jfa test-planning.R hypergeometric values: N = 1000, T = 1 % → 258 (t13); N = 10000, T = 5 % → 59 (f5-v0.5.2-t1)', () => {
    expect(attributeSize(0.01, 0, 0.95, 1000)).toEqual({ n: 258, model: 'hypergeometric', populationDeviations: 10 });
    expect(attributeSize(0.05, 0, 0.95, 10_000).n).toBe(59);
  });

  it('says when no sample can do it: N = 100 holds 2 deviations at 2 %, so finding 2 never rules that out', () => {
    expect(attributeSize(0.02, 2, 0.95, 100)).toEqual({ n: null, model: 'hypergeometric', populationDeviations: 2 });
  });
});

describe('upper bound of the deviation rate (STAT-VECTORS.md 1c: AICPA tables A-3/A-4)', () => {
  it.each([
    [20, 0, 0.95, 0.139108], [20, 1, 0.95, 0.216106], [20, 2, 0.95, 0.282619], [60, 0, 0.95, 0.048703], [59, 0, 0.95, 0.049508], [20, 0, 0.90, 0.108749],
  ])('n = %s, k = %s at %s: %s', (n, k, confidence, bound) => {
    expect(deviationUpperBound(k, n, confidence)).toBeCloseTo(bound, 6);
  });

  it('is 1 − α^(1/n) with no deviations, so 59 cases without one keep the rate below 5 %', () => {
    expect(deviationUpperBound(0, 59)).toBeCloseTo(1 - 0.05 ** (1 / 59), 10);
    expect(deviationUpperBound(0, 59)).toBeLessThan(0.05);
  });
});
