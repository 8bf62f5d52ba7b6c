import { addDays, addMinutes, addMonths, datePart, daysBetween } from '../calendar';
import { EventIds } from '../event-id';
import { createRandom, type Random } from '../random';
import {
  emptyEvents, EVENT_TABLES, type ActionPlan, type Case, type CaseData, type CaseEvents, type FollowUp, type IsoDate,
  type IsoDateTime, type Investigation, type Measure, type Notification, type SupervisionVisit,
} from '../types';
import { caseworkerName, DEMO_CASE_PREFIX, DEMO_EXTRACT_AGE_DAYS, demoPeriod, OUT_OF_HOURS_UNIT, unitName, type DemoConfig, type DemoPeriod } from './config';
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

const time = (random: Random, from: number, to: number) =>
  `${String(random.int(from, to)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;

/** Barnets Lov replaced Serviceloven's child part on 01-01-2024. */
const BL_FROM = '2024-01-01';

/** An investigation whose course the case decides itself (work in progress), instead of by the rate draws. */
interface InvestigationCourse {
  late: boolean;
  completed: IsoDate | null;
}

/** One child's case and its events, built step by step as the case would unfold; nothing is dated after the extract. */
class CaseBuilder {
  readonly events: CaseEvents = emptyEvents();
  #measures = 0;

  constructor(
    readonly caseNumber: string,
    readonly caseworker: string,
    private readonly random: Random,
    private readonly draws: RateDraws,
    private readonly flawRate: number,
    /** The day the extract was taken. */
    readonly to: IsoDate,
  ) {}

  /** Optional values are sometimes missing in real extracts: `null` at the configured rate. */
  flaw<T>(value: T): T | null {
    return this.random.chance(this.flawRate) ? null : value;
  }

  missed(rate: Parameters<RateDraws['missed']>[0]): boolean {
    return this.draws.missed(rate, this.caseworker);
  }

  /** A date up to the extract, or null: what would come after it has not happened yet. */
  within(date: IsoDate): IsoDate | null {
    return date <= this.to ? date : null;
  }

  withinTime(value: IsoDateTime): IsoDateTime | null {
    return datePart(value) <= this.to ? value : null;
  }

  /**
   * A notification; one received just before the extract may not be assessed or acknowledged yet.
   * `waiting` makes it one from a professional still waiting for its receipt, and on the extract's
   * day for its assessment too, whatever the rates would say.
   */
  notification(received: IsoDate, first: boolean, outOfHours: boolean, given: { outcome?: NonNullable<Notification['outcome']>; waiting?: boolean } = {}): Notification {
    const r = this.random;
    const receivedAt = `${received}T${outOfHours ? time(r, 17, 23) : time(r, 7, 15)}`;
    const fromProfessional = r.chance(0.7) || given.waiting === true;
    const drawn = first ? r.pick(['investigation', 'investigation', 'investigation', 'preventive', 'existingCase', 'none', 'none'] as const) : r.pick(['existingCase', 'existingCase', 'existingCase', 'none'] as const);
    const outcome = given.outcome ?? drawn;
    const considered = outcome === 'none' || outcome === 'preventive' ? !this.missed('preventiveNotConsidered') : null;
    const assessed = given.waiting && received === this.to ? null : this.assessment(receivedAt);
    return {
      id: '', caseNumber: this.caseNumber, receivedAt,
      fromProfessional: given.waiting ? true : this.flaw(fromProfessional),
      assessedAt: assessed && this.flaw(this.withinTime(assessed)),
      acknowledgedAt: given.waiting ? null : fromProfessional ? this.flaw(this.within(addDays(received, this.missed('receiptLate') ? r.int(12, 30) : r.int(1, 5)))) : null,
      outcome: this.flaw(outcome), preventiveConsidered: considered === null ? null : this.flaw(considered),
    };
  }

  /** When a notification received at `receivedAt` is assessed: within 24 hours, unless missed. */
  assessment(receivedAt: IsoDateTime): IsoDateTime {
    return addMinutes(receivedAt, this.missed('notAssessedWithin24h') ? this.random.int(25, 96) * 60 : this.random.int(30, 23 * 60));
  }

  /** An investigation started on `started`: completed in time or late as the rates say, unless `course` says how it went. */
  investigation(started: IsoDate, course?: InvestigationCourse): Investigation {
    const late = course ? course.late : this.missed('investigationLate');
    const deadline = addMonths(started, 4);
    const completedAt = course ? course.completed : this.within(late ? addDays(deadline, this.random.int(1, 90)) : addDays(started, this.random.int(30, 110)));
    return {
      id: '', caseNumber: this.caseNumber,
      // A missing start date is a flaw real extracts have; an investigation with no date at all is not.
      startedAt: completedAt ? this.flaw(started) : started,
      completedAt,
      interimAssessmentAt: late && !this.missed('interimMissing') ? this.within(addDays(deadline, this.random.int(0, 5))) : null,
      recommendsPlacement: this.flaw(this.random.chance(0.3)),
    };
  }

  measure(kind: Measure['kind'], decision: IsoDate | null, start: IsoDate, fields: Partial<Measure> = {}): Measure {
    const r = this.random;
    const placement = kind === 'placement';
    const serviceloven = (decision ?? start) < BL_FROM;
    // Drawn under either law, so a case takes the same draws whichever side of 01-01-2024 it falls.
    const blPlacement = placement ? r.pick(['BL § 46', 'BL § 47'] as const) : null;
    const conversationMissing = decision !== null && this.missed(placement ? 'placementConversationMissing' : 'preventiveConversationMissing');
    const waived = decision !== null && !conversationMissing && r.chance(0.15);
    const end = r.chance(0.45) ? this.within(addDays(start, r.int(60, 1500))) : null;
    this.#measures += 1;
    return {
      id: '', caseNumber: this.caseNumber, measureId: `${this.caseNumber}-F${this.#measures}`, kind,
      // Barnets Lov replaced Serviceloven's child part on 01-01-2024.
      paragraph: placement ? (serviceloven ? 'SEL § 52, stk. 3, nr. 7' : blPlacement) : kind === 'preventive' ? (serviceloven ? 'SEL § 52, stk. 3, nr. 3' : 'BL § 32, stk. 1, nr. 3') : null,
      consent: placement ? this.flaw(r.chance(0.7)) : null,
      urgent: false, startDate: start, endDate: end, decisionDate: decision,
      childConversationAt: decision && !conversationMissing && !waived ? addDays(decision, -r.int(1, 20)) : null,
      conversationWaived: decision ? this.flaw(waived) : null,
      supporterOffered: decision ? this.flaw(!this.missed('supporterNotOffered')) : null,
      parentsInformed: placement ? this.flaw(!this.missed('parentsNotInformed')) : null,
      placementChoiceJustified: placement ? this.flaw(!this.missed('placementChoiceUnjustified')) : null,
      contactDecided: placement ? this.flaw(!this.missed('contactNotDecided')) : null,
      planSharedWithPlacement: placement ? this.flaw(!this.missed('planNotShared')) : null,
      managementApproved: null, planNeeded: null,
      ...fields,
    };
  }

  plan(date: IsoDate | null, measureId: string): void {
    if (!date) return;
    this.events.actionPlans.push({ id: '', caseNumber: this.caseNumber, date, measureId, filed: this.flaw(!this.missed('planNotFiled')) } satisfies ActionPlan);
  }

  /** Follow-ups from the start until the measure ends or the extract is taken. */
  followUps(measure: Measure): void {
    const r = this.random;
    const last = measure.endDate ?? this.to;
    let date = this.missed('firstFollowUpLate') ? addDays(addMonths(measure.startDate, 3), r.int(1, 120)) : addDays(measure.startDate, r.int(20, 85));
    let first = true;
    while (date <= last) {
      this.events.followUps.push({ id: '', caseNumber: this.caseNumber, measureId: measure.measureId, date, cadenceMonths: first ? this.flaw(r.chance(0.2) ? 3 : 6) : null } satisfies FollowUp);
      first = false;
      date = this.missed('followUpGapLate') ? addDays(addMonths(date, 6), r.int(5, 90)) : addDays(date, r.int(120, 180));
    }
  }

  /** Personrettet tilsyn: a visit in each half-year of the placement up to `last`, unless that half-year is missed. */
  visits(measure: Measure, last = measure.endDate ?? this.to): void {
    for (let half = measure.startDate; half <= last; half = addMonths(half, 6)) {
      if (this.missed('supervisionMissed')) continue;
      const date = addDays(half, this.random.int(20, 150));
      if (date > last) break;
      this.visit(date);
    }
  }

  visit(date: IsoDate): void {
    this.events.supervisionVisits.push({ id: '', caseNumber: this.caseNumber, date, childSeenAlone: this.flaw(!this.missed('childNotSeenAlone')) } satisfies SupervisionVisit);
  }

  /** An urgent placement: started at once, decided afterwards; no plan or investigation required first. */
  urgentPlacement(aware: IsoDate): IsoDate | null {
    const r = this.random;
    const start = addDays(aware, r.int(0, 3));
    if (!this.within(start)) return null;
    const m = this.measure('placement', this.within(addDays(start, r.int(1, 10))), start, { urgent: true });
    this.events.measures.push(m);
    this.plan(this.within(addDays(start, r.int(20, 140))), m.measureId);
    this.followUps(m);
    this.visits(m);
    return start;
  }

  safetyPlan(aware: IsoDate): IsoDate | null {
    const start = addDays(aware, this.random.int(0, 5));
    if (!this.within(start)) return null;
    this.events.measures.push(this.measure('safetyPlan', start, start, { managementApproved: this.flaw(this.random.chance(0.85)), endDate: this.within(addDays(start, this.random.int(30, 400))) }));
    return start;
  }

  /**
   * A planned placement after a completed investigation, unless the step was skipped. With
   * `lastVisit`, the placement still runs and its latest visit was on that day.
   */
  plannedPlacement(investigation: Investigation, aware: IsoDate, lastVisit?: IsoDate): IsoDate | null {
    const r = this.random;
    const completed = investigation.completedAt!;
    const started = investigation.startedAt ?? aware;
    const decision = this.missed('plannedPlacementWithoutInvestigation') ? addDays(started, r.int(5, Math.max(6, daysBetween(started, completed) - 1))) : addDays(completed, r.int(1, 30));
    const m = this.measure('placement', decision, addDays(decision, r.int(0, 14)), lastVisit ? { endDate: null } : {});
    if (!this.within(m.startDate)) return null;
    this.events.measures.push(m);
    this.plan(this.missed('plannedPlacementWithoutPlan') ? this.within(addDays(m.startDate, r.int(10, 90))) : addDays(decision, -r.int(1, 20)), m.measureId);
    this.followUps(m);
    if (lastVisit) {
      this.visits(m, addDays(lastVisit, -1));
      this.visit(lastVisit);
    } else {
      this.visits(m);
    }
    return m.startDate;
  }

  /** Support at home after a completed investigation. */
  preventive(completed: IsoDate): IsoDate | null {
    const r = this.random;
    const decision = addDays(completed, r.int(1, 30));
    const needsPlan = r.chance(0.6);
    const m = this.measure('preventive', decision, addDays(decision, r.int(0, 14)), { planNeeded: this.flaw(needsPlan) });
    if (!this.within(m.startDate)) return null;
    this.events.measures.push(m);
    if (needsPlan) this.preventivePlan(decision, m.measureId);
    this.followUps(m);
    return m.startDate;
  }

  preventivePlan(decision: IsoDate, measureId: string): void {
    const r = this.random;
    this.plan(this.within(this.missed('preventivePlanLate') ? addDays(addMonths(decision, 3), r.int(1, 60)) : addDays(decision, r.int(5, 80))), measureId);
  }
}

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
