import { addMonthsToDay, dayNumber, fromDayNumber } from '../calendar';
import { formatDate } from '../format';
import type { EventTableName } from '../types';
import { addWorkingDaysToDay } from '../working-days';
import { MEASURE_KINDS, NO, NONE, OUTCOMES, YES, type CaseColumns, type EventColumns } from './case-columns';
import { ctxParams } from './settings';
import { BREACHED, MET, MET_WITH_EXCEPTION, stepStatus } from './steps';
import type { Regime, RuleId, RuleParams, ScreeningContext } from './types';

/**
 * The twenty rules of RULES.md, one evaluator each. An evaluator reads one case of the columns
 * (case-columns.ts: dates are day numbers, NONE is empty) and tells `out` what it finds about each
 * subject (event) in its scope; the engine (evaluate.ts) adds case, rule, regime and paragraph and
 * writes the result straight into the result columns.
 */

/** Barnets Lov applies from 01-01-2024; the trigger date decides (RULES.md "Two legal regimes"). */
const BL_FROM = dayNumber('2024-01-01');
export const regimeOf = (trigger: number): Regime => (trigger < BL_FROM ? 'SEL' : 'BL');

/** A screening's rules, with its dates as day numbers. */
export interface Run {
  ctx: ScreeningContext;
  asOf: number;
  /** TILSYN_2X counts visits from here: 12 months before `asOf`, or 1 January of its year. */
  supervisionFrom: number;
}

export function runOf(ctx: ScreeningContext): Run {
  const asOf = dayNumber(ctx.asOf);
  const supervisionFrom = ctx.settings.supervisionWindow === 'calendarYear' ? dayNumber(`${ctx.asOf.slice(0, 4)}-01-01`) : addMonthsToDay(asOf, -12);
  return { ctx, asOf, supervisionFrom };
}

/** Where an evaluator puts what it finds about a subject, given by its event id; dates are day numbers. */
export interface Findings {
  /**
   * Whether to write the basis sentences. A large screening leaves them out: a million sentences
   * cost more than the screening itself, and the case page makes them again for one case
   * (screening is deterministic, so they come out the same).
   */
  readonly explain: boolean;
  /** A step due by `deadline`, done at `doneAt` (NONE: not done): `stepStatus` at the screening's `asOf`. */
  step(subject: string, trigger: number, deadline: number, doneAt: number, basis: string): void;
  /** `status` from steps.ts; `daysLate` NONE when none. */
  result(subject: string, trigger: number, status: number, deadline: number, doneAt: number, daysLate: number, basis: string): void;
  /** A yes/no field (YES, NO or NONE); `missing` is the field an empty one lacks. */
  yesNo(subject: string, trigger: number, value: number, basis: string, missing: string): void;
  /** `missing`: the `table.field` keys an unknown outcome lacks, joined by commas (constants, so nothing is built per result). */
  unknown(subject: string, trigger: number, basis: string, missing: string): void;
  notApplicable(subject: string, trigger: number, basis: string): void;
}

export type Evaluator = (cols: CaseColumns, c: number, params: RuleParams, run: Run, out: Findings) => void;

