/**
 * The demo kommune generator: deterministic, fictitious by construction, with the configured
 * non-compliance measured the way the rules will see it, and fast enough for the national preset.
 */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber } from '../../src/domain/calendar';
import { caseworkerName, DEMO_CASE_PREFIX, DEMO_PRESETS, DEMO_SEED, demoPeriod, SOURCE_RATES, type DemoConfig, type NonComplianceRates } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import type { CaseData, FollowUp, IsoDate, IsoDateTime, Measure } from '../../src/domain/types';
import { parseCpr } from '../../src/io/values';

const DEFAULT: DemoConfig = { ...DEMO_PRESETS.default, seed: DEMO_SEED, anchor: '2026-11-30' };
const KOMMUNE = generateDemo(DEFAULT);

describe('generateDemo is deterministic', () => {
  it('gives the same kommune for the same configuration, seed and anchor', () => {
    const config = { ...DEMO_PRESETS.small, seed: 7, anchor: '2026-11-30' };
    expect(generateDemo(config)).toEqual(generateDemo({ ...config }));
  });

  it('gives another kommune for another seed', () => {
    const [a, b] = [generateDemo({ ...DEMO_PRESETS.small, seed: 7, anchor: '2026-11-30' }), generateDemo({ ...DEMO_PRESETS.small, seed: 8, anchor: '2026-11-30' })];
    expect(a.cases.map((c) => [c.birthDate, c.unit, c.caseworker])).not.toEqual(b.cases.map((c) => [c.birthDate, c.unit, c.caseworker]));
    expect(a.notifications.length).not.toBe(b.notifications.length);
  });

  it('makes the default preset about 4,000 cases in 6 units plus Døgnvagten', () => {
    expect(KOMMUNE.cases.length).toBe(4_000);
    expect(new Set(KOMMUNE.cases.map((c) => c.unit)).size).toBe(7);
  });
});

/** Every date and date-time of the data, with where it is. */
function datesOf(data: CaseData): { at: string; date: IsoDate }[] {
  const dates: { at: string; date: IsoDate }[] = [];
  for (const [table, rows] of Object.entries(data) as [string, Record<string, unknown>[]][]) {
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) dates.push({ at: `${table}.${field} ${String(row.id ?? row.caseNumber)}`, date: value.slice(0, 10) });
    }
  }
  return dates;
}

describe('the anchor: the day the demo is made for', () => {
  it('ends the history with the extract three days before the anchor and reaches ten years back', () => {
    expect(demoPeriod('2026-11-30')).toEqual({ from: '2016-11-27', to: '2026-11-27' });
    expect(demoPeriod('2024-01-15')).toEqual({ from: '2014-01-12', to: '2024-01-12' });
    // The presets' reference anchor is the fixed kommune the older tests know: 2016–2025.
    expect(demoPeriod(DEMO_PRESETS.default.anchor)).toEqual({ from: '2016-01-01', to: '2025-12-31' });
  });

  it.each(['2024-01-15', '2026-11-29', '2030-12-31'])('dates nothing after the extract and nothing before the history, anchored at %s', (anchor) => {
    const { from, to } = demoPeriod(anchor);
    const data = generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED, anchor });
    const dates = datesOf(data);
    expect(dates.length).toBeGreaterThan(10_000);
    expect(dates.filter((d) => d.date > to)).toEqual([]);
    expect(data.cases.filter((c) => c.awareAt !== null && (c.awareAt < from || c.awareAt > to))).toEqual([]);
    // New notifications up to the extract: from professionals still waiting for their receipt, on the extract's day for their assessment too.
    const recent = data.notifications.filter((n) => n.receivedAt.slice(0, 10) > addDays(to, -10));
    expect(recent.filter((n) => n.fromProfessional && n.acknowledgedAt === null).length).toBeGreaterThanOrEqual(5);
    expect(recent.filter((n) => n.receivedAt.slice(0, 10) === to && n.assessedAt === null).length).toBeGreaterThan(0);
  });

  it('moves the same kommune in time for another anchor: the same cases, staff and counts, dates shifted', () => {
    const [a, b] = [generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED, anchor: '2026-11-30' }), generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED, anchor: '2027-03-01' })];
    expect(b.cases.map((c) => [c.caseNumber, c.unit, c.caseworker])).toEqual(a.cases.map((c) => [c.caseNumber, c.unit, c.caseworker]));
    // 91 days later for every case but those placed around the work due in the anchor's weeks (one in 25), whose months fall differently.
    const shifted = a.cases.filter((c, i) => dayNumber(b.cases[i]!.birthDate!) - dayNumber(c.birthDate!) === 91).length;
    expect(shifted).toBeGreaterThanOrEqual(950);
    expect(b.notifications.map((n) => n.receivedAt)).not.toEqual(a.notifications.map((n) => n.receivedAt));
    for (const table of ['notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits'] as const) {
      expect(Math.abs(b[table].length - a[table].length), table).toBeLessThanOrEqual(Math.ceil(a[table].length * 0.02));
    }
  });
});

