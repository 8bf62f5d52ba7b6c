import { addDays, addMonths, datePart, daysBetween, fromDayNumber, minuteNumber } from '../calendar';
import { formatDate } from '../format';
import type { CaseBundle, FollowUp, Investigation, IsoDate, Measure, Notification } from '../types';
import { addWorkingDays } from '../working-days';
import { lawParams, ruleDef, RULES } from './catalog';
import { deadlineStep, yesNoStep, type StepOutcome } from './steps';
import { ResultTable } from './result-table';
import type { Regime, RuleId, RuleParams, RuleResult, ScreeningContext, SubjectKind } from './types';

/** Barnets Lov applies from 01-01-2024; the trigger date decides (RULES.md "Two legal regimes"). */
export const regimeOf = (trigger: IsoDate): Regime => (trigger < '2024-01-01' ? 'SEL' : 'BL');

/**
 * Whether the evaluators write their basis sentences, set by `screenTable` for the (synchronous)
 * run. A large screening leaves them out: a million sentences, or a million closures to make
 * them later, cost more than the screening itself, and the case page makes them again for one
 * case (screening is deterministic, so they come out the same).
 */
let explaining = true;

/** A date for a basis sentence; the callers have checked it is there, the types just cannot see that. */
const d = (date: IsoDate | null) => (date ? formatDate(date) : '–');

/** What one evaluator says about one subject; the engine adds case, rule, regime and reference. */
interface Finding extends StepOutcome {
  /** The event's id; the rule's subject kind (catalog) makes it `kind:id`. */
  subject: string;
  trigger: IsoDate | null;
  /** Which dates were used, in one Danish sentence; empty unless `explaining`. */
  basis: string;
  /** `table.field` keys joined by commas: constants, so that a million results allocate no lists. */
  missing?: string;
}

type Evaluator = (c: CaseBundle, params: RuleParams, ctx: ScreeningContext) => Finding[];

const finding = (subject: string, trigger: IsoDate | null, outcome: StepOutcome, basis: string, missing?: string): Finding => ({
  subject, trigger, status: outcome.status, deadline: outcome.deadline, doneAt: outcome.doneAt, daysLate: outcome.daysLate, basis,
  missing: outcome.status === 'unknown' ? missing : undefined,
});

const unknown = (subject: string, trigger: IsoDate | null, basis: string, missing: string): Finding =>
  finding(subject, trigger, { status: 'unknown', deadline: null, doneAt: null, daysLate: null }, basis, missing);

const notApplicable = (subject: string, trigger: IsoDate | null, basis: string): Finding =>
  finding(subject, trigger, { status: 'notApplicable', deadline: null, doneAt: null, daysLate: null }, basis);

const measureTrigger = (m: Measure) => m.decisionDate ?? m.startDate;
const PLACEMENT: readonly Measure['kind'][] = ['placement'];
const PLAN_KINDS: readonly Measure['kind'][] = ['placement', 'preventive'];
const SAFETY_PLAN: readonly Measure['kind'][] = ['safetyPlan'];

/**
 * Whether a rule on measures of these kinds concerns `m`. A measure without a kind cannot be
 * placed in scope: it is unknown to every such rule, and that result goes to `out`.
 */
function inScope(m: Measure, kinds: readonly Measure['kind'][], out: Finding[]): boolean {
  if (m.kind == null) {
    out.push(unknown(m.id, measureTrigger(m), explaining ? 'Foranstaltningens type mangler.' : '', 'measures.kind'));
    return false;
  }
  return kinds.includes(m.kind);
}

/** A yes/no rule on the measures of some kinds: an empty kind cannot be placed in scope, so it is unknown. */
function measureYesNo(kinds: Measure['kind'][], field: keyof Measure, label: string): Evaluator {
  const missing = `measures.${field}`;
  return (c) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, kinds, out)) continue;
      const value = m[field] as boolean | null;
      out.push(finding(subject, measureTrigger(m), yesNoStep(value), (explaining ? `${label}: ${value == null ? 'ikke oplyst' : value ? 'ja' : 'nej'}.` : ''), missing));
    }
    return out;
  };
}

