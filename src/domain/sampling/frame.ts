import { addDays, addMonths } from '../calendar';
import { formatDate, joinDanish } from '../format';
import type { CaseBundle, IsoDate } from '../types';
import type { RiskBand, SampleCase } from './draw';

/**
 * The sampling frame: every case with what a sample's filter, strata and exclusions need of it,
 * and its risk band from the latest screening. A frame of 100,000 cases is small enough for the
 * page to hold, so the Samples page can show N and n per stratum while the user types.
 */
export interface FrameCase extends SampleCase {
  openedAt: IsoDate | null;
  closedAt: IsoDate | null;
  /** Periods of the case's safety plans: start, and end or null while it runs. */
  safetyPlans?: [IsoDate, IsoDate | null][];
}

/** What the risk band of a case rests on (SAMPLING.md "risk-stratified"). */
export interface RiskFacts {
  /** Any rule breached in the screening. */
  breached: boolean;
  /** Any rule the screening could not decide for missing data. */
  unknown: boolean;
}

const runningOn = (start: IsoDate, end: IsoDate | null, day: IsoDate) => start <= day && (end == null || end >= day);

/**
 * High: a rule breached, a safety plan running, or a placement running without consent (the
 * cases where an error costs a child most). Medium: a placement running, or a rule the screening
 * could not decide. Low: the rest.
 */
export function riskBand(bundle: CaseBundle, facts: RiskFacts, asOf: IsoDate): RiskBand {
  const running = bundle.events.measures.filter((m) => runningOn(m.startDate, m.endDate, asOf));
  if (facts.breached || running.some((m) => m.kind === 'safetyPlan' || (m.kind === 'placement' && m.consent === false))) return 'høj';
  if (facts.unknown || running.some((m) => m.kind === 'placement')) return 'mellem';
  return 'lav';
}

export function frameCase(bundle: CaseBundle, risk?: RiskBand): FrameCase {
  const plans = bundle.events.measures.filter((m) => m.kind === 'safetyPlan').map((m): [IsoDate, IsoDate | null] => [m.startDate, m.endDate]);
  return {
    caseNumber: bundle.caseNumber, unit: bundle.unit, group: bundle.group, caseworker: bundle.caseworker,
    openedAt: bundle.openedAt, closedAt: bundle.closedAt, ...(risk && { risk }), ...(plans.length > 0 && { safetyPlans: plans }),
  };
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Which cases a sample is drawn from, as data: stored with the sample so it can be drawn again. */
export interface PopulationFilter {
  /** Cases open at some time in the period. */
  period?: Period;
  /** Only these units; none or empty means all. */
  units?: string[];
  groups?: string[];
  /** Only cases with a safety plan running on this date. */
  safetyPlanOn?: IsoDate;
}

/** A case is active in a period when it was opened by its end and not closed before its start; an unknown opening date counts as open. */
const activeIn = (c: FrameCase, period: Period) => (c.openedAt == null || c.openedAt <= period.to) && (c.closedAt == null || c.closedAt >= period.from);

export function filterPopulation<T extends FrameCase>(frame: readonly T[], filter: PopulationFilter): T[] {
  const units = filter.units?.length ? new Set(filter.units) : undefined;
  const groups = filter.groups?.length ? new Set(filter.groups) : undefined;
  return frame.filter((c) =>
    (!filter.period || activeIn(c, filter.period))
    && (!units || units.has(c.unit))
    && (!groups || (c.group != null && groups.has(c.group)))
    && (!filter.safetyPlanOn || (c.safetyPlans ?? []).some(([start, end]) => runningOn(start, end, filter.safetyPlanOn!))));
}

/** The filter in words, for the protocol: "Sager aktive 01-10-2025–31-12-2025 i Børnefamilieenhed Nord". */
export function describeFilter(filter: PopulationFilter): string {
  const parts = [filter.safetyPlanOn ? `Sager med en sikkerhedsplan, der løber ${formatDate(filter.safetyPlanOn)}` : 'Sager'];
  if (filter.period) parts.push(`aktive ${formatDate(filter.period.from)}–${formatDate(filter.period.to)}`);
  if (filter.units?.length) parts.push(`i ${joinDanish(filter.units)}`);
  if (filter.groups?.length) parts.push(`fra ${joinDanish(filter.groups)}`);
  return parts.length === 1 && !filter.safetyPlanOn ? 'Alle sager' : parts.join(' ');
}

/** Calendar months the period touches, counted from its first day: a quarter is 3, a year 12. */
export function monthsIn(period: Period): number {
  let months = 0;
  while (addMonths(period.from, months) <= period.to) months++;
  return months;
}

export interface Quarter extends Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  label: string;
  /** The first day of each of its months. */
  months: IsoDate[];
}

export function quarter(year: number, q: 1 | 2 | 3 | 4): Quarter {
  const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  return { year, quarter: q, from, to: addDays(addMonths(from, 3), -1), label: `${q}. kvartal ${year}`, months: [0, 1, 2].map((m) => addMonths(from, m)) };
}

export const quarterOf = (date: IsoDate): Quarter => quarter(Number(date.slice(0, 4)), (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4);

/**
 * The quarter a review is most likely about: the last whole quarter before `today`, or, when the
 * data ends earlier (an old extract, the demo kommune), the quarter of the newest case opened.
 */
export function defaultQuarter(frame: readonly FrameCase[], today: IsoDate): Quarter {
  const lastWhole = quarterOf(addDays(quarterOf(today).from, -1));
  let newest: IsoDate | undefined;
  for (const c of frame) if (c.openedAt != null && (newest === undefined || c.openedAt > newest)) newest = c.openedAt;
  return newest !== undefined && newest < lastWhole.from ? quarterOf(newest) : lastWhole;
}
