import { addMonthsToDay } from '../calendar';
import { NONE, type CaseColumns } from './case-columns';
import { d, eventsOf, investigationTrigger, needsTable, regimeOf, yesNoText, type Evaluator, type Findings, type Run } from './evaluators';
import { inScope, measureTrigger, NOT_PLACEMENT, NOT_PLAN_KIND, PLACEMENTS, PLAN_KINDS, startOf, VISIT_DATE, VISIT_DATE_AND_ALONE } from './measure-rules';
import { BREACHED, MET } from './steps';
import type { RuleId, RuleParams } from './types';

/** The recurring duties on measures: follow-up on whether they work, and personrettet tilsyn with a placed child. */

/** Whether follow-up `f` counts for a measure: of the case, for this measure or for all, dated on or after its start; an empty date is no evidence. */
const followUpCounts = (F: CaseColumns['followUps'], f: number, measure: number, start: number) =>
  (F.measure[f] === NONE || F.measure[f] === measure) && F.date[f] !== NONE && F.date[f]! >= start;

/** The first follow-up that counts for measure `m` (earliest date, then first listed), or -1. */
function firstFollowUp(cols: CaseColumns, c: number, m: number, start: number): number {
  const F = cols.followUps;
  const [from, end] = eventsOf(F, c);
  const measure = cols.measures.measure[m]!;
  let first = -1;
  for (let f = from; f < end; f++) if (followUpCounts(F, f, measure, start) && (first < 0 || F.date[f]! < F.date[first]!)) first = f;
  return first;
}

/** The dates of the follow-ups that count for measure `m`, up to `until`, in order: one array reused, so a screening allocates none. */
const DATES: number[] = [];
function followUpDates(cols: CaseColumns, c: number, m: number, start: number, until: number): number[] {
  const F = cols.followUps;
  const [from, end] = eventsOf(F, c);
  const measure = cols.measures.measure[m]!;
  DATES.length = 0;
  for (let f = from; f < end; f++) if (followUpCounts(F, f, measure, start) && F.date[f]! <= until) DATES.push(F.date[f]!);
  return DATES.length > 1 ? DATES.sort((a, b) => a - b) : DATES;
}

/** BL § 95: the completion of an investigation running at the start, when earlier than `deadline`; else `deadline`. */
function investigationDue(cols: CaseColumns, c: number, start: number, deadline: number): number {
  const I = cols.investigations;
  const [from, end] = eventsOf(I, c);
  for (let i = from; i < end; i++) {
    const completed = I.completedAt[i]!;
    if (completed === NONE || completed <= start || completed >= deadline) continue;
    const started = investigationTrigger(cols, c, i);
    if (started !== NONE && started <= start) deadline = completed;
  }
  return deadline;
}

/** OPF_LOEBENDE's interval in words, for the basis sentence. */
const cadenceText = (sel: boolean, cadence: number, interval: number) =>
  sel ? `hver ${interval}. måned` : cadence !== NONE ? `kadence ${interval} måneder fastsat ved første opfølgning` : `hver ${interval}. måned (kommunens standard)`;

/**
 * OPF_LOEBENDE on measure `m` with its follow-ups `dates` up to asOf (at least one, in order).
 * The interval follows the measure's regime (SEL 6 months for a measure decided before 2024, BL
 * the cadence of f₁), but the duty recurs, so a result is cited under the law in force when it
 * fell due: a late or missing follow-up's due date, or, when all came in time, the end of what
 * was checked (asOf, or the measure's end).
 */
function followUpGaps(cols: CaseColumns, c: number, m: number, params: RuleParams, run: Run, out: Findings, dates: readonly number[]): void {
  const M = cols.measures;
  const id = M.id[m]!;
  const sel = regimeOf(measureTrigger(M, m)) === 'SEL';
  const cadence = cols.followUps.cadenceMonths[firstFollowUp(cols, c, m, M.startDate[m]!)]!;
  const interval = sel ? params.selMonths! : cadence !== NONE ? cadence : params.defaultCadenceMonths!;
  for (let i = 1; i < dates.length; i++) {
    const due = addMonthsToDay(dates[i - 1]!, interval);
    if (dates[i]! <= due) continue;
    out.result(id, due, BREACHED, due, dates[i]!, dates[i]! - due, out.explain ? `Opfølgning ${d(dates[i - 1]!)}, næste først ${d(dates[i]!)} (${cadenceText(sel, cadence, interval)}).` : '');
    return;
  }
  const last = dates[dates.length - 1]!;
  const due = addMonthsToDay(last, interval);
  const ended = M.endDate[m]!;
  const until = ended !== NONE && ended < run.asOf ? ended : run.asOf;
  const basis = out.explain ? `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${cadenceText(sel, cadence, interval)}).` : '';
  if (until <= due) out.result(id, until, MET, due, last, NONE, basis);
  else out.result(id, due, BREACHED, due, NONE, until - due, basis);
}

/**
 * TILSYN_2X on placement `m`, its start known. The placed part of the window W is [a, b]; the
 * visits required there are counted there, and the result is cited under the law in force at b,
 * the window's end, since the duty recurs. Its deadline is when the next visit is due: 6 months
 * after the last visit from a to asOf (in calendar-year mode a visit after the judged year counts
 * too, or Frister would call a visit already made overdue), else after the start; none once the
 * placement has ended by asOf.
 */
