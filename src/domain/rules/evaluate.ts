import { addDays, addMonths, datePart, daysBetween, fromDayNumber, minuteNumber } from '../calendar';
import { formatDate } from '../format';
import type { CaseBundle, FollowUp, Investigation, IsoDate, Measure, Notification } from '../types';
import { addWorkingDays } from '../working-days';
import { lawParams, ruleDef, RULES } from './catalog';
import { deadlineStep, yesNoStep, type StepOutcome } from './steps';
import type { Regime, RuleId, RuleParams, RuleResult, ScreeningContext } from './types';

/** Barnets Lov applies from 01-01-2024; the trigger date decides (RULES.md "Two legal regimes"). */
export const regimeOf = (trigger: IsoDate): Regime => (trigger < '2024-01-01' ? 'SEL' : 'BL');

/** A date for a basis sentence; the callers have checked it is there, closures just cannot see that. */
const d = (date: IsoDate | null) => (date ? formatDate(date) : '–');

/** What one evaluator says about one subject; the engine adds case, rule, regime and reference. */
interface Finding extends StepOutcome {
  subject: string;
  trigger: IsoDate | null;
  /** Made only when asked for: a million sentences are the larger part of a big screening's cost. */
  basis: () => string;
  missing?: string[];
}

type Evaluator = (c: CaseBundle, params: RuleParams, ctx: ScreeningContext) => Finding[];

const finding = (subject: string, trigger: IsoDate | null, outcome: StepOutcome, basis: () => string, missing?: string[]): Finding => ({
  subject, trigger, status: outcome.status, deadline: outcome.deadline, doneAt: outcome.doneAt, daysLate: outcome.daysLate, basis,
  missing: outcome.status === 'unknown' ? missing : undefined,
});

const unknown = (subject: string, trigger: IsoDate | null, basis: () => string, missing: string[]): Finding =>
  finding(subject, trigger, { status: 'unknown', deadline: null, doneAt: null, daysLate: null }, basis, missing);

const notApplicable = (subject: string, trigger: IsoDate | null, basis: () => string): Finding =>
  finding(subject, trigger, { status: 'notApplicable', deadline: null, doneAt: null, daysLate: null }, basis);

const measureTrigger = (m: Measure) => m.decisionDate ?? m.startDate;
const isPlacement = (m: Measure) => m.kind === 'placement';

/** A yes/no rule on the measures of some kinds: an empty kind cannot be placed in scope, so it is unknown. */
function measureYesNo(kinds: Measure['kind'][], field: keyof Measure, label: string): Evaluator {
  return (c) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    if (m.kind == null) return [unknown(subject, measureTrigger(m), () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (!kinds.includes(m.kind)) return [];
    const value = m[field] as boolean | null;
    return [finding(subject, measureTrigger(m), yesNoStep(value), () => `${label}: ${value == null ? 'ikke oplyst' : value ? 'ja' : 'nej'}.`, [`measures.${field}`])];
  });
}

/** The investigation's start for BFU_4M: its own, else the case's awareness date, else the first notification (RULES.md). */
function investigationTrigger(c: CaseBundle, i: Investigation): { date: IsoDate | null; basis: string } {
  if (i.startedAt) return { date: i.startedAt, basis: `Påbegyndt ${d(i.startedAt)}` };
  if (c.awareAt) return { date: c.awareAt, basis: `Påbegyndt mangler – sagens opmærksomhedsdato ${d(c.awareAt)} brugt` };
  const first = c.events.notifications.map((n) => datePart(n.receivedAt)).sort()[0];
  if (first) return { date: first, basis: `Påbegyndt mangler – opmærksomhedsdato fra første underretning ${d(first)} brugt` };
  return { date: null, basis: 'Påbegyndt, opmærksomhedsdato og underretning mangler' };
}

function bfu4m(c: CaseBundle, i: Investigation, params: RuleParams, asOf: IsoDate): Finding {
  const subject = `investigation:${i.id}`;
  const trigger = investigationTrigger(c, i);
  if (!trigger.date) return unknown(subject, null, () => `${trigger.basis}.`, ['investigations.startedAt', 'cases.awareAt']);
  const outcome = deadlineStep(addMonths(trigger.date, params.months!), i.completedAt, asOf);
  return finding(subject, trigger.date, outcome, () => `${trigger.basis}; frist ${d(outcome.deadline!)}; ${i.completedAt ? `afsluttet ${d(i.completedAt)}` : 'ikke afsluttet'}.`);
}

