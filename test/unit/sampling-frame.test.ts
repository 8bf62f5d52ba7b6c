import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseReason, describeDesign, describeMargin, protocolLines } from '../../src/domain/sampling/describe';
import { designSize, drawSample, withSize, type SampleCase } from '../../src/domain/sampling/draw';
import { defaultQuarter, describeFilter, filterPopulation, frameCase, quarter, quarterOf, riskBand, type FrameCase } from '../../src/domain/sampling/frame';
import { designMargin, marginForSize, sizeForMargin } from '../../src/domain/sampling/plan';
import { PRESETS } from '../../src/domain/sampling/presets';
import type { SampleProtocol } from '../../src/domain/sampling/protocol';
import { emptyEvents, type CaseBundle, type Measure } from '../../src/domain/types';

const bundle = (measures: Partial<Measure>[] = []): CaseBundle => ({
  caseNumber: 'S-1', cpr: null, birthDate: null, unit: 'Nord', group: 'Børn', caseworker: 'AB', openedAt: '2024-01-10', closedAt: null, awareAt: null,
  events: { ...emptyEvents(), measures: measures.map((m, i) => ({ id: `m${i}`, caseNumber: 'S-1', measureId: `M${i}`, kind: null, paragraph: null, consent: null, urgent: null, startDate: '2025-01-01', endDate: null, decisionDate: null, childConversationAt: null, conversationWaived: null, supporterOffered: null, parentsInformed: null, placementChoiceJustified: null, contactDecided: null, planSharedWithPlacement: null, managementApproved: null, planNeeded: null, ...m }) as Measure) },
});
const clean = { breached: false, unknown: false };

describe('risk bands from the latest screening', () => {
  it('high: a breached rule, a safety plan running on the screening date, or a placement running without consent', () => {
    expect(riskBand(bundle(), { breached: true, unknown: false }, '2025-06-30')).toBe('høj');
    expect(riskBand(bundle([{ kind: 'safetyPlan', startDate: '2025-06-01', endDate: '2025-06-30' }]), clean, '2025-06-30')).toBe('høj');
    expect(riskBand(bundle([{ kind: 'placement', consent: false }]), clean, '2025-06-30')).toBe('høj');
  });

  it('medium: a placement running with consent, or a rule the screening could not decide; low: the rest', () => {
    expect(riskBand(bundle([{ kind: 'placement', consent: true }]), clean, '2025-06-30')).toBe('mellem');
    expect(riskBand(bundle(), { breached: false, unknown: true }, '2025-06-30')).toBe('mellem');
    // The safety plan ended 29-06-2025, the day before the screening date: no longer running.
    expect(riskBand(bundle([{ kind: 'safetyPlan', startDate: '2025-06-01', endDate: '2025-06-29' }]), clean, '2025-06-30')).toBe('lav');
    // A placement that starts the day after the screening date does not count yet.
    expect(riskBand(bundle([{ kind: 'placement', consent: false, startDate: '2025-07-01' }]), clean, '2025-06-30')).toBe('lav');
  });
});

