import { describe, expect, it } from 'vitest';
import { addDays, addMinutes, addMonths, addMonthsToDay, dayNumber, daysBetween } from '../../src/domain/calendar';

describe('calendar arithmetic', () => {
  it.each([
    ['2023-10-31', 4, '2024-02-29'],
    ['2022-10-31', 4, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-15', 3, '2024-06-15'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-12-31', 12, '2025-12-31'],
    ['2024-05-31', -3, '2024-02-29'],
    // Outside the remembered years 1900–2189: 2200 is no leap year.
    ['2200-01-31', 1, '2200-02-28'],
    ['1899-12-31', 2, '1900-02-28'],
  ])('%s plus %d months is %s (a day that does not exist becomes the month\u2019s last)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds months to day numbers the same way: 31-10-2023 (day 19,661) + 4 months is 29-02-2024 (day 19,782)', () => {
    expect(dayNumber('2023-10-31')).toBe(19_661);
    expect(addMonthsToDay(19_661, 4)).toBe(19_782);
    expect(dayNumber('2024-02-29')).toBe(19_782);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('%s plus %d days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts the days between two dates across a leap day and the summer-time change', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-01-01', '2023-12-31')).toBe(-1);
  });

  it.each([
    ['2024-03-04T10:15', 24 * 60, '2024-03-05T10:15'],
    ['2024-02-28T23:30', 60, '2024-02-29T00:30'],
    ['2023-12-31T23:59', 1, '2024-01-01T00:00'],
    ['2024-03-31T01:00', 90, '2024-03-31T02:30'],
  ])('%s plus %d minutes is %s (wall-clock time, no time zone)', (value, minutes, expected) => {
    expect(addMinutes(value, minutes)).toBe(expected);
  });
});

describe('day numbers', () => {
  it('turn back into the same date for every day from 1899 to 2101', async () => {
    const { dayNumber, fromDayNumber } = await import('../../src/domain/calendar');
    for (let day = dayNumber('1899-12-30'); day <= dayNumber('2101-01-01'); day++) {
      expect(fromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(fromDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('are read from the digits the same as Date.UTC counts them, every day from 1899 to 2101, and NaN for what is no date', async () => {
    const { dayNumber } = await import('../../src/domain/calendar');
    for (let ms = Date.UTC(1899, 11, 30); ms <= Date.UTC(2101, 0, 1); ms += 86_400_000) {
      expect(dayNumber(new Date(ms).toISOString().slice(0, 10))).toBe(ms / 86_400_000);
    }
    expect(dayNumber('2024-03-01')).toBe(19_783);
    for (const junk of ['', '2024-13-01', '2024-00-10', '2024-1-01', 'abcd-ef-gh', '2024-02-00']) expect(dayNumber(junk)).toBeNaN();
  });
});
