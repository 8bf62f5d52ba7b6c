import { addDays, addMinutes, addMonths, datePart, daysBetween } from '../calendar';
import { EventIds } from '../event-id';
import { createRandom, type Random } from '../random';
import {
  emptyEvents, EVENT_TABLES, type ActionPlan, type Case, type CaseData, type CaseEvents, type FollowUp, type IsoDate,
  type Investigation, type Measure, type Notification, type SupervisionVisit,
} from '../types';
import { caseworkerName, DEMO_CASE_PREFIX, OUT_OF_HOURS_UNIT, unitName, type DemoConfig } from './config';
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

/** One child's case and its events, built step by step as the case would unfold. */
class CaseBuilder {
  readonly events: CaseEvents = emptyEvents();
  #measures = 0;

  constructor(
    readonly caseNumber: string,
    readonly caseworker: string,
    private readonly random: Random,
    private readonly draws: RateDraws,
    private readonly config: DemoConfig,
  ) {}

  /** Optional values are sometimes missing in real extracts: `null` at the configured rate. */
  flaw<T>(value: T): T | null {
    return this.random.chance(this.config.flawRate) ? null : value;
  }

  missed(rate: Parameters<RateDraws['missed']>[0]): boolean {
    return this.draws.missed(rate, this.caseworker);
  }

  /** A date within the period, or null when it would lie after its end. */
  within(date: IsoDate): IsoDate | null {
    return date <= this.config.to ? date : null;
  }

  notification(received: IsoDate, first: boolean, outOfHours: boolean): Notification {
    const r = this.random;
    const receivedAt = `${received}T${outOfHours ? time(r, 17, 23) : time(r, 7, 15)}`;
    const fromProfessional = r.chance(0.7);
    const outcome = first ? r.pick(['investigation', 'investigation', 'investigation', 'preventive', 'existingCase', 'none', 'none'] as const) : r.pick(['existingCase', 'existingCase', 'existingCase', 'none'] as const);
    const considered = outcome === 'none' || outcome === 'preventive' ? !this.missed('preventiveNotConsidered') : null;
    const late = this.missed('notAssessedWithin24h');
    return {
      id: '', caseNumber: this.caseNumber, receivedAt,
      fromProfessional: this.flaw(fromProfessional),
      assessedAt: this.flaw(addMinutes(receivedAt, late ? r.int(25, 96) * 60 : r.int(30, 23 * 60))),
      acknowledgedAt: fromProfessional ? this.flaw(addDays(received, this.missed('receiptLate') ? r.int(12, 30) : r.int(1, 5))) : null,
      outcome: this.flaw(outcome), preventiveConsidered: considered === null ? null : this.flaw(considered),
    };
  }