/** A date for a basis sentence. */
const d = (day: number) => (day === NONE ? '–' : formatDate(fromDayNumber(day)));
/** The clock time of a minute number, `HH:mm`. */
const hm = (minute: number) => {
  const m = minute - Math.floor(minute / 1440) * 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const yesNoText = (value: number) => (value === NONE ? 'ikke oplyst' : value === YES ? 'ja' : 'nej');
const dayOf = (minute: number) => (minute === NONE ? NONE : Math.floor(minute / 1440));

const PLACEMENT = MEASURE_KINDS.indexOf('placement');
const PLACEMENTS = [PLACEMENT];
const SAFETY_PLANS = [MEASURE_KINDS.indexOf('safetyPlan')];
const PLAN_KINDS = [PLACEMENT, MEASURE_KINDS.indexOf('preventive')];
const NO_INVESTIGATION = OUTCOMES.indexOf('none');
const PREVENTIVE_OUTCOME = OUTCOMES.indexOf('preventive');

/** The first and the end of case `c`'s events in a table. */
const eventsOf = (table: EventColumns<EventTableName>, c: number): [number, number] => [table.start[c]!, table.start[c + 1]!];

const measureTrigger = (M: CaseColumns['measures'], m: number) => (M.decisionDate[m] !== NONE ? M.decisionDate[m]! : M.startDate[m]!);

/**
 * Whether a rule on measures of these kinds concerns measure `m`. A measure without a kind cannot
 * be placed in scope: it is unknown to every such rule, and that result goes to `out`.
 */
function inScope(M: CaseColumns['measures'], m: number, kinds: readonly number[], out: Findings): boolean {
  const kind = M.kind[m]!;
  if (kind === NONE) {
    out.unknown(M.id[m]!, measureTrigger(M, m), out.explain ? 'Foranstaltningens type mangler.' : '', 'measures.kind');
    return false;
  }
  return kinds.includes(kind);
}

type YesNoField = 'planSharedWithPlacement' | 'parentsInformed' | 'placementChoiceJustified' | 'contactDecided';

/** A yes/no rule on placements: an empty kind cannot be placed in scope, so it is unknown. */
function placementYesNo(field: YesNoField, label: string): Evaluator {
  const missing = `measures.${field}`;
  return (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, PLACEMENTS, out)) continue;
      const value = M[field][m]!;
      out.yesNo(M.id[m]!, measureTrigger(M, m), value, out.explain ? `${label}: ${yesNoText(value)}.` : '', missing);
    }
  };
}

/** The investigation's start for BFU_4M: its own, else the case's awareness date, else the first notification (RULES.md). */
function investigationTrigger(cols: CaseColumns, c: number, i: number): number {
  const started = cols.investigations.startedAt[i]!;
  if (started !== NONE) return started;
  if (cols.awareAt[c] !== NONE) return cols.awareAt[c]!;
  return firstNotification(cols, c);
}

function firstNotification(cols: CaseColumns, c: number): number {
  const N = cols.notifications;
  const [from, end] = eventsOf(N, c);
  let first = NONE;
  for (let n = from; n < end; n++) {
    const day = dayOf(N.received[n]!);
    if (day !== NONE && (first === NONE || day < first)) first = day;
  }
  return first;
}

function triggerText(cols: CaseColumns, c: number, i: number): string {
  const started = cols.investigations.startedAt[i]!;
  if (started !== NONE) return `Påbegyndt ${d(started)}`;
  if (cols.awareAt[c] !== NONE) return `Påbegyndt mangler – sagens opmærksomhedsdato ${d(cols.awareAt[c]!)} brugt`;
  const first = firstNotification(cols, c);
  if (first !== NONE) return `Påbegyndt mangler – opmærksomhedsdato fra første underretning ${d(first)} brugt`;
  return 'Påbegyndt, opmærksomhedsdato og underretning mangler';
}

const INVESTIGATION_START_MISSING = 'investigations.startedAt,cases.awareAt';

/** BFU_4M's basis sentence for investigation `i` with its deadline. */
const bfu4mText = (cols: CaseColumns, c: number, i: number, deadline: number) => {
  const completed = cols.investigations.completedAt[i]!;
  return `${triggerText(cols, c, i)}; frist ${d(deadline)}; ${completed !== NONE ? `afsluttet ${d(completed)}` : 'ikke afsluttet'}.`;
};

/** The follow-ups that count for measure `m`: of the case, for this measure or for all, on or after its start; by date. */
function followUpsOf(cols: CaseColumns, c: number, m: number): number[] {
  const F = cols.followUps;
  const [from, end] = eventsOf(F, c);
  const measure = cols.measures.measure[m]!;
  const start = cols.measures.startDate[m]!;
  const found: number[] = [];
  for (let f = from; f < end; f++) if ((F.measure[f] === NONE || F.measure[f] === measure) && F.date[f]! >= start) found.push(f);
  return found.length > 1 ? found.sort((a, b) => F.date[a]! - F.date[b]! || a - b) : found;
}

const needsTable = (run: Run, table: EventTableName) => run.ctx.importedTables.has(table);

