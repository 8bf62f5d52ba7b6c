import type { IsoDate, IsoDateTime } from './types';

/**
 * Calendar arithmetic on ISO dates, with no time zones: a date is a day number (days since
 * 1970-01-01) and UTC is used only as a calendar, never as a clock.
 */
const DAY_MS = 86_400_000;

/**
 * Screening 100,000 cases does millions of date sums over a few thousand distinct dates, so
 * conversions are remembered: fewer strings made means less garbage to collect.
 */
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, IsoDate>();
const monthSums = new Map<number, Map<IsoDate, IsoDate>>();
const remember = <K, V>(cache: Map<K, V>, key: K, value: V): V => {
  if (cache.size > 200_000) cache.clear();
  cache.set(key, value);
  return value;
};

export function dayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  return remember(dayNumbers, date, Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The civil date of a day number (Howard Hinnant's days_from_civil inverse): no Date object, no string parsing. */
export function fromDayNumber(day: number): IsoDate {
  return isoDates.get(day) ?? remember(isoDates, day, civilDate(day));
}

function civilDate(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31-10-2023 + 4 = 29-02-2024). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  let sums = monthSums.get(months);
  if (!sums) monthSums.set(months, (sums = new Map()));
  return sums.get(date) ?? remember(sums, date, monthSum(date, months));
}

function monthSum(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date part of a date or datetime. */
export const datePart = (value: IsoDateTime): IsoDate => value.slice(0, 10);

/** Adds minutes to a `YYYY-MM-DDTHH:mm` value, crossing midnight and month ends as the calendar does. */
export function addMinutes(value: IsoDateTime, minutes: number): IsoDateTime {
  const [date, time = '00:00'] = value.split('T') as [string, string?];
  const total = dayNumber(date) * 1440 + Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
  const day = Math.floor(total / 1440);
  const rest = total - day * 1440;
  return `${fromDayNumber(day)}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
}

/** Minutes since 1970-01-01 00:00 of a `YYYY-MM-DDTHH:mm` wall-clock time (a date alone is its midnight). */
export function minuteNumber(value: IsoDateTime): number {
  const minutes = value.length > 10 ? Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16)) : 0;
  return dayNumber(value.slice(0, 10)) * 1440 + minutes;
}