describe('the population filter', () => {
  const frame: FrameCase[] = [
    { caseNumber: 'A', unit: 'Nord', group: 'Børn', caseworker: 'AB', openedAt: '2025-10-01', closedAt: null },
    { caseNumber: 'B', unit: 'Nord', group: 'Unge', caseworker: 'AB', openedAt: '2025-01-01', closedAt: '2025-09-30' },
    { caseNumber: 'C', unit: 'Syd', group: 'Børn', caseworker: 'CD', openedAt: '2026-01-01', closedAt: null },
    { caseNumber: 'D', unit: 'Syd', group: null, caseworker: 'CD', openedAt: null, closedAt: '2025-10-01', safetyPlans: [['2025-12-01', null]] },
    { caseNumber: 'E', unit: 'Øst', group: 'Børn', caseworker: 'EF', openedAt: '2025-12-31', closedAt: null, safetyPlans: [['2025-11-01', '2025-11-30']] },
  ];
  const q4 = quarter(2025, 4);

  it('keeps the cases active in the period: opened by its end, not closed before its start (an unknown opening counts as open)', () => {
    // B closed 30-09-2025, the day before 4th quarter; C opened 01-01-2026, the day after it.
    expect(filterPopulation(frame, { period: q4 }).map((c) => c.caseNumber)).toEqual(['A', 'D', 'E']);
  });

  it('filters units and groups, and a safety plan running on a date', () => {
    expect(filterPopulation(frame, { units: ['Syd', 'Øst'], groups: ['Børn'] }).map((c) => c.caseNumber)).toEqual(['C', 'E']);
    expect(filterPopulation(frame, { safetyPlanOn: '2025-12-31' }).map((c) => c.caseNumber)).toEqual(['D']);
    expect(filterPopulation(frame, { safetyPlanOn: '2025-11-30' }).map((c) => c.caseNumber)).toEqual(['E']);
  });

  it('says the filter in words for the protocol', () => {
    expect(describeFilter({})).toBe('Alle sager');
    expect(describeFilter({ period: q4, units: ['Nord', 'Syd', 'Øst'] })).toBe('Sager aktive 01-10-2025–31-12-2025 i Nord, Syd og Øst');
    expect(describeFilter({ safetyPlanOn: '2017-12-31' })).toBe('Sager med en sikkerhedsplan, der løber 31-12-2017');
  });

  it('keeps what a sample needs of a case, and its safety-plan periods', () => {
    const c = frameCase(bundle([{ kind: 'safetyPlan', startDate: '2025-03-01', endDate: '2025-03-31' }, { kind: 'placement' }]), 'høj');
    expect(c).toEqual({ caseNumber: 'S-1', unit: 'Nord', group: 'Børn', caseworker: 'AB', openedAt: '2024-01-10', closedAt: null, risk: 'høj', safetyPlans: [['2025-03-01', '2025-03-31']] });
  });
});

describe('quarters', () => {
  it('knows a quarter\u2019s days and months, also in a leap year', () => {
    expect(quarter(2024, 1)).toEqual({ year: 2024, quarter: 1, from: '2024-01-01', to: '2024-03-31', label: '1. kvartal 2024', months: ['2024-01-01', '2024-02-01', '2024-03-01'] });
    expect(quarter(2025, 4).to).toBe('2025-12-31');
    expect(quarterOf('2026-08-15').label).toBe('3. kvartal 2026');
  });

  it('suggests the last whole quarter, or the quarter of the newest case when the data ends earlier', () => {
    const frame = (openedAt: string): FrameCase[] => [{ caseNumber: 'A', unit: 'N', group: null, caseworker: 'X', openedAt, closedAt: null }];
    // 27-11-2026 is in 4th quarter 2026, so the last whole one is the 3rd.
    expect(defaultQuarter(frame('2026-11-02'), '2026-11-27').label).toBe('3. kvartal 2026');
    // The demo kommune's newest case is from December 2025.
    expect(defaultQuarter(frame('2025-12-20'), '2026-11-27').label).toBe('4. kvartal 2025');
    expect(defaultQuarter([], '2026-01-01').label).toBe('4. kvartal 2025');
  });
});

const population: SampleCase[] = Array.from({ length: 120 }, (_, i) => ({
  caseNumber: `K-${String(i).padStart(3, '0')}`, unit: `Enhed ${(i % 4) + 1}`, group: ['Undersøgelse', 'Børn', 'Unge'][i % 3]!, caseworker: `SB ${i % 10}`,
}));

describe('margins beside a fixed size', () => {
  it('a simple random sample: 20 cases of a large population give about ±22 points (1.96·√(0.25/20) = 0.219)', () => {
    expect(designMargin([{ population: 1_000_000, drawn: 20 }])).toBeCloseTo(marginForSize(20, 1_000_000), 12);
    expect(describeMargin([{ population: 1_000_000, drawn: 20 }], { kind: 'simple', n: 20 })).toBe('20 sager af 1.000.000 giver ca. ±22 procentpoint (95 % sikkerhed, ved en andel omkring 50 %)');
  });

  it('a stratified design combines the strata by their weights', () => {
    // Two strata of 100 with 20 each: W = ½, e_h = 1.95996·√(0.25/20)·√(80/99) = 0.21913·0.89893 = 0.19698;
    // e = √(¼·e_h² + ¼·e_h²) = e_h/√2 = 0.13929.
    expect(designMargin([{ population: 100, drawn: 20 }, { population: 100, drawn: 20 }])).toBeCloseTo(0.13929, 5);
    expect(designMargin([{ population: 100, drawn: 20 }, { population: 50, drawn: 0 }])).toBeNull();
    expect(designMargin([{ population: 30, drawn: 30 }])).toBe(0);
  });

  it('a targeted census says it has no sampling error and holds only for its filter', () => {
    expect(describeMargin([{ population: 84, drawn: 84 }], { kind: 'targeted' })).toBe('Totaltælling af 84 sager: ingen stikprøveusikkerhed, men resultatet gælder kun filteret');
  });
});

