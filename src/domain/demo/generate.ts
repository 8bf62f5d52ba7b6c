import { addDays, addMonths, datePart, daysBetween } from '../calendar';
import { EventIds } from '../event-id';
import { createRandom, type Random } from '../random';
import { EVENT_TABLES, type Case, type CaseData, type CaseEvents, type IsoDate, type Notification } from '../types';
import { caseworkerName, DEMO_CASE_PREFIX, DEMO_EXTRACT_AGE_DAYS, demoPeriod, OUT_OF_HOURS_UNIT, unitName, type DemoConfig, type DemoPeriod } from './config';
import { BL_FROM, CaseBuilder, type InvestigationCourse } from './case-builder';
import { RateDraws, spreadFactors } from './rate-draws';

/** Who works where: caseworkers are spread over the units; Døgnvagten has a few of its own. */
interface Staff {
  units: string[];
  byUnit: Map<string, string[]>;
  factors: Map<string, number>;
}

function hireStaff(config: DemoConfig, random: Random): Staff {
  const units = Array.from({ length: config.units }, (_, i) => unitName(i));
  const outOfHours = Math.max(2, Math.round(config.caseworkers * 0.04));
  const unitFactors = spreadFactors(units.length + 1, config.spread, random);
  const workerFactors = spreadFactors(config.caseworkers, config.spread, random);
  const byUnit = new Map<string, string[]>([...units, OUT_OF_HOURS_UNIT].map((u) => [u, []]));
  const factors = new Map<string, number>();
  for (let i = 0; i < config.caseworkers; i++) {
    const unitIndex = i < outOfHours ? units.length : (i - outOfHours) % units.length;
    const name = caseworkerName(i);
    byUnit.get(unitIndex === units.length ? OUT_OF_HOURS_UNIT : units[unitIndex]!)!.push(name);
    factors.set(name, unitFactors[unitIndex]! * workerFactors[i]!);
  }
  return { units, byUnit, factors };
}

/** A masked CPR number, `ddmmåå-xxxx`: it has no last four digits, so it can never be a real person's number. */
const maskedCpr = (birth: IsoDate) => `${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(2, 4)}-xxxx`;

// ---------------------------------------------------------------------------------------------
// Work in progress at the extract.

/**
 * A kommune's extract always holds work in progress, whatever day it was taken. One case in
 * `WORK_EVERY` has a step falling due on one of the `WORK_DAYS` days from the extract (the days up
 * to the anchor, and 21 from it), each day in turn, and not yet done at the extract: an
 * investigation 4 months after it started, the plan and first follow-up of support at home 3
 * months after the decision, a placed child's visit 6 months after the last, a safety plan at its
 * recommended 3 months. One case in `NEW_EVERY` came in with a notification from a professional in
 * the last `NEW_DAYS` days, not yet acknowledged (and on the extract's day not yet assessed). So
 * the week of the anchor and the 14 days after always have work due, and so do those of the
 * extract's date; most overdue steps of the last months come from the rates.
 */
const WORK_EVERY = 25;
const WORK_DAYS = DEMO_EXTRACT_AGE_DAYS + 21;
const NEW_EVERY = 100;
const NEW_DAYS = 10;
type StepKind = 'investigation' | 'measure' | 'visit' | 'safetyPlan';
const STEP_KINDS: readonly StepKind[] = ['investigation', 'measure', 'visit', 'safetyPlan'];
const STEP_MONTHS: Record<StepKind, number> = { investigation: 4, measure: 3, visit: 6, safetyPlan: 3 };

type Work =
  | {
    kind: StepKind;
    /** The day the step is counted from (start, decision, last visit): exactly `STEP_MONTHS` before `due`. */
    from: IsoDate;
    due: IsoDate;
  }
  | { kind: 'notification'; received: IsoDate };

/** The day `months` before `due` that gives `due` back, or null (31-05 has none 3 months back: 28-02 + 3 months is 28-05). */
function monthsBefore(due: IsoDate, months: number): IsoDate | null {
  const from = addMonths(due, -months);
  return addMonths(from, months) === due ? from : null;
}

