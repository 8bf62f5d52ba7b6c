import type { CaseBundle, IsoDate } from '../types';
import { ruleDef, RULES } from './catalog';
import { EVALUATORS, regimeOf, type Evaluator, type Findings } from './evaluators';
import { ResultTable } from './result-table';
import { ctxParams } from './settings';
import type { StepOutcome } from './steps';
import type { Regime, RuleId, RuleParams, RuleResult, ScreeningContext, SubjectKind } from './types';

/** The screening engine: which rules run, and their findings written into a `ResultTable`. */

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

/** The engine's side of `Findings`: each finding goes straight into the table, for the rule and case at hand. */
class TableFindings implements Findings {
  rule!: TableRule;
  caseIndex = 0;
  constructor(private readonly table: ResultTable, readonly explain: boolean) {}

  add(subject: string, trigger: IsoDate | null, outcome: StepOutcome, basis: string, missing?: string): void {
    const regime = trigger ? regimeOf(trigger) : null;
    this.table.add(
      this.rule.ruleIndex, this.caseIndex, this.rule.kindIndex, subject, outcome.status, outcome.deadline, outcome.doneAt, outcome.daysLate, trigger,
      regime, this.rule.refIndex[regime ?? 'none'], basis, outcome.status === 'unknown' ? missing : undefined,
    );
  }
  unknown(subject: string, trigger: IsoDate | null, basis: string, missing: string): void {
    this.add(subject, trigger, UNKNOWN, basis, missing);
  }
  notApplicable(subject: string, trigger: IsoDate | null, basis: string): void {
    this.add(subject, trigger, NOT_APPLICABLE, basis);
  }
}

const UNKNOWN: StepOutcome = { status: 'unknown', deadline: null, doneAt: null, daysLate: null };
const NOT_APPLICABLE: StepOutcome = { status: 'notApplicable', deadline: null, doneAt: null, daysLate: null };

/**
 * Every rule on every subject of every case, into one table: pure, deterministic, from the cases,
 * the settings and `asOf`. An absent field is read as empty (`== null`), so cases may come as
 * stored, without their empty fields.
 */
export function screenTable(cases: readonly CaseBundle[], ctx: ScreeningContext, table = new ResultTable()): ResultTable {
  const rules = forTable(activeRules(ctx), table);
  const out = new TableFindings(table, ctx.explain !== false);
  for (const c of cases) {
    out.caseIndex = table.caseNumbers.id(c.caseNumber);
    for (const rule of rules) {
      out.rule = rule;
      rule.evaluate(c, rule.params, ctx, out);
    }
  }
  return table;
}

/** One case's results as objects, for the case page and the tests. */
export function screenCase(c: CaseBundle, ctx: ScreeningContext): RuleResult[] {
  return screenTable([c], ctx).all();
}

export function screenCases(cases: readonly CaseBundle[], ctx: ScreeningContext): RuleResult[] {
  return screenTable(cases, ctx).all();
}
