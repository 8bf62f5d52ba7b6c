import { dayNumber, fromDayNumber } from '../calendar';
import { encodeColumns, NONE, type CaseColumns, type CaseInput } from '../rules/case-columns';
import { screenColumns } from '../rules/evaluate';
import { ResultTable } from '../rules/result-table';
import { quarterOf } from '../rules/summary';
import { STATUSES, type ScreeningContext } from '../rules/types';
import type { IsoDate } from '../types';
import { COUNT_OF_STATUS, emptyCounts, tally, type ComplianceCounts, type Tally } from './compliance';

/**
 * The trend per quarter: the same cases screened as of each quarter's last day, and of each
 * screening the results that fall in that quarter (the quarter of the deadline, else of the
 * trigger; compliance.ts) counted per rule. So a quarter's rate is "of the deadlines that fell in
 * the quarter, the share kept", as it stood on the quarter's last day; every quarter is a census.
 * The screening is the ordinary engine (`screenColumns`): deterministic, so the trend of the same
 * data and settings is always the same.
 */

export interface TrendQuarter {
  /** `2024 K2`. */
  quarter: string;
  /** The quarter's last day: the screening's `asOf`. */
  asOf: IsoDate;
  /** Per rule of `ComplianceTrend.rules`, in its order. */
  rules: Tally[];
}

export interface ComplianceTrend {
  basis: 'census';
  rules: string[];
  quarters: TrendQuarter[];
}

/** The last day of each of the `count` quarters that ended on or before `asOf`, oldest first. */
export function quarterEnds(asOf: IsoDate, count: number): IsoDate[] {
  let year = Number(asOf.slice(0, 4));
  let quarter = Math.floor((Number(asOf.slice(5, 7)) - 1) / 3);
  const endOf = (y: number, q: number) => fromDayNumber(dayNumber(`${String(q === 3 ? y + 1 : y).padStart(4, '0')}-${String(q === 3 ? 1 : q * 3 + 4).padStart(2, '0')}-01`) - 1);
  if (endOf(year, quarter) > asOf) quarter -= 1;
  const ends: IsoDate[] = [];
  for (let i = 0; i < count; i++) {
    if (quarter < 0) { quarter = 3; year -= 1; }
    ends.unshift(endOf(year, quarter));
    quarter -= 1;
  }
  return ends;
}

/**
 * Builds a trend from cases given a chunk at a time (as the app reads them), so that no more than
 * one chunk's results are held at once.
 */
export class TrendBuilder {
  private readonly ranges: { from: number; to: number }[];
  private readonly counts = new Map<string, ComplianceCounts[]>();
  private readonly order: string[] = [];

  constructor(private readonly ends: readonly IsoDate[], private readonly contextAt: (asOf: IsoDate) => ScreeningContext) {
    this.ranges = ends.map((end) => {
      const to = dayNumber(end);
      return { from: dayNumber(`${end.slice(0, 5)}${String(Number(end.slice(5, 7)) - 2).padStart(2, '0')}-01`), to };
    });
  }

  /** Screens the chunk as of every quarter end: `onQuarter` hears each one done (for a progress bar). */
  add(cols: CaseColumns, onQuarter: (done: number) => void = () => {}): void {
    this.ends.forEach((end, q) => {
      const results = screenColumns(cols, { ...this.contextAt(end), explain: false }, new ResultTable());
      const { from, to } = this.ranges[q]!;
      const countsOf = results.ruleIds.values.map((ruleId) => this.rule(ruleId)[q]!);
      for (let i = 0; i < results.length; i++) {
        const deadline = results.deadlineDayAt(i);
        const day = deadline !== NONE ? deadline : results.triggerDayAt(i);
        if (day === NONE || day < from || day > to) continue;
        countsOf[results.ruleIndexAt(i)]![COUNT_OF_STATUS[STATUSES[results.statusIndexAt(i)]!]] += 1;
      }
      onQuarter(q + 1);
    });
  }

  private rule(ruleId: string): ComplianceCounts[] {
    let list = this.counts.get(ruleId);
    if (!list) {
      this.counts.set(ruleId, (list = this.ends.map(emptyCounts)));
      this.order.push(ruleId);
    }
    return list;
  }

  result(): ComplianceTrend {
    return {
      basis: 'census', rules: [...this.order],
      quarters: this.ends.map((asOf, q) => ({ quarter: quarterOf(asOf), asOf, rules: this.order.map((ruleId) => tally(this.counts.get(ruleId)![q]!, 'census')) })),
    };
  }
}

/** The trend of cases held whole (a test, the headless command). */
export function complianceTrend(cases: readonly CaseInput[], ends: readonly IsoDate[], contextAt: (asOf: IsoDate) => ScreeningContext): ComplianceTrend {
  const builder = new TrendBuilder(ends, contextAt);
  builder.add(encodeColumns(cases));
  return builder.result();
}