/** The investigation's start for BFU_4M: its own, else the case's awareness date, else the first notification (RULES.md). */
function investigationTrigger(c: CaseBundle, i: Investigation): { date: IsoDate | null; basis: string } {
  if (i.startedAt) return { date: i.startedAt, basis: (explaining ? `Påbegyndt ${d(i.startedAt)}`  : '') };
  if (c.awareAt) return { date: c.awareAt, basis: (explaining ? `Påbegyndt mangler – sagens opmærksomhedsdato ${d(c.awareAt)} brugt`  : '') };
  const first = c.events.notifications.map((n) => datePart(n.receivedAt)).sort()[0];
  if (first) return { date: first, basis: (explaining ? `Påbegyndt mangler – opmærksomhedsdato fra første underretning ${d(first)} brugt`  : '') };
  return { date: null, basis: (explaining ? 'Påbegyndt, opmærksomhedsdato og underretning mangler'  : '') };
}

function bfu4m(c: CaseBundle, i: Investigation, params: RuleParams, asOf: IsoDate): Finding {
  const subject = i.id;
  const trigger = investigationTrigger(c, i);
  if (!trigger.date) return unknown(subject, null, (explaining ? `${trigger.basis}.` : ''), 'investigations.startedAt,cases.awareAt');
  const outcome = deadlineStep(addMonths(trigger.date, params.months!), i.completedAt, asOf);
  return finding(subject, trigger.date, outcome, (explaining ? `${trigger.basis}; frist ${d(outcome.deadline!)}; ${i.completedAt ? `afsluttet ${d(i.completedAt)}` : 'ikke afsluttet'}.` : ''));
}

/** Follow-ups that count for a measure: of the case, for this measure or for all, on or after its start. */
const followUpsOf = (c: CaseBundle, m: Measure): FollowUp[] =>
  c.events.followUps.filter((f) => (f.measureId == null || f.measureId === m.measureId) && f.date >= m.startDate).sort((a, b) => a.date.localeCompare(b.date));

const needsTable = (ctx: ScreeningContext, table: Parameters<ScreeningContext['importedTables']['has']>[0]) => ctx.importedTables.has(table);

