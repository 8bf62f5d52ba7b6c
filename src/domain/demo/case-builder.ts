import { addDays, addMinutes, addMonths, datePart, daysBetween } from '../calendar';
import type { Random } from '../random';
import {
  emptyEvents, type ActionPlan, type CaseEvents, type FollowUp, type IsoDate,
  type IsoDateTime, type Investigation, type Measure, type Notification, type SupervisionVisit,
} from '../types';
import type { RateDraws } from './rate-draws';

const time = (random: Random, from: number, to: number) =>
  `${String(random.int(from, to)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;

/** Barnets Lov replaced Serviceloven's child part on 01-01-2024. */
export const BL_FROM = '2024-01-01';

/** An investigation whose course the case decides itself (work in progress), instead of by the rate draws. */
export interface InvestigationCourse {
  late: boolean;
  completed: IsoDate | null;
}

/** One child's case and its events, built step by step as the case would unfold; nothing is dated after the extract. */
export class CaseBuilder {
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