describe('why each case is in the sample', () => {
  it('names the stratum, the counts and the probability, or that the stratum was taken whole', () => {
    const draw = drawSample(population, { kind: 'stratified', by: 'unit', perStratum: 20, sizes: { 'Enhed 4': 40 } }, 7);
    const strata = new Map(draw.strata.map((s) => [s.key, s]));
    const one = draw.cases.find((c) => c.stratum === 'Enhed 1')!;
    expect(caseReason(one, strata.get('Enhed 1'), { kind: 'simple', n: 1 })).toBe('Tilfældigt udtrukket: 20 af 30 i Enhed 1; sandsynlighed 66,7\u00a0%');
    const whole = draw.cases.find((c) => c.stratum === 'Enhed 4')!;
    expect(caseReason(whole, strata.get('Enhed 4'), { kind: 'simple', n: 1 })).toBe('Alle 30 sager i Enhed 4 er med (færre end ønsket)');
  });

  it('a nested sample names the sample it was drawn from and the probability over both draws', () => {
    const stratum = { key: 'alle', population: 125, drawn: 60, takenWhole: false, short: false };
    // 20 of 380 in the unit at level 2, then 60 of 125: 20/380 · 60/125 = 0.02526.
    const c = { caseNumber: 'S-1', stratum: 'alle', probability: (20 / 380) * (60 / 125), replacement: false };
    expect(caseReason(c, stratum, { kind: 'simple', n: 60 }, 'Niveau 2')).toBe('Tilfældigt udtrukket: 60 af 125 fra stikprøven «Niveau 2»; samlet sandsynlighed 2,5\u00a0%');
  });

  it('says what a replacement replaces', () => {
    const first = drawSample(population, { kind: 'simple', n: 5 }, 3).cases[0]!.caseNumber;
    const { cases } = drawSample(population, { kind: 'simple', n: 5 }, 3, [{ kind: 'outOfScope', caseNumber: first }]);
    expect(cases).toHaveLength(6);
    expect(caseReason(cases[5]!, undefined, { kind: 'simple', n: 5 })).toBe(`Erstatning for ${first} uden for målgruppen: den næste i samme tilfældige rækkefølge; sandsynlighed 4,2\u00a0%`);
  });

  it('describes each design in words', () => {
    expect(describeDesign({ kind: 'stratified', by: 'unit', perStratum: 20, sizes: { Døgnvagten: 5 } })).toBe('Stratificeret efter enhed: 20 pr. enhed (Døgnvagten: 5)');
    expect(describeDesign(PRESETS.riskBased)).toBe('Risikostratificeret: 50\u00a0% af høj, 20\u00a0% af mellem og 5\u00a0% af lav risiko, mindst 5 pr. bånd');
    expect(describeDesign({ ...PRESETS.riskBased, minimum: 1, perUnit: 5 })).toBe('Risikostratificeret i hver enhed: 50\u00a0% af høj, 20\u00a0% af mellem og 5\u00a0% af lav risiko, mindst 1 pr. bånd og mindst 5 pr. enhed');
    expect(describeDesign(PRESETS.exchange)).toBe('Krydsgennemgang: hver enhed gennemgår 2 sager fra hver af grupperne Undersøgelse, Børn og Unge i en anden enhed (enhederne parres tilfældigt; ved et ulige antal går tre på omgang)');
  });
});

