/** Danish display formats: dd-mm-åååå, decimal comma, "87,5 %", "1.234". Pure: no clock, no locale of the machine. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2024-03-05` (ISO date, or the date part of an ISO datetime) → `05-03-2024`. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`formatDate expects an ISO date, got "${iso}"`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

/** A moment in the user's local time zone as `05-03-2024 14:07`. */
export function formatDateTime(moment: Date): string {
  return `${pad(moment.getDate())}-${pad(moment.getMonth() + 1)}-${moment.getFullYear()} ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('da-DK', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** `1234.5` → `1.234,5` with the given number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  // Intl may use U+2212 for minus; Danish spreadsheets and screen readers expect the plain hyphen.
  return numberFormat(decimals).format(value).replace('\u2212', '-');
}

/** A share `0.875` → `87,5 %` (the space is a no-break space, so the sign never wraps alone). */
export function formatPercent(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}\u00a0%`;
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** `1536` → `1,5 kB`; decimal units, as the operating system's file dialogs in Danish show them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1)}\u00a0${BYTE_UNITS[unit]}`;
}

/** `1` → `1 sag`, `2` → `2 sager`: Danish count with singular and plural noun. */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** `['a', 'b', 'c']` → `a, b og c`. */
export function joinDanish(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

const DANISH_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as a user types it: `5-3-2024`, `05.03.2024`, `05/03/2024` or ISO `2024-03-05` → the
 * ISO date; a Danish message when it is not a date of the calendar.
 */
export function parseDanishDate(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const trimmed = text.trim();
  const danish = DANISH_DATE.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  const [day, month, year] = danish ? [danish[1], danish[2], danish[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (day === undefined) return { ok: false, message: `Skriv datoen som dd-mm-åååå, fx 05-03-2024 (ikke "${trimmed}").` };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const exists = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!exists || y < 1900 || y > 2200) return { ok: false, message: `Datoen ${pad(d)}-${pad(m)}-${year} findes ikke.` };
  return { ok: true, value: `${year}-${pad(m)}-${pad(d)}` };
}

const danishCollator = new Intl.Collator('da', { numeric: true });

/** Danish alphabetical order (æ, ø, å after z; numbers by value), for every list a user reads sorted. */
export const compareDanish = (a: string, b: string): number => danishCollator.compare(a, b);
