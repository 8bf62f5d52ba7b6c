import { addMonthsToDay } from '../calendar';
import { MEASURE_KIND_CODE, NO, NONE, YES, type CaseColumns } from './case-columns';
import { d, eventsOf, investigationTrigger, needsTable, regimeOf, yesNoText, type Evaluator, type Findings } from './evaluators';
import { BREACHED, MET, MET_WITH_EXCEPTION } from './steps';
import type { RuleId } from './types';

const PLACEMENT = MEASURE_KIND_CODE.placement;
const PLACEMENTS = [PLACEMENT];
const SAFETY_PLANS = [MEASURE_KIND_CODE.safetyPlan];
const PLAN_KINDS = [PLACEMENT, MEASURE_KIND_CODE.preventive];

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

/** The rules on measures and what follows them: plans, follow-ups and supervision visits. */
export const MEASURE_RULES = {
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
} satisfies Partial<Record<RuleId, Evaluator>>;
