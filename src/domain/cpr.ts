import type { SourceCell, SourceSheet } from './source';

/**
 * How a CPR number, or anything that may be one, is shown and kept when the workspace does not
 * keep full numbers: the birth date's six digits and `-xxxx` (the masked form the importer stores),
 * or, when even the first six digits cannot be a date, this placeholder.
 */
export const CPR_LIKE_PLACEHOLDER = '[CPR-lignende værdi]';

/**
 * Ten digits shaped like a CPR number (six, an optional dash or space, four) that are not part of
 * a longer number: "050324-1234", "0503241234", "050324 1234" or inside a longer text.
 */
const CPR_LIKE = /(?<!\d)(\d{6})(?:\s*-\s*|\s)?(\d{4})(?!\d)/g;
const WHOLE_CPR = /^(\d{6})(?:\s*-\s*|\s)?(\d{4})$/;

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/**
 * Whether six digits can be a CPR number's ddmmåå: a day of 1–31 (or 61–91, the
 * erstatningspersonnumre the CPR-kontor gives by adding 60 to the day) and a month of 1–12.
 */
function dateLike(six: string): boolean {
  const day = Number(six.slice(0, 2));
  const month = Number(six.slice(2, 4));
  return ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) && month >= 1 && month <= 12;
}

const masked = (six: string) => (dateLike(six) ? `${six}-xxxx` : CPR_LIKE_PLACEHOLDER);

/**
 * A text with every CPR-like value masked: `ddmmåå-xxxx`, or `[CPR-lignende værdi]` when the
 * first six digits are no date. A value read from a CPR column is one number or none: unless it
 * is exactly one in the CPR shape, more than six digits in it ("05032442341", a digit too many)
 * may still be one mistyped, and it is replaced whole. Masking a masked text changes nothing.
 */
export function maskCprLike(text: string, options: { cprColumn?: boolean } = {}): string {
  // Every cell of a kept file passes here: most hold too few digits to need a pattern at all.
  const digits = digitCount(text);
  if (!options.cprColumn) return digits < 10 ? text : text.replace(CPR_LIKE, (_match, six: string) => masked(six));
  if (digits <= 6) return text;
  const whole = WHOLE_CPR.exec(text.trim());
  return whole ? masked(whole[1]!) : CPR_LIKE_PLACEHOLDER;
}

/**
 * A cell with every CPR-like value masked. A whole number of nine or ten digits is a CPR number
 * whose leading zero a spreadsheet dropped, or may be one.
 */
export function maskCprCell(cell: SourceCell, options: { cprColumn?: boolean } = {}): SourceCell {
  if (typeof cell === 'string') return maskCprLike(cell, options);
  if (typeof cell !== 'number') return cell;
  if (Number.isInteger(cell) && cell >= 1e8 && cell < 1e10) return masked(String(cell).padStart(10, '0').slice(0, 6));
  const text = String(cell);
  const result = options.cprColumn ? maskCprLike(text, options) : text;
  return result === text ? cell : result;
}

/**
 * The sheets as read with every cell masked (`cprColumns`: per sheet, the columns mapped to the
 * CPR field, which are masked whole), to keep of a file when the workspace does not keep full numbers.
 */
export function maskSheets(sheets: readonly SourceSheet[], cprColumns: ReadonlyMap<string, ReadonlySet<number>>): SourceSheet[] {
  return sheets.map((sheet) => {
    const cpr = cprColumns.get(sheet.name);
    return {
      ...sheet,
      headers: sheet.headers.map((header) => maskCprLike(header)),
      rows: sheet.rows.map((row) => ({ number: row.number, cells: row.cells.map((cell, i) => maskCprCell(cell, { cprColumn: cpr?.has(i) === true })) })),
    };
  });
}
