import { addMonthsToDay, dayNumber, fromDayNumber } from '../calendar';
import { formatDate } from '../format';
import type { EventTableName } from '../types';
import { addWorkingDaysToDay } from '../working-days';
import { NO, NONE, OUTCOME_CODE, YES, type CaseColumns, type EventColumns } from './case-columns';
import { BARNETS_LOV_FROM } from './catalog';
import { ctxParams } from './settings';
import { BREACHED, MET, stepStatus } from './steps';
import type { Regime, RuleId, RuleParams, ScreeningContext } from './types';

/**
 * The twenty rules of RULES.md, one evaluator each: here what they share and the rules on
 * notifications and investigations, in measure-rules.ts the rest. An evaluator reads one case of
 * the columns (case-columns.ts: dates are day numbers, NONE is empty) and tells `out` exactly one
 * finding about each subject of its kind (catalog.ts `subject`): a subject outside its scope is
 * notApplicable, and one whose trigger or needed field is empty is unknown, never day arithmetic
 * on NONE. The engine (evaluate.ts) adds case, rule, regime and paragraph and writes the result
 * straight into the result columns.
 */

/** Barnets Lov applies from 01-01-2024; the trigger date decides (RULES.md "Two legal regimes"). */
const BL_FROM = dayNumber(BARNETS_LOV_FROM);
export const regimeOf = (trigger: number): Regime => (trigger < BL_FROM ? 'SEL' : 'BL');

/** A screening's rules, with its dates as day numbers. */
export interface Run {
  ctx: ScreeningContext;
  asOf: number;
  /** TILSYN_2X's window W: 12 months before `asOf` to `asOf`, or the last complete calendar year. */
  supervisionFrom: number;
  supervisionTo: number;
  /**
   * Days added to the window's end before counting months: 1 for a calendar year, whose last day
   * is placed too (01-01 + 12 months = 01-01 of the next year, one day after 31-12), 0 for the
   * rolling window, whose own span is 12 months from first to last day (RULES.md).
   */
  supervisionEndSlack: number;
}