const EVALUATORS: Record<RuleId, Evaluator> = {
  UND_24T: (c, params, ctx) => c.events.notifications.map((n) => {
    const subject = n.id;
    const received = datePart(n.receivedAt);
    const assessed = n.assessedAt;
    const hasTimes = n.receivedAt.includes('T') && (assessed == null || assessed.includes('T'));
    if (hasTimes) {
      const due = minuteNumber(n.receivedAt) + params.hours! * 60;
      const dueDate = fromDayNumber(Math.floor(due / 1440));
      if (assessed && minuteNumber(assessed) <= due) return finding(subject, received, { status: 'met', deadline: dueDate, doneAt: datePart(assessed), daysLate: null }, (explaining ? `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}.` : ''));
      if (assessed) {
        const late = Math.max(1, daysBetween(dueDate, datePart(assessed)));
        return finding(subject, received, { status: 'breached', deadline: dueDate, doneAt: datePart(assessed), daysLate: late }, (explaining ? `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}, efter ${params.hours} timer.` : ''));
      }
      return finding(subject, received, deadlineStep(dueDate, null, ctx.asOf), (explaining ? `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; ikke vurderet.` : ''));
    }
    // Date only: in time when done on the same or the next calendar day (RULES.md).
    const outcome = deadlineStep(addDays(received, Math.ceil(params.hours! / 24)), assessed ? datePart(assessed) : null, ctx.asOf);
    return finding(subject, received, outcome, (explaining ? `Modtaget ${d(received)}; ${assessed ? `vurderet ${d(datePart(assessed))}` : 'ikke vurderet'} (kun dato).` : ''));
  }),

  UND_KVIT: (c, params, ctx) => c.events.notifications.map((n) => {
    const subject = n.id;
    const received = datePart(n.receivedAt);
    if (n.fromProfessional == null) return unknown(subject, received, (explaining ? 'Det er ikke oplyst, om underretteren er fagperson.' : ''), 'notifications.fromProfessional');
    if (!n.fromProfessional) return notApplicable(subject, received, (explaining ? 'Underretteren er ikke fagperson.' : ''));
    const outcome = deadlineStep(addWorkingDays(received, params.workingDays!, ctx.settings.holidays), n.acknowledgedAt, ctx.asOf);
    return finding(subject, received, outcome, (explaining ? `Modtaget ${d(received)}; frist ${params.workingDays} hverdage = ${d(outcome.deadline!)}; ${n.acknowledgedAt ? `kvitteret ${d(n.acknowledgedAt)}` : 'ingen kvittering'}.` : ''));
  }),

  UND_STILLING: (c) => {
    const out: Finding[] = [];
    for (const n of c.events.notifications) {
      const subject = n.id;
      const received = datePart(n.receivedAt);
      if (n.outcome == null) { out.push(unknown(subject, received, (explaining ? 'Underretningens udfald er ikke oplyst.' : ''), 'notifications.outcome')); continue; }
      if (n.outcome !== 'none' && n.outcome !== 'preventive') continue;
      out.push(finding(subject, received, yesNoStep(n.preventiveConsidered), (explaining ? `Udfald uden undersøgelse; stillingtagen dokumenteret: ${n.preventiveConsidered == null ? 'ikke oplyst' : n.preventiveConsidered ? 'ja' : 'nej'}.` : ''), 'notifications.preventiveConsidered'));
    }
    return out;
  },

  BFU_4M: (c, params, ctx) => c.events.investigations.map((i) => bfu4m(c, i, params, ctx.asOf)),

  BFU_FORELOEBIG: (c, params, ctx) => c.events.investigations.map((i) => {
    const main = bfu4m(c, i, ctxParams(ctx, 'BFU_4M'), ctx.asOf);
    if (main.status === 'unknown') return { ...main, basis: (explaining ? `Undersøgelsens frist kan ikke beregnes: ${main.basis}`  : '') };
    if (main.status !== 'breached') return notApplicable(main.subject, main.trigger, (explaining ? 'Undersøgelsens frist er ikke overskredet.' : ''));
    const outcome = deadlineStep(addDays(main.deadline!, params.toleranceDays!), i.interimAssessmentAt, ctx.asOf);
    return finding(main.subject, main.trigger, outcome, (explaining ? `Fristen ${d(main.deadline!)} er overskredet; foreløbig vurdering ${i.interimAssessmentAt ? d(i.interimAssessmentAt) : 'mangler'} (tolerance ${params.toleranceDays} dage).` : ''));
  }),

  BFU_FOER_ANBR: (c, _params, ctx) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLACEMENT, out) || m.urgent === true) continue;
      if (!needsTable(ctx, 'investigations')) { out.push(unknown(subject, trigger, (explaining ? 'Undersøgelser er ikke importeret.' : ''), 'investigations')); continue; }
      const completions = c.events.investigations.map((i) => i.completedAt).filter((x): x is IsoDate => x != null).sort();
      const before = completions.filter((x) => x <= trigger);
      const after = completions.find((x) => x > trigger) ?? null;
      // The investigation is a step due by the decision: done in time, done late, or still to come.
      const outcome: StepOutcome = before.length ? { status: 'met', deadline: trigger, doneAt: before.at(-1)!, daysLate: null } : deadlineStep(trigger, after, ctx.asOf);
      out.push(finding(subject, trigger, outcome, (explaining ? `Planlagt anbringelse, ${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}; ${before.length ? `undersøgelse afsluttet ${d(before.at(-1)!)}` : after ? `undersøgelse først afsluttet ${d(after)}` : 'ingen afsluttet undersøgelse'}.` : '')));
    }
    return out;
  },

  PLAN_RETTIDIG: (c, params, ctx) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue;
      const regime = regimeOf(trigger);
      let deadline: IsoDate;
      let rule = '';
      if (regime === 'SEL') {
        deadline = m.urgent === true ? addMonths(m.startDate, params.urgentMonths!) : trigger;
        if (explaining) rule = m.urgent === true ? `akut iværksat ${d(m.startDate)} + ${params.urgentMonths} måneder` : `${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}`;
      } else if (m.kind === 'placement') {
        if (m.consent == null) { out.push(unknown(subject, trigger, (explaining ? 'Det er ikke oplyst, om anbringelsen er med samtykke.' : ''), 'measures.consent')); continue; }
        deadline = m.consent ? addMonths(trigger, params.consentMonths!) : trigger;
        if (explaining) rule = m.consent ? `anbringelse med samtykke, ${d(trigger)} + ${params.consentMonths} måneder` : `anbringelse uden samtykke, ${d(trigger)}`;
      } else {
        if (m.planNeeded == null) { out.push(unknown(subject, trigger, (explaining ? 'Det er ikke oplyst, om en plan er nødvendig (BL § 32).' : ''), 'measures.planNeeded')); continue; }
        if (!m.planNeeded) { out.push(notApplicable(subject, trigger, (explaining ? 'Kommunen har vurderet, at en plan ikke er nødvendig.' : ''))); continue; }
        deadline = addMonths(trigger, params.preventiveMonths!);
        if (explaining) rule = `støtte efter § 32, ${d(trigger)} + ${params.preventiveMonths} måneder`;
      }
      if (!needsTable(ctx, 'actionPlans')) { out.push(unknown(subject, trigger, (explaining ? 'Handleplaner er ikke importeret.' : ''), 'actionPlans')); continue; }
      const plans = c.events.actionPlans.filter((p) => p.measureId == null || p.measureId === m.measureId).map((p) => p.date).sort();
      const inTime = plans.filter((p) => p <= deadline).at(-1) ?? null;
      const later = plans.find((p) => p > deadline) ?? null;
      const outcome = inTime ? { status: 'met' as const, deadline, doneAt: inTime, daysLate: null } : deadlineStep(deadline, later, ctx.asOf);
      out.push(finding(subject, trigger, outcome, (explaining ? `Frist: ${rule} = ${d(deadline)}; ${inTime ? `plan ${d(inTime)}` : later ? `første plan ${d(later)}` : 'ingen plan'}.` : '')));
    }
    return out;
  },

  PLAN_JOURNAL: (c) => c.events.actionPlans.map((p) =>
    finding(p.id, p.date, yesNoStep(p.filed), (explaining ? `Plan ${d(p.date)}; journaliseret: ${p.filed == null ? 'ikke oplyst' : p.filed ? 'ja' : 'nej'}.` : ''), 'actionPlans.filed')),

  PLAN_DELT: measureYesNo(['placement'], 'planSharedWithPlacement', 'Plan sendt til anbringelsesstedet'),

  SAMTALE_FOER_AFG: (c) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!m.decisionDate) { out.push(notApplicable(subject, m.startDate, (explaining ? 'Ingen afgørelsesdato.' : ''))); continue; }
      const decision = m.decisionDate;
      const talk = m.childConversationAt;
      if (talk && talk <= decision) { out.push(finding(subject, decision, { status: 'met', deadline: decision, doneAt: talk, daysLate: null }, (explaining ? `Børnesamtale ${d(talk)} før afgørelsen ${d(decision)}.` : ''))); continue; }
      if (m.conversationWaived === true) { out.push(finding(subject, decision, { status: 'metWithException', deadline: decision, doneAt: talk, daysLate: null }, (explaining ? `Ingen børnesamtale før afgørelsen ${d(decision)}; fravalgt med begrundelse.` : ''))); continue; }
      if (talk) { out.push(finding(subject, decision, { status: 'breached', deadline: decision, doneAt: talk, daysLate: daysBetween(decision, talk) }, (explaining ? `Børnesamtale ${d(talk)} først efter afgørelsen ${d(decision)}.` : ''))); continue; }
      if (m.conversationWaived == null) { out.push(unknown(subject, decision, (explaining ? `Ingen børnesamtale registreret før afgørelsen ${d(decision)}, og det er ikke oplyst, om den er fravalgt med begrundelse.` : ''), 'measures.childConversationAt,measures.conversationWaived')); continue; }
      out.push(finding(subject, decision, { status: 'breached', deadline: decision, doneAt: null, daysLate: null }, (explaining ? `Ingen børnesamtale før afgørelsen ${d(decision)} og ingen begrundelse.` : '')));
    }
    return out;
  },

  BISIDDER: (c) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      if (!m.decisionDate) continue;
      out.push(finding(m.id, m.decisionDate, yesNoStep(m.supporterOffered), (explaining ? `Afgørelse ${d(m.decisionDate)}; barnet vejledt om bisidder: ${m.supporterOffered == null ? 'ikke oplyst' : m.supporterOffered ? 'ja' : 'nej'}.` : ''), 'measures.supporterOffered'));
    }
    return out;
  },

  FORAELDRE_VEJL: measureYesNo(['placement'], 'parentsInformed', 'Forældre vejledt om rettigheder'),
  ANBR_STED: measureYesNo(['placement'], 'placementChoiceJustified', 'Valg af anbringelsessted begrundet'),
  SAMVAER: measureYesNo(['placement'], 'contactDecided', 'Samvær afgjort eller rammen fastlagt'),

  OPF_FOERSTE: (c, params, ctx) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue;
      let deadline = addMonths(m.startDate, params.months!);
      let basis = explaining ? `iværksat ${d(m.startDate)} + ${params.months} måneder` : '';
      if (regimeOf(trigger) === 'BL') {
        // BL § 95: also when an investigation running at the start is completed, if that is earlier.
        const running = c.events.investigations
          .filter((i) => i.completedAt != null && i.completedAt > m.startDate && (investigationTrigger(c, i).date ?? '9999') <= m.startDate)
          .map((i) => i.completedAt!)
          .sort()[0];
        if (running && running < deadline) {
          deadline = running;
          if (explaining) basis = `undersøgelse afsluttet ${d(running)}, før ${params.months} måneder`;
        }
      }
      if (m.endDate != null && m.endDate < deadline) { out.push(notApplicable(subject, trigger, (explaining ? `Ophørt ${d(m.endDate)} før fristen ${d(deadline)}.` : ''))); continue; }
      if (!needsTable(ctx, 'followUps')) { out.push(unknown(subject, trigger, (explaining ? 'Opfølgninger er ikke importeret.' : ''), 'followUps')); continue; }
      const first = followUpsOf(c, m)[0]?.date ?? null;
      const outcome = deadlineStep(deadline, first, ctx.asOf);
      out.push(finding(subject, trigger, outcome, (explaining ? `Frist: ${basis} = ${d(deadline)}; ${first ? `første opfølgning ${d(first)}` : 'ingen opfølgning'}.` : '')));
    }
    return out;
  },

  OPF_LOEBENDE: (c, params, ctx) => {
    const out: Finding[] = [];
    subjects: for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLAN_KINDS, out)) continue subjects;
      if (!needsTable(ctx, 'followUps')) { out.push(unknown(subject, trigger, (explaining ? 'Opfølgninger er ikke importeret.' : ''), 'followUps')); continue subjects; }
      const dates = followUpsOf(c, m).map((f) => f.date).filter((x) => x <= ctx.asOf);
      if (!dates.length) { out.push(notApplicable(subject, trigger, (explaining ? 'Ingen opfølgning endnu (se Første opfølgning).' : ''))); continue subjects; }
      const sel = regimeOf(trigger) === 'SEL';
      const cadence = followUpsOf(c, m)[0]!.cadenceMonths;
      const interval = sel ? params.selMonths! : (cadence ?? params.defaultCadenceMonths!);
      const how = !explaining ? '' : sel ? `hver ${interval}. måned` : cadence ? `kadence ${interval} måneder fastsat ved første opfølgning` : `hver ${interval}. måned (kommunens standard)`;
      for (let i = 1; i < dates.length; i++) {
        const due = addMonths(dates[i - 1]!, interval);
        if (dates[i]! > due) { out.push(finding(subject, trigger, { status: 'breached', deadline: due, doneAt: dates[i]!, daysLate: daysBetween(due, dates[i]!) }, (explaining ? `Opfølgning ${d(dates[i - 1]!)}, næste først ${d(dates[i]!)} (${how}).` : ''))); continue subjects; }
      }
      const last = dates.at(-1)!;
      const due = addMonths(last, interval);
      const until = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
      const outcome: StepOutcome = until <= due ? { status: 'met', deadline: due, doneAt: last, daysLate: null } : { status: 'breached', deadline: due, doneAt: null, daysLate: daysBetween(due, until) };
      out.push(finding(subject, trigger, outcome, (explaining ? `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${how}).` : '')));
    }
    return out;
  },

  TILSYN_2X: (c, _params, ctx) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      const trigger = measureTrigger(m);
      if (!inScope(m, PLACEMENT, out)) continue;
      const windowStart = ctx.settings.supervisionWindow === 'calendarYear' ? `${ctx.asOf.slice(0, 4)}-01-01` : addMonths(ctx.asOf, -12);
      const a = m.startDate > windowStart ? m.startDate : windowStart;
      const b = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
      const required = addMonths(a, 12) <= b ? 2 : addMonths(a, 6) <= b ? 1 : 0;
      if (required === 0) { out.push(notApplicable(subject, trigger, (explaining ? `Anbragt i perioden ${d(a)}–${d(b)}, under et halvt år.` : ''))); continue; }
      if (!needsTable(ctx, 'supervisionVisits')) { out.push(unknown(subject, trigger, (explaining ? 'Tilsynsbesøg er ikke importeret.' : ''), 'supervisionVisits')); continue; }
      const visits = c.events.supervisionVisits.map((v) => v.date).filter((x) => x >= a && x <= b).sort();
      const outcome: StepOutcome = { status: visits.length >= required ? 'met' : 'breached', deadline: b, doneAt: visits.at(-1) ?? null, daysLate: null };
      out.push(finding(subject, trigger, outcome, (explaining ? `Anbragt ${d(a)}–${d(b)}: ${required} besøg krævet, ${visits.length} registreret.` : '')));
    }
    return out;
  },

  TILSYN_SAMTALE: (c) => c.events.supervisionVisits.map((v) =>
    finding(v.id, v.date, yesNoStep(v.childSeenAlone), (explaining ? `Tilsyn ${d(v.date)}; samtale med barnet alene: ${v.childSeenAlone == null ? 'ikke oplyst' : v.childSeenAlone ? 'ja' : 'nej'}.` : ''), 'supervisionVisits.childSeenAlone')),

  SIKPLAN_GODKENDT: (c) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, SAFETY_PLAN, out)) continue;
      const trigger = measureTrigger(m);
      if (m.managementApproved === false) { out.push(finding(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: null, daysLate: null }, (explaining ? 'Ikke godkendt af ledelsen.' : ''))); continue; }
      if (m.decisionDate != null && m.decisionDate > m.startDate) { out.push(finding(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: m.decisionDate, daysLate: daysBetween(m.startDate, m.decisionDate) }, (explaining ? `Afgørelse ${d(m.decisionDate)} efter start ${d(m.startDate)}.` : ''))); continue; }
      if (m.managementApproved == null || m.decisionDate == null) {
        const missing = m.managementApproved != null ? 'measures.decisionDate' : m.decisionDate != null ? 'measures.managementApproved' : 'measures.managementApproved,measures.decisionDate';
        { out.push(unknown(subject, trigger, (explaining ? 'Ledelsens godkendelse eller afgørelsesdatoen er ikke oplyst.' : ''), missing)); continue; }
      }
      out.push(finding(subject, trigger, { status: 'met', deadline: m.startDate, doneAt: m.decisionDate, daysLate: null }, (explaining ? `Godkendt og afgjort ${d(m.decisionDate)}, start ${d(m.startDate)}.` : '')));
    }
    return out;
  },

  SIKPLAN_VARIGHED: (c, params, ctx) => {
    const out: Finding[] = [];
    for (const m of c.events.measures) {
      const subject = m.id;
      if (!inScope(m, SAFETY_PLAN, out)) continue;
      const deadline = addMonths(m.startDate, params.maxMonths!);
      out.push(finding(subject, measureTrigger(m), deadlineStep(deadline, m.endDate, ctx.asOf), (explaining ? `Start ${d(m.startDate)}; anbefalet højst ${params.maxMonths} måneder = ${d(deadline)}; ${m.endDate ? `ophørt ${d(m.endDate)}` : 'stadig aktiv'}.` : '')));
    }
    return out;
  },
};

