import type { Interval } from '../../domain/statistics';

/** One bar of a rate chart: the rate with its interval, and where its cases are. */
export interface RateBar {
  key: string;
  label: string;
  rate: number | null;
  ci: Interval | null;
  /** The rate's denominator (compliant + non-compliant) and its compliant part. */
  n: number;
  compliant: number;
  /** The address of the cases behind the bar. */
  href: string;
}

/** One line of a trend chart: a rate per quarter (null: nothing decided that quarter). */
export interface TrendLine {
  key: string;
  label: string;
  rates: (number | null)[];
  n: number[];
}

/** One cell of the heat map. */
export interface HeatCell {
  rate: number | null;
  n: number;
  href: string;
}