export const EVALUATORS: Record<RuleId, Evaluator> = {
  UND_24T: (cols, c, params, run, out) => {
    const N = cols.notifications;
    const [from, end] = eventsOf(N, c);
    for (let n = from; n < end; n++) {
      const id = N.id[n]!;
      const receivedAt = N.received[n]!;
      const received = dayOf(receivedAt);
      const assessed = N.assessed[n]!;
      const assessedDay = dayOf(assessed);
      if (N.receivedTimed[n] !== YES || (assessed !== NONE && N.assessedTimed[n] !== YES)) {
        // Date only: in time when done on the same or the next calendar day (RULES.md).
        out.step(id, received, received + Math.ceil(params.hours! / 24), assessedDay, out.explain ? `Modtaget ${d(received)}; ${assessed !== NONE ? `vurderet ${d(assessedDay)}` : 'ikke vurderet'} (kun dato).` : '');
        continue;
      }
      const due = receivedAt + params.hours! * 60;
      const dueDate = Math.floor(due / 1440);
      const at = out.explain ? `Modtaget ${d(received)} kl. ${hm(receivedAt)}` : '';
      if (assessed === NONE) {
        out.step(id, received, dueDate, NONE, out.explain ? `${at}; ikke vurderet.` : '');
      } else if (assessed <= due) {
        out.result(id, received, MET, dueDate, assessedDay, NONE, out.explain ? `${at}; vurderet ${d(assessedDay)} kl. ${hm(assessed)}.` : '');
      } else {
        out.result(id, received, BREACHED, dueDate, assessedDay, Math.max(1, assessedDay - dueDate), out.explain ? `${at}; vurderet ${d(assessedDay)} kl. ${hm(assessed)}, efter ${params.hours} timer.` : '');
      }
    }
  },

  UND_KVIT: (cols, c, params, run, out) => {
    const N = cols.notifications;
    const [from, end] = eventsOf(N, c);
    for (let n = from; n < end; n++) {
      const id = N.id[n]!;
      const received = dayOf(N.received[n]!);
      const professional = N.fromProfessional[n]!;
      if (professional === NONE) out.unknown(id, received, out.explain ? 'Det er ikke oplyst, om underretteren er fagperson.' : '', 'notifications.fromProfessional');
      else if (professional === NO) out.notApplicable(id, received, out.explain ? 'Underretteren er ikke fagperson.' : '');
      else {
        const deadline = addWorkingDaysToDay(received, params.workingDays!, run.ctx.settings.holidays);
        const acknowledged = N.acknowledgedAt[n]!;
        out.step(id, received, deadline, acknowledged, out.explain ? `Modtaget ${d(received)}; frist ${params.workingDays} hverdage = ${d(deadline)}; ${acknowledged !== NONE ? `kvitteret ${d(acknowledged)}` : 'ingen kvittering'}.` : '');
      }
    }
  },

  UND_STILLING: (cols, c, _params, _run, out) => {
    const N = cols.notifications;
    const [from, end] = eventsOf(N, c);
    for (let n = from; n < end; n++) {
      const id = N.id[n]!;
      const received = dayOf(N.received[n]!);
      const outcome = N.outcome[n]!;
      if (outcome === NONE) { out.unknown(id, received, out.explain ? 'Underretningens udfald er ikke oplyst.' : '', 'notifications.outcome'); continue; }
      if (outcome !== NO_INVESTIGATION && outcome !== PREVENTIVE_OUTCOME) continue;
      const considered = N.preventiveConsidered[n]!;
      out.yesNo(id, received, considered, out.explain ? `Udfald uden undersøgelse; stillingtagen dokumenteret: ${yesNoText(considered)}.` : '', 'notifications.preventiveConsidered');
    }
  },

  BFU_4M: (cols, c, params, _run, out) => {
    const I = cols.investigations;
    const [from, end] = eventsOf(I, c);
    for (let i = from; i < end; i++) {
      const trigger = investigationTrigger(cols, c, i);
      if (trigger === NONE) { out.unknown(I.id[i]!, NONE, out.explain ? `${triggerText(cols, c, i)}.` : '', INVESTIGATION_START_MISSING); continue; }
      const deadline = addMonthsToDay(trigger, params.months!);
      out.step(I.id[i]!, trigger, deadline, I.completedAt[i]!, out.explain ? bfu4mText(cols, c, i, deadline) : '');
    }
  },

  BFU_FORELOEBIG: (cols, c, params, run, out) => {
    const I = cols.investigations;
    const [from, end] = eventsOf(I, c);
    const months = ctxParams(run.ctx, 'BFU_4M').months!;
    for (let i = from; i < end; i++) {
      const trigger = investigationTrigger(cols, c, i);
      if (trigger === NONE) { out.unknown(I.id[i]!, NONE, out.explain ? `Undersøgelsens frist kan ikke beregnes: ${triggerText(cols, c, i)}.` : '', INVESTIGATION_START_MISSING); continue; }
      const deadline = addMonthsToDay(trigger, months);
      if (stepStatus(deadline, I.completedAt[i]!, run.asOf) !== BREACHED) { out.notApplicable(I.id[i]!, trigger, out.explain ? 'Undersøgelsens frist er ikke overskredet.' : ''); continue; }
      const interim = I.interimAssessmentAt[i]!;
      out.step(I.id[i]!, trigger, deadline + params.toleranceDays!, interim, out.explain ? `Fristen ${d(deadline)} er overskredet; foreløbig vurdering ${interim !== NONE ? d(interim) : 'mangler'} (tolerance ${params.toleranceDays} dage).` : '');
    }
  },

  BFU_FOER_ANBR: (cols, c, _params, run, out) => {
    const M = cols.measures;
    const I = cols.investigations;
    const [from, end] = eventsOf(M, c);
    const [firstInvestigation, endInvestigation] = eventsOf(I, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      if (!inScope(M, m, PLACEMENTS, out) || M.urgent[m] === YES) continue;
      if (!needsTable(run, 'investigations')) { out.unknown(id, trigger, out.explain ? 'Undersøgelser er ikke importeret.' : '', 'investigations'); continue; }
      // The investigation is a step due by the decision: done in time, done late, or still to come.
      let before = NONE;
      let after = NONE;
      for (let i = firstInvestigation; i < endInvestigation; i++) {
        const completed = I.completedAt[i]!;
        if (completed === NONE) continue;
        if (completed <= trigger) before = before === NONE || completed > before ? completed : before;
        else after = after === NONE || completed < after ? completed : after;
      }
      const basis = out.explain
        ? `Planlagt anbringelse, ${M.decisionDate[m] !== NONE ? 'afgørelse' : 'iværksat'} ${d(trigger)}; ${before !== NONE ? `undersøgelse afsluttet ${d(before)}` : after !== NONE ? `undersøgelse først afsluttet ${d(after)}` : 'ingen afsluttet undersøgelse'}.`
        : '';
      if (before !== NONE) out.result(id, trigger, MET, trigger, before, NONE, basis);
      else out.step(id, trigger, trigger, after, basis);
    }
  },

  PLAN_RETTIDIG: (cols, c, params, run, out) => {
    const M = cols.measures;
    const P = cols.actionPlans;
    const [from, end] = eventsOf(M, c);
    const [firstPlan, endPlan] = eventsOf(P, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      if (!inScope(M, m, PLAN_KINDS, out)) continue;
      const start = M.startDate[m]!;
      let deadline: number;
      let rule = '';
      if (regimeOf(trigger) === 'SEL') {
        const urgent = M.urgent[m] === YES;
        deadline = urgent ? addMonthsToDay(start, params.urgentMonths!) : trigger;
        if (out.explain) rule = urgent ? `akut iværksat ${d(start)} + ${params.urgentMonths} måneder` : `${M.decisionDate[m] !== NONE ? 'afgørelse' : 'iværksat'} ${d(trigger)}`;
      } else if (M.kind[m] === PLACEMENT) {
        const consent = M.consent[m]!;
        if (consent === NONE) { out.unknown(id, trigger, out.explain ? 'Det er ikke oplyst, om anbringelsen er med samtykke.' : '', 'measures.consent'); continue; }
        deadline = consent === YES ? addMonthsToDay(trigger, params.consentMonths!) : trigger;
        if (out.explain) rule = consent === YES ? `anbringelse med samtykke, ${d(trigger)} + ${params.consentMonths} måneder` : `anbringelse uden samtykke, ${d(trigger)}`;
      } else {
        const needed = M.planNeeded[m]!;
        if (needed === NONE) { out.unknown(id, trigger, out.explain ? 'Det er ikke oplyst, om en plan er nødvendig (BL § 32).' : '', 'measures.planNeeded'); continue; }
        if (needed === NO) { out.notApplicable(id, trigger, out.explain ? 'Kommunen har vurderet, at en plan ikke er nødvendig.' : ''); continue; }
        deadline = addMonthsToDay(trigger, params.preventiveMonths!);
        if (out.explain) rule = `støtte efter § 32, ${d(trigger)} + ${params.preventiveMonths} måneder`;
      }
      if (!needsTable(run, 'actionPlans')) { out.unknown(id, trigger, out.explain ? 'Handleplaner er ikke importeret.' : '', 'actionPlans'); continue; }
      // The last plan by the deadline, else the first after it.
      let inTime = NONE;
      let later = NONE;
      for (let p = firstPlan; p < endPlan; p++) {
        if (P.measure[p] !== NONE && P.measure[p] !== M.measure[m]) continue;
        const date = P.date[p]!;
        if (date <= deadline) inTime = inTime === NONE || date > inTime ? date : inTime;
        else later = later === NONE || date < later ? date : later;
      }
      const basis = out.explain ? `Frist: ${rule} = ${d(deadline)}; ${inTime !== NONE ? `plan ${d(inTime)}` : later !== NONE ? `første plan ${d(later)}` : 'ingen plan'}.` : '';
      if (inTime !== NONE) out.result(id, trigger, MET, deadline, inTime, NONE, basis);
      else out.step(id, trigger, deadline, later, basis);
    }
  },

  PLAN_JOURNAL: (cols, c, _params, _run, out) => {
    const P = cols.actionPlans;
    const [from, end] = eventsOf(P, c);
    for (let p = from; p < end; p++) {
      out.yesNo(P.id[p]!, P.date[p]!, P.filed[p]!, out.explain ? `Plan ${d(P.date[p]!)}; journaliseret: ${yesNoText(P.filed[p]!)}.` : '', 'actionPlans.filed');
    }
  },

  PLAN_DELT: placementYesNo('planSharedWithPlacement', 'Plan sendt til anbringelsesstedet'),

  SAMTALE_FOER_AFG: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const decision = M.decisionDate[m]!;
      if (decision === NONE) { out.notApplicable(id, M.startDate[m]!, out.explain ? 'Ingen afgørelsesdato.' : ''); continue; }
      const talk = M.childConversationAt[m]!;
      const waived = M.conversationWaived[m]!;
      if (talk !== NONE && talk <= decision) out.result(id, decision, MET, decision, talk, NONE, out.explain ? `Børnesamtale ${d(talk)} før afgørelsen ${d(decision)}.` : '');
      else if (waived === YES) out.result(id, decision, MET_WITH_EXCEPTION, decision, talk, NONE, out.explain ? `Ingen børnesamtale før afgørelsen ${d(decision)}; fravalgt med begrundelse.` : '');
      else if (talk !== NONE) out.result(id, decision, BREACHED, decision, talk, talk - decision, out.explain ? `Børnesamtale ${d(talk)} først efter afgørelsen ${d(decision)}.` : '');
      else if (waived === NONE) out.unknown(id, decision, out.explain ? `Ingen børnesamtale registreret før afgørelsen ${d(decision)}, og det er ikke oplyst, om den er fravalgt med begrundelse.` : '', 'measures.childConversationAt,measures.conversationWaived');
      else out.result(id, decision, BREACHED, decision, NONE, NONE, out.explain ? `Ingen børnesamtale før afgørelsen ${d(decision)} og ingen begrundelse.` : '');
    }
  },

  BISIDDER: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      const decision = M.decisionDate[m]!;
      if (decision === NONE) continue;
      const offered = M.supporterOffered[m]!;
      out.yesNo(M.id[m]!, decision, offered, out.explain ? `Afgørelse ${d(decision)}; barnet vejledt om bisidder: ${yesNoText(offered)}.` : '', 'measures.supporterOffered');
    }
  },

  FORAELDRE_VEJL: placementYesNo('parentsInformed', 'Forældre vejledt om rettigheder'),
  ANBR_STED: placementYesNo('placementChoiceJustified', 'Valg af anbringelsessted begrundet'),
  SAMVAER: placementYesNo('contactDecided', 'Samvær afgjort eller rammen fastlagt'),

  OPF_FOERSTE: (cols, c, params, run, out) => {
    const M = cols.measures;
    const I = cols.investigations;
    const [from, end] = eventsOf(M, c);
    const [firstInvestigation, endInvestigation] = eventsOf(I, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      if (!inScope(M, m, PLAN_KINDS, out)) continue;
      const start = M.startDate[m]!;
      let deadline = addMonthsToDay(start, params.months!);
      let basis = out.explain ? `iværksat ${d(start)} + ${params.months} måneder` : '';
      if (regimeOf(trigger) === 'BL') {
        // BL § 95: also when an investigation running at the start is completed, if that is earlier.
        for (let i = firstInvestigation; i < endInvestigation; i++) {
          const completed = I.completedAt[i]!;
          if (completed === NONE || completed <= start || completed >= deadline) continue;
          const started = investigationTrigger(cols, c, i);
          if (started === NONE || started > start) continue;
          deadline = completed;
          if (out.explain) basis = `undersøgelse afsluttet ${d(completed)}, før ${params.months} måneder`;
        }
      }
      const ended = M.endDate[m]!;
      if (ended !== NONE && ended < deadline) { out.notApplicable(id, trigger, out.explain ? `Ophørt ${d(ended)} før fristen ${d(deadline)}.` : ''); continue; }
      if (!needsTable(run, 'followUps')) { out.unknown(id, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); continue; }
      const followUps = followUpsOf(cols, c, m);
      const first = followUps.length ? cols.followUps.date[followUps[0]!]! : NONE;
      out.step(id, trigger, deadline, first, out.explain ? `Frist: ${basis} = ${d(deadline)}; ${first !== NONE ? `første opfølgning ${d(first)}` : 'ingen opfølgning'}.` : '');
    }
  },

  OPF_LOEBENDE: (cols, c, params, run, out) => {
    const M = cols.measures;
    const F = cols.followUps;
    const [from, end] = eventsOf(M, c);
    subjects: for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      if (!inScope(M, m, PLAN_KINDS, out)) continue subjects;
      if (!needsTable(run, 'followUps')) { out.unknown(id, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); continue subjects; }
      const followUps = followUpsOf(cols, c, m);
      const dates = followUps.map((f) => F.date[f]!).filter((x) => x <= run.asOf);
      if (!dates.length) { out.notApplicable(id, trigger, out.explain ? 'Ingen opfølgning endnu (se Første opfølgning).' : ''); continue subjects; }
      const sel = regimeOf(trigger) === 'SEL';
      const cadence = F.cadenceMonths[followUps[0]!]!;
      const interval = sel ? params.selMonths! : cadence !== NONE ? cadence : params.defaultCadenceMonths!;
      const how = !out.explain ? '' : sel ? `hver ${interval}. måned` : cadence !== NONE ? `kadence ${interval} måneder fastsat ved første opfølgning` : `hver ${interval}. måned (kommunens standard)`;
      for (let i = 1; i < dates.length; i++) {
        const due = addMonthsToDay(dates[i - 1]!, interval);
        if (dates[i]! > due) { out.result(id, trigger, BREACHED, due, dates[i]!, dates[i]! - due, out.explain ? `Opfølgning ${d(dates[i - 1]!)}, næste først ${d(dates[i]!)} (${how}).` : ''); continue subjects; }
      }
      const last = dates.at(-1)!;
      const due = addMonthsToDay(last, interval);
      const ended = M.endDate[m]!;
      const until = ended !== NONE && ended < run.asOf ? ended : run.asOf;
      if (until <= due) out.result(id, trigger, MET, due, last, NONE, out.explain ? `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${how}).` : '');
      else out.result(id, trigger, BREACHED, due, NONE, until - due, out.explain ? `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${how}).` : '');
    }
  },

  TILSYN_2X: (cols, c, _params, run, out) => {
    const M = cols.measures;
    const V = cols.supervisionVisits;
    const [from, end] = eventsOf(M, c);
    const [firstVisit, endVisit] = eventsOf(V, c);
    const asOf = run.asOf;
    const windowStart = run.supervisionFrom;
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      if (!inScope(M, m, PLACEMENTS, out)) continue;
      const a = M.startDate[m]! > windowStart ? M.startDate[m]! : windowStart;
      const b = M.endDate[m] !== NONE && M.endDate[m]! < asOf ? M.endDate[m]! : asOf;
      const required = addMonthsToDay(a, 12) <= b ? 2 : addMonthsToDay(a, 6) <= b ? 1 : 0;
      if (required === 0) { out.notApplicable(id, trigger, out.explain ? `Anbragt i perioden ${d(a)}–${d(b)}, under et halvt år.` : ''); continue; }
      if (!needsTable(run, 'supervisionVisits')) { out.unknown(id, trigger, out.explain ? 'Tilsynsbesøg er ikke importeret.' : '', 'supervisionVisits'); continue; }
      let visits = 0;
      let last = NONE;
      for (let v = firstVisit; v < endVisit; v++) {
        const date = V.date[v]!;
        if (date < a || date > b) continue;
        visits++;
        if (last === NONE || date > last) last = date;
      }
      out.result(id, trigger, visits >= required ? MET : BREACHED, b, last, NONE, out.explain ? `Anbragt ${d(a)}–${d(b)}: ${required} besøg krævet, ${visits} registreret.` : '');
    }
  },

  TILSYN_SAMTALE: (cols, c, _params, _run, out) => {
    const V = cols.supervisionVisits;
    const [from, end] = eventsOf(V, c);
    for (let v = from; v < end; v++) {
      const alone = V.childSeenAlone[v]!;
      out.yesNo(V.id[v]!, V.date[v]!, alone, out.explain ? `Tilsyn ${d(V.date[v]!)}; samtale med barnet alene: ${yesNoText(alone)}.` : '', 'supervisionVisits.childSeenAlone');
    }
  },

  SIKPLAN_GODKENDT: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, SAFETY_PLANS, out)) continue;
      const id = M.id[m]!;
      const trigger = measureTrigger(M, m);
      const start = M.startDate[m]!;
      const decision = M.decisionDate[m]!;
      const approved = M.managementApproved[m]!;
      if (approved === NO) { out.result(id, trigger, BREACHED, start, NONE, NONE, out.explain ? 'Ikke godkendt af ledelsen.' : ''); continue; }
      if (decision !== NONE && decision > start) { out.result(id, trigger, BREACHED, start, decision, decision - start, out.explain ? `Afgørelse ${d(decision)} efter start ${d(start)}.` : ''); continue; }
      if (approved === NONE || decision === NONE) {
        const missing = approved !== NONE ? 'measures.decisionDate' : decision !== NONE ? 'measures.managementApproved' : 'measures.managementApproved,measures.decisionDate';
        out.unknown(id, trigger, out.explain ? 'Ledelsens godkendelse eller afgørelsesdatoen er ikke oplyst.' : '', missing);
        continue;
      }
      out.result(id, trigger, MET, start, decision, NONE, out.explain ? `Godkendt og afgjort ${d(decision)}, start ${d(start)}.` : '');
    }
  },

  SIKPLAN_VARIGHED: (cols, c, params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, SAFETY_PLANS, out)) continue;
      const start = M.startDate[m]!;
      const deadline = addMonthsToDay(start, params.maxMonths!);
      const ended = M.endDate[m]!;
      out.step(M.id[m]!, measureTrigger(M, m), deadline, ended, out.explain ? `Start ${d(start)}; anbefalet højst ${params.maxMonths} måneder = ${d(deadline)}; ${ended !== NONE ? `ophørt ${d(ended)}` : 'stadig aktiv'}.` : '');
    }
  },
};
