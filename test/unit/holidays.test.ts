import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLIDAY_OPTIONS,
  danishHolidays,
  easterSunday,
  isHoliday,
  type HolidayOptions,
} from '../../src/domain/holidays';
import { addWorkingDays, isWorkingDay, isoWeekday } from '../../src/domain/working-days';

const ALL_OFF: HolidayOptions = { constitutionDay: false, christmasEve: false, newYearsEve: false };

/**
 * Every holiday 2016–2030 with the default options (5/6, 24/12 and 31/12 on), written out by
 * hand from the Easter Sundays below; nothing here is computed. Store bededag (Easter + 26)
 * appears up to and including 2023 only. Two holidays share 05-06 in 2017, 2022 and 2028.
 */
const EASTER: Record<number, string> = {
  2016: '2016-03-27', 2017: '2017-04-16', 2018: '2018-04-01', 2019: '2019-04-21', 2020: '2020-04-12',
  2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09', 2024: '2024-03-31', 2025: '2025-04-20',
  2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21',
};

const HOLIDAYS: Record<number, string[]> = {
  2016: [
    '2016-01-01 nytårsdag', '2016-03-24 skærtorsdag', '2016-03-25 langfredag', '2016-03-27 påskedag',
    '2016-03-28 2. påskedag', '2016-04-22 store bededag', '2016-05-05 Kristi himmelfartsdag', '2016-05-15 pinsedag',
    '2016-05-16 2. pinsedag', '2016-06-05 grundlovsdag', '2016-12-24 juleaftensdag', '2016-12-25 juledag',
    '2016-12-26 2. juledag', '2016-12-31 nytårsaftensdag',
  ],
  2017: [
    '2017-01-01 nytårsdag', '2017-04-13 skærtorsdag', '2017-04-14 langfredag', '2017-04-16 påskedag',
    '2017-04-17 2. påskedag', '2017-05-12 store bededag', '2017-05-25 Kristi himmelfartsdag', '2017-06-04 pinsedag',
    '2017-06-05 2. pinsedag', '2017-06-05 grundlovsdag', '2017-12-24 juleaftensdag', '2017-12-25 juledag',
    '2017-12-26 2. juledag', '2017-12-31 nytårsaftensdag',
  ],
  2018: [
    '2018-01-01 nytårsdag', '2018-03-29 skærtorsdag', '2018-03-30 langfredag', '2018-04-01 påskedag',
    '2018-04-02 2. påskedag', '2018-04-27 store bededag', '2018-05-10 Kristi himmelfartsdag', '2018-05-20 pinsedag',
    '2018-05-21 2. pinsedag', '2018-06-05 grundlovsdag', '2018-12-24 juleaftensdag', '2018-12-25 juledag',
    '2018-12-26 2. juledag', '2018-12-31 nytårsaftensdag',
  ],
  2019: [
    '2019-01-01 nytårsdag', '2019-04-18 skærtorsdag', '2019-04-19 langfredag', '2019-04-21 påskedag',
    '2019-04-22 2. påskedag', '2019-05-17 store bededag', '2019-05-30 Kristi himmelfartsdag',
    '2019-06-05 grundlovsdag', '2019-06-09 pinsedag', '2019-06-10 2. pinsedag', '2019-12-24 juleaftensdag',
    '2019-12-25 juledag', '2019-12-26 2. juledag', '2019-12-31 nytårsaftensdag',
  ],
  2020: [
    '2020-01-01 nytårsdag', '2020-04-09 skærtorsdag', '2020-04-10 langfredag', '2020-04-12 påskedag',
    '2020-04-13 2. påskedag', '2020-05-08 store bededag', '2020-05-21 Kristi himmelfartsdag', '2020-05-31 pinsedag',
    '2020-06-01 2. pinsedag', '2020-06-05 grundlovsdag', '2020-12-24 juleaftensdag', '2020-12-25 juledag',
    '2020-12-26 2. juledag', '2020-12-31 nytårsaftensdag',
  ],
  2021: [
    '2021-01-01 nytårsdag', '2021-04-01 skærtorsdag', '2021-04-02 langfredag', '2021-04-04 påskedag',
    '2021-04-05 2. påskedag', '2021-04-30 store bededag', '2021-05-13 Kristi himmelfartsdag', '2021-05-23 pinsedag',
    '2021-05-24 2. pinsedag', '2021-06-05 grundlovsdag', '2021-12-24 juleaftensdag', '2021-12-25 juledag',
    '2021-12-26 2. juledag', '2021-12-31 nytårsaftensdag',
  ],
  2022: [
    '2022-01-01 nytårsdag', '2022-04-14 skærtorsdag', '2022-04-15 langfredag', '2022-04-17 påskedag',
    '2022-04-18 2. påskedag', '2022-05-13 store bededag', '2022-05-26 Kristi himmelfartsdag', '2022-06-05 pinsedag',
    '2022-06-05 grundlovsdag', '2022-06-06 2. pinsedag', '2022-12-24 juleaftensdag', '2022-12-25 juledag',
    '2022-12-26 2. juledag', '2022-12-31 nytårsaftensdag',
  ],
  2023: [
    '2023-01-01 nytårsdag', '2023-04-06 skærtorsdag', '2023-04-07 langfredag', '2023-04-09 påskedag',
    '2023-04-10 2. påskedag', '2023-05-05 store bededag', '2023-05-18 Kristi himmelfartsdag', '2023-05-28 pinsedag',
    '2023-05-29 2. pinsedag', '2023-06-05 grundlovsdag', '2023-12-24 juleaftensdag', '2023-12-25 juledag',
    '2023-12-26 2. juledag', '2023-12-31 nytårsaftensdag',
  ],
  2024: [
    '2024-01-01 nytårsdag', '2024-03-28 skærtorsdag', '2024-03-29 langfredag', '2024-03-31 påskedag',
    '2024-04-01 2. påskedag', '2024-05-09 Kristi himmelfartsdag', '2024-05-19 pinsedag', '2024-05-20 2. pinsedag',
    '2024-06-05 grundlovsdag', '2024-12-24 juleaftensdag', '2024-12-25 juledag', '2024-12-26 2. juledag',
    '2024-12-31 nytårsaftensdag',
  ],
  2025: [
    '2025-01-01 nytårsdag', '2025-04-17 skærtorsdag', '2025-04-18 langfredag', '2025-04-20 påskedag',
    '2025-04-21 2. påskedag', '2025-05-29 Kristi himmelfartsdag', '2025-06-05 grundlovsdag', '2025-06-08 pinsedag',
    '2025-06-09 2. pinsedag', '2025-12-24 juleaftensdag', '2025-12-25 juledag', '2025-12-26 2. juledag',
    '2025-12-31 nytårsaftensdag',
  ],
  2026: [
    '2026-01-01 nytårsdag', '2026-04-02 skærtorsdag', '2026-04-03 langfredag', '2026-04-05 påskedag',
    '2026-04-06 2. påskedag', '2026-05-14 Kristi himmelfartsdag', '2026-05-24 pinsedag', '2026-05-25 2. pinsedag',
    '2026-06-05 grundlovsdag', '2026-12-24 juleaftensdag', '2026-12-25 juledag', '2026-12-26 2. juledag',
    '2026-12-31 nytårsaftensdag',
  ],
  2027: [
    '2027-01-01 nytårsdag', '2027-03-25 skærtorsdag', '2027-03-26 langfredag', '2027-03-28 påskedag',
    '2027-03-29 2. påskedag', '2027-05-06 Kristi himmelfartsdag', '2027-05-16 pinsedag', '2027-05-17 2. pinsedag',
    '2027-06-05 grundlovsdag', '2027-12-24 juleaftensdag', '2027-12-25 juledag', '2027-12-26 2. juledag',
    '2027-12-31 nytårsaftensdag',
  ],
  2028: [
    '2028-01-01 nytårsdag', '2028-04-13 skærtorsdag', '2028-04-14 langfredag', '2028-04-16 påskedag',
    '2028-04-17 2. påskedag', '2028-05-25 Kristi himmelfartsdag', '2028-06-04 pinsedag', '2028-06-05 2. pinsedag',
    '2028-06-05 grundlovsdag', '2028-12-24 juleaftensdag', '2028-12-25 juledag', '2028-12-26 2. juledag',
    '2028-12-31 nytårsaftensdag',
  ],
  2029: [
    '2029-01-01 nytårsdag', '2029-03-29 skærtorsdag', '2029-03-30 langfredag', '2029-04-01 påskedag',
    '2029-04-02 2. påskedag', '2029-05-10 Kristi himmelfartsdag', '2029-05-20 pinsedag', '2029-05-21 2. pinsedag',
    '2029-06-05 grundlovsdag', '2029-12-24 juleaftensdag', '2029-12-25 juledag', '2029-12-26 2. juledag',
    '2029-12-31 nytårsaftensdag',
  ],
  2030: [
    '2030-01-01 nytårsdag', '2030-04-18 skærtorsdag', '2030-04-19 langfredag', '2030-04-21 påskedag',
    '2030-04-22 2. påskedag', '2030-05-30 Kristi himmelfartsdag', '2030-06-05 grundlovsdag', '2030-06-09 pinsedag',
    '2030-06-10 2. pinsedag', '2030-12-24 juleaftensdag', '2030-12-25 juledag', '2030-12-26 2. juledag',
    '2030-12-31 nytårsaftensdag',
  ],
};