/** A rule's parameters in this workspace: the law's, with the settings' changes. */
export function ctxParams(ctx: ScreeningContext, id: RuleId): RuleParams {
  let params = paramsOf.get(ctx);
  if (!params) paramsOf.set(ctx, (params = new Map()));
  let found = params.get(id);
  if (!found) params.set(id, (found = { ...lawParams(id), ...ctx.settings.params[id] }));
  return found;
}
/** BFU_FORELOEBIG asks for BFU_4M's parameters for every investigation. */
const paramsOf = new WeakMap<ScreeningContext, Map<RuleId, RuleParams>>();

interface ActiveRule {
  id: string;
  base: RuleId;
  evaluate: Evaluator;
  params: RuleParams;
  kind: SubjectKind;
  /** The paragraph by regime, and for a result without a trigger date. */
  legalRef: Record<Regime | 'none', string>;
}

/** A rule with its strings numbered in one table, so that adding a result looks nothing up. */
interface TableRule extends ActiveRule {
  ruleIndex: number;
  kindIndex: number;
  refIndex: Record<Regime | 'none', number>;
}

function forTable(rules: readonly ActiveRule[], table: ResultTable): TableRule[] {
  return rules.map((r) => ({
    ...r, ruleIndex: table.ruleIds.id(r.id), kindIndex: table.kinds.id(r.kind),
    refIndex: { SEL: table.legalRefs.id(r.legalRef.SEL), BL: table.legalRefs.id(r.legalRef.BL), none: table.legalRefs.id(r.legalRef.none) },
  }));
}

