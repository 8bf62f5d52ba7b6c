import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../../src/domain/calendar';
import { DEMO_PRESETS } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import type { CaseInput } from '../../src/domain/rules/case-columns';
import { RULES } from '../../src/domain/rules/catalog';
import { screenTable } from '../../src/domain/rules/evaluate';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { LocalStandard, RuleResult, ScreeningContext, SubjectKind } from '../../src/domain/rules/types';
import { bundleCases, EVENT_TABLES, type EventTableName } from '../../src/domain/types';

/**
 * Issue 13, point 4: missing data is `unknown` everywhere, never day arithmetic on an empty value;
 * and every rule gives exactly one result for every subject of its kind (catalog.ts `subject`).
 * Cases here are as an older version may have stored them: any field may be empty or absent.
 */

const TABLE_OF: Record<SubjectKind, EventTableName> = {
  notification: 'notifications', investigation: 'investigations', measure: 'measures', actionPlan: 'actionPlans', supervisionVisit: 'supervisionVisits',
};
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const BL_FROM = '2024-01-01';

type Events = Partial<Record<EventTableName, Record<string, unknown>[]>>;

/** The problems with one screening's results: anything RULES.md's result shape does not allow. */
function problems(cases: readonly CaseInput[], ctx: ScreeningContext, results: readonly RuleResult[]): string[] {
  const found: string[] = [];
  const say = (r: RuleResult, what: string) => found.push(`${r.caseNumber} ${r.ruleId} ${r.subject} ${r.status}: ${what} ${JSON.stringify(r)}`);
  for (const r of results) {
    for (const date of [r.deadline, r.doneAt, r.trigger]) {
      if (date !== null && !(ISO.test(date) && date >= '1900-01-01' && date <= '2200-12-31')) say(r, `date ${date} outside 1900–2200`);
    }
    if (r.daysLate !== null && !Number.isInteger(r.daysLate)) say(r, 'daysLate not a whole number');
    if (JSON.stringify(r).includes('NaN') || r.basis.includes('undefined')) say(r, 'NaN or undefined');
    if ((r.trigger === null) !== (r.regime === null)) say(r, 'regime without trigger or trigger without regime');
    if (r.trigger !== null && r.regime !== (r.trigger < BL_FROM ? 'SEL' : 'BL')) say(r, 'regime is not the law in force at the trigger');
    if (r.status === 'unknown' && !(r.missing?.length && r.missing.every((key) => key !== ''))) say(r, 'unknown without the missing fields');
    if (r.status !== 'unknown' && r.missing !== undefined) say(r, 'missing fields on a result that is not unknown');
    if (ctx.explain !== false ? r.basis === '' : r.basis !== '') say(r, 'basis does not follow explain');
  }
  return [...found, ...subjectProblems(cases, ctx, results)];
}

/** Every active rule: exactly one result per subject of its kind, and none for anything else. */
function subjectProblems(cases: readonly CaseInput[], ctx: ScreeningContext, results: readonly RuleResult[]): string[] {
  const rules = [...RULES.filter((r) => ctx.settings.enabled[r.id] !== false).map((r) => ({ id: r.id as string, kind: r.subject })),
    ...ctx.settings.localStandards.map((s) => ({ id: s.id, kind: RULES.find((r) => r.id === s.baseRuleId)!.subject }))];
  const found: string[] = [];
  for (const rule of rules) {
    // +1 per subject of the rule's kind, −1 per result: every count must end at 0.
    const count = new Map<string, number>();
    const add = (key: string, n: number) => count.set(key, (count.get(key) ?? 0) + n);
    for (const c of cases) for (const e of c.events?.[TABLE_OF[rule.kind]] ?? []) add(`${c.caseNumber} ${rule.kind}:${(e as { id: string }).id}`, 1);
    for (const r of results) if (r.ruleId === rule.id) add(`${r.caseNumber} ${r.subject}`, -1);
    const lacking = [...count].filter(([, n]) => n > 0).map(([key]) => key);
    const extra = [...count].filter(([, n]) => n < 0).map(([key]) => key);
    if (lacking.length) found.push(`${rule.id}: ${lacking.length} subjects without a result, e.g. ${lacking.slice(0, 3).join('; ')}`);
    if (extra.length) found.push(`${rule.id}: ${extra.length} subjects of another kind or with more than one result, e.g. ${extra.slice(0, 3).join('; ')}`);
  }
  return found;
}

// ---- random cases: valid dates 1990–2030, any field empty (null) or absent ----
const day = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber);
const two = (n: number) => String(n).padStart(2, '0');
const moment = fc.tuple(day, fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { nil: null }))
  .map(([date, time]) => (time ? `${date}T${two(time[0])}:${two(time[1])}` : date));
/** A value, or an empty one: null as imported, undefined as an older version stored it (the key left out below). */
const maybe = <T,>(value: fc.Arbitrary<T>) => fc.oneof({ arbitrary: value, weight: 2 }, { arbitrary: fc.constantFrom(null, undefined), weight: 1 });
const bool = maybe(fc.boolean());
const measureId = maybe(fc.constantFrom('M1', 'M2'));

