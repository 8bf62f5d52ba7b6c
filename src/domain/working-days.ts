import { dayNumber, fromDayNumber } from './calendar';
import { isHolidayDay, type HolidayOptions } from './holidays';
import type { IsoDate } from './types';

/**
 * Hverdage (working days): Monday to Friday that are not Danish public holidays
 * (RULES.md, "Date arithmetic (exact)").
 */

/** ISO weekday, Monday = 1 … Sunday = 7, from the day number alone (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(date: IsoDate): number {
  return weekdayOfDay(dayNumber(date));
}

const weekdayOfDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

const isWorkingDayNumber = (day: number, options: HolidayOptions): boolean =>
  weekdayOfDay(day) <= 5 && !isHolidayDay(day, options);

export function isWorkingDay(date: IsoDate, options: HolidayOptions): boolean {
  return isWorkingDayNumber(dayNumber(date), options);
}

/**
 * The date `n` working days after `date`. The start day itself is never counted, whether or not
 * it is a working day (a receipt on a Saturday starts the count on Monday): 6 hverdage after
 * Monday 04-03-2024 is Tuesday 12-03-2024. n = 0 returns the start date; a negative n counts
 * backwards the same way.
 */
export const addWorkingDays = (date: IsoDate, n: number, options: HolidayOptions): IsoDate => fromDayNumber(addWorkingDaysToDay(dayNumber(date), n, options));

/** `addWorkingDays` on day numbers. */
export function addWorkingDaysToDay(start: number, n: number, options: HolidayOptions): number {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be a whole number, got ${n}`);
  // A screening asks this for every notification, over a few thousand distinct dates.
  let sums = workingDaySums.get(options);
  if (!sums) workingDaySums.set(options, (sums = new Map()));
  const key = start * 1024 + n;
  let day = sums.get(key);
  if (day === undefined) {
    const step = n < 0 ? -1 : 1;
    day = start;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (isWorkingDayNumber(day, options)) left--;
    }
    if (Math.abs(n) < 512) sums.set(key, day);
  }
  return day;
}

const workingDaySums = new WeakMap<HolidayOptions, Map<number, number>>();
