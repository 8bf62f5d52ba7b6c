import { formatNumber } from './format';
import { rollUp, type ScreeningCompliance, type Tally } from './report/compliance';
import type { RoundCompliance } from './report/review-compliance';
import { wilson, type Interval } from './statistics';

/**
 * Comparing two screenings or two review rounds (this quarter against the last, before against
 * after an improvement action): the change in compliance in points, with a 95 % interval for the
 * change, and whether that interval leaves out 0 ("signifikant ændring").
 *
 * The interval is Newcombe's hybrid score interval (Newcombe 1998, method 10), built from each
 * side's own interval by the MOVER rule (Zou & Donner 2008):
 *   d = p₂ − p₁,  L = d − √((p₂ − l₂)² + (u₁ − p₁)²),  U = d + √((u₂ − p₂)² + (p₁ − l₁)²).
 * With Wilson intervals on both sides it is exactly Newcombe's; with a design-based interval
 * (a stratified or weighted round) it carries that design's variance into the difference, so a
 * sample-based round is compared with its own estimate and uncertainty, not as if it were simple.
 *
 * A screening is a census of the cases: its rate has no sampling error. Two quarters still differ
 * by chance, as the same practice gives a few more or fewer breaches from one set of cases to the
 * next; the Wilson interval on the counts measures that, and it is what is used for a census side.
 */

/** One side of a comparison: compliant of counted, the rate and its interval (null: a census, or nothing counted). */
export interface RateEstimate {
  compliant: number;
  counted: number;
  rate: number | null;
  ci: Interval | null;
}

export type ChangeVerdict = 'better' | 'worse' | 'noClearChange' | 'notComparable';

export interface RateChange {
  before: RateEstimate | null;
  after: RateEstimate | null;
  /** after − before, as a fraction (0.12 = 12 points); null when either side has no rate. */
  difference: number | null;
  ci: Interval | null;
  /** The interval for the change leaves out 0: larger than chance explains. */
  significant: boolean;
  verdict: ChangeVerdict;
}

/** The Danish words for a verdict, never a colour alone. */
export const VERDICT_LABEL: Record<ChangeVerdict, string> = {
  better: 'Signifikant ændring: bedre',
  worse: 'Signifikant ændring: dårligere',
  noClearChange: 'Ingen sikker ændring',
  notComparable: 'Kan ikke sammenlignes',
};

/** A side's interval: its own, or, for a census or a side given only as counts, Wilson's on its counts. */
function intervalOf(side: RateEstimate): Interval | null {
  return side.ci ?? (side.counted > 0 ? wilson(side.compliant, side.counted) : null);
}

/** Newcombe's hybrid score interval for p_after − p_before from two sides' rates and intervals (MOVER). */
export function differenceInterval(before: { rate: number; ci: Interval }, after: { rate: number; ci: Interval }): Interval {
  const d = after.rate - before.rate;
  return {
    low: d - Math.sqrt((after.rate - after.ci.low) ** 2 + (before.ci.high - before.rate) ** 2),
    high: d + Math.sqrt((after.ci.high - after.rate) ** 2 + (before.rate - before.ci.low) ** 2),
  };
}

/** Newcombe's interval for x₂/n₂ − x₁/n₁ straight from counts; null when either has none. */
export function newcombe(x1: number, n1: number, x2: number, n2: number): Interval | null {
  const [c1, c2] = [wilson(x1, n1), wilson(x2, n2)];
  return c1 && c2 ? differenceInterval({ rate: x1 / n1, ci: c1 }, { rate: x2 / n2, ci: c2 }) : null;
}

export function compareRates(before: RateEstimate | null, after: RateEstimate | null): RateChange {
  const none: RateChange = { before, after, difference: null, ci: null, significant: false, verdict: 'notComparable' };
  if (!before || !after || before.rate === null || after.rate === null) return none;
  const [b, a] = [intervalOf(before), intervalOf(after)];
  if (!b || !a) return none;
  const ci = differenceInterval({ rate: before.rate, ci: b }, { rate: after.rate, ci: a });
  const difference = after.rate - before.rate;
  const significant = ci.low > 0 || ci.high < 0;
  return { before, after, difference, ci, significant, verdict: !significant ? 'noClearChange' : difference > 0 ? 'better' : 'worse' };
}

export interface KeyedChange {
  key: string;
  change: RateChange;
}

/** Each key of either side compared, in the first side's order and then the keys only the second has. */
export function compareByKey(before: ReadonlyMap<string, RateEstimate>, after: ReadonlyMap<string, RateEstimate>): KeyedChange[] {
  const keys = [...before.keys(), ...[...after.keys()].filter((k) => !before.has(k))];
  return keys.map((key) => ({ key, change: compareRates(before.get(key) ?? null, after.get(key) ?? null) }));
}

/** A tally of report/compliance.ts (a screening's or a round's) as one side of a comparison. */
export const estimateOfTally = (t: Pick<Tally, 'compliant' | 'n' | 'rate' | 'ci'>): RateEstimate => ({ compliant: t.compliant, counted: t.n, rate: t.rate, ci: t.ci });

/** "+12,5", "-3,0", "0,0": a change in percentage points with its sign. */
export function formatPoints(difference: number, decimals = 1): string {
  const points = difference * 100;
  const text = formatNumber(Math.abs(points), decimals);
  return Number(Math.abs(points).toFixed(decimals)) === 0 ? text : `${points > 0 ? '+' : '-'}${text}`;
}

export interface RuleComparison {
  ruleId: string;
  change: RateChange;
  /** Per unit: `key` is the unit. */
  units: KeyedChange[];
}

/** Tallies by key; `countedOnly` leaves out a unit with nothing counted rather than show it as not comparable. */
const byKey = <T extends Tally>(rows: readonly T[], key: (t: T) => string, countedOnly: boolean) =>
  new Map(rows.filter((t) => !countedOnly || t.n > 0).map((t) => [key(t), estimateOfTally(t)]));

/** Two screenings compared per rule and, within each rule, per unit (over all quarters). */
export function compareScreenings(before: ScreeningCompliance, after: ScreeningCompliance): RuleComparison[] {
  const byRule = (c: ScreeningCompliance) => byKey(rollUp(c, ['rule']), (t) => t.ruleId!, false);
  const byUnit = (c: ScreeningCompliance, ruleId: string) => byKey(rollUp(c, ['unit'], { ruleId }), (t) => t.unit!, true);
  return compareByKey(byRule(before), byRule(after)).map(({ key, change }) => ({ ruleId: key, change, units: compareByKey(byUnit(before, key), byUnit(after, key)) }));
}

export interface QuestionComparison {
  questionId: string;
  change: RateChange;
  units: KeyedChange[];
}

/**
 * Two rounds compared per question (matched by the question's id, so the rounds should use the
 * same template) and per unit. Each side keeps its own estimate and interval: weighted for its
 * design, or Wilson's for a simple sample, or (a targeted census) Wilson's on its counts.
 */
export function compareRounds(before: RoundCompliance, after: RoundCompliance): QuestionComparison[] {
  const overall = (r: RoundCompliance) => byKey(r.overall, (q) => q.questionId, false);
  const units = (r: RoundCompliance, questionId: string) => byKey(r.byUnit.filter((q) => q.questionId === questionId), (q) => q.unit!, true);
  return compareByKey(overall(before), overall(after)).map(({ key, change }) => ({ questionId: key, change, units: compareByKey(units(before, key), units(after, key)) }));
}
