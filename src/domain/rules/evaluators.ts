import { addDays, addMonths, datePart, daysBetween, fromDayNumber, minuteNumber } from '../calendar';
import { formatDate } from '../format';
import type { CaseBundle, FollowUp, Investigation, IsoDate, Measure } from '../types';
import { addWorkingDays } from '../working-days';
import { ctxParams } from './settings';
import { deadlineStep, yesNoStep, type StepOutcome } from './steps';
import type { Regime, RuleId, RuleParams, ScreeningContext } from './types';

/**
 * The twenty rules of RULES.md, one evaluator each. An evaluator reads one case and tells `out`
 * what it finds about each subject (event) in its scope; the engine (evaluate.ts) adds case, rule,
 * regime and paragraph and writes the result straight into the result columns.
 */

/** Barnets Lov applies from 01-01-2024; the trigger date decides (RULES.md "Two legal regimes"). */
export const regimeOf = (trigger: IsoDate): Regime => (trigger < '2024-01-01' ? 'SEL' : 'BL');

/** Where an evaluator puts what it finds about a subject, given by its event id. */
export interface Findings {
  /**
   * Whether to write the basis sentences. A large screening leaves them out: a million sentences
   * cost more than the screening itself, and the case page makes them again for one case
   * (screening is deterministic, so they come out the same).
   */
  readonly explain: boolean;
  /** `missing`: the `table.field` keys an unknown outcome lacks, joined by commas (constants, so nothing is built per result). */
  add(subject: string, trigger: IsoDate | null, outcome: StepOutcome, basis: string, missing?: string): void;
  unknown(subject: string, trigger: IsoDate | null, basis: string, missing: string): void;
  notApplicable(subject: string, trigger: IsoDate | null, basis: string): void;
}

export type Evaluator = (c: CaseBundle, params: RuleParams, ctx: ScreeningContext, out: Findings) => void;

/** A date for a basis sentence; the callers have checked it is there, the types just cannot see that. */
const d = (date: IsoDate | null) => (date ? formatDate(date) : '–');

const measureTrigger = (m: Measure) => m.decisionDate ?? m.startDate;
const PLACEMENT: readonly Measure['kind'][] = ['placement'];
const PLAN_KINDS: readonly Measure['kind'][] = ['placement', 'preventive'];
const SAFETY_PLAN: readonly Measure['kind'][] = ['safetyPlan'];

/**
 * Whether a rule on measures of these kinds concerns `m`. A measure without a kind cannot be
 * placed in scope: it is unknown to every such rule, and that result goes to `out`.
 */
function inScope(m: Measure, kinds: readonly Measure['kind'][], out: Findings): boolean {
  if (m.kind == null) {
    out.unknown(m.id, measureTrigger(m), out.explain ? 'Foranstaltningens type mangler.' : '', 'measures.kind');
    return false;
  }
  return kinds.includes(m.kind);
}

/** A yes/no rule on the measures of some kinds: an empty kind cannot be placed in scope, so it is unknown. */
function measureYesNo(kinds: Measure['kind'][], field: keyof Measure, label: string): Evaluator {
  const missing = `measures.${field}`;
  return (c, _params, _ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, kinds, out)) continue;
      const value = m[field] as boolean | null;
      out.add(subject, measureTrigger(m), yesNoStep(value), out.explain ? `${label}: ${value == null ? 'ikke oplyst' : value ? 'ja' : 'nej'}.` : '', missing);
    }
  };
}

/** The investigation's start for BFU_4M: its own, else the case's awareness date, else the first notification (RULES.md). */
function investigationTrigger(c: CaseBundle, i: Investigation, explain = false): { date: IsoDate | null; basis: string } {
  if (i.startedAt) return { date: i.startedAt, basis: explain ? `Påbegyndt ${d(i.startedAt)}` : '' };
  if (c.awareAt) return { date: c.awareAt, basis: explain ? `Påbegyndt mangler – sagens opmærksomhedsdato ${d(c.awareAt)} brugt` : '' };
  const first = c.events.notifications.map((n) => datePart(n.receivedAt)).sort()[0];
  if (first) return { date: first, basis: explain ? `Påbegyndt mangler – opmærksomhedsdato fra første underretning ${d(first)} brugt` : '' };
  return { date: null, basis: explain ? 'Påbegyndt, opmærksomhedsdato og underretning mangler' : '' };
}