  investigation(started: IsoDate): Investigation {
    const late = this.missed('investigationLate');
    const deadline = addMonths(started, 4);
    const completed = late ? addDays(deadline, this.random.int(1, 90)) : addDays(started, this.random.int(30, 110));
    const completedAt = this.within(completed);
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
    const conversationMissing = decision !== null && this.missed(placement ? 'placementConversationMissing' : 'preventiveConversationMissing');
    const waived = decision !== null && !conversationMissing && r.chance(0.15);
    const end = r.chance(0.45) ? this.within(addDays(start, r.int(60, 1500))) : null;
    this.#measures += 1;
    return {
      id: '', caseNumber: this.caseNumber, measureId: `${this.caseNumber}-F${this.#measures}`, kind,
      // Barnets Lov replaced Serviceloven's child part on 01-01-2024.
      paragraph: placement ? ((decision ?? start) < '2024-01-01' ? 'SEL § 52, stk. 3, nr. 7' : r.pick(['BL § 46', 'BL § 47'])) : kind === 'preventive' ? ((decision ?? start) < '2024-01-01' ? 'SEL § 52, stk. 3, nr. 3' : 'BL § 32, stk. 1, nr. 3') : null,
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

  /** Follow-ups from the start until the measure ends or the period does. */
  followUps(measure: Measure): void {
    const r = this.random;
    const last = measure.endDate ?? this.config.to;
    let date = this.missed('firstFollowUpLate') ? addDays(addMonths(measure.startDate, 3), r.int(1, 120)) : addDays(measure.startDate, r.int(20, 85));
    let first = true;
    while (date <= last) {
      this.events.followUps.push({ id: '', caseNumber: this.caseNumber, measureId: measure.measureId, date, cadenceMonths: first ? this.flaw(r.chance(0.2) ? 3 : 6) : null } satisfies FollowUp);
      first = false;
      date = this.missed('followUpGapLate') ? addDays(addMonths(date, 6), r.int(5, 90)) : addDays(date, r.int(120, 180));
    }
  }

  /** Personrettet tilsyn: a visit in each half-year of the placement, unless that half-year is missed. */
  visits(measure: Measure): void {
    const last = measure.endDate ?? this.config.to;
    for (let half = measure.startDate; half <= last; half = addMonths(half, 6)) {
      if (this.missed('supervisionMissed')) continue;
      const date = addDays(half, this.random.int(20, 150));
      if (date > last) break;
      this.events.supervisionVisits.push({ id: '', caseNumber: this.caseNumber, date, childSeenAlone: this.flaw(!this.missed('childNotSeenAlone')) } satisfies SupervisionVisit);
    }
  }
}

function generateCase(index: number, config: DemoConfig, staff: Staff, random: Random, draws: RateDraws): { value: Case; events: CaseEvents } {
  const r = random;
  const caseNumber = `${DEMO_CASE_PREFIX}${String(index + 1).padStart(6, '0')}`;
  const outOfHours = r.chance(0.03);
  const unit = outOfHours ? OUT_OF_HOURS_UNIT : r.pick(staff.units);
  const caseworker = r.pick(staff.byUnit.get(unit)!);
  const c = new CaseBuilder(caseNumber, caseworker, r, draws, config);
  const aware = addDays(config.from, r.int(0, daysBetween(config.from, config.to) - 30));
  const birth = addDays(aware, -r.int(0, 17 * 365));

  const first = c.notification(aware, true, outOfHours);
  c.events.notifications.push(first);
  // Later notifications on distinct days, so no two events of a case are alike in any dialect.
  for (let n = r.int(0, 2), at = aware; n > 0; n--) {
    at = addDays(at, r.int(20, 300));
    if (c.within(at)) c.events.notifications.push(c.notification(at, false, false));
  }

  let measureStart: IsoDate | null = null;
  const path = r.float();
  if (path < 0.04) {
    // An urgent placement: started at once, decided afterwards; no plan or investigation required first.
    const start = addDays(aware, r.int(0, 3));
    const m = c.measure('placement', c.within(addDays(start, r.int(1, 10))), start, { urgent: true });
    c.events.measures.push(m);
    c.plan(c.within(addDays(start, r.int(20, 140))), m.measureId);
    c.followUps(m);
    c.visits(m);
    measureStart = start;
  } else if (path < 0.07) {
    const start = addDays(aware, r.int(0, 5));
    c.events.measures.push(c.measure('safetyPlan', start, start, { managementApproved: c.flaw(r.chance(0.85)), endDate: c.within(addDays(start, r.int(30, 400))) }));
    measureStart = start;
  } else if (first.outcome === 'investigation' || path > 0.85) {
    const investigation = c.investigation(addDays(aware, r.int(0, 7)));
    c.events.investigations.push(investigation);
    const completed = investigation.completedAt;
    const next = r.float();
    if (completed && next < 0.25) {
      // A planned placement: after the investigation, unless the step was skipped.
      const started = investigation.startedAt ?? aware;
      const decision = c.missed('plannedPlacementWithoutInvestigation') ? addDays(started, r.int(5, Math.max(6, daysBetween(started, completed) - 1))) : addDays(completed, r.int(1, 30));
      const m = c.measure('placement', decision, addDays(decision, r.int(0, 14)));
      if (c.within(m.startDate)) {
        c.events.measures.push(m);
        c.plan(c.missed('plannedPlacementWithoutPlan') ? c.within(addDays(m.startDate, r.int(10, 90))) : addDays(decision, -r.int(1, 20)), m.measureId);
        c.followUps(m);
        c.visits(m);
        measureStart = m.startDate;
      }
    } else if (completed && next < 0.7) {
      const decision = addDays(completed, r.int(1, 30));
      const needsPlan = r.chance(0.6);
      const m = c.measure('preventive', decision, addDays(decision, r.int(0, 14)), { planNeeded: c.flaw(needsPlan) });
      if (c.within(m.startDate)) {
        c.events.measures.push(m);
        if (needsPlan) c.plan(c.within(c.missed('preventivePlanLate') ? addDays(addMonths(decision, 3), r.int(1, 60)) : addDays(decision, r.int(5, 80))), m.measureId);
        c.followUps(m);
        measureStart = m.startDate;
      }
    }
  }

  for (const table of EVENT_TABLES) (c.events[table] as { date?: string }[]).sort(byDate(table));
  const lastEvent = c.events.measures.every((m) => m.endDate) && r.chance(0.6) ? latestDate(c.events, aware) : null;
  const ageAtMeasure = measureStart ? daysBetween(birth, measureStart) / 365.25 : null;
  const value: Case = {
    caseNumber, cpr: maskedCpr(birth), birthDate: birth, unit,
    group: c.flaw(ageAtMeasure === null ? 'Undersøgelse' : ageAtMeasure < 14 ? 'Børn' : 'Unge'),
    caseworker, openedAt: c.flaw(addDays(aware, r.int(0, 2))),
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

/** A whole fictitious kommune, the same for the same configuration and seed. */
export function generateDemo(config: DemoConfig): CaseData {
  const random = createRandom(config.seed);
  const staff = hireStaff(config, random);
  const draws = new RateDraws(config.rates, staff.factors, random);
  const data: CaseData = { cases: [], notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [] };
  for (let i = 0; i < config.cases; i++) {
    const { value, events } = generateCase(i, config, staff, random, draws);
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
