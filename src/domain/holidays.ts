import { addDays, dayNumber, fromDayNumber } from './calendar';
import type { IsoDate } from './types';

/**
 * Danish public holidays (helligdage), computed rather than taken from `date-holidays`: that
 * library's full bundle is 1.5 MB, it lists 5/6 and 24/12 only as observances and lacks 31/12
 * (RULES.md, "Date arithmetic (exact)").
 */

/** Days that are not legal holidays but that most municipalities close on; a workspace setting. */
export interface HolidayOptions {
  constitutionDay: boolean; // grundlovsdag, 5 June
  christmasEve: boolean; // juleaftensdag, 24 December
  newYearsEve: boolean; // nytårsaftensdag, 31 December
}

export const DEFAULT_HOLIDAY_OPTIONS: Readonly<HolidayOptions> = Object.freeze({
  constitutionDay: true,
  christmasEve: true,
  newYearsEve: true,
});

export interface Holiday {
  date: IsoDate;
  name: string;
}

/** Store bededag was abolished by lov nr. 38 of 28-02-2023; 2023 is its last year. */
const LAST_GREAT_PRAYER_DAY_YEAR = 2023;

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), integer arithmetic
 * only. Valid for every Gregorian year, which covers any date a case file can hold.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The holidays of one year, sorted by date. Two holidays can fall on the same day (pinsedag on
 * 05-06-2022, 2. pinsedag on 05-06-2017); both are listed, so each name can be shown.
 */
export function danishHolidays(year: number, options: HolidayOptions): Holiday[] {
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): Holiday => ({ date: addDays(easter, days), name });
  const list: Holiday[] = [
    { date: `${y}-01-01`, name: 'nytårsdag' },
    fromEaster(-3, 'skærtorsdag'),
    fromEaster(-2, 'langfredag'),
    fromEaster(0, 'påskedag'),
    fromEaster(1, '2. påskedag'),
    // The fourth Friday after Easter.
    ...(year <= LAST_GREAT_PRAYER_DAY_YEAR ? [fromEaster(26, 'store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'pinsedag'),
    fromEaster(50, '2. pinsedag'),
    ...(options.constitutionDay ? [{ date: `${y}-06-05`, name: 'grundlovsdag' }] : []),
    ...(options.christmasEve ? [{ date: `${y}-12-24`, name: 'juleaftensdag' }] : []),
    { date: `${y}-12-25`, name: 'juledag' },
    { date: `${y}-12-26`, name: '2. juledag' },
    ...(options.newYearsEve ? [{ date: `${y}-12-31`, name: 'nytårsaftensdag' }] : []),
  ];
  // Array.prototype.sort is stable, so same-day holidays keep the order above.
  return list.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
}

/**
 * Day numbers of the holidays of 1900–2199 per option set. A deadline engine asks for millions of
 * days, so the answer is one set lookup; each option set is computed once (a few milliseconds).
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const FIRST_DAY = dayNumber(`${FIRST_YEAR}-01-01`);
const LAST_DAY = dayNumber(`${LAST_YEAR}-12-31`);
const byKey = new Map<string, Set<number>>();
const byOptions = new WeakMap<HolidayOptions, Set<number>>();

function holidayDays(options: HolidayOptions): Set<number> {
  let days = byOptions.get(options);
  if (days) return days;
  const key = `${+options.constitutionDay}${+options.christmasEve}${+options.newYearsEve}`;
  days = byKey.get(key);
  if (!days) {
    days = new Set();
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) for (const h of danishHolidays(year, options)) days.add(dayNumber(h.date));
    byKey.set(key, days);
  }
  byOptions.set(options, days);
  return days;
}

/** Whether the date is a Danish public holiday (weekends are not holidays; see working-days.ts). */
export function isHoliday(date: IsoDate, options: HolidayOptions): boolean {
  return isHolidayDay(dayNumber(date), options);
}

/** The same test on a day number, so the working-day walk need not format dates. */
export function isHolidayDay(day: number, options: HolidayOptions): boolean {
  if (day < FIRST_DAY || day > LAST_DAY) return danishHolidays(Number(fromDayNumber(day).slice(0, 4)), options).some((h) => dayNumber(h.date) === day);
  return holidayDays(options).has(day);
}
