/**
 * Source cells → typed values (DATA.md "Types"). Pure: no DOM, no clock. Every parser gives
 * `ok(null)` for a blank cell (unknown, never "no"), and an expected failure is a value with a
 * short Danish message that quotes the cell. 100,000 rows × 20 columns pass through here, so the
 * patterns are compiled once and the common date path allocates no Date.
 */
import { fail, ok, type Result } from '../domain/result';
import type { IsoDate, IsoDateTime } from '../domain/types';
import { MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, type FieldType } from '../domain/fields';
import type { SourceCell } from '../domain/source';
import { maskCprLike } from '../domain/cpr';

const OK_NULL: Result<null> = Object.freeze(ok(null)) as Result<null>;
const OK_TRUE: Result<boolean> = Object.freeze(ok(true)) as Result<boolean>;
const OK_FALSE: Result<boolean> = Object.freeze(ok(false)) as Result<boolean>;

/** The cell with a string trimmed, or `null` when the cell is blank. */
function blankOr(cell: SourceCell): SourceCell {
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  return text === '' ? null : text;
}

/** How a cell is quoted in a message; booleans as Danish Excel shows them. */
const shown = (cell: string | number | boolean) => (typeof cell === 'boolean' ? (cell ? 'SAND' : 'FALSK') : String(cell));

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// ---------------------------------------------------------------------------------------------
// Text

const DANISH_LETTERS = /[æøå]/g;
const DANISH_SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };
const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALNUM = /[^a-z0-9]/g;

/** "Sags nr." → "sagsnr", "Opmærksom dato" → "opmaerksomdato", "Åbenrå" → "aabenraa". */
export function normaliseText(text: string): string {
  // æ, ø and å have no decomposition, so they are spelled out before accents are stripped.
  let result = text.toLocaleLowerCase('da').replace(DANISH_LETTERS, (letter) => DANISH_SPELLED[letter]!);
  if (NON_ASCII.test(result)) result = result.normalize('NFD').replace(COMBINING_MARKS, '');
  return result.replace(NOT_ALNUM, '');
}

/** Trimmed text; numbers as `String()` writes them, booleans as "Ja"/"Nej". */
export function parseText(cell: SourceCell): Result<string | null> {
  const value = blankOr(cell);
  if (value === null) return OK_NULL;
  if (typeof value === 'boolean') return ok(value ? 'Ja' : 'Nej');
  return ok(String(value));
}

// ---------------------------------------------------------------------------------------------
// Dates

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_SERIAL = 2958465; // 9999-12-31, Excel's last date
const FICTITIOUS_SERIAL = 60; // 1900-02-29
const DAY_MS = 86_400_000;
const EXCEL_DAY_ZERO_MS = Date.UTC(1899, 11, 31);

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dateExists = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
const isoDate = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;