/** config.ts does not export its surname list; these are its eight invented surnames. */
const INVENTED_SURNAMES = ['Fiktiv', 'Opdigtet', 'Demosen', 'Eksempel', 'Prøvesen', 'Testrup', 'Påfund', 'Øvelse'];
const allStrings = (data: CaseData) => Object.values(data).flatMap((rows: Record<string, unknown>[]) => rows.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string')));

describe('only fictitious identities', () => {
  it(`numbers every case with the prefix ${DEMO_CASE_PREFIX}, and events only refer to those cases`, () => {
    expect(KOMMUNE.cases.filter((c) => !c.caseNumber.startsWith(DEMO_CASE_PREFIX))).toEqual([]);
    const numbers = new Set(KOMMUNE.cases.map((c) => c.caseNumber));
    expect(numbers.size).toBe(KOMMUNE.cases.length);
    expect(allStrings({ ...KOMMUNE, cases: [] }).length).toBeGreaterThan(0);
    for (const table of ['notifications', 'investigations', 'measures', 'actionPlans', 'followUps', 'supervisionVisits'] as const) {
      expect(KOMMUNE[table].filter((e) => !numbers.has(e.caseNumber))).toEqual([]);
    }
  });

  it('gives every child a masked CPR number ddmmåå-xxxx with its birth date: "xxxx" stands where a real CPR number has its last four digits, so no demo value is a CPR number at all', () => {
    for (const c of KOMMUNE.cases) {
      expect(c.cpr).toMatch(/^\d{6}-xxxx$/);
      expect(c.cpr!.slice(0, 6)).toBe(`${c.birthDate!.slice(8, 10)}${c.birthDate!.slice(5, 7)}${c.birthDate!.slice(2, 4)}`);
      // The importer reads the same birth date back from the masked number (century from yy ≤ 36).
      expect(parseCpr(c.cpr, false)).toEqual({ ok: true, value: { cpr: c.cpr, birthDate: c.birthDate } });
    }
    // A real CPR number has ten digits; none occurs anywhere in the demo data.
    expect(allStrings(KOMMUNE).filter((text) => /\d{6}-?\d{4}/.test(text))).toEqual([]);
  });

  it('names caseworkers only from the fixed lists of invented names', () => {
    const fixed = new Set(Array.from({ length: DEFAULT.caseworkers }, (_, i) => caseworkerName(i)));
    for (const name of new Set(KOMMUNE.cases.map((c) => c.caseworker))) {
      expect(fixed.has(name), name).toBe(true);
      expect(INVENTED_SURNAMES.some((surname) => name.split(' ').includes(surname)), name).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Each configured rate, measured in the data as the rule would see it.

/** `hits` of `of` subjects; an unknown value (null) is no subject. */
interface Share { hits: number; of: number }
function share<T>(subjects: readonly T[], missed: (subject: T) => boolean | null): Share {
  let hits = 0;
  let of = 0;
  for (const subject of subjects) {
    const result = missed(subject);
    if (result === null) continue;
    of += 1;
    if (result) hits += 1;
  }
  return { hits, of };
}

const minutesOf = (value: IsoDateTime) => dayNumber(value.slice(0, 10)) * 1440 + Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16));
/** Monday to Friday after `from` up to and including `to` (holidays left out: the late receipts are 12 days or more). */
function workingDaysAfter(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day++) if ((day + 3) % 7 < 5) count += 1; // day 0 (01-01-1970) was a Thursday
  return count;
}

/** The data indexed the way the rules read it: per case and per measure. */
function index(data: CaseData) {
  const byCase = <T extends { caseNumber: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.caseNumber, [...(map.get(row.caseNumber) ?? []), row]);
    return (caseNumber: string) => map.get(caseNumber) ?? [];
  };
  const byMeasure = <T extends { measureId: string | null }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) if (row.measureId) map.set(row.measureId, [...(map.get(row.measureId) ?? []), row]);
    return (measureId: string) => map.get(measureId) ?? [];
  };
  const cases = new Map(data.cases.map((c) => [c.caseNumber, c]));
  return {
    caseOf: (caseNumber: string) => cases.get(caseNumber)!,
    notificationsOf: byCase(data.notifications), investigationsOf: byCase(data.investigations), visitsOf: byCase(data.supervisionVisits),
    plansOf: byMeasure(data.actionPlans), followUpsOf: byMeasure(data.followUps),
  };
}
type Index = ReturnType<typeof index>;