/** The rules to run: every enabled rule of the catalog, then the local standards derived from them. */
function activeRules(ctx: ScreeningContext): ActiveRule[] {
  const rule = (id: string, base: RuleId, params: RuleParams, local: boolean): ActiveRule => {
    const def = ruleDef(base);
    const derived = local && !def.localStandard;
    return {
      id, base, params, evaluate: EVALUATORS[base], kind: def.subject,
      legalRef: derived
        ? { SEL: `lokal standard (afledt af ${def.legalRef.SEL})`, BL: `lokal standard (afledt af ${def.legalRef.BL})`, none: `lokal standard (afledt af ${def.legalRef.BL})` }
        : { SEL: def.legalRef.SEL, BL: def.legalRef.BL, none: `${def.legalRef.SEL} / ${def.legalRef.BL}` },
    };
  };
  const legal = RULES.filter((r) => ctx.settings.enabled[r.id] !== false).map((r) => rule(r.id, r.id, ctxParams(ctx, r.id), r.localStandard === true));
  const local = ctx.settings.localStandards.map((s) => rule(s.id, s.baseRuleId, { ...ctxParams(ctx, s.baseRuleId), ...s.params }, true));
  return [...legal, ...local];
}

/**
 * Every rule on every subject of one case, added to `table`: pure, deterministic, from the case,
 * the settings and `asOf`. An absent field is read as empty (`== null`), so cases may come as
 * stored, without their empty fields.
 */