/** `dd-mm-åååå`, `dd.mm.åååå`, `dd/mm/åååå`, optionally with `tt:mm[:ss]` or `kl. tt.mm`. */
const DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d+)(?:\s+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/i;
/** `åååå-mm-dd`, optionally `Ttt:mm[:ss[.sss]]` with a `Z` or offset that is ignored. */
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** An Excel serial number written as text, e.g. from a CSV: "45356" or "45356,5". */
const SERIAL_TEXT = /^(\d{1,7})(?:[.,](\d+))?$/;

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01. Serial 60 is 29-02-1900, a day that never
 * existed: Lotus 1-2-3 treated 1900 as a leap year and Excel kept the bug for compatibility, so
 * every serial after it is one day ahead of a plain day count. A fraction is the time of day.
 */
export function excelSerialToIso(serial: number): Result<string> {
  if (!(serial >= 1 && serial < MAX_SERIAL + 1)) {
    return fail(`Excel-datonummeret skal ligge mellem 1 og ${MAX_SERIAL}: "${serial}".`);
  }
  let day = Math.floor(serial);
  if (day === FICTITIOUS_SERIAL) {
    return fail(`Datoen findes ikke: Excel-datonummer "${serial}" er 29-02-1900, en dag Excel har arvet fra Lotus 1-2-3's skudårsfejl.`);
  }
  if (day > FICTITIOUS_SERIAL) day -= 1; // now a plain count of days from 1899-12-31
  const fraction = serial - Math.floor(serial);
  let minutes = Math.round(fraction * 1440);
  if (minutes === 1440) {
    day += 1;
    minutes = 0;
  }
  if (day > MAX_SERIAL - 1) return fail(`Excel-datonummeret skal ligge mellem 1 og ${MAX_SERIAL}: "${serial}".`);
  // A UTC Date serves only as the calendar: no time zone is ever involved.
  const calendar = new Date(EXCEL_DAY_ZERO_MS + day * DAY_MS);
  const date = isoDate(calendar.getUTCFullYear(), calendar.getUTCMonth() + 1, calendar.getUTCDate());
  return fraction === 0 ? ok(date) : ok(`${date}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`);
}

function fromSerial(serial: number, withTime: boolean): Result<string> {
  const result = excelSerialToIso(serial);
  if (!result.ok) return result;
  const year = Number(result.value.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(`Årstallet skal ligge mellem ${MIN_YEAR} og ${MAX_YEAR}: "${serial}" er ${result.value.slice(0, 10)}.`);
  }
  return withTime ? result : ok(result.value.slice(0, 10));
}

function fromParts(
  text: string, withTime: boolean, y: number, m: number, d: number,
  hour: string | undefined, minute: string | undefined, second: string | undefined,
): Result<string> {
  if (!dateExists(y, m, d)) return fail(`Datoen findes ikke: "${text}".`);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail(`Årstallet skal ligge mellem ${MIN_YEAR} og ${MAX_YEAR}: "${text}".`);
  const date = isoDate(y, m, d);
  if (hour === undefined) return ok(date);
  const h = Number(hour);
  const min = Number(minute);
  if (h > 23 || min > 59 || Number(second ?? 0) > 59) return fail(`Klokkeslættet findes ikke: "${text}".`);
  // Seconds are dropped, not rounded: the result keeps the minute the clock showed.
  return ok(withTime ? `${date}T${pad2(h)}:${pad2(min)}` : date);
}

function parseDateText(text: string, withTime: boolean): Result<string> {
  let match = DMY.exec(text);
  if (match) {
    const year = match[4]!;
    if (year.length === 2) return fail(`Årstal skal have fire cifre: "${text}".`);
    if (year.length === 4) {
      return fromParts(text, withTime, Number(year), Number(match[3]), Number(match[1]), match[5], match[6], match[7]);
    }
  }
  match = YMD.exec(text);
  if (match) return fromParts(text, withTime, Number(match[1]), Number(match[2]), Number(match[3]), match[4], match[5], match[6]);
  match = SERIAL_TEXT.exec(text);
  if (match) return fromSerial(Number(match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`), withTime);
  return withTime
    ? fail(`Ukendt dato- og tidsformat "${text}". Brug dd-mm-åååå eller dd-mm-åååå tt:mm.`)
    : fail(`Ukendt datoformat "${text}". Brug dd-mm-åååå.`);
}

function parseDateCell(cell: SourceCell, withTime: boolean): Result<string | null> {
  const value = blankOr(cell);
  if (value === null) return OK_NULL;
  if (typeof value === 'string') return parseDateText(value, withTime);
  if (typeof value === 'number') return fromSerial(value, withTime);
  return fail(`En ja/nej-værdi er ikke en dato: "${shown(value)}".`);
}

/**
 * A calendar date, `YYYY-MM-DD`. A time in the cell (text or the fraction of an Excel serial) is
 * dropped after rounding to the minute, so parseDate and parseDateTime agree on the day.
 */
export function parseDate(cell: SourceCell): Result<IsoDate | null> {
  return parseDateCell(cell, false);
}

/** `YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` when the cell holds only a date. */
export function parseDateTime(cell: SourceCell): Result<IsoDateTime | null> {
  return parseDateCell(cell, true);
}

// ---------------------------------------------------------------------------------------------
// Yes/no and numbers

const TRUE_WORDS = ['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'y'];
const FALSE_WORDS = ['nej', 'n', '0', 'falsk', 'false', 'no'];
const BOOL_WORDS = new Map<string, Result<boolean>>([
  ...TRUE_WORDS.map((word) => [word, OK_TRUE] as const),
  ...FALSE_WORDS.map((word) => [word, OK_FALSE] as const),
]);

/** Ja/Nej, J/N, X, 1/0, Sand/Falsk, True/False, Yes/Y/No, case-insensitive. */
export function parseBool(cell: SourceCell, blankMeansNo = false): Result<boolean | null> {
  const value = blankOr(cell);
  if (value === null) return blankMeansNo ? OK_FALSE : OK_NULL;
  if (value === true || value === 1) return OK_TRUE;
  if (value === false || value === 0) return OK_FALSE;
  if (typeof value === 'string') {
    const known = BOOL_WORDS.get(value.toLowerCase());
    if (known) return known;
  }
  return fail(`Ukendt ja/nej-værdi "${shown(value)}". Brug en af: ${TRUE_WORDS.join(', ')} eller ${FALSE_WORDS.join(', ')}.`);
}

const INTEGER = /^[+-]?\d+$/;
const WITH_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
const DOT_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/;
const DOT_DECIMAL = /^[+-]?\d+\.\d+$/;
const DOTS = /\./g;

/**
 * Danish numbers. With a comma, the comma is the decimal mark and dots group thousands
 * ("1.234,5"). Without one, dots grouping whole threes after a leading 1–3 digits that is not 0
 * are thousands ("1.234", "1.234.567"); any other single dot is a decimal point ("2.5", "0.125").
 */
export function parseNumber(cell: SourceCell): Result<number | null> {
  const value = blankOr(cell);
  if (value === null) return OK_NULL;
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail(`Ikke et tal: "${value}".`);
  if (typeof value === 'string') {
    if (INTEGER.test(value)) return ok(Number(value));
    if (DOT_THOUSANDS.test(value)) return ok(Number(value.replace(DOTS, '')));
    if (DOT_DECIMAL.test(value)) return ok(Number(value));
    if (WITH_COMMA.test(value)) return ok(Number(value.replace(DOTS, '').replace(',', '.')));
  }
  return fail(`Ikke et tal: "${shown(value)}". Skriv fx 1.234,5.`);
}

/** A follow-up cadence: a whole number of months, 1 to 120 (a deadline cannot be half a month away). */
export function parseMonths(cell: SourceCell): Result<number | null> {
  const number = parseNumber(cell);
  if (!number.ok || number.value === null) return number;
  const months = number.value;
  return Number.isInteger(months) && months >= 1 && months <= 120 ? number : fail(`Ikke et helt antal måneder fra 1 til 120: "${shown(cell!)}".`);
}

// ---------------------------------------------------------------------------------------------
// Enumerations

interface EnumLookup {
  byNormalised: Map<string, string>;
  /** Spellings already met in this run; an enum column has few of them. */
  byText: Map<string, string>;
  hint: string;
}
const enumLookups = new WeakMap<object, EnumLookup>();

function enumLookup(synonyms: Readonly<Record<string, readonly string[]>>): EnumLookup {
  let lookup = enumLookups.get(synonyms);
  if (lookup) return lookup;
  const byNormalised = new Map<string, string>();
  for (const [value, spellings] of Object.entries(synonyms)) {
    for (const spelling of [value, ...spellings]) {
      const key = normaliseText(spelling);
      const taken = byNormalised.get(key);
      // Ambiguous synonym data is a bug in the tables, not in the user's file.
      if (key === '' || (taken !== undefined && taken !== value)) throw new Error(`Synonym "${spelling}" of ${value} is empty or also means ${taken}`);
      byNormalised.set(key, value);
    }
  }
  const hint = Object.entries(synonyms).map(([value, spellings]) => spellings[0] ?? value).join(', ');
  lookup = { byNormalised, byText: new Map(), hint };
  enumLookups.set(synonyms, lookup);
  return lookup;
}

/** Matches a cell against each value's key and synonyms, like headers are matched. */
export function parseEnum<T extends string>(cell: SourceCell, synonyms: Readonly<Record<T, readonly string[]>>): Result<T | null> {
  const value = blankOr(cell);
  if (value === null) return OK_NULL;
  const lookup = enumLookup(synonyms);
  const text = shown(value);
  let found = typeof value === 'boolean' ? undefined : lookup.byText.get(text);
  if (found === undefined && typeof value !== 'boolean') {
    found = lookup.byNormalised.get(normaliseText(text));
    if (found !== undefined) lookup.byText.set(text, found);
  }
  return found === undefined ? fail(`Ukendt værdi "${text}". Brug en af: ${lookup.hint}.`) : ok(found as T);
}

// ---------------------------------------------------------------------------------------------
// CPR numbers

const CPR = /^(\d{2})(\d{2})(\d{2})(?:\s*-\s*)?(\d{4}|[xX]{4})$/;

/**
 * The century of a CPR birth date from the 7th digit (CPR-kontoret's table). The 1800s cannot be
 * a child's case. An already masked number has no 7th digit: then yy ≤ 36 is read as 20yy and
 * otherwise 19yy, the same split the table uses for digits 4 and 9, since no clock may be read.
 */
function cprCentury(yy: number, seventh: string): number {
  if (seventh === 'x' || seventh === 'X' || seventh === '4' || seventh === '9') return yy <= 36 ? 2000 : 1900;
  if (seventh <= '3') return 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** `ddmmåå-xxxx` or `ddmmåå-1234`, or a number whose leading zero Excel dropped. */
export function parseCpr(cell: SourceCell, keepFull: boolean): Result<{ cpr: string; birthDate: IsoDate } | null> {
  const value = blankOr(cell);
  if (value === null) return OK_NULL;
  let text = shown(value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1e8 && value < 1e10) text = text.padStart(10, '0');
  const match = typeof value === 'boolean' ? null : CPR.exec(text);
  if (!match) return fail(`CPR-nummer skal have formen ddmmåå-xxxx: "${keepFull ? text : maskCprLike(text, { cprColumn: true })}".`);
  const [day, month, yy, last4] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]!];
  const seventh = last4[0]!;
  const masked = seventh === 'x' || seventh === 'X';
  const cpr = `${match[1]}${match[2]}${match[3]}-${keepFull && !masked ? last4 : 'xxxx'}`;
  const century = cprCentury(yy, seventh);
  const year = century + yy;
  if (century === 1800) return fail(`CPR-nummeret angiver fødselsåret ${year}, som ikke kan være et barns: "${cpr}".`);
  if (!dateExists(year, month, day)) return fail(`Datoen i CPR-nummeret findes ikke: "${cpr}".`);
  return ok({ cpr, birthDate: isoDate(year, month, day) });
}

// ---------------------------------------------------------------------------------------------

export interface ParseOptions {
  /** The mapping says that an empty yes/no cell means no. */
  blankMeansNo?: boolean;
  /** The workspace keeps full CPR numbers instead of masking them. */
  keepFullCpr?: boolean;
}

export function parseCell(type: FieldType, cell: SourceCell, options: ParseOptions = {}): Result<unknown> {
  switch (type) {
    case 'string': return parseText(cell);
    case 'date': return parseDate(cell);
    case 'datetime': return parseDateTime(cell);
    case 'bool': return parseBool(cell, options.blankMeansNo ?? false);
    case 'months': return parseMonths(cell);
    case 'cpr': return parseCpr(cell, options.keepFullCpr ?? false);
    case 'measureKind': return parseEnum(cell, MEASURE_KIND_SYNONYMS);
    case 'outcome': return parseEnum(cell, OUTCOME_SYNONYMS);
    default: {
      const unknownType: never = type;
      throw new Error(`No parser for field type ${String(unknownType)}`);
    }
  }
}