describe('Danish public holidays', () => {
  it.each(Object.keys(EASTER).map(Number))('Easter Sunday %i is on the date in the official table', (year) => {
    expect(easterSunday(year)).toBe(EASTER[year]);
  });

  it.each(Object.keys(HOLIDAYS).map(Number))('lists every holiday of %i with its Danish name', (year) => {
    expect(danishHolidays(year, DEFAULT_HOLIDAY_OPTIONS).map((h) => `${h.date} ${h.name}`)).toEqual(HOLIDAYS[year]);
  });

  it('treats 05-05-2023 as store bededag, and 26-04-2024 as an ordinary working day since its abolition', () => {
    expect(isHoliday('2023-05-05', DEFAULT_HOLIDAY_OPTIONS)).toBe(true);
    expect(isWorkingDay('2023-05-05', DEFAULT_HOLIDAY_OPTIONS)).toBe(false);
    expect(isHoliday('2024-04-26', DEFAULT_HOLIDAY_OPTIONS)).toBe(false);
    expect(isWorkingDay('2024-04-26', DEFAULT_HOLIDAY_OPTIONS)).toBe(true);
  });

  it.each([
    ['constitutionDay', '2024-06-05', 'grundlovsdag'],
    ['christmasEve', '2024-12-24', 'juleaftensdag'],
    ['newYearsEve', '2024-12-31', 'nytårsaftensdag'],
  ] as const)('switches %s (%s) on and off by the workspace setting', (option, date, name) => {
    const off = { ...DEFAULT_HOLIDAY_OPTIONS, [option]: false };
    const onlyThis = { ...ALL_OFF, [option]: true };
    expect(isHoliday(date, DEFAULT_HOLIDAY_OPTIONS)).toBe(true);
    expect(isHoliday(date, onlyThis)).toBe(true);
    expect(isHoliday(date, off)).toBe(false);
    expect(isWorkingDay(date, off)).toBe(true);
    expect(danishHolidays(2024, off).map((h) => h.name)).not.toContain(name);
    expect(danishHolidays(2024, onlyThis).map((h) => h.name)).toContain(name);
  });

  it('keeps only the legal holidays when every option is off (10 in 2024, 11 in 2023 with store bededag)', () => {
    expect(danishHolidays(2024, ALL_OFF)).toHaveLength(10);
    expect(danishHolidays(2023, ALL_OFF)).toHaveLength(11);
  });

  it('keeps 05-06-2017 a holiday with grundlovsdag off, because it was 2. pinsedag', () => {
    expect(isHoliday('2017-06-05', ALL_OFF)).toBe(true);
    expect(isHoliday('2018-06-05', ALL_OFF)).toBe(false);
  });

  it('does not count weekends as holidays (they are simply not working days)', () => {
    expect(isHoliday('2024-03-09', DEFAULT_HOLIDAY_OPTIONS)).toBe(false);
    expect(isWorkingDay('2024-03-09', DEFAULT_HOLIDAY_OPTIONS)).toBe(false);
  });
});

