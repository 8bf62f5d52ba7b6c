import { formatDate } from '../domain/format';
import { safeText, type OutCell } from './xlsx-write';

/**
 * Tables as CSV for Danish Excel: UTF-8 with a BOM (without it Excel reads the bytes as
 * Windows-1252 and æøå break), semicolons (Danish Excel's list separator, as the comma is the
 * decimal sign), decimal commas, dates dd-mm-åååå and CRLF line ends. Text that a spreadsheet
 * would run as a formula gets the same leading apostrophe as in the workbooks (OWASP "CSV injection").
 */

const BOM = '\uFEFF';

/** A number with a decimal comma and no thousands separator, which Excel would have to guess at. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  // Up to 10 decimals, without the float noise of 0.1 + 0.2.
  return String(Number(value.toFixed(10))).replace('.', ',');
}

function cellText(cell: OutCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'Ja' : 'Nej';
  if (typeof cell === 'object') {
    if ('dateTime' in cell) return `${formatDate(cell.dateTime.slice(0, 10))} ${cell.dateTime.slice(11, 16)}`;
    return formatDate(cell.date);
  }
  return safeText(cell);
}

/** A field in double quotes when it holds the separator, a quote or a line break; quotes doubled. */
function field(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of a CSV file (BOM included) for rows of cells. */
export function csvText(rows: readonly (readonly OutCell[])[]): string {
  return BOM + rows.map((row) => row.map((cell) => field(cellText(cell))).join(';')).join('\r\n') + '\r\n';
}

/** The bytes of a CSV file (UTF-8 with BOM) for rows of cells. */
export function csvBytes(rows: readonly (readonly OutCell[])[]): Uint8Array {
  return new TextEncoder().encode(csvText(rows));
}