const EVENT_ARBS: Record<EventTableName, fc.Arbitrary<Record<string, unknown>>> = {
  notifications: fc.record({ receivedAt: maybe(moment), assessedAt: maybe(moment), acknowledgedAt: maybe(day), fromProfessional: bool, outcome: maybe(fc.constantFrom('investigation', 'preventive', 'existingCase', 'none')), preventiveConsidered: bool }),
  investigations: fc.record({ startedAt: maybe(day), completedAt: maybe(day), interimAssessmentAt: maybe(day) }),
  measures: fc.record({
    measureId, kind: maybe(fc.constantFrom('placement', 'preventive', 'safetyPlan', 'youthSanction', 'other')), consent: bool, urgent: bool,
    startDate: maybe(day), endDate: maybe(day), decisionDate: maybe(day), childConversationAt: maybe(day), conversationWaived: bool, supporterOffered: bool,
    parentsInformed: bool, placementChoiceJustified: bool, contactDecided: bool, planSharedWithPlacement: bool, managementApproved: bool, planNeeded: bool,
  }),
  actionPlans: fc.record({ date: maybe(day), measureId, filed: bool }),
  followUps: fc.record({ measureId, date: maybe(day), cadenceMonths: maybe(fc.integer({ min: 1, max: 24 })) }),
  supervisionVisits: fc.record({ date: maybe(day), childSeenAlone: bool }),
};

const withoutUndefined = (event: Record<string, unknown>) => Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined));

const caseArb = fc.record({
  awareAt: maybe(day),
  events: fc.record(Object.fromEntries(EVENT_TABLES.map((t) => [t, fc.array(EVENT_ARBS[t], { maxLength: 3 })])) as Record<EventTableName, fc.Arbitrary<Record<string, unknown>[]>>),
});

const casesArb = fc.array(caseArb, { minLength: 1, maxLength: 4 }).map((cases): CaseInput[] =>
  cases.map((c, i) => ({
    caseNumber: `S-${i + 1}`,
    ...(c.awareAt != null ? { awareAt: c.awareAt } : {}),
    events: Object.fromEntries(EVENT_TABLES.map((t) => [t, c.events[t].map((e, k) => ({ ...withoutUndefined(e), id: `${t}-${i + 1}-${k + 1}` }))])) as Events,
  })));

const LOCAL: LocalStandard[] = [
  { id: 'UND_12T', baseRuleId: 'UND_24T', name: 'Underretning vurderet inden 12 timer', params: { hours: 12 } },
  { id: 'BFU_3M', baseRuleId: 'BFU_4M', name: 'Undersøgelse inden 3 måneder', params: { months: 3 } },
];
const ctxArb = fc.record({
  asOf: day,
  explain: fc.boolean(),
  window: fc.constantFrom('rolling' as const, 'calendarYear' as const),
  tables: fc.subarray([...EVENT_TABLES]),
  local: fc.subarray(LOCAL),
}).map(({ asOf, explain, window, tables, local }): ScreeningContext => ({
  asOf, explain, importedTables: new Set(tables), settings: { ...DEFAULT_SETTINGS, supervisionWindow: window, localStandards: local },
}));

describe('missing data is unknown, everywhere (fast-check)', () => {
  it('random cases with any subset of fields empty or absent: no exception, no NaN, dates in 1900–2200, whole daysLate, unknown names what is missing, one result per subject', () => {
    fc.assert(fc.property(casesArb, ctxArb, (cases, ctx) => {
      const results = screenTable(cases, ctx).all();
      expect(problems(cases, ctx, results)).toEqual([]);
    }), { numRuns: 400 });
  }, 30_000);

  it('the defects of issue 13: an empty receipt and an empty start date give unknown, and explaining them does not throw', () => {
    const stored: CaseInput = {
      caseNumber: 'S-1',
      events: {
        notifications: [{ id: 'N1', fromProfessional: true, assessedAt: '2024-03-05T10:00' }],
        measures: [{ id: 'M1', measureId: 'A', kind: 'placement', consent: false }],
      },
    };
    for (const explain of [true, false]) {
      const results = screenTable([stored], { asOf: '2024-06-30', settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES), explain }).all();
      const of = (ruleId: string) => results.find((r) => r.ruleId === ruleId)!;
      // Before: breached with deadline -5877641-06-24; then breached by arithmetic on the empty start date.
      expect(of('UND_24T')).toMatchObject({ status: 'unknown', deadline: null, trigger: null, missing: ['notifications.receivedAt'] });
      expect(of('PLAN_RETTIDIG')).toMatchObject({ status: 'unknown', deadline: null, missing: ['measures.decisionDate', 'measures.startDate'] });
      expect(of('TILSYN_2X')).toMatchObject({ status: 'unknown', deadline: null, missing: ['measures.startDate'] });
      expect(problems([stored], { asOf: '2024-06-30', settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES), explain }, results)).toEqual([]);
    }
  });
});

describe('notApplicable means the same in every rule', () => {
  it('the small demo kommune (1,000 cases, both regimes, 3 % blank values): every rule has exactly one result per subject of its kind', () => {
    const cases = bundleCases(generateDemo({ ...DEMO_PRESETS.small, seed: 7 }));
    const ctx: ScreeningContext = { asOf: '2025-06-30', settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES), explain: true };
    const results = screenTable(cases, ctx).all();
    expect(subjectProblems(cases, ctx, results)).toEqual([]);
    // Each out-of-scope subject is listed with a reason, so "Ikke relevant" counts the same thing in every rule.
    const notApplicable = results.filter((r) => r.status === 'notApplicable');
    expect(notApplicable.length).toBeGreaterThan(0);
    expect(notApplicable.filter((r) => r.basis === '')).toEqual([]);
  });
});
