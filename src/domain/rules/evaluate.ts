import type { CaseBundle } from '../types';
import { encodeColumns, NONE, type CaseColumns, type CaseInput } from './case-columns';
import { ruleDef, RULES } from './catalog';
import { NOTIFICATION_RULES, regimeOf, runOf, type Evaluator, type Findings } from './evaluators';
import { FOLLOW_UP_RULES } from './follow-up-rules';
import { MEASURE_RULES } from './measure-rules';
import { ResultTable } from './result-table';
import { ctxParams } from './settings';
import { NOT_APPLICABLE, stepDaysLate, stepStatus, UNKNOWN, yesNoStatus } from './steps';
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

const EVALUATORS: Record<RuleId, Evaluator> = { ...NOTIFICATION_RULES, ...MEASURE_RULES, ...FOLLOW_UP_RULES };

/** A rule with its strings numbered in one table, so that adding a result looks nothing up. */
interface TableRule extends ActiveRule {
  ruleIndex: number;
  kindIndex: number;
  /** The paragraph's number by regime code: none, SEL, BL. */
  refIndex: [number, number, number];
}

function forTable(rules: readonly ActiveRule[], table: ResultTable): TableRule[] {
  return rules.map((r) => ({
    ...r, ruleIndex: table.ruleIds.id(r.id), kindIndex: table.kinds.id(r.kind),
    refIndex: [table.legalRefs.id(r.legalRef.none), table.legalRefs.id(r.legalRef.SEL), table.legalRefs.id(r.legalRef.BL)],
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
  constructor(private readonly table: ResultTable, readonly explain: boolean, private readonly asOf: number) {}

  result(subject: string, trigger: number, status: number, deadline: number, doneAt: number, daysLate: number, basis: string, missing?: string): void {
    const regime = trigger === NONE ? 0 : regimeOf(trigger) === 'SEL' ? SEL : BL;
    this.table.add(
      this.rule.ruleIndex, this.caseIndex, this.rule.kindIndex, subject, status, deadline, doneAt, daysLate, trigger,
      regime, this.rule.refIndex[regime], basis, status === UNKNOWN ? missing : undefined,
    );
  }
  step(subject: string, trigger: number, deadline: number, doneAt: number, basis: string): void {
    this.result(subject, trigger, stepStatus(deadline, doneAt, this.asOf), deadline, doneAt, stepDaysLate(deadline, doneAt, this.asOf), basis);
  }
  yesNo(subject: string, trigger: number, value: number, basis: string, missing: string): void {
    this.result(subject, trigger, yesNoStatus(value), NONE, NONE, NONE, basis, missing);
  }
  unknown(subject: string, trigger: number, basis: string, missing: string): void {
    this.result(subject, trigger, UNKNOWN, NONE, NONE, NONE, basis, missing);
  }
  notApplicable(subject: string, trigger: number, basis: string): void {
    this.result(subject, trigger, NOT_APPLICABLE, NONE, NONE, NONE, basis);
  }
}

/** The result table's regime codes. */
const SEL = 1;
const BL = 2;

/**
 * Every rule on every subject of every case, into one table: pure, deterministic, from the cases,
 * the settings and `asOf`. Cases as imported or as stored (an absent field is empty).
 */
export function screenTable(cases: readonly CaseInput[], ctx: ScreeningContext, table = new ResultTable()): ResultTable {
  return screenColumns(encodeColumns(cases), ctx, table);
}

/** `screenTable` on cases already in columns. */
export function screenColumns(cols: CaseColumns, ctx: ScreeningContext, table = new ResultTable()): ResultTable {
  const rules = forTable(activeRules(ctx), table);
  const run = runOf(ctx);
  const out = new TableFindings(table, ctx.explain !== false, run.asOf);
  for (let c = 0; c < cols.size; c++) {
    out.caseIndex = table.caseNumbers.id(cols.caseNumbers[c]!);
    for (const rule of rules) {
      out.rule = rule;
      rule.evaluate(cols, c, rule.params, run, out);
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
