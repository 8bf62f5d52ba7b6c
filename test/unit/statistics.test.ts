import { describe, expect, it } from 'vitest';
import { clopperPearson, rate, wilson, zFor } from '../../src/domain/statistics';

const Z = 1.959963984540054;

/**
 * STAT-VECTORS.md section 2a, "Requested vectors" (two-sided 95 %, 6 decimals):
 * x, n, Wilson L, Wilson U, Clopper–Pearson L, Clopper–Pearson U. The Wilson-CC columns are not
 * implemented here and so are left out.
 */
const VECTORS_2A: [number, number, number, number, number, number][] = [
  [0, 20, 0.0, 0.161125, 0.0, 0.168433],
  [1, 20, 0.008881, 0.236131, 0.001265, 0.248733],
  [10, 20, 0.299298, 0.700702, 0.271958, 0.728042],
  [19, 20, 0.763869, 0.991119, 0.751267, 0.998735],
  [20, 20, 0.838875, 1.0, 0.831567, 1.0],
  [17, 78, 0.140768, 0.321607, 0.132391, 0.325862],
  [37, 39, 0.831144, 0.985822, 0.826755, 0.993728],
  [44, 100, 0.34672, 0.537719, 0.340836, 0.542813],
  [0, 60, 0.0, 0.060172, 0.0, 0.059629],
];

describe('Wilson score interval', () => {
  // toBeCloseTo(v, 6) allows |Δ| < 5e-7: the same value at 6 decimals.
  it.each(VECTORS_2A)('%i/%i gives the STAT-VECTORS 2a limits', (x, n, low, high) => {
    const ci = wilson(x, n)!;
    expect(ci.low).toBeCloseTo(low, 6);
    expect(ci.high).toBeCloseTo(high, 6);
  });

  it.each([20, 60, 1, 1000])('has upper limit z²/(n + z²) for 0/%i', (n) => {
    expect(wilson(0, n)!.high).toBeCloseTo((Z * Z) / (n + Z * Z), 12);
  });

  it('uses z = 1.959963984540054 at 95 %, not 1.96, and the normal quantile at other levels', () => {
    expect(zFor(0.95)).toBe(Z);
    expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 9);
    expect(zFor(0.99)).toBeCloseTo(2.5758293035489004, 9);
  });

  it('narrows at 90 % and widens at 99 %', () => {
    const at95 = wilson(10, 20)!;
    expect(wilson(10, 20, 0.9)!.low).toBeGreaterThan(at95.low);
    expect(wilson(10, 20, 0.99)!.high).toBeGreaterThan(at95.high);
  });
});

describe('Clopper–Pearson exact interval', () => {
  it.each(VECTORS_2A)('%i/%i gives the STAT-VECTORS 2a limits', (x, n, _wl, _wu, low, high) => {
    const ci = clopperPearson(x, n)!;
    expect(ci.low).toBeCloseTo(low, 6);
    expect(ci.high).toBeCloseTo(high, 6);
  });

  it('has 0 as lower limit for x = 0 and 1 as upper limit for x = n', () => {
    expect(clopperPearson(0, 20)!.low).toBe(0);
    expect(clopperPearson(20, 20)!.high).toBe(1);
  });
});

describe('both intervals', () => {
  it.each([
    [1, 20],
    [17, 78],
    [37, 39],
    [44, 100],
    [0, 60],
  ])('mirror each other for %i/%i and its complement (L ↔ 1 − U)', (x, n) => {
    for (const method of [wilson, clopperPearson]) {
      const ci = method(x, n)!;
      const mirror = method(n - x, n)!;
      expect(ci.low).toBeCloseTo(1 - mirror.high, 10);
      expect(ci.high).toBeCloseTo(1 - mirror.low, 10);
    }
  });

  it('give no interval when nothing was reviewed (n = 0)', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(clopperPearson(0, 0)).toBeNull();
  });

  it('reject counts that cannot be, as programming errors', () => {
    expect(() => wilson(21, 20)).toThrow(RangeError);
    expect(() => wilson(-1, 20)).toThrow(RangeError);
    expect(() => clopperPearson(1.5, 20)).toThrow(RangeError);
    expect(() => clopperPearson(1, 20, 1)).toThrow(RangeError);
  });

  it('contain the observed share', () => {
    for (const [x, n] of VECTORS_2A) {
      for (const ci of [wilson(x, n)!, clopperPearson(x, n)!]) {
        expect(ci.low).toBeLessThanOrEqual(x / n);
        expect(ci.high).toBeGreaterThanOrEqual(x / n);
      }
    }
  });
});

describe('compliance rate', () => {
  it('is the compliant share of the counted cases', () => {
    expect(rate(17, 3)).toBe(0.85);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 0)).toBe(1);
  });

  it('is null, not 0 %, when nothing was counted', () => {
    expect(rate(0, 0)).toBeNull();
  });
});