describe('replacements and extensions', () => {
  it('replaces a replacement found out of scope with the next case of the stratum', () => {
    const design = { kind: 'stratified', by: 'unit', perStratum: 3 } as const;
    const order = drawSample(population, { ...design, perStratum: 5 }, 11).cases;
    const gone = order[0]!;
    const inStratum = order.filter((c) => c.stratum === gone.stratum).map((c) => c.caseNumber);
    const { cases } = drawSample(population, design, 11, [{ kind: 'outOfScope', caseNumber: gone.caseNumber }, { kind: 'outOfScope', caseNumber: inStratum[3]! }]);
    // Enhed 1 has 30 cases, 3 drawn: p = 3/30 for all, in scope or not.
    expect(cases.slice(-2)).toEqual([
      { caseNumber: inStratum[3], stratum: gone.stratum, probability: 0.1, replacement: true, replaces: gone.caseNumber },
      { caseNumber: inStratum[4], stratum: gone.stratum, probability: 0.1, replacement: true, replaces: inStratum[3] },
    ]);
  });

  it('extending with the same seed keeps every case drawn before (simple, stratified, exchange)', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom<'simple' | 'stratified' | 'exchange'>('simple', 'stratified', 'exchange'), (seed, size, more, kind) => {
      const design = kind === 'simple' ? { kind, n: size } as const : kind === 'stratified' ? { kind, by: 'caseworker', perStratum: size } as const : PRESETS.exchange;
      const small = drawSample(population, withSize(design, Math.min(size, 5)), seed).cases.map((c) => c.caseNumber);
      const large = new Set(drawSample(population, withSize(design, Math.min(size, 5) + more), seed).cases.map((c) => c.caseNumber));
      expect(small.every((c) => large.has(c))).toBe(true);
    }));
    expect(designSize({ kind: 'targeted' })).toBeNull();
    expect(() => withSize({ kind: 'targeted' }, 3)).toThrow(RangeError);
  });
});

describe('the cross-unit exchange as a design', () => {
  it('draws 2 of each group per unit, each case marked with the unit reviewing it, never its own', () => {
    const draw = drawSample(population, PRESETS.exchange, 2026);
    expect(draw.cases).toHaveLength(4 * 3 * 2);
    for (const c of draw.cases) {
      const unit = population.find((p) => p.caseNumber === c.caseNumber)!.unit;
      expect(c.reviewedBy).toBeDefined();
      expect(c.reviewedBy).not.toBe(unit);
      expect(c.stratum.startsWith(`${unit} · `)).toBe(true);
    }
    expect(draw.strata.map((s) => s.key)).toContain('Enhed 1 · Børn');
  });
});

describe('the protocol in words', () => {
  it('lists who, when, the design, the seed, the population, N, n, exclusions, the hash and the versions', () => {
    const protocol: SampleProtocol = {
      drawnBy: 'Områdechef Fiktiv', drawnAt: '2026-01-05T09:30:00.000Z', round: 'Niveau 2 – 4. kvartal 2025', design: { kind: 'simple', n: 20 }, seed: 42,
      filter: 'Sager aktive 01-10-2025–31-12-2025', population: 143, strata: [{ key: 'alle', population: 143, drawn: 20, takenWhole: false, short: false }],
      exclusions: [{ reason: 'Lukket', count: 7 }], populationSha256: 'ab'.repeat(32), appVersion: '0.1.0', ruleSetVersion: '2026.1+0a1b2c3d', riskScreening: null, nestedIn: null,
    };
    const lines = new Map(protocolLines(protocol));
    expect(lines.get('Frø')).toBe('42');
    expect(lines.get('Sager i populationen (N)')).toBe('143');
    expect(lines.get('Udtrukne sager (n)')).toBe('20');
    expect(lines.get('Udeladt')).toBe('Lukket: 7 sager');
    // 1.96·√(0.25/20)·√(123/142) = 0.2039 → ±20.
    expect(lines.get('Usikkerhed')).toBe('20 sager af 143 giver ca. ±20 procentpoint (95 % sikkerhed, ved en andel omkring 50 %)');
    expect(lines.get('SHA-256 af populationens sagsnumre')).toBe('ab'.repeat(32));
  });
});