/** The work in progress of case `index` (spread over the case numbers), for an extract taken on `to`. */
function workOf(index: number, to: IsoDate): Work | null {
  if (index % NEW_EVERY === NEW_EVERY / 2 + 12) return { kind: 'notification', received: addDays(to, -(Math.floor(index / NEW_EVERY) % NEW_DAYS)) };
  if (index % WORK_EVERY !== WORK_EVERY - 1) return null;
  const k = Math.floor(index / WORK_EVERY);
  const due = addDays(to, k % WORK_DAYS);
  // The case's own kind when its months lead back to the day, else the first that does: of 3, 4 and 6 months one always does.
  for (const kind of [STEP_KINDS[k % STEP_KINDS.length]!, ...STEP_KINDS]) {
    const from = monthsBefore(due, STEP_MONTHS[kind]);
    if (from) return { kind, from, due };
  }
  return null;
}

/** When a case with work in progress came in, placed back from its step; for support at home also how its investigation went. */
function workOpening(c: CaseBuilder, r: Random, work: Work): { aware: IsoDate; investigation?: InvestigationCourse & { started: IsoDate } } {
  switch (work.kind) {
    case 'notification':
      return { aware: work.received };
    case 'investigation':
      return { aware: addDays(work.from, -r.int(0, 7)) };
    case 'safetyPlan':
      return { aware: addDays(work.from, -r.int(0, 5)) };
    case 'visit':
      return { aware: addDays(work.from, -r.int(300, 2400)) };
    case 'measure': {
      const completed = addDays(work.from, -r.int(1, 30));
      const late = c.missed('investigationLate');
      const started = late ? addDays(addMonths(completed, -4), -r.int(4, 90)) : addDays(completed, -r.int(30, 110));
      return { aware: addDays(started, -r.int(0, 7)), investigation: { started, late, completed } };
    }
  }
}

/** The course of a case with a step due; returns the start of its measure, if any. */
function stepPath(c: CaseBuilder, r: Random, work: Extract<Work, { from: IsoDate }>, opening: ReturnType<typeof workOpening>): IsoDate | null {
  switch (work.kind) {
    case 'investigation':
      c.events.investigations.push(c.investigation(work.from, { late: false, completed: null }));
      return null;
    case 'measure': {
      const course = opening.investigation!;
      c.events.investigations.push(c.investigation(course.started, course));
      const m = c.measure('preventive', work.from, work.from, { planNeeded: c.flaw(true), endDate: null });
      c.events.measures.push(m);
      // Barnets Lov: the plan is due 3 months after the decision, with the first follow-up; neither is made yet. Serviceloven wanted it by the decision.
      if (work.from < BL_FROM) c.preventivePlan(work.from, m.measureId);
      return work.from;
    }
    case 'visit': {
      const investigation = c.investigation(addDays(opening.aware, r.int(0, 7)));
      c.events.investigations.push(investigation);
      return c.plannedPlacement(investigation, opening.aware, work.from);
    }
    case 'safetyPlan':
      c.events.measures.push(c.measure('safetyPlan', work.from, work.from, { managementApproved: c.flaw(r.chance(0.85)), endDate: null }));
      return work.from;
  }
}

/** The course of any other case; returns the start of its measure, if any. */
function regularPath(c: CaseBuilder, r: Random, aware: IsoDate, first: Notification): IsoDate | null {
  const path = r.float();
  if (path < 0.04) return c.urgentPlacement(aware);
  if (path < 0.07) return c.safetyPlan(aware);
  if (first.outcome !== 'investigation' && path <= 0.85) return null;
  const started = addDays(aware, r.int(0, 7));
  if (!c.within(started)) return null;
  const investigation = c.investigation(started);
  c.events.investigations.push(investigation);
  const completed = investigation.completedAt;
  const next = r.float();
  if (completed && next < 0.25) return c.plannedPlacement(investigation, aware);
  if (completed && next < 0.7) return c.preventive(completed);
  return null;
}

