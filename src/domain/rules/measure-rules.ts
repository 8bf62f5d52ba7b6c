import { addMonthsToDay } from '../calendar';
import { MEASURE_KIND_CODE, NO, NONE, YES, type CaseColumns } from './case-columns';
import { d, eventsOf, investigationTrigger, needsTable, regimeOf, yesNoText, type Evaluator, type Findings, type Run } from './evaluators';
import { BREACHED, MET, MET_WITH_EXCEPTION } from './steps';
import type { RuleId, RuleParams } from './types';

type Measures = CaseColumns['measures'];

const PLACEMENT = MEASURE_KIND_CODE.placement;
/** Kinds in scope as bits of one number, so a scope test allocates nothing. */
export const PLACEMENTS = 1 << PLACEMENT;
const SAFETY_PLANS = 1 << MEASURE_KIND_CODE.safetyPlan;
export const PLAN_KINDS = PLACEMENTS | (1 << MEASURE_KIND_CODE.preventive);

export const NOT_PLACEMENT = 'Foranstaltningen er ikke en anbringelse.';
export const NOT_PLAN_KIND = 'Foranstaltningen er hverken en anbringelse eller en forebyggende foranstaltning.';
const NOT_SAFETY_PLAN = 'Foranstaltningen er ikke en sikkerhedsplan.';
const NO_DECISION = 'Ingen afgørelsesdato.';
const NO_DATES = 'Foranstaltningens afgørelsesdato og startdato mangler.';
const NO_START = 'Foranstaltningens startdato mangler.';

// What an unknown result lacks, as constants: nothing is built per result.
const KIND = 'measures.kind';
const START = 'measures.startDate';
const TRIGGER_DATES = 'measures.decisionDate,measures.startDate';
const PLAN_DATE = 'actionPlans.date';
const PLAN_DATE_AND_FILED = `${PLAN_DATE},actionPlans.filed`;
export const VISIT_DATE = 'supervisionVisits.date';
export const VISIT_DATE_AND_ALONE = `${VISIT_DATE},supervisionVisits.childSeenAlone`;
/** SIKPLAN_GODKENDT's missing fields by bits: 1 approval, 2 decision date, 4 start date. */
const SAFETY_MISSING = ['', 'measures.managementApproved', 'measures.decisionDate', 'measures.managementApproved,measures.decisionDate',
  START, `measures.managementApproved,${START}`, TRIGGER_DATES, `measures.managementApproved,${TRIGGER_DATES}`];
const SAFETY_FIELDS = ['Ledelsens godkendelse', 'afgørelsesdatoen', 'startdatoen'];
/** The basis naming what SIKPLAN_GODKENDT lacks, e.g. "Ledelsens godkendelse og startdatoen er ikke oplyst." */
const safetyMissingText = (lacking: number) => {
  const names = SAFETY_FIELDS.filter((_, bit) => lacking & (1 << bit));
  const text = names.length > 1 ? `${names.slice(0, -1).join(', ')} og ${names.at(-1)}` : names[0]!;
  return `${text[0]!.toUpperCase()}${text.slice(1)} er ikke oplyst.`;
};

/** The date that chooses a measure's regime: its decision, else its start (NONE when both are empty). */
export const measureTrigger = (M: Measures, m: number) => (M.decisionDate[m] !== NONE ? M.decisionDate[m]! : M.startDate[m]!);

/**
 * Whether a rule on measures of these kinds concerns measure `m`. A measure of another kind is
 * notApplicable (`outside` says why); one without a kind cannot be placed in scope, so it is
 * unknown. Either result goes to `out`.
 */
export function inScope(M: Measures, m: number, kinds: number, outside: string, out: Findings): boolean {
  const kind = M.kind[m]!;
  if (kind === NONE) out.unknown(M.id[m]!, measureTrigger(M, m), out.explain ? 'Foranstaltningens type mangler.' : '', KIND);
  else if ((kinds & (1 << kind)) === 0) out.notApplicable(M.id[m]!, measureTrigger(M, m), out.explain ? outside : '');
  else return true;
  return false;
}