/** Follow-ups that count for a measure: of the case, for this measure or for all, on or after its start. */
const followUpsOf = (c: CaseBundle, m: Measure): FollowUp[] =>
  c.events.followUps.filter((f) => (f.measureId == null || f.measureId === m.measureId) && f.date >= m.startDate).sort((a, b) => a.date.localeCompare(b.date));

const needsTable = (ctx: ScreeningContext, table: Parameters<ScreeningContext['importedTables']['has']>[0]) => ctx.importedTables.has(table);

const EVALUATORS: Record<RuleId, Evaluator> = {
  UND_24T: (c, params, ctx) => c.events.notifications.map((n) => {
    const subject = `notification:${n.id}`;
    const received = datePart(n.receivedAt);
    const assessed = n.assessedAt;
    const hasTimes = n.receivedAt.includes('T') && (assessed == null || assessed.includes('T'));
    if (hasTimes) {
      const due = minuteNumber(n.receivedAt) + params.hours! * 60;
      const dueDate = fromDayNumber(Math.floor(due / 1440));
      if (assessed && minuteNumber(assessed) <= due) return finding(subject, received, { status: 'met', deadline: dueDate, doneAt: datePart(assessed), daysLate: null }, () => `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}.`);
      if (assessed) {
        const late = Math.max(1, daysBetween(dueDate, datePart(assessed)));
        return finding(subject, received, { status: 'breached', deadline: dueDate, doneAt: datePart(assessed), daysLate: late }, () => `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; vurderet ${d(datePart(assessed))} kl. ${assessed.slice(11)}, efter ${params.hours} timer.`);
      }
      return finding(subject, received, deadlineStep(dueDate, null, ctx.asOf), () => `Modtaget ${d(received)} kl. ${n.receivedAt.slice(11)}; ikke vurderet.`);
    }
    // Date only: in time when done on the same or the next calendar day (RULES.md).
    const outcome = deadlineStep(addDays(received, Math.ceil(params.hours! / 24)), assessed ? datePart(assessed) : null, ctx.asOf);
    return finding(subject, received, outcome, () => `Modtaget ${d(received)}; ${assessed ? `vurderet ${d(datePart(assessed))}` : 'ikke vurderet'} (kun dato).`);
  }),

  UND_KVIT: (c, params, ctx) => c.events.notifications.map((n) => {
    const subject = `notification:${n.id}`;
    const received = datePart(n.receivedAt);
    if (n.fromProfessional == null) return unknown(subject, received, () => 'Det er ikke oplyst, om underretteren er fagperson.', ['notifications.fromProfessional']);
    if (!n.fromProfessional) return notApplicable(subject, received, () => 'Underretteren er ikke fagperson.');
    const outcome = deadlineStep(addWorkingDays(received, params.workingDays!, ctx.settings.holidays), n.acknowledgedAt, ctx.asOf);
    return finding(subject, received, outcome, () => `Modtaget ${d(received)}; frist ${params.workingDays} hverdage = ${d(outcome.deadline!)}; ${n.acknowledgedAt ? `kvitteret ${d(n.acknowledgedAt)}` : 'ingen kvittering'}.`);
  }),

  UND_STILLING: (c) => c.events.notifications.flatMap((n: Notification) => {
    const subject = `notification:${n.id}`;
    const received = datePart(n.receivedAt);
    if (n.outcome == null) return [unknown(subject, received, () => 'Underretningens udfald er ikke oplyst.', ['notifications.outcome'])];
    if (n.outcome !== 'none' && n.outcome !== 'preventive') return [];
    return [finding(subject, received, yesNoStep(n.preventiveConsidered), () => `Udfald uden undersøgelse; stillingtagen dokumenteret: ${n.preventiveConsidered == null ? 'ikke oplyst' : n.preventiveConsidered ? 'ja' : 'nej'}.`, ['notifications.preventiveConsidered'])];
  }),

  BFU_4M: (c, params, ctx) => c.events.investigations.map((i) => bfu4m(c, i, params, ctx.asOf)),

  BFU_FORELOEBIG: (c, params, ctx) => c.events.investigations.map((i) => {
    const main = bfu4m(c, i, ctxParams(ctx, 'BFU_4M'), ctx.asOf);
    if (main.status === 'unknown') return { ...main, basis: () => `Undersøgelsens frist kan ikke beregnes: ${main.basis()}` };
    if (main.status !== 'breached') return notApplicable(main.subject, main.trigger, () => 'Undersøgelsens frist er ikke overskredet.');
    const outcome = deadlineStep(addDays(main.deadline!, params.toleranceDays!), i.interimAssessmentAt, ctx.asOf);
    return finding(main.subject, main.trigger, outcome, () => `Fristen ${d(main.deadline!)} er overskredet; foreløbig vurdering ${i.interimAssessmentAt ? d(i.interimAssessmentAt) : 'mangler'} (tolerance ${params.toleranceDays} dage).`);
  }),

  BFU_FOER_ANBR: (c, _params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    const trigger = measureTrigger(m);
    if (m.kind == null) return [unknown(subject, trigger, () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (!isPlacement(m) || m.urgent === true) return [];
    if (!needsTable(ctx, 'investigations')) return [unknown(subject, trigger, () => 'Undersøgelser er ikke importeret.', ['investigations'])];
    const completions = c.events.investigations.map((i) => i.completedAt).filter((x): x is IsoDate => x != null).sort();
    const before = completions.filter((x) => x <= trigger);
    const after = completions.find((x) => x > trigger) ?? null;
    // The investigation is a step due by the decision: done in time, done late, or still to come.
    const outcome: StepOutcome = before.length ? { status: 'met', deadline: trigger, doneAt: before.at(-1)!, daysLate: null } : deadlineStep(trigger, after, ctx.asOf);
    return [finding(subject, trigger, outcome, () => `Planlagt anbringelse, ${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}; ${before.length ? `undersøgelse afsluttet ${d(before.at(-1)!)}` : after ? `undersøgelse først afsluttet ${d(after)}` : 'ingen afsluttet undersøgelse'}.`)];
  }),

  PLAN_RETTIDIG: (c, params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    const trigger = measureTrigger(m);
    if (m.kind == null) return [unknown(subject, trigger, () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (m.kind !== 'placement' && m.kind !== 'preventive') return [];
    const regime = regimeOf(trigger);
    let deadline: IsoDate;
    let rule: string;
    if (regime === 'SEL') {
      deadline = m.urgent === true ? addMonths(m.startDate, params.urgentMonths!) : trigger;
      rule = m.urgent === true ? `akut iværksat ${d(m.startDate)} + ${params.urgentMonths} måneder` : `${m.decisionDate ? 'afgørelse' : 'iværksat'} ${d(trigger)}`;
    } else if (m.kind === 'placement') {
      if (m.consent == null) return [unknown(subject, trigger, () => 'Det er ikke oplyst, om anbringelsen er med samtykke.', ['measures.consent'])];
      deadline = m.consent ? addMonths(trigger, params.consentMonths!) : trigger;
      rule = m.consent ? `anbringelse med samtykke, ${d(trigger)} + ${params.consentMonths} måneder` : `anbringelse uden samtykke, ${d(trigger)}`;
    } else {
      if (m.planNeeded == null) return [unknown(subject, trigger, () => 'Det er ikke oplyst, om en plan er nødvendig (BL § 32).', ['measures.planNeeded'])];
      if (!m.planNeeded) return [notApplicable(subject, trigger, () => 'Kommunen har vurderet, at en plan ikke er nødvendig.')];
      deadline = addMonths(trigger, params.preventiveMonths!);
      rule = `støtte efter § 32, ${d(trigger)} + ${params.preventiveMonths} måneder`;
    }
    if (!needsTable(ctx, 'actionPlans')) return [unknown(subject, trigger, () => 'Handleplaner er ikke importeret.', ['actionPlans'])];
    const plans = c.events.actionPlans.filter((p) => p.measureId == null || p.measureId === m.measureId).map((p) => p.date).sort();
    const inTime = plans.filter((p) => p <= deadline).at(-1) ?? null;
    const later = plans.find((p) => p > deadline) ?? null;
    const outcome = inTime ? { status: 'met' as const, deadline, doneAt: inTime, daysLate: null } : deadlineStep(deadline, later, ctx.asOf);
    return [finding(subject, trigger, outcome, () => `Frist: ${rule} = ${d(deadline)}; ${inTime ? `plan ${d(inTime)}` : later ? `første plan ${d(later)}` : 'ingen plan'}.`)];
  }),

  PLAN_JOURNAL: (c) => c.events.actionPlans.map((p) =>
    finding(`actionPlan:${p.id}`, p.date, yesNoStep(p.filed), () => `Plan ${d(p.date)}; journaliseret: ${p.filed == null ? 'ikke oplyst' : p.filed ? 'ja' : 'nej'}.`, ['actionPlans.filed'])),

  PLAN_DELT: measureYesNo(['placement'], 'planSharedWithPlacement', 'Plan sendt til anbringelsesstedet'),

  SAMTALE_FOER_AFG: (c) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    if (!m.decisionDate) return [notApplicable(subject, m.startDate, () => 'Ingen afgørelsesdato.')];
    const decision = m.decisionDate;
    const talk = m.childConversationAt;
    if (talk && talk <= decision) return [finding(subject, decision, { status: 'met', deadline: decision, doneAt: talk, daysLate: null }, () => `Børnesamtale ${d(talk)} før afgørelsen ${d(decision)}.`)];
    if (m.conversationWaived === true) return [finding(subject, decision, { status: 'metWithException', deadline: decision, doneAt: talk, daysLate: null }, () => `Ingen børnesamtale før afgørelsen ${d(decision)}; fravalgt med begrundelse.`)];
    if (talk) return [finding(subject, decision, { status: 'breached', deadline: decision, doneAt: talk, daysLate: daysBetween(decision, talk) }, () => `Børnesamtale ${d(talk)} først efter afgørelsen ${d(decision)}.`)];
    if (m.conversationWaived == null) return [unknown(subject, decision, () => `Ingen børnesamtale registreret før afgørelsen ${d(decision)}, og det er ikke oplyst, om den er fravalgt med begrundelse.`, ['measures.childConversationAt', 'measures.conversationWaived'])];
    return [finding(subject, decision, { status: 'breached', deadline: decision, doneAt: null, daysLate: null }, () => `Ingen børnesamtale før afgørelsen ${d(decision)} og ingen begrundelse.`)];
  }),

  BISIDDER: (c) => c.events.measures.flatMap((m) => {
    if (!m.decisionDate) return [];
    return [finding(`measure:${m.id}`, m.decisionDate, yesNoStep(m.supporterOffered), () => `Afgørelse ${d(m.decisionDate)}; barnet vejledt om bisidder: ${m.supporterOffered == null ? 'ikke oplyst' : m.supporterOffered ? 'ja' : 'nej'}.`, ['measures.supporterOffered'])];
  }),

  FORAELDRE_VEJL: measureYesNo(['placement'], 'parentsInformed', 'Forældre vejledt om rettigheder'),
  ANBR_STED: measureYesNo(['placement'], 'placementChoiceJustified', 'Valg af anbringelsessted begrundet'),
  SAMVAER: measureYesNo(['placement'], 'contactDecided', 'Samvær afgjort eller rammen fastlagt'),

  OPF_FOERSTE: (c, params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    const trigger = measureTrigger(m);
    if (m.kind == null) return [unknown(subject, trigger, () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (m.kind !== 'placement' && m.kind !== 'preventive') return [];
    let deadline = addMonths(m.startDate, params.months!);
    let basis = `iværksat ${d(m.startDate)} + ${params.months} måneder`;
    if (regimeOf(trigger) === 'BL') {
      // BL § 95: also when an investigation running at the start is completed, if that is earlier.
      const running = c.events.investigations
        .filter((i) => i.completedAt != null && i.completedAt > m.startDate && (investigationTrigger(c, i).date ?? '9999') <= m.startDate)
        .map((i) => i.completedAt!)
        .sort()[0];
      if (running && running < deadline) {
        deadline = running;
        basis = `undersøgelse afsluttet ${d(running)}, før ${params.months} måneder`;
      }
    }
    if (m.endDate != null && m.endDate < deadline) return [notApplicable(subject, trigger, () => `Ophørt ${d(m.endDate)} før fristen ${d(deadline)}.`)];
    if (!needsTable(ctx, 'followUps')) return [unknown(subject, trigger, () => 'Opfølgninger er ikke importeret.', ['followUps'])];
    const first = followUpsOf(c, m)[0]?.date ?? null;
    const outcome = deadlineStep(deadline, first, ctx.asOf);
    return [finding(subject, trigger, outcome, () => `Frist: ${basis} = ${d(deadline)}; ${first ? `første opfølgning ${d(first)}` : 'ingen opfølgning'}.`)];
  }),

  OPF_LOEBENDE: (c, params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    const trigger = measureTrigger(m);
    if (m.kind == null) return [unknown(subject, trigger, () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (m.kind !== 'placement' && m.kind !== 'preventive') return [];
    if (!needsTable(ctx, 'followUps')) return [unknown(subject, trigger, () => 'Opfølgninger er ikke importeret.', ['followUps'])];
    const dates = followUpsOf(c, m).map((f) => f.date).filter((x) => x <= ctx.asOf);
    if (!dates.length) return [notApplicable(subject, trigger, () => 'Ingen opfølgning endnu (se Første opfølgning).')];
    const sel = regimeOf(trigger) === 'SEL';
    const cadence = followUpsOf(c, m)[0]!.cadenceMonths;
    const interval = sel ? params.selMonths! : (cadence ?? params.defaultCadenceMonths!);
    const how = sel ? `hver ${interval}. måned` : cadence ? `kadence ${interval} måneder fastsat ved første opfølgning` : `hver ${interval}. måned (kommunens standard)`;
    for (let i = 1; i < dates.length; i++) {
      const due = addMonths(dates[i - 1]!, interval);
      if (dates[i]! > due) return [finding(subject, trigger, { status: 'breached', deadline: due, doneAt: dates[i]!, daysLate: daysBetween(due, dates[i]!) }, () => `Opfølgning ${d(dates[i - 1]!)}, næste først ${d(dates[i]!)} (${how}).`)];
    }
    const last = dates.at(-1)!;
    const due = addMonths(last, interval);
    const until = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
    const outcome: StepOutcome = until <= due ? { status: 'met', deadline: due, doneAt: last, daysLate: null } : { status: 'breached', deadline: due, doneAt: null, daysLate: daysBetween(due, until) };
    return [finding(subject, trigger, outcome, () => `Seneste opfølgning ${d(last)}; næste senest ${d(due)} (${how}).`)];
  }),

  TILSYN_2X: (c, _params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    const trigger = measureTrigger(m);
    if (m.kind == null) return [unknown(subject, trigger, () => 'Foranstaltningens type mangler.', ['measures.kind'])];
    if (!isPlacement(m)) return [];
    const windowStart = ctx.settings.supervisionWindow === 'calendarYear' ? `${ctx.asOf.slice(0, 4)}-01-01` : addMonths(ctx.asOf, -12);
    const a = m.startDate > windowStart ? m.startDate : windowStart;
    const b = m.endDate != null && m.endDate < ctx.asOf ? m.endDate : ctx.asOf;
    const required = addMonths(a, 12) <= b ? 2 : addMonths(a, 6) <= b ? 1 : 0;
    if (required === 0) return [notApplicable(subject, trigger, () => `Anbragt i perioden ${d(a)}–${d(b)}, under et halvt år.`)];
    if (!needsTable(ctx, 'supervisionVisits')) return [unknown(subject, trigger, () => 'Tilsynsbesøg er ikke importeret.', ['supervisionVisits'])];
    const visits = c.events.supervisionVisits.map((v) => v.date).filter((x) => x >= a && x <= b).sort();
    const outcome: StepOutcome = { status: visits.length >= required ? 'met' : 'breached', deadline: b, doneAt: visits.at(-1) ?? null, daysLate: null };
    return [finding(subject, trigger, outcome, () => `Anbragt ${d(a)}–${d(b)}: ${required} besøg krævet, ${visits.length} registreret.`)];
  }),

  TILSYN_SAMTALE: (c) => c.events.supervisionVisits.map((v) =>
    finding(`supervisionVisit:${v.id}`, v.date, yesNoStep(v.childSeenAlone), () => `Tilsyn ${d(v.date)}; samtale med barnet alene: ${v.childSeenAlone == null ? 'ikke oplyst' : v.childSeenAlone ? 'ja' : 'nej'}.`, ['supervisionVisits.childSeenAlone'])),

  SIKPLAN_GODKENDT: (c) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    if (m.kind !== 'safetyPlan') return m.kind == null ? [unknown(subject, measureTrigger(m), () => 'Foranstaltningens type mangler.', ['measures.kind'])] : [];
    const trigger = measureTrigger(m);
    if (m.managementApproved === false) return [finding(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: null, daysLate: null }, () => 'Ikke godkendt af ledelsen.')];
    if (m.decisionDate != null && m.decisionDate > m.startDate) return [finding(subject, trigger, { status: 'breached', deadline: m.startDate, doneAt: m.decisionDate, daysLate: daysBetween(m.startDate, m.decisionDate) }, () => `Afgørelse ${d(m.decisionDate)} efter start ${d(m.startDate)}.`)];
    if (m.managementApproved == null || m.decisionDate == null) return [unknown(subject, trigger, () => 'Ledelsens godkendelse eller afgørelsesdatoen er ikke oplyst.', [...(m.managementApproved == null ? ['measures.managementApproved'] : []), ...(m.decisionDate == null ? ['measures.decisionDate'] : [])])];
    return [finding(subject, trigger, { status: 'met', deadline: m.startDate, doneAt: m.decisionDate, daysLate: null }, () => `Godkendt og afgjort ${d(m.decisionDate)}, start ${d(m.startDate)}.`)];
  }),

  SIKPLAN_VARIGHED: (c, params, ctx) => c.events.measures.flatMap((m) => {
    const subject = `measure:${m.id}`;
    if (m.kind !== 'safetyPlan') return m.kind == null ? [unknown(subject, measureTrigger(m), () => 'Foranstaltningens type mangler.', ['measures.kind'])] : [];
    const deadline = addMonths(m.startDate, params.maxMonths!);
    return [finding(subject, measureTrigger(m), deadlineStep(deadline, m.endDate, ctx.asOf), () => `Start ${d(m.startDate)}; anbefalet højst ${params.maxMonths} måneder = ${d(deadline)}; ${m.endDate ? `ophørt ${d(m.endDate)}` : 'stadig aktiv'}.`)];
  }),
};