const placements = (data: CaseData) => data.measures.filter((m) => m.kind === 'placement');
const known = <T>(value: T | null, missed: (value: T) => boolean) => (value === null ? null : missed(value));

/** One small helper per rate: how the rule would count it in the data. */
const MEASURED: Record<keyof NonComplianceRates, (data: CaseData, ix: Index, config: DemoConfig) => Share> = {
  notAssessedWithin24h: (d) => share(d.notifications, (n) => known(n.assessedAt, (at) => minutesOf(at) - minutesOf(n.receivedAt) > 24 * 60)),
  receiptLate: (d) => share(d.notifications.filter((n) => n.fromProfessional === true), (n) => known(n.acknowledgedAt, (at) => workingDaysAfter(n.receivedAt.slice(0, 10), at) > 6)),
  preventiveNotConsidered: (d) => share(d.notifications.filter((n) => n.outcome === 'none' || n.outcome === 'preventive'), (n) => known(n.preventiveConsidered, (v) => !v)),
  investigationLate: (d, ix) => share(d.investigations, (i) => {
    const start = i.startedAt ?? ix.caseOf(i.caseNumber).awareAt ?? ix.notificationsOf(i.caseNumber)[0]?.receivedAt.slice(0, 10) ?? null;
    return start && i.completedAt ? i.completedAt > addMonths(start, 4) : null;
  }),
  // Fails at the time of writing (measured 53.7 %): a generator bug, see the report on issue 4.
  interimMissing: (d) => share(d.investigations.filter((i) => i.startedAt && i.completedAt && i.completedAt > addMonths(i.startedAt, 4)), (i) => i.interimAssessmentAt === null),
  placementConversationMissing: (d) => share(placements(d).filter((m) => m.decisionDate), conversationMissing),
  preventiveConversationMissing: (d) => share(d.measures.filter((m) => m.kind !== 'placement' && m.decisionDate), conversationMissing),
  supporterNotOffered: (d) => share(d.measures.filter((m) => m.decisionDate), (m) => known(m.supporterOffered, (v) => !v)),
  parentsNotInformed: (d) => share(placements(d), (m) => known(m.parentsInformed, (v) => !v)),
  plannedPlacementWithoutPlan: (d, ix) => share(placements(d).filter((m) => m.urgent === false), (m) => !ix.plansOf(m.measureId).some((p) => p.date <= m.startDate)),
  plannedPlacementWithoutInvestigation: (d, ix) => share(placements(d).filter((m) => m.urgent === false && m.decisionDate),
    (m) => !ix.investigationsOf(m.caseNumber).some((i) => i.completedAt !== null && i.completedAt <= m.decisionDate!)),
  placementChoiceUnjustified: (d) => share(placements(d), (m) => known(m.placementChoiceJustified, (v) => !v)),
  contactNotDecided: (d) => share(placements(d), (m) => known(m.contactDecided, (v) => !v)),
  planNotShared: (d) => share(placements(d), (m) => known(m.planSharedWithPlacement, (v) => !v)),
  planNotFiled: (d) => share(d.actionPlans, (p) => known(p.filed, (v) => !v)),
  preventivePlanLate: (d, ix) => share(d.measures.filter((m) => m.kind === 'preventive' && m.planNeeded === true && m.decisionDate),
    (m) => known(ix.plansOf(m.measureId)[0]?.date ?? null, (date) => date > addMonths(m.decisionDate!, 3))),
  firstFollowUpLate: (d, ix) => share(followedMeasures(d), (m) => known(firstFollowUp(ix, m), (f) => f.date > addMonths(m.startDate, 3))),
  followUpGapLate: (d, ix) => share(followedMeasures(d).flatMap((m) => gaps(ix.followUpsOf(m.measureId))), ([before, after]) => after.date > addMonths(before.date, 6)),
  supervisionMissed: (d, ix, config) => share(placements(d).flatMap((m) => halfYears(m, demoPeriod(config.anchor).to)), ([m, half]) =>
    !ix.visitsOf(m.caseNumber).some((v) => v.date >= half && v.date < addMonths(half, 6))),
  childNotSeenAlone: (d) => share(d.supervisionVisits, (v) => known(v.childSeenAlone, (seen) => !seen)),
};

