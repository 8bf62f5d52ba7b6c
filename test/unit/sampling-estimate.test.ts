import { describe, expect, it } from 'vitest';
import { stratifiedEstimate, stratifiedFromRates } from '../../src/domain/sampling/estimate';

describe('stratified estimate of a compliance rate (STAT-VECTORS.md section 4)', () => {
  it('4a, the Scheaffer/Mendenhall/Ott "TV show X" setting: N_h 155, 62, 93; n_h 32, 14, 18; p̂_h 0.78, 0.35, 0.52', () => {
    const strata = [{ population: 155, reviewed: 32, rate: 0.78 }, { population: 62, reviewed: 14, rate: 0.35 }, { population: 93, reviewed: 18, rate: 0.52 }];
    const estimate = stratifiedFromRates(strata)!;
    expect(estimate.rate).toBeCloseTo(0.616, 6);
    expect(estimate.variance).toBeCloseTo(0.00270576, 8);
    expect(estimate.standardError).toBeCloseTo(0.052017, 6);
    expect(estimate.ci.high - estimate.rate).toBeCloseTo(0.101951, 5);
    expect(stratifiedFromRates(strata, 0.95, false)!.variance).toBeCloseTo(0.00340528, 8);
    expect(stratifiedFromRates([strata[0]!, strata[1]!, { ...strata[2]!, reviewed: 17 }])!.standardError).toBeCloseTo(0.052796, 6);
  });

  it('refuses counts that are not whole or do not fit (more compliant than reviewed)', () => {
    expect(() => stratifiedEstimate([{ population: 155, reviewed: 32, compliant: 24.96 }])).toThrow(RangeError);
    expect(() => stratifiedEstimate([{ population: 10, reviewed: 5, compliant: 6 }])).toThrow(RangeError);
  });

  it('4b, counts 6/30, 5/20, 1/10 of strata of 400, 150 and 50: rate 0.204167 (not the pooled 0.2), SE 0.053463', () => {
    const estimate = stratifiedEstimate([
      { population: 400, reviewed: 30, compliant: 6 },
      { population: 150, reviewed: 20, compliant: 5 },
      { population: 50, reviewed: 10, compliant: 1 },
    ])!;
    expect(estimate.rate).toBeCloseTo(0.204167, 6);
    expect(estimate.rate).not.toBeCloseTo(12 / 60, 3);
    expect(estimate.variance).toBeCloseTo(0.00285829, 8);
    expect(estimate.standardError).toBeCloseTo(0.053463, 6);
    expect(estimate.ci.low).toBeCloseTo(0.204167 - 1.959963984540054 * 0.053463, 5);
  });

  it('a stratum reviewed whole adds no sampling error, and none reviewed gives no estimate', () => {
    expect(stratifiedEstimate([{ population: 20, reviewed: 20, compliant: 15 }])).toMatchObject({ rate: 0.75, variance: 0 });
    expect(stratifiedEstimate([{ population: 20, reviewed: 0, compliant: 0 }])).toBeNull();
  });
});