const INVESTIGATION_START_MISSING = 'investigations.startedAt,cases.awareAt';

/** BFU_4M on one investigation: its trigger and outcome, or no outcome when no start date can be found. */
function bfu4m(c: CaseBundle, i: Investigation, months: number, asOf: IsoDate, explain: boolean): { trigger: IsoDate | null; outcome: StepOutcome | null; basis: string } {
  const trigger = investigationTrigger(c, i, explain);
  if (!trigger.date) return { trigger: null, outcome: null, basis: explain ? `${trigger.basis}.` : '' };
  const outcome = deadlineStep(addMonths(trigger.date, months), i.completedAt, asOf);
  return { trigger: trigger.date, outcome, basis: explain ? `${trigger.basis}; frist ${d(outcome.deadline!)}; ${i.completedAt ? `afsluttet ${d(i.completedAt)}` : 'ikke afsluttet'}.` : '' };
}

/** Follow-ups that count for a measure: of the case, for this measure or for all, on or after its start. */
const followUpsOf = (c: CaseBundle, m: Measure): FollowUp[] =>
  c.events.followUps.filter((f) => (f.measureId == null || f.measureId === m.measureId) && f.date >= m.startDate).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

const needsTable = (ctx: ScreeningContext, table: Parameters<ScreeningContext['importedTables']['has']>[0]) => ctx.importedTables.has(table);