describe('risk-based, at least 20 per unit a year', () => {
  it('a quarter is 3 months and asks for 5 per unit; a year asks for 20', async () => {
    const { monthsIn } = await import('../../src/domain/sampling/frame');
    const { riskBasedDesign } = await import('../../src/domain/sampling/presets');
    expect(monthsIn(quarter(2025, 4))).toBe(3);
    expect(monthsIn({ from: '2025-01-01', to: '2025-12-31' })).toBe(12);
    expect(monthsIn({ from: '2025-01-15', to: '2025-02-14' })).toBe(1);
    expect(riskBasedDesign(3)).toMatchObject({ kind: 'risk', perUnit: 5 });
    expect(riskBasedDesign(12)).toMatchObject({ kind: 'risk', perUnit: 20 });
  });

  it('takes each band\u2019s share within each unit, and tops a unit up from its highest band', () => {
    // Unit A: 4 high, 10 medium, 100 low; unit B: 0 high, 2 medium, 30 low.
    const cases: SampleCase[] = [
      ...Array.from({ length: 114 }, (_, i) => ({ caseNumber: `A-${String(i).padStart(3, '0')}`, unit: 'A', group: null, caseworker: 'X', risk: i < 4 ? 'høj' as const : i < 14 ? 'mellem' as const : 'lav' as const })),
      ...Array.from({ length: 32 }, (_, i) => ({ caseNumber: `B-${String(i).padStart(3, '0')}`, unit: 'B', group: null, caseworker: 'Y', risk: i < 2 ? 'mellem' as const : 'lav' as const })),
    ];
    const draw = drawSample(cases, { kind: 'risk', fractions: { høj: 0.5, mellem: 0.2, lav: 0.05 }, minimum: 1, perUnit: 20 }, 1);
    const n = Object.fromEntries(draw.strata.map((s) => [s.key, s.drawn]));
    // A: high ⌈0.5·4⌉ = 2, medium ⌈0.2·10⌉ = 2, low ⌈0.05·100⌉ = 5 → 9, topped up by 11: high to 4 (+2), medium to 10 (+8), low +1 = 6.
    expect(n).toEqual({ 'A · høj': 4, 'A · mellem': 10, 'A · lav': 6, 'B · mellem': 2, 'B · lav': 18 });
    // B: medium ⌈0.4⌉ = 1, low ⌈1.5⌉ = 2 → 3, topped up by 17: medium to 2 (+1), low +16 = 18.
    expect(draw.cases).toHaveLength(40);
  });
});

describe('the planner\u2019s answers in words', () => {
  it('a margin of ±5 points at 95 % needs 385 cases of an unknown population (Cochran: 1.95996²·0.25/0.05² = 384.15 → 385)', async () => {
    const { describeSizeForMargin } = await import('../../src/domain/sampling/describe');
    expect(describeSizeForMargin(sizeForMargin(0.05), 0.05, 0.95, Infinity)).toBe('Du skal bruge 385 sager for at kende andelen inden for ±5 procentpoint med 95 % sikkerhed.');
  });

  it('attribute sampling: 5 % tolerable, no deviations expected, 95 %: 59 cases (binomial, AICPA), 57 of N = 1,000 (hypergeometric, jfa)', async () => {
    const { describeAttributePlan } = await import('../../src/domain/sampling/describe');
    const { attributeSize } = await import('../../src/domain/sampling/plan');
    expect(describeAttributePlan(attributeSize(0.05, 0, 0.95), 0.05, 0, 0.95, Infinity)).toBe('Gennemgå 59 sager: finder du højst 0 fejl, er fejlandelen med 95 % sikkerhed under 5,0\u00a0% (binomial, ukendt N).');
    expect(describeAttributePlan(attributeSize(0.05, 0, 0.95, 1000), 0.05, 0, 0.95, 1000)).toBe('Gennemgå 57 sager: finder du højst 0 fejl, er fejlandelen med 95 % sikkerhed under 5,0\u00a0% (hypergeometrisk, N = 1.000).');
  });
});

describe('strata counted in Danish', () => {
  const counts: [number, string][] = [[0, '0 strata'], [1, '1 stratum'], [2, '2 strata'], [1200, '1.200 strata']];
  it.each(counts)('%i → %s', async (n, expected) => {
    const { formatStrata } = await import('../../src/domain/sampling/describe');
    expect(formatStrata(n)).toBe(expected);
  });
});
