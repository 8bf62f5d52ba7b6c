import { describe, expect, it } from 'vitest';
import { compareDanish, formatBytes, formatCount, formatDate, formatDateTime, formatNumber, formatPercent, parseDanishDate } from '../../src/domain/format';

const NBSP = '\u00a0';

describe('Danish display formats', () => {
  it.each([
    ['2024-03-05', '05-03-2024'],
    ['2023-12-31', '31-12-2023'],
    ['2024-02-29T13:45:00.000Z', '29-02-2024'],
  ])('shows the ISO date %s as %s (dd-mm-åååå)', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it('refuses a string that is not an ISO date instead of showing nonsense', () => {
    expect(() => formatDate('05-03-2024')).toThrow(/ISO date/);
  });

  it('shows a local moment as dd-mm-åååå tt:mm', () => {
    expect(formatDateTime(new Date(2024, 2, 5, 9, 7))).toBe('05-03-2024 09:07');
  });

  it.each([
    [0, 0, '0'],
    [1234, 0, '1.234'],
    [1234567, 0, '1.234.567'],
    [1234.5, 1, '1.234,5'],
    [-12.25, 2, '-12,25'],
  ])('writes %d with %d decimals as %s (thousands dot, decimal comma)', (value, decimals, shown) => {
    expect(formatNumber(value, decimals)).toBe(shown);
  });

  it.each([
    [0.875, `87,5${NBSP}%`],
    [1, `100,0${NBSP}%`],
    [0, `0,0${NBSP}%`],
    [7 / 8 / 10, `8,8${NBSP}%`],
  ])('writes the share %d as %s', (share, shown) => {
    expect(formatPercent(share)).toBe(shown);
  });

  it.each([
    [0, `0${NBSP}B`],
    [999, `999${NBSP}B`],
    [1500, `1,5${NBSP}kB`],
    [147_500, `147,5${NBSP}kB`],
    [10_700_000_000, `10,7${NBSP}GB`],
  ])('writes %d bytes as %s', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown);
  });

  it('uses the singular noun for one and the plural otherwise', () => {
    expect(formatCount(1, 'sag', 'sager')).toBe('1 sag');
    expect(formatCount(0, 'sag', 'sager')).toBe('0 sager');
    expect(formatCount(4012, 'sag', 'sager')).toBe('4.012 sager');
  });
});

describe('a date as a user types it', () => {
  it.each([
    ['05-03-2024', '2024-03-05'],
    ['5-3-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    [' 29-02-2024 ', '2024-02-29'],
    ['2024-03-05', '2024-03-05'],
    ['31-12-2199', '2199-12-31'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDanishDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['29-02-2023', 'Datoen 29-02-2023 findes ikke.'],
    ['31-04-2024', 'Datoen 31-04-2024 findes ikke.'],
    ['00-01-2024', 'Datoen 00-01-2024 findes ikke.'],
    ['01-13-2024', 'Datoen 01-13-2024 findes ikke.'],
    ['01-01-1850', 'Datoen 01-01-1850 findes ikke.'],
    ['05-03-24', 'Skriv datoen som dd-mm-åååå, fx 05-03-2024 (ikke "05-03-24").'],
    ['i går', 'Skriv datoen som dd-mm-åååå, fx 05-03-2024 (ikke "i går").'],
  ])('refuses %s in Danish', (text, message) => {
    expect(parseDanishDate(text)).toEqual({ ok: false, message });
  });
});

describe('Danish alphabetical order', () => {
  it('puts æ, ø and å after z, and numbers by value', () => {
    expect(['Åse', 'Ærø', 'Zenia', 'Øjvind', 'Anders', 'Team 10', 'Team 9'].sort(compareDanish)).toEqual(['Anders', 'Team 9', 'Team 10', 'Zenia', 'Ærø', 'Øjvind', 'Åse']);
  });
});