function screenInto(table: ResultTable, c: CaseBundle, ctx: ScreeningContext, rules: readonly TableRule[]): void {
  const caseIndex = table.caseNumbers.id(c.caseNumber);
  for (const rule of rules) {
    for (const f of rule.evaluate(c, rule.params, ctx)) {
      const regime = f.trigger ? regimeOf(f.trigger) : null;
      table.add(
        rule.ruleIndex, caseIndex, rule.kindIndex, f.subject, f.status, f.deadline ?? null, f.doneAt ?? null, f.daysLate ?? null, f.trigger ?? null,
        regime, rule.refIndex[regime ?? 'none'], f.basis, f.missing,
      );
    }
  }
}

/** Every case into one table: what a screening keeps. */
export function screenTable(cases: readonly CaseBundle[], ctx: ScreeningContext, table = new ResultTable()): ResultTable {
  const rules = forTable(activeRules(ctx), table);
  explaining = ctx.explain !== false;
  for (const c of cases) screenInto(table, c, ctx, rules);
  return table;
}

/** One case's results as objects, for the case page and the tests. */
export function screenCase(c: CaseBundle, ctx: ScreeningContext): RuleResult[] {
  return screenTable([c], ctx).all();
}

export function screenCases(cases: readonly CaseBundle[], ctx: ScreeningContext): RuleResult[] {
  return screenTable(cases, ctx).all();
}
