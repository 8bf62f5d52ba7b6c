import type { IsoDate, IsoDateTime } from './types';

/**
 * Calendar arithmetic on ISO dates, with no time zones: a date is a day number (days since
 * 1970-01-01) and UTC is used only as a calendar, never as a clock.
 */

/**
 * Screening 100,000 cases does millions of date sums over a few thousand distinct dates: dates
 * are read digit by digit (no `Date`, no substrings), and day numbers turned back into dates and
 * month sums are remembered, so that fewer strings are made and collected.
 */
const FIRST_CACHED_DAY = -25_567; // 01-01-1900
const LAST_CACHED_DAY = 80_000; // 2189
const NOT_YET = -2_147_483_648;
const isoDates: (IsoDate | undefined)[] = new Array(LAST_CACHED_DAY - FIRST_CACHED_DAY);
const monthSums = new Map<number, Int32Array>();

const digitAt = (text: string, i: number): number => {
  const digit = text.charCodeAt(i) - 48;
  return digit >= 0 && digit <= 9 ? digit : NaN;
};

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's days_from_civil); NaN when it is not one. */
export function dayNumber(date: IsoDate): number {
  const year = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  return civilDay(year, month, day);
}

function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The civil date of a day number (Howard Hinnant's days_from_civil inverse): no Date object, no string parsing. */
export function fromDayNumber(day: number): IsoDate {
  if (!(day >= FIRST_CACHED_DAY && day < LAST_CACHED_DAY)) return civilDate(day);
  return (isoDates[day - FIRST_CACHED_DAY] ??= civilDate(day));
}

function civilDate(day: number): IsoDate {
  const [y, m, d] = civil(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function civil(day: number): [year: number, month: number, day: number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31-10-2023 + 4 = 29-02-2024). */
export const addMonths = (date: IsoDate, months: number): IsoDate => fromDayNumber(addMonthsToDay(dayNumber(date), months));

/** `addMonths` on day numbers. */
export function addMonthsToDay(day: number, months: number): number {
  if (!(day >= FIRST_CACHED_DAY && day < LAST_CACHED_DAY)) return monthSum(day, months);
  let sums = monthSums.get(months);
  if (!sums) monthSums.set(months, (sums = new Int32Array(LAST_CACHED_DAY - FIRST_CACHED_DAY).fill(NOT_YET)));
  const i = day - FIRST_CACHED_DAY;
  if (sums[i] === NOT_YET) sums[i] = monthSum(day, months);
  return sums[i]!;
}

function monthSum(day: number, months: number): number {
  const [y, m, d] = civil(day);
  const total = y * 12 + m - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return civilDay(year, month, Math.min(d, daysInMonth(year, month)));
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
  const minutes = value.length > 10 ? (digitAt(value, 11) * 10 + digitAt(value, 12)) * 60 + digitAt(value, 14) * 10 + digitAt(value, 15) : 0;
  return dayNumber(value) * 1440 + minutes;
}