/** A rule's parameters in this workspace: the law's, with the settings' changes. */
export function ctxParams(ctx: ScreeningContext, id: RuleId): RuleParams {
  return { ...lawParams(id), ...ctx.settings.params[id] };
}

/** The rules to run: every enabled rule of the catalog, then the local standards derived from them. */
function activeRules(ctx: ScreeningContext): { id: string; base: RuleId; params: RuleParams; local: boolean }[] {
  const legal = RULES.filter((r) => ctx.settings.enabled[r.id] !== false).map((r) => ({ id: r.id, base: r.id, params: ctxParams(ctx, r.id), local: r.localStandard === true }));
  const local = ctx.settings.localStandards.map((s) => ({ id: s.id, base: s.baseRuleId, params: { ...ctxParams(ctx, s.baseRuleId), ...s.params }, local: true }));
  return [...legal, ...local];
}

/**
 * Every rule on every subject of one case: pure, deterministic, from the case, the settings and `asOf`.
 * An absent field is read as empty (`== null`), so cases may come as stored, without their empty fields.
 */
export function screenCase(c: CaseBundle, ctx: ScreeningContext, rules = activeRules(ctx)): RuleResult[] {
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const def = ruleDef(rule.base);
    for (const f of EVALUATORS[rule.base](c, rule.params, ctx)) {
      const regime = f.trigger ? regimeOf(f.trigger) : null;
      // Built without spreads: a large screening makes a million of these.
      const result: RuleResult = {
        ruleId: rule.id, caseNumber: c.caseNumber, subject: f.subject, status: f.status, deadline: f.deadline ?? null, doneAt: f.doneAt ?? null,
        daysLate: f.daysLate ?? null, regime, legalRef: rule.local && !def.localStandard ? `lokal standard (afledt af ${regime ? def.legalRef[regime] : def.legalRef.BL})` : regime ? def.legalRef[regime] : `${def.legalRef.SEL} / ${def.legalRef.BL}`,
        basis: ctx.explain === false ? '' : f.basis(), trigger: f.trigger ?? null,
      };
      if (f.missing) result.missing = f.missing;
      results.push(result);
    }
  }
  return results;
}

export function screenCases(cases: readonly CaseBundle[], ctx: ScreeningContext): RuleResult[] {
  const rules = activeRules(ctx);
  return cases.flatMap((c) => screenCase(c, ctx, rules));
}