/** Measure `m`'s trigger; when decision and start are both empty, NONE after telling `out` it is unknown. */
function triggerOf(M: Measures, m: number, out: Findings): number {
  const trigger = measureTrigger(M, m);
  if (trigger === NONE) out.unknown(M.id[m]!, NONE, out.explain ? NO_DATES : '', TRIGGER_DATES);
  return trigger;
}

/** Measure `m`'s start; when empty, NONE after telling `out` it is unknown. */
export function startOf(M: Measures, m: number, out: Findings): number {
  const start = M.startDate[m]!;
  if (start === NONE) out.unknown(M.id[m]!, measureTrigger(M, m), out.explain ? NO_START : '', START);
  return start;
}

type YesNoField = 'planSharedWithPlacement' | 'parentsInformed' | 'placementChoiceJustified' | 'contactDecided';
/** A yes/no rule's basis sentence, made only when explaining. */
type YesNoText = (M: Measures, m: number, value: number, trigger: number) => string;

/** A yes/no rule on placements, cited by the decision (else start) date. */
function placementYesNo(field: YesNoField, text: YesNoText): Evaluator {
  const missing = `measures.${field}`;
  const missingWithDates = `${TRIGGER_DATES},${missing}`;
  return (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, PLACEMENTS, NOT_PLACEMENT, out)) continue;
      const value = M[field][m]!;
      const trigger = measureTrigger(M, m);
      if (trigger === NONE) out.unknown(M.id[m]!, NONE, out.explain ? NO_DATES : '', value === NONE ? missingWithDates : TRIGGER_DATES);
      else out.yesNo(M.id[m]!, trigger, value, out.explain ? text(M, m, value, trigger) : '', missing);
    }
  };
}

const labelled = (label: string): YesNoText => (_M, _m, value) => `${label}: ${yesNoText(value)}.`;

/** FORAELDRE_VEJL: what the parents must be told depends on consent (RULES.md). */
const parentsText: YesNoText = (M, m, value, trigger) => {
  const informed = `forældre vejledt: ${yesNoText(value)}`;
  const consent = M.consent[m]!;
  if (consent === YES) return `Anbringelse med samtykke: vejledningen skal sikre, at samtykket er informeret; ${informed}.`;
  const paragraphs = regimeOf(trigger) === 'SEL' ? 'servicelovens §§ 72–73' : 'barnets lovs §§ 140–142';
  if (consent === NO) return `Anbringelse uden samtykke: forældrene skal vejledes om retten til advokatbistand og aktindsigt efter ${paragraphs}; ${informed}.`;
  return `Det er ikke oplyst, om anbringelsen er med samtykke, så det fremgår ikke, om vejledningen skal gælde ${paragraphs} (uden samtykke) eller det informerede samtykke; ${informed}.`;
};

/** PLAN_RETTIDIG's deadline for measure `m` (RULES.md); NONE after telling `out` why there is none. */
function planDeadline(M: Measures, m: number, trigger: number, params: RuleParams, out: Findings): number {
  const id = M.id[m]!;
  if (regimeOf(trigger) === 'SEL') {
    if (M.urgent[m] !== YES) return trigger;
    const start = M.startDate[m]!;
    if (start === NONE) out.unknown(id, trigger, out.explain ? 'Akut iværksat, men foranstaltningens startdato mangler.' : '', START);
    return start === NONE ? NONE : addMonthsToDay(start, params.urgentMonths!);
  }
  if (M.kind[m] === PLACEMENT) {
    const consent = M.consent[m]!;
    if (consent === NONE) out.unknown(id, trigger, out.explain ? 'Det er ikke oplyst, om anbringelsen er med samtykke.' : '', 'measures.consent');
    return consent === NONE ? NONE : consent === YES ? addMonthsToDay(trigger, params.consentMonths!) : trigger;
  }
  const needed = M.planNeeded[m]!;
  if (needed === NONE) out.unknown(id, trigger, out.explain ? 'Det er ikke oplyst, om en plan er nødvendig (BL § 32).' : '', 'measures.planNeeded');
  else if (needed === NO) out.notApplicable(id, trigger, out.explain ? 'Kommunen har vurderet, at en plan ikke er nødvendig.' : '');
  return needed === YES ? addMonthsToDay(trigger, params.preventiveMonths!) : NONE;
}