function supervision(cols: CaseColumns, c: number, m: number, run: Run, out: Findings): void {
  const M = cols.measures;
  const V = cols.supervisionVisits;
  const id = M.id[m]!;
  const start = M.startDate[m]!;
  const ended = M.endDate[m]!;
  const a = start > run.supervisionFrom ? start : run.supervisionFrom;
  const b = ended !== NONE && ended < run.supervisionTo ? ended : run.supervisionTo;
  const placedUntil = b + run.supervisionEndSlack;
  const required = addMonthsToDay(a, 12) <= placedUntil ? 2 : addMonthsToDay(a, 6) <= placedUntil ? 1 : 0;
  if (required === 0) {
    out.notApplicable(id, b, !out.explain ? '' : a > b ? `Ikke anbragt i perioden ${d(run.supervisionFrom)}–${d(run.supervisionTo)}.` : `Anbragt i perioden ${d(a)}–${d(b)}, under et halvt år.`);
    return;
  }
  if (!needsTable(run, 'supervisionVisits')) { out.unknown(id, b, out.explain ? 'Tilsynsbesøg er ikke importeret.' : '', 'supervisionVisits'); return; }
  const [from, end] = eventsOf(V, c);
  let visits = 0;
  let last = NONE;
  let latest = NONE;
  for (let v = from; v < end; v++) {
    const date = V.date[v]!;
    if (date === NONE || date < a) continue;
    if (date <= b) {
      visits++;
      if (date > last) last = date;
    }
    if (date <= run.asOf && date > latest) latest = date;
  }
  const next = ended !== NONE && ended <= run.asOf ? NONE : addMonthsToDay(latest !== NONE ? latest : start, 6);
  const basis = out.explain ? `Anbragt ${d(a)}–${d(b)}: ${required} besøg krævet, ${visits} registreret; ${next !== NONE ? `næste besøg senest ${d(next)}` : 'anbringelsen er ophørt'}.` : '';
  out.result(id, b, visits >= required ? MET : BREACHED, next, last, NONE, basis);
}

/** Each measure of the case that needs a plan and has a start: the subjects of the follow-up rules. */
function eachMeasureWithPlan(cols: CaseColumns, c: number, out: Findings, visit: (m: number, id: string, start: number, trigger: number) => void): void {
  const M = cols.measures;
  const [from, end] = eventsOf(M, c);
  for (let m = from; m < end; m++) {
    if (!inScope(M, m, PLAN_KINDS, NOT_PLAN_KIND, out)) continue;
    const start = startOf(M, m, out);
    if (start !== NONE) visit(m, M.id[m]!, start, measureTrigger(M, m));
  }
}

export const FOLLOW_UP_RULES = {
  OPF_FOERSTE: (cols, c, params, run, out) => eachMeasureWithPlan(cols, c, out, (m, id, start, trigger) => {
    const months = addMonthsToDay(start, params.months!);
    const deadline = regimeOf(trigger) === 'BL' ? investigationDue(cols, c, start, months) : months;
    const ended = cols.measures.endDate[m]!;
    if (ended !== NONE && ended < deadline) { out.notApplicable(id, trigger, out.explain ? `Ophørt ${d(ended)} før fristen ${d(deadline)}.` : ''); return; }
    if (!needsTable(run, 'followUps')) { out.unknown(id, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); return; }
    const f = firstFollowUp(cols, c, m, start);
    const first = f < 0 ? NONE : cols.followUps.date[f]!;
    const rule = !out.explain ? '' : deadline === months ? `iværksat ${d(start)} + ${params.months} måneder` : `undersøgelse afsluttet ${d(deadline)}, før ${params.months} måneder`;
    out.step(id, trigger, deadline, first, out.explain ? `Frist: ${rule} = ${d(deadline)}; ${first !== NONE ? `første opfølgning ${d(first)}` : 'ingen opfølgning'}.` : '');
  }),

  OPF_LOEBENDE: (cols, c, params, run, out) => eachMeasureWithPlan(cols, c, out, (m, id, start, trigger) => {
    if (!needsTable(run, 'followUps')) { out.unknown(id, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); return; }
    const dates = followUpDates(cols, c, m, start, run.asOf);
    if (!dates.length) { out.notApplicable(id, trigger, out.explain ? 'Ingen opfølgning endnu (se Første opfølgning).' : ''); return; }
    followUpGaps(cols, c, m, params, run, out, dates);
  }),

  TILSYN_2X: (cols, c, _params, run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, PLACEMENTS, NOT_PLACEMENT, out)) continue;
      if (startOf(M, m, out) !== NONE) supervision(cols, c, m, run, out);
    }
  },

  TILSYN_SAMTALE: (cols, c, _params, _run, out) => {
    const V = cols.supervisionVisits;
    const [from, end] = eventsOf(V, c);
    for (let v = from; v < end; v++) {
      const date = V.date[v]!;
      const alone = V.childSeenAlone[v]!;
      // A recurring duty, cited under the law in force on the visit's date: an undated visit has no law to cite.
      if (date === NONE) out.unknown(V.id[v]!, NONE, out.explain ? 'Tilsynsbesøgets dato mangler.' : '', alone === NONE ? VISIT_DATE_AND_ALONE : VISIT_DATE);
      else out.yesNo(V.id[v]!, date, alone, out.explain ? `Tilsyn ${d(date)}; samtale med barnet alene: ${yesNoText(alone)}.` : '', 'supervisionVisits.childSeenAlone');
    }
  },

} satisfies Partial<Record<RuleId, Evaluator>>;