function generateCase(index: number, config: DemoConfig, period: DemoPeriod, staff: Staff, r: Random, draws: RateDraws): { value: Case; events: CaseEvents } {
  const caseNumber = `${DEMO_CASE_PREFIX}${String(index + 1).padStart(6, '0')}`;
  const outOfHours = r.chance(0.03);
  const unit = outOfHours ? OUT_OF_HOURS_UNIT : r.pick(staff.units);
  const caseworker = r.pick(staff.byUnit.get(unit)!);
  const c = new CaseBuilder(caseNumber, caseworker, r, draws, config.flawRate, period.to);
  const work = workOf(index, period.to);
  const opening = work ? workOpening(c, r, work) : { aware: addDays(period.from, r.int(0, daysBetween(period.from, period.to))) };
  const aware = opening.aware;
  const birth = addDays(aware, -r.int(0, 17 * 365));

  const first = c.notification(aware, true, outOfHours, work?.kind === 'notification' ? { waiting: true } : work && work.kind !== 'safetyPlan' ? { outcome: 'investigation' } : {});
  c.events.notifications.push(first);
  // Later notifications on distinct days, so no two events of a case are alike in any dialect.
  for (let n = r.int(0, 2), at = aware; n > 0; n--) {
    at = addDays(at, r.int(20, 300));
    if (c.within(at)) c.events.notifications.push(c.notification(at, false, false));
  }

  const measureStart = work && work.kind !== 'notification' ? stepPath(c, r, work, opening) : regularPath(c, r, aware, first);

  for (const table of EVENT_TABLES) (c.events[table] as { date?: string }[]).sort(byDate(table));
  // A case is closed some time after its last event, never while an investigation or a measure is still open.
  const open = work !== null || c.events.investigations.some((i) => !i.completedAt) || c.events.measures.some((m) => !m.endDate);
  const lastEvent = !open && r.chance(0.6) ? latestDate(c.events, aware) : null;
  const ageAtMeasure = measureStart ? daysBetween(birth, measureStart) / 365.25 : null;
  const opened = addDays(aware, r.int(0, 2));
  const value: Case = {
    caseNumber, cpr: maskedCpr(birth), birthDate: birth, unit,
    group: c.flaw(ageAtMeasure === null ? 'Undersøgelse' : ageAtMeasure < 14 ? 'Børn' : 'Unge'),
    caseworker, openedAt: c.flaw(opened <= period.to ? opened : period.to),
    closedAt: lastEvent ? c.within(addDays(lastEvent, r.int(10, 200))) : null,
    awareAt: c.flaw(aware),
  };
  return { value, events: c.events };
}

const DATE_FIELD: Record<keyof CaseEvents, string> = {
  notifications: 'receivedAt', investigations: 'startedAt', measures: 'startDate', actionPlans: 'date', followUps: 'date', supervisionVisits: 'date',
};
const byDate = (table: keyof CaseEvents) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a[DATE_FIELD[table]] ?? '').localeCompare(String(b[DATE_FIELD[table]] ?? ''));

function latestDate(events: CaseEvents, fallback: IsoDate): IsoDate {
  let latest = fallback;
  for (const table of EVENT_TABLES) {
    for (const event of events[table] as unknown as Record<string, unknown>[]) {
      for (const value of Object.values(event)) {
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && datePart(value) > latest) latest = datePart(value);
      }
    }
  }
  return latest;
}

/**
 * A whole fictitious kommune, the same for the same configuration, seed and anchor. Its history
 * ends with the extract a few days before the anchor (`demoPeriod`); another anchor gives the
 * same kommune moved in time, as far as the calendar allows (months are not all alike).
 */
export function generateDemo(config: DemoConfig): CaseData {
  const period = demoPeriod(config.anchor);
  const random = createRandom(config.seed);
  const staff = hireStaff(config, random);
  const draws = new RateDraws(config.rates, staff.factors, random);
  const data: CaseData = { cases: [], notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [] };
  for (let i = 0; i < config.cases; i++) {
    // Each case draws from its own stream, so it unfolds the same way whatever the cases before it did.
    const { value, events } = generateCase(i, config, period, staff, createRandom(random.int(0, 0x7fff_ffff)), draws);
    data.cases.push(value);
    const ids = new EventIds();
    for (const table of EVENT_TABLES) {
      for (const event of events[table]) {
        event.id = ids.next(table, event as unknown as Record<string, unknown>);
        (data[table] as (typeof event)[]).push(event);
      }
    }
  }
  return data;
}