export function runOf(ctx: ScreeningContext): Run {
  const asOf = dayNumber(ctx.asOf);
  if (ctx.settings.supervisionWindow !== 'calendarYear') {
    return { ctx, asOf, supervisionFrom: addMonthsToDay(asOf, -12), supervisionTo: asOf, supervisionEndSlack: 0 };
  }
  // The last complete calendar year before asOf; asOf's own year when asOf is 31-12.
  const year = String(Number(ctx.asOf.slice(0, 4)) - (ctx.asOf.slice(5, 10) === '12-31' ? 0 : 1)).padStart(4, '0');
  return { ctx, asOf, supervisionFrom: dayNumber(`${year}-01-01`), supervisionTo: dayNumber(`${year}-12-31`), supervisionEndSlack: 1 };
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
export const d = (day: number) => (day === NONE ? '–' : formatDate(fromDayNumber(day)));
/** The clock time of a minute number, `HH:mm`. */
const hm = (minute: number) => {
  const m = minute - Math.floor(minute / 1440) * 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
export const yesNoText = (value: number) => (value === NONE ? 'ikke oplyst' : value === YES ? 'ja' : 'nej');
const dayOf = (minute: number) => (minute === NONE ? NONE : Math.floor(minute / 1440));

const NO_INVESTIGATION = OUTCOME_CODE.none;
const PREVENTIVE_OUTCOME = OUTCOME_CODE.preventive;
const INVESTIGATION_OUTCOME = OUTCOME_CODE.investigation;

/** The first and the end of case `c`'s events in a table. */
export const eventsOf = (table: EventColumns<EventTableName>, c: number): [number, number] => [table.start[c]!, table.start[c + 1]!];

/** The investigation's start for BFU_4M: its own, else the case's awareness date, else the first notification (RULES.md). */
export function investigationTrigger(cols: CaseColumns, c: number, i: number): number {
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

export const needsTable = (run: Run, table: EventTableName) => run.ctx.importedTables.has(table);

// What an unknown result lacks, as constants: nothing is built per result.
const RECEIVED = 'notifications.receivedAt';
const ASSESSED = 'notifications.assessedAt';
const RECEIVED_AND_ASSESSED = `${RECEIVED},${ASSESSED}`;
const PROFESSIONAL = 'notifications.fromProfessional';
const PROFESSIONAL_AND_RECEIVED = `${PROFESSIONAL},${RECEIVED}`;
const OUTCOME = 'notifications.outcome';
const OUTCOME_AND_RECEIVED = `${OUTCOME},${RECEIVED}`;
const CONSIDERED = 'notifications.preventiveConsidered';
const RECEIVED_AND_CONSIDERED = `${RECEIVED},${CONSIDERED}`;
const NO_RECEIPT = 'Modtagelsesdatoen mangler.';

/** The time fields a date-only assessment lacks: the receipt's, the assessment's or both. */
function untimed(N: CaseColumns['notifications'], n: number): string {
  const received = N.receivedTimed[n] !== YES;
  const assessed = N.assessed[n] !== NONE && N.assessedTimed[n] !== YES;
  return received && assessed ? RECEIVED_AND_ASSESSED : received ? RECEIVED : ASSESSED;
}

/** UND_24T on a notification with a date but no time for receipt or assessment (RULES.md "Hours"). */
function dateOnly(N: CaseColumns['notifications'], n: number, hours: number, out: Findings): void {
  const id = N.id[n]!;
  const received = dayOf(N.received[n]!);
  const assessed = dayOf(N.assessed[n]!);
  const when = out.explain ? `Modtaget ${d(received)}; ${assessed !== NONE ? `vurderet ${d(assessed)}` : 'ikke vurderet'} (kun dato)` : '';
  // Same or next calendar day is "within 24 hours" only for a standard of at least 24 hours.
  if (hours < 24) out.unknown(id, received, out.explain ? `${when}: en frist på ${hours} timer kan ikke afgøres uden klokkeslæt.` : '', untimed(N, n));
  else out.step(id, received, received + Math.ceil(hours / 24), assessed, out.explain ? `${when}.` : '');
}

/** The rules on notifications and investigations. */
export const NOTIFICATION_RULES = {
  UND_24T: (cols, c, params, _run, out) => {
    const N = cols.notifications;
    const [from, end] = eventsOf(N, c);
    const hours = params.hours!;
    for (let n = from; n < end; n++) {
      const id = N.id[n]!;
      const receivedAt = N.received[n]!;
      if (receivedAt === NONE) { out.unknown(id, NONE, out.explain ? NO_RECEIPT : '', RECEIVED); continue; }
      const assessed = N.assessed[n]!;
      if (N.receivedTimed[n] !== YES || (assessed !== NONE && N.assessedTimed[n] !== YES)) { dateOnly(N, n, hours, out); continue; }
      const received = dayOf(receivedAt);
      const assessedDay = dayOf(assessed);
      const due = receivedAt + hours * 60;
      const dueDate = Math.floor(due / 1440);
      const at = out.explain ? `Modtaget ${d(received)} kl. ${hm(receivedAt)}` : '';
      if (assessed === NONE) {
        out.step(id, received, dueDate, NONE, out.explain ? `${at}; ikke vurderet.` : '');
      } else if (assessed <= due) {
        out.result(id, received, MET, dueDate, assessedDay, NONE, out.explain ? `${at}; vurderet ${d(assessedDay)} kl. ${hm(assessed)}.` : '');
      } else {
        out.result(id, received, BREACHED, dueDate, assessedDay, Math.max(1, assessedDay - dueDate), out.explain ? `${at}; vurderet ${d(assessedDay)} kl. ${hm(assessed)}, efter ${hours} timer.` : '');
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
      if (professional === NO) { out.notApplicable(id, received, out.explain ? 'Underretteren er ikke fagperson.' : ''); continue; }
      if (professional === NONE) { out.unknown(id, received, out.explain ? 'Det er ikke oplyst, om underretteren er fagperson.' : '', received === NONE ? PROFESSIONAL_AND_RECEIVED : PROFESSIONAL); continue; }
      if (received === NONE) { out.unknown(id, NONE, out.explain ? NO_RECEIPT : '', RECEIVED); continue; }
      const deadline = addWorkingDaysToDay(received, params.workingDays!, run.ctx.settings.holidays);
      const acknowledged = N.acknowledgedAt[n]!;
      out.step(id, received, deadline, acknowledged, out.explain ? `Modtaget ${d(received)}; frist ${params.workingDays} hverdage = ${d(deadline)}; ${acknowledged !== NONE ? `kvitteret ${d(acknowledged)}` : 'ingen kvittering'}.` : '');
    }
  },

  UND_STILLING: (cols, c, _params, _run, out) => {
    const N = cols.notifications;
    const [from, end] = eventsOf(N, c);
    for (let n = from; n < end; n++) {
      const id = N.id[n]!;
      const received = dayOf(N.received[n]!);
      const outcome = N.outcome[n]!;
      if (outcome === NONE) { out.unknown(id, received, out.explain ? 'Underretningens udfald er ikke oplyst.' : '', received === NONE ? OUTCOME_AND_RECEIVED : OUTCOME); continue; }
      if (outcome !== NO_INVESTIGATION && outcome !== PREVENTIVE_OUTCOME) {
        out.notApplicable(id, received, !out.explain ? '' : outcome === INVESTIGATION_OUTCOME ? 'Underretningen førte til en undersøgelse.' : 'Underretningen indgik i en eksisterende sag.');
        continue;
      }
      const considered = N.preventiveConsidered[n]!;
      if (received === NONE) { out.unknown(id, NONE, out.explain ? NO_RECEIPT : '', considered === NONE ? RECEIVED_AND_CONSIDERED : RECEIVED); continue; }
      out.yesNo(id, received, considered, out.explain ? `Udfald uden undersøgelse; stillingtagen dokumenteret: ${yesNoText(considered)}.` : '', CONSIDERED);
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
} satisfies Partial<Record<RuleId, Evaluator>>;
