import * as XLSX from 'xlsx';

export type OutCell = string | number | boolean | null;

export interface OutSheet {
  name: string;
  rows: OutCell[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Put an autofilter on the header row. */
  filter?: boolean;
}

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so an exported value can never run as a formula when the file is opened
 * (OWASP "CSV injection"). Numbers are written as numbers and need no guard.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const guard = (cell: OutCell): OutCell => (typeof cell === 'string' ? safeText(cell) : cell);

export const DEMO_MARK = 'DEMO – alle data er fiktive. Ingen rigtige personer.';

/**
 * Writes sheets of plain values as an .xlsx file. Every text cell is guarded against formulas.
 * From a demo workspace, every sheet starts with the DEMO line, so no printout of fictitious data
 * can be taken for a real kommune's.
 */
export function writeWorkbook(input: readonly OutSheet[], title: string, options: { demo?: boolean } = {}): Uint8Array {
  const workbook = XLSX.utils.book_new();
  // A fixed date keeps the bytes the same for the same content (the template is committed).
  workbook.Props = { Title: options.demo ? `DEMO – ${title}` : title, Author: 'Tilsynsbænken', CreatedDate: new Date(Date.UTC(2024, 0, 1)) };
  const sheets = options.demo ? input.map((s) => ({ ...s, rows: [[DEMO_MARK], ...s.rows], filter: false })) : input;
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => row.map(guard)));
    if (sheet.widths) ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
    if (sheet.filter && sheet.rows.length > 0) {
      ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(sheet.rows.length - 1, 0), c: Math.max((sheet.rows[0]?.length ?? 1) - 1, 0) } }) };
    }
    XLSX.utils.book_append_sheet(workbook, ws, sheet.name.slice(0, 31));
  }
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