/** Neither a conversation with the child nor a documented reason; unknown when the reason field is blank. */
const conversationMissing = (m: Measure) => (m.childConversationAt ? false : known(m.conversationWaived, (waived) => !waived));
const followedMeasures = (d: CaseData) => d.measures.filter((m) => m.kind === 'placement' || m.kind === 'preventive');
const firstFollowUp = (ix: Index, m: Measure): FollowUp | null => ix.followUpsOf(m.measureId).reduce<FollowUp | null>((a, f) => (a && a.date <= f.date ? a : f), null);
const gaps = (followUps: FollowUp[]) => {
  const sorted = [...followUps].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.slice(1).map((f, i) => [sorted[i]!, f] as const);
};
/** The half-years of a placement in which a visit would have fallen within the placement (a visit comes 20–150 days in). */
function halfYears(m: Measure, periodEnd: IsoDate): [Measure, IsoDate][] {
  const last = m.endDate ?? periodEnd;
  const halves: [Measure, IsoDate][] = [];
  for (let half = m.startDate; addDays(half, 150) <= last; half = addMonths(half, 6)) halves.push([m, half]);
  return halves;
}

const percent = (s: Share) => (s.of ? (100 * s.hits) / s.of : NaN);

describe('non-compliance in the 4,000-case default preset, measured as the rules will see it', () => {
  const ix = index(KOMMUNE);
  const measured = Object.fromEntries(Object.entries(MEASURED).map(([name, measure]) => [name, measure(KOMMUNE, ix, DEFAULT)])) as Record<keyof NonComplianceRates, Share>;
  console.table(Object.fromEntries(Object.entries(measured).map(([name, s]) => [name, {
    configured: +(100 * SOURCE_RATES[name as keyof NonComplianceRates]).toFixed(1), measured: +percent(s).toFixed(1), of: s.of,
  }])));

  it.each(Object.keys(SOURCE_RATES) as (keyof NonComplianceRates)[])('%s is within ±3 points of the configured rate', (name) => {
    const s = measured[name];
    expect(s.of, `${name}: too few subjects to measure`).toBeGreaterThanOrEqual(50);
    expect(Math.abs(percent(s) - 100 * SOURCE_RATES[name]), `${name}: measured ${percent(s).toFixed(1)} %, configured ${(100 * SOURCE_RATES[name]).toFixed(1)} %`).toBeLessThanOrEqual(3);
  });

  // A rate near 100 % can vary only a little (supporterNotOffered: about 95–98 % between the
  // units); a rate near the middle carries the units' differences in full.
  it('lets units differ by more than 5 points in firstFollowUpLate, so screening and sampling have something to find', () => {
    const units = [...new Set(KOMMUNE.cases.map((c) => c.unit))];
    const rateIn = (unit: string, name: keyof NonComplianceRates) => {
      const own = new Set(KOMMUNE.cases.filter((c) => c.unit === unit).map((c) => c.caseNumber));
      const part = <T extends { caseNumber: string }>(rows: T[]) => rows.filter((r) => own.has(r.caseNumber));
      return MEASURED[name]({ ...KOMMUNE, cases: part(KOMMUNE.cases), measures: part(KOMMUNE.measures) }, ix, DEFAULT);
    };
    const rows = units.map((unit) => ({ unit, supporterNotOffered: rateIn(unit, 'supporterNotOffered'), firstFollowUpLate: rateIn(unit, 'firstFollowUpLate') }));
    console.table(rows.map((r) => ({ unit: r.unit, supporterNotOffered: +percent(r.supporterNotOffered).toFixed(1), firstFollowUpLate: +percent(r.firstFollowUpLate).toFixed(1), measures: r.firstFollowUpLate.of })));
    const values = rows.filter((r) => r.firstFollowUpLate.of >= 30).map((r) => percent(r.firstFollowUpLate));
    expect(values.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(5);
  });

  it.each<[string, (d: CaseData) => (unknown | null)[]]>([
    ['fromProfessional of notifications', (d) => d.notifications.map((n) => n.fromProfessional)],
    ['awareAt of cases', (d) => d.cases.map((c) => c.awareAt)],
    ['startedAt of investigations', (d) => d.investigations.map((i) => i.startedAt)],
  ])('leaves %s empty at about the flaw rate, 3 per cent ± 1.5 points', (_name, values) => {
    const blank = percent(share(values(KOMMUNE), (v) => v === null));
    expect(Math.abs(blank - 100 * DEFAULT.flawRate)).toBeLessThanOrEqual(1.5);
  });
});

describe('speed', () => {
  it('generates the 100,000-case national preset in under 10 s', () => {
    const started = performance.now();
    const national = generateDemo({ ...DEMO_PRESETS.national, seed: DEMO_SEED });
    const seconds = (performance.now() - started) / 1000;
    console.log(`national preset: ${national.cases.length} cases, ${national.followUps.length} follow-ups in ${seconds.toFixed(2)} s`);
    expect(national.cases.length).toBe(100_000);
    expect(seconds).toBeLessThan(10);
  }, 60_000);
});