/** How `planDeadline` was reached, for the basis sentence. */
function planRuleText(M: Measures, m: number, trigger: number, params: RuleParams): string {
  const decided = `${M.decisionDate[m] !== NONE ? 'afgørelse' : 'iværksat'} ${d(trigger)}`;
  if (regimeOf(trigger) === 'SEL') return M.urgent[m] === YES ? `akut iværksat ${d(M.startDate[m]!)} + ${params.urgentMonths} måneder` : decided;
  if (M.kind[m] !== PLACEMENT) return `støtte efter § 32, ${d(trigger)} + ${params.preventiveMonths} måneder`;
  return M.consent[m] === YES ? `anbringelse med samtykke, ${d(trigger)} + ${params.consentMonths} måneder` : `anbringelse uden samtykke, ${d(trigger)}`;
}

/**
 * SAMTALE_FOER_AFG's basis with no conversation by the decision and no documented reason: breached
 * whether "fravalgt" says nej or nothing, as the Børnesagsbarometer counts it (RULES.md).
 */
const noConversation = (decision: number, waived: number) =>
  `Ingen børnesamtale før afgørelsen ${d(decision)}${waived === NO ? ' og ingen begrundelse' : ', og ingen begrundelse for at fravælge den er registreret'}.`;

/** The rules on measures, their plans and safety plans; follow-ups and supervision visits are in follow-up-rules.ts. */
export const MEASURE_RULES = {
  BFU_FOER_ANBR: (cols, c, _params, run, out) => {
    const M = cols.measures;
    const I = cols.investigations;
    const [from, end] = eventsOf(M, c);
    const [firstInvestigation, endInvestigation] = eventsOf(I, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      if (!inScope(M, m, PLACEMENTS, NOT_PLACEMENT, out)) continue;
      if (M.urgent[m] === YES) { out.notApplicable(id, measureTrigger(M, m), out.explain ? 'Akut anbringelse, ikke planlagt.' : ''); continue; }
      const trigger = triggerOf(M, m, out);
      if (trigger === NONE) continue;
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
      if (!inScope(M, m, PLAN_KINDS, NOT_PLAN_KIND, out)) continue;
      const trigger = triggerOf(M, m, out);
      if (trigger === NONE) continue;
      const deadline = planDeadline(M, m, trigger, params, out);
      if (deadline === NONE) continue;
      if (!needsTable(run, 'actionPlans')) { out.unknown(id, trigger, out.explain ? 'Handleplaner er ikke importeret.' : '', 'actionPlans'); continue; }
      // The last plan by the deadline, else the first after it; a plan without a date is no evidence.
      let inTime = NONE;
      let later = NONE;
      for (let p = firstPlan; p < endPlan; p++) {
        const date = P.date[p]!;
        if (date === NONE || (P.measure[p] !== NONE && P.measure[p] !== M.measure[m])) continue;
        if (date <= deadline) inTime = inTime === NONE || date > inTime ? date : inTime;
        else later = later === NONE || date < later ? date : later;
      }
      const basis = out.explain ? `Frist: ${planRuleText(M, m, trigger, params)} = ${d(deadline)}; ${inTime !== NONE ? `plan ${d(inTime)}` : later !== NONE ? `første plan ${d(later)}` : 'ingen plan'}.` : '';
      if (inTime !== NONE) out.result(id, trigger, MET, deadline, inTime, NONE, basis);
      else out.step(id, trigger, deadline, later, basis);
    }
  },

  PLAN_JOURNAL: (cols, c, _params, _run, out) => {
    const P = cols.actionPlans;
    const [from, end] = eventsOf(P, c);
    for (let p = from; p < end; p++) {
      const date = P.date[p]!;
      const filed = P.filed[p]!;
      if (date === NONE) out.unknown(P.id[p]!, NONE, out.explain ? 'Planens dato mangler.' : '', filed === NONE ? PLAN_DATE_AND_FILED : PLAN_DATE);
      else out.yesNo(P.id[p]!, date, filed, out.explain ? `Plan ${d(date)}; journaliseret: ${yesNoText(filed)}.` : '', 'actionPlans.filed');
    }
  },

  PLAN_DELT: placementYesNo('planSharedWithPlacement', labelled('Plan sendt til anbringelsesstedet')),

  SAMTALE_FOER_AFG: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      const id = M.id[m]!;
      const decision = M.decisionDate[m]!;
      if (decision === NONE) { out.notApplicable(id, M.startDate[m]!, out.explain ? NO_DECISION : ''); continue; }
      const talk = M.childConversationAt[m]!;
      const waived = M.conversationWaived[m]!;
      if (talk !== NONE && talk <= decision) out.result(id, decision, MET, decision, talk, NONE, out.explain ? `Børnesamtale ${d(talk)} før afgørelsen ${d(decision)}.` : '');
      else if (waived === YES) out.result(id, decision, MET_WITH_EXCEPTION, decision, talk, NONE, out.explain ? `Ingen børnesamtale før afgørelsen ${d(decision)}; fravalgt med begrundelse.` : '');
      else if (talk !== NONE) out.result(id, decision, BREACHED, decision, talk, talk - decision, out.explain ? `Børnesamtale ${d(talk)} først efter afgørelsen ${d(decision)}.` : '');
      else out.result(id, decision, BREACHED, decision, NONE, NONE, out.explain ? noConversation(decision, waived) : '');
    }
  },

  BISIDDER: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      const decision = M.decisionDate[m]!;
      const offered = M.supporterOffered[m]!;
      if (decision === NONE) out.notApplicable(M.id[m]!, M.startDate[m]!, out.explain ? NO_DECISION : '');
      else out.yesNo(M.id[m]!, decision, offered, out.explain ? `Afgørelse ${d(decision)}; barnet vejledt om bisidder: ${yesNoText(offered)}.` : '', 'measures.supporterOffered');
    }
  },

  FORAELDRE_VEJL: placementYesNo('parentsInformed', parentsText),
  ANBR_STED: placementYesNo('placementChoiceJustified', labelled('Valg af anbringelsessted begrundet')),
  SAMVAER: placementYesNo('contactDecided', labelled('Samvær afgjort eller rammen fastlagt')),

  SIKPLAN_GODKENDT: (cols, c, _params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, SAFETY_PLANS, NOT_SAFETY_PLAN, out)) continue;
      const id = M.id[m]!;
      const start = M.startDate[m]!;
      const decision = M.decisionDate[m]!;
      const approved = M.managementApproved[m]!;
      const lacking = (approved === NONE ? 1 : 0) | (decision === NONE ? 2 : 0) | (start === NONE ? 4 : 0);
      const trigger = measureTrigger(M, m);
      // RULES.md: breached on a refusal or a decision after the start, else unknown on any empty field, else met.
      if (trigger === NONE) out.unknown(id, NONE, out.explain ? safetyMissingText(lacking) : '', SAFETY_MISSING[lacking]!);
      else if (approved === NO) out.result(id, trigger, BREACHED, start, NONE, NONE, out.explain ? 'Ikke godkendt af ledelsen.' : '');
      else if (decision !== NONE && start !== NONE && decision > start) out.result(id, trigger, BREACHED, start, decision, decision - start, out.explain ? `Afgørelse ${d(decision)} efter start ${d(start)}.` : '');
      else if (lacking !== 0) out.unknown(id, trigger, out.explain ? safetyMissingText(lacking) : '', SAFETY_MISSING[lacking]!);
      else out.result(id, trigger, MET, start, decision, NONE, out.explain ? `Godkendt og afgjort ${d(decision)}, start ${d(start)}.` : '');
    }
  },

  SIKPLAN_VARIGHED: (cols, c, params, _run, out) => {
    const M = cols.measures;
    const [from, end] = eventsOf(M, c);
    for (let m = from; m < end; m++) {
      if (!inScope(M, m, SAFETY_PLANS, NOT_SAFETY_PLAN, out)) continue;
      const start = startOf(M, m, out);
      if (start === NONE) continue;
      const deadline = addMonthsToDay(start, params.maxMonths!);
      const ended = M.endDate[m]!;
      out.step(M.id[m]!, measureTrigger(M, m), deadline, ended, out.explain ? `Start ${d(start)}; anbefalet højst ${params.maxMonths} måneder = ${d(deadline)}; ${ended !== NONE ? `ophørt ${d(ended)}` : 'stadig aktiv'}.` : '');
    }
  },
} satisfies Partial<Record<RuleId, Evaluator>>;