export const EVALUATORS: Record<RuleId, Evaluator> = {
  UND_24T: (c, params, ctx, out) => {
    for (const n of c.events.notifications) {
      const received = datePart(n.receivedAt);
      const assessed = n.assessedAt;
      const hasTimes = n.receivedAt.includes('T') && (assessed == null || assessed.includes('T'));
      if (!hasTimes) {
        // Date only: in time when done on the same or the next calendar day (RULES.md).
        const outcome = deadlineStep(addDays(received, Math.ceil(params.hours! / 24)), assessed ? datePart(assessed) : null, ctx.asOf);
        out.add(n.id, received, outcome, out.explain ? `Modtaget ${d(received)}; ${assessed ? `vurderet ${d(datePart(assessed))}` : 'ikke vurderet'} (kun dato).` : '');
        continue;
      }
      const due = minuteNumber(n.receivedAt) + params.hours! * 60;
      const dueDate = fromDayNumber(Math.floor(due / 1440));
      const at = out.explain ? `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}` : '';
      if (!assessed) {
        out.add(n.id, received, deadlineStep(dueDate, null, ctx.asOf), out.explain ? `${at}; ikke vurderet.` : '');
      } else if (minuteNumber(assessed) <= due) {
        out.add(n.id, received, { status: 'met', deadline: dueDate, doneAt: datePart(assessed), daysLate: null }, out.explain ? `${at}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}.` : '');
      } else {
        const late = Math.max(1, daysBetween(dueDate, datePart(assessed)));
        out.add(n.id, received, { status: 'breached', deadline: dueDate, doneAt: datePart(assessed), daysLate: late }, out.explain ? `${at}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}, efter ${params.hours} timer.` : '');
      }
    }
  },

  UND_KVIT: (c, params, ctx, out) => {
    for (const n of c.events.notifications) {
      const received = datePart(n.receivedAt);
      if (n.fromProfessional == null) out.unknown(n.id, received, out.explain ? 'Det er ikke oplyst, om underretteren er fagperson.' : '', 'notifications.fromProfessional');
      else if (!n.fromProfessional) out.notApplicable(n.id, received, out.explain ? 'Underretteren er ikke fagperson.' : '');
      else {
        const outcome = deadlineStep(addWorkingDays(received, params.workingDays!, ctx.settings.holidays), n.acknowledgedAt, ctx.asOf);
        out.add(n.id, received, outcome, out.explain ? `Modtaget ${d(received)}; frist ${params.workingDays} hverdage = ${d(outcome.deadline!)}; ${n.acknowledgedAt ? `kvitteret ${d(n.acknowledgedAt)}` : 'ingen kvittering'}.` : '');
      }
    }
  },

  UND_STILLING: (c, _params, _ctx, out) => {
    for (const n of c.events.notifications) {
      const subject = n.id;
      const received = datePart(n.receivedAt);
      if (n.outcome == null) { out.unknown(subject, received, out.explain ? 'Underretningens udfald er ikke oplyst.' : '', 'notifications.outcome'); continue; }
      if (n.outcome !== 'none' && n.outcome !== 'preventive') continue;
      out.add(subject, received, yesNoStep(n.preventiveConsidered), out.explain ? `Udfald uden undersøgelse; stillingtagen dokumenteret: ${n.preventiveConsidered == null ? 'ikke oplyst' : n.preventiveConsidered ? 'ja' : 'nej'}.` : '', 'notifications.preventiveConsidered');
    }
  },

  BFU_4M: (c, params, ctx, out) => {
    for (const i of c.events.investigations) {
      const step = bfu4m(c, i, params.months!, ctx.asOf, out.explain);
      if (step.outcome) out.add(i.id, step.trigger, step.outcome, step.basis);
      else out.unknown(i.id, null, step.basis, INVESTIGATION_START_MISSING);
    }
  },

  BFU_FORELOEBIG: (c, params, ctx, out) => {
    for (const i of c.events.investigations) {
      const main = bfu4m(c, i, ctxParams(ctx, 'BFU_4M').months!, ctx.asOf, out.explain);
      if (!main.outcome) {
        out.unknown(i.id, null, out.explain ? `Undersøgelsens frist kan ikke beregnes: ${main.basis}` : '', INVESTIGATION_START_MISSING);
      } else if (main.outcome.status !== 'breached') {
        out.notApplicable(i.id, main.trigger, out.explain ? 'Undersøgelsens frist er ikke overskredet.' : '');
      } else {
        const deadline = main.outcome.deadline!;
        const outcome = deadlineStep(addDays(deadline, params.toleranceDays!), i.interimAssessmentAt, ctx.asOf);
        out.add(i.id, main.trigger, outcome, out.explain ? `Fristen ${d(deadline)} er overskredet; foreløbig vurdering ${i.interimAssessmentAt ? d(i.interimAssessmentAt) : 'mangler'} (tolerance ${params.toleranceDays} dage).` : '');
      }
    }
  },

  BFU_FOER_ANBR: (c, _params, ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLACEMENT, out) || m.urgent === true) continue;
      if (!needsTable(ctx, 'investigations')) { out.unknown(subject, trigger, out.explain ? 'Undersøgelser er ikke importeret.' : '', 'investigations'); continue; }
      const completions = c.events.investigations.map((i) => i.completedAt).filter((x): x is IsoDate => x != null).sort();
      const before = completions.filter((x) => x <= trigger);
      const after = completions.find((x) => x > trigger) ?? null;
      // The investigation is a step due by the decision: done in time, done late, or still to come.
      const outcome: StepOutcome = before.length ? { status: 'met', deadline: trigger, doneAt: before.at(-1)!, daysLate: null } : deadlineStep(trigger, after, ctx.asOf);
      out.add(subject, trigger, outcome, (out.explain ? `Planlagt anbringelse, ${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}; ${before.length ? `undersøgelse afsluttet ${d(before.at(-1)!)}` : after ? `undersøgelse først afsluttet ${d(after)}` : 'ingen afsluttet undersøgelse'}.` : ''));
    }
  },

  PLAN_RETTIDIG: (c, params, ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue;
      const regime = regimeOf(trigger);
      let deadline: IsoDate;
      let rule = '';
      if (regime === 'SEL') {
        deadline = m.urgent === true ? addMonths(m.startDate, params.urgentMonths!) : trigger;
        if (out.explain) rule = m.urgent === true ? `akut iværksat ${d(m.startDate)} + ${params.urgentMonths} måneder` : `${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}`;
      } else if (m.kind === 'placement') {
        if (m.consent == null) { out.unknown(subject, trigger, out.explain ? 'Det er ikke oplyst, om anbringelsen er med samtykke.' : '', 'measures.consent'); continue; }
        deadline = m.consent ? addMonths(trigger, params.consentMonths!) : trigger;
        if (out.explain) rule = m.consent ? `anbringelse med samtykke, ${d(trigger)} + ${params.consentMonths} måneder` : `anbringelse uden samtykke, ${d(trigger)}`;
      } else {
        if (m.planNeeded == null) { out.unknown(subject, trigger, out.explain ? 'Det er ikke oplyst, om en plan er nødvendig (BL § 32).' : '', 'measures.planNeeded'); continue; }
        if (!m.planNeeded) { out.notApplicable(subject, trigger, out.explain ? 'Kommunen har vurderet, at en plan ikke er nødvendig.' : ''); continue; }
        deadline = addMonths(trigger, params.preventiveMonths!);
        if (out.explain) rule = `støtte efter § 32, ${d(trigger)} + ${params.preventiveMonths} måneder`;
      }
      if (!needsTable(ctx, 'actionPlans')) { out.unknown(subject, trigger, out.explain ? 'Handleplaner er ikke importeret.' : '', 'actionPlans'); continue; }
      const plans = c.events.actionPlans.filter((p) => p.measureId == null || p.measureId === m.measureId).map((p) => p.date).sort();
      const inTime = plans.filter((p) => p <= deadline).at(-1) ?? null;
      const later = plans.find((p) => p > deadline) ?? null;
      const outcome = inTime ? { status: 'met' as const, deadline, doneAt: inTime, daysLate: null } : deadlineStep(deadline, later, ctx.asOf);
      out.add(subject, trigger, outcome, out.explain ? `Frist: ${rule} = ${d(deadline)}; ${inTime ? `plan ${d(inTime)}` : later ? `første plan ${d(later)}` : 'ingen plan'}.` : '');
    }
  },

  PLAN_JOURNAL: (c, _params, _ctx, out) => {
    for (const p of c.events.actionPlans) {
      out.add(p.id, p.date, yesNoStep(p.filed), out.explain ? `Plan ${d(p.date)}; journaliseret: ${p.filed == null ? 'ikke oplyst' : p.filed ? 'ja' : 'nej'}.` : '', 'actionPlans.filed');
    }
  },

  PLAN_DELT: measureYesNo(['placement'], 'planSharedWithPlacement', 'Plan sendt til anbringelsesstedet'),

  SAMTALE_FOER_AFG: (c, _params, _ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!m.decisionDate) { out.notApplicable(subject, m.startDate, out.explain ? 'Ingen afgørelsesdato.' : ''); continue; }
      const decision = m.decisionDate;
      const talk = m.childConversationAt;
      if (talk && talk <= decision) { out.add(subject, decision, { status: 'met', deadline: decision, doneAt: talk, daysLate: null }, out.explain ? `Børnesamtale ${d(talk)} før afgørelsen ${d(decision)}.` : ''); continue; }
      if (m.conversationWaived === true) { out.add(subject, decision, { status: 'metWithException', deadline: decision, doneAt: talk, daysLate: null }, out.explain ? `Ingen børnesamtale før afgørelsen ${d(decision)}; fravalgt med begrundelse.` : ''); continue; }
      if (talk) { out.add(subject, decision, { status: 'breached', deadline: decision, doneAt: talk, daysLate: daysBetween(decision, talk) }, out.explain ? `Børnesamtale ${d(talk)} først efter afgørelsen ${d(decision)}.` : ''); continue; }
      if (m.conversationWaived == null) { out.unknown(subject, decision, out.explain ? `Ingen børnesamtale registreret før afgørelsen ${d(decision)}, og det er ikke oplyst, om den er fravalgt med begrundelse.` : '', 'measures.childConversationAt,measures.conversationWaived'); continue; }
      out.add(subject, decision, { status: 'breached', deadline: decision, doneAt: null, daysLate: null }, out.explain ? `Ingen børnesamtale før afgørelsen ${d(decision)} og ingen begrundelse.` : '');
    }
  },

  BISIDDER: (c, _params, _ctx, out) => {
    for (const m of c.events.measures) {
      if (!m.decisionDate) continue;
      out.add(m.id, m.decisionDate, yesNoStep(m.supporterOffered), out.explain ? `Afgørelse ${d(m.decisionDate)}; barnet vejledt om bisidder: ${m.supporterOffered == null ? 'ikke oplyst' : m.supporterOffered ? 'ja' : 'nej'}.` : '', 'measures.supporterOffered');
    }
  },

  FORAELDRE_VEJL: measureYesNo(['placement'], 'parentsInformed', 'Forældre vejledt om rettigheder'),
  ANBR_STED: measureYesNo(['placement'], 'placementChoiceJustified', 'Valg af anbringelsessted begrundet'),
  SAMVAER: measureYesNo(['placement'], 'contactDecided', 'Samvær afgjort eller rammen fastlagt'),

  OPF_FOERSTE: (c, params, ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue;
      let deadline = addMonths(m.startDate, params.months!);
      let basis = out.explain ? `iværksat ${d(m.startDate)} + ${params.months} måneder` : '';
      if (regimeOf(trigger) === 'BL') {
        // BL § 95: also when an investigation running at the start is completed, if that is earlier.
        const running = c.events.investigations
          .filter((i) => i.completedAt != null && i.completedAt > m.startDate && (investigationTrigger(c, i).date ?? '9999') <= m.startDate)
          .map((i) => i.completedAt!)
          .sort()[0];
        if (running && running < deadline) {
          deadline = running;
          if (out.explain) basis = `undersøgelse afsluttet ${d(running)}, før ${params.months} måneder`;
        }
      }
      if (m.endDate != null && m.endDate < deadline) { out.notApplicable(subject, trigger, out.explain ? `Ophørt ${d(m.endDate)} før fristen ${d(deadline)}.` : ''); continue; }
      if (!needsTable(ctx, 'followUps')) { out.unknown(subject, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); continue; }
      const first = followUpsOf(c, m)[0]?.date ?? null;
      const outcome = deadlineStep(deadline, first, ctx.asOf);
      out.add(subject, trigger, outcome, out.explain ? `Frist: ${basis} = ${d(deadline)}; ${first ? `første opfølgning ${d(first)}` : 'ingen opfølgning'}.` : '');
    }
  },

  OPF_LOEBENDE: (c, params, ctx, out) => {
    subjects: for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue subjects;
      if (!needsTable(ctx, 'followUps')) { out.unknown(subject, trigger, out.explain ? 'Opfølgninger er ikke importeret.' : '', 'followUps'); continue subjects; }
      const followUps = followUpsOf(c, m);
      const dates = followUps.map((f) => f.date).filter((x) => x <= ctx.asOf);
      if (!dates.length) { out.notApplicable(subject, trigger, out.explain ? 'Ingen opfølgning endnu (se Første opfølgning).' : ''); continue subjects; }
      const sel = regimeOf(trigger) === 'SEL';
      const cadence = followUps[0]!.cadenceMonths;
      const interval = sel ? params.selMonths! : (cadence ?? params.defaultCadenceMonths!);
      const how = !out.explain ? '' : sel ? `hver ${interval}. måned` : cadence ? `kadence ${interval} måneder fastsat ved første opfølgning` : `hver ${interval}. måned (kommunens standard)`;
      for (let i = 1; i < dates.length; i++) {
        const due = addMonths(dates[i - 1]!, interval);
        if (dates[i]! > due) { out.add(subject, trigger, { status: 'breached', deadline: due, doneAt: dates[i]!, daysLate: daysBetween(due, dates[i]!) }, out.explain ? `Opfølgning ${d(dates[i - 1]!)}, næste først ${d(dates[i]!)} (${how}).` : ''); continue subjects; }
      }
      const last = dates.at(-1)!;
      const due = addMonths(last, interval);
      const until = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
      const outcome: StepOutcome = until <= due ? { status: 'met', deadline: due, doneAt: last, daysLate: null } : { status: 'breached', deadline: due, doneAt: null, daysLate: daysBetween(due, until) };
      out.add(subject, trigger, outcome, out.explain ? `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${how}).` : '');
    }
  },

  TILSYN_2X: (c, _params, ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLACEMENT, out)) continue;
      const windowStart = ctx.settings.supervisionWindow === 'calendarYear' ? `${ctx.asOf.slice(0, 4)}-01-01` : addMonths(ctx.asOf, -12);
      const a = m.startDate > windowStart ? m.startDate : windowStart;
      const b = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
      const required = addMonths(a, 12) <= b ? 2 : addMonths(a, 6) <= b ? 1 : 0;
      if (required === 0) { out.notApplicable(subject, trigger, out.explain ? `Anbragt i perioden ${d(a)}–${d(b)}, under et halvt år.` : ''); continue; }
      if (!needsTable(ctx, 'supervisionVisits')) { out.unknown(subject, trigger, out.explain ? 'Tilsynsbesøg er ikke importeret.' : '', 'supervisionVisits'); continue; }
      const visits = c.events.supervisionVisits.map((v) => v.date).filter((x) => x >= a && x <= b).sort();
      const outcome: StepOutcome = { status: visits.length >= required ? 'met' : 'breached', deadline: b, doneAt: visits.at(-1) ?? null, daysLate: null };
      out.add(subject, trigger, outcome, out.explain ? `Anbragt ${d(a)}–${d(b)}: ${required} besøg krævet, ${visits.length} registreret.` : '');
    }
  },

  TILSYN_SAMTALE: (c, _params, _ctx, out) => {
    for (const v of c.events.supervisionVisits) {
      out.add(v.id, v.date, yesNoStep(v.childSeenAlone), out.explain ? `Tilsyn ${d(v.date)}; samtale med barnet alene: ${v.childSeenAlone == null ? 'ikke oplyst' : v.childSeenAlone ? 'ja' : 'nej'}.` : '', 'supervisionVisits.childSeenAlone');
    }
  },

  SIKPLAN_GODKENDT: (c, _params, _ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, SAFETY_PLAN, out)) continue;
      const trigger = measureTrigger(m);
      if (m.managementApproved === false) { out.add(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: null, daysLate: null }, out.explain ? 'Ikke godkendt af ledelsen.' : ''); continue; }
      if (m.decisionDate != null && m.decisionDate > m.startDate) { out.add(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: m.decisionDate, daysLate: daysBetween(m.startDate, m.decisionDate) }, out.explain ? `Afgørelse ${d(m.decisionDate)} efter start ${d(m.startDate)}.` : ''); continue; }
      if (m.managementApproved == null || m.decisionDate == null) {
        const missing = m.managementApproved != null ? 'measures.decisionDate' : m.decisionDate != null ? 'measures.managementApproved' : 'measures.managementApproved,measures.decisionDate';
        out.unknown(subject, trigger, out.explain ? 'Ledelsens godkendelse eller afgørelsesdatoen er ikke oplyst.' : '', missing);
        continue;
      }
      out.add(subject, trigger, { status: 'met', deadline: m.startDate, doneAt: m.decisionDate, daysLate: null }, out.explain ? `Godkendt og afgjort ${d(m.decisionDate)}, start ${d(m.startDate)}.` : '');
    }
  },

  SIKPLAN_VARIGHED: (c, params, ctx, out) => {
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, SAFETY_PLAN, out)) continue;
      const deadline = addMonths(m.startDate, params.maxMonths!);
      out.add(subject, measureTrigger(m), deadlineStep(deadline, m.endDate, ctx.asOf), out.explain ? `Start ${d(m.startDate)}; anbefalet højst ${params.maxMonths} måneder = ${d(deadline)}; ${m.endDate ? `ophørt ${d(m.endDate)}` : 'stadig aktiv'}.` : '');
    }
  },
};