describe('working days (hverdage)', () => {
  it.each([
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2024-03-04', 1],
    ['2024-03-10', 7],
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ['Monday 04-03-2024', '2024-03-04', 6, '2024-03-12', DEFAULT_HOLIDAY_OPTIONS],
    // 28/3 skærtorsdag, 29/3 langfredag, 30–31/3 weekend, 1/4 2. påskedag; then 2, 3, 4, 5, 8, 9 April.
    ['Wednesday 27-03-2024 across Easter week', '2024-03-27', 6, '2024-04-09', DEFAULT_HOLIDAY_OPTIONS],
    // 24/12, 25/12, 26/12 holidays; 27/12 (1), 30/12 (2), 31/12 holiday, 1/1 holiday, 2/1 (3).
    ['Monday 23-12-2024 with 24/12 and 31/12 as holidays', '2024-12-23', 3, '2025-01-02', DEFAULT_HOLIDAY_OPTIONS],
    // 24/12 (1), 27/12 (2), 30/12 (3).
    ['Monday 23-12-2024 with 24/12 and 31/12 as working days', '2024-12-23', 3, '2024-12-30', ALL_OFF],
    ['Monday 23-12-2024 with only 24/12 a working day', '2024-12-23', 3, '2024-12-30', { ...DEFAULT_HOLIDAY_OPTIONS, christmasEve: false }],
    // 27/12 (1), 30/12 (2), 31/12 (3).
    ['Monday 23-12-2024 with only 31/12 a working day', '2024-12-23', 3, '2024-12-31', { ...DEFAULT_HOLIDAY_OPTIONS, newYearsEve: false }],
    ['Thursday 04-05-2023, over store bededag 05-05-2023', '2023-05-04', 1, '2023-05-08', DEFAULT_HOLIDAY_OPTIONS],
    ['Thursday 25-04-2024, the Friday after no longer a holiday', '2024-04-25', 1, '2024-04-26', DEFAULT_HOLIDAY_OPTIONS],
    // The Saturday is not counted; Monday 11/3 is the first hverdag.
    ['Saturday 09-03-2024', '2024-03-09', 1, '2024-03-11', DEFAULT_HOLIDAY_OPTIONS],
    ['Saturday 09-03-2024', '2024-03-09', 6, '2024-03-18', DEFAULT_HOLIDAY_OPTIONS],
    ['langfredag 29-03-2024', '2024-03-29', 1, '2024-04-02', DEFAULT_HOLIDAY_OPTIONS],
    ['Tuesday 04-06-2024 over grundlovsdag', '2024-06-04', 1, '2024-06-06', DEFAULT_HOLIDAY_OPTIONS],
    ['Tuesday 04-06-2024 with grundlovsdag a working day', '2024-06-04', 1, '2024-06-05', ALL_OFF],
  ])('counts from %s: %i hverdage later is %s', (_label, from, n, expected, options) => {
    expect(addWorkingDays(from, n, options)).toBe(expected);
  });

  it('returns the start date for 0 hverdage and counts backwards for a negative number', () => {
    expect(addWorkingDays('2024-03-09', 0, DEFAULT_HOLIDAY_OPTIONS)).toBe('2024-03-09');
    expect(addWorkingDays('2024-03-12', -6, DEFAULT_HOLIDAY_OPTIONS)).toBe('2024-03-04');
    expect(addWorkingDays('2024-04-09', -6, DEFAULT_HOLIDAY_OPTIONS)).toBe('2024-03-27');
  });

  it('rejects a fractional number of hverdage as a programming error', () => {
    expect(() => addWorkingDays('2024-03-04', 1.5, DEFAULT_HOLIDAY_OPTIONS)).toThrow(RangeError);
  });
});
