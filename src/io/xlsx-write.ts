import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';

/** A calendar date written as a real Excel date (a serial number shown as dd-mm-åååå), so it sorts and filters as a date. */
export interface OutDate {
  date: string;
}

/** A moment as a real Excel date and time (shown as dd-mm-åååå tt:mm): `YYYY-MM-DDTHH:MM[:SS]` in the user's local time. */
export interface OutDateTime {
  dateTime: string;
}

export type OutCell = string | number | boolean | null | OutDate | OutDateTime;

export interface OutSheet {
  name: string;
  rows: OutCell[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Put an autofilter on the header row. */
  filter?: boolean;
  /** 0-based indexes of rows and columns to hide (keys a reader must not edit). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Rows and columns kept in view while scrolling (frozen panes). */
  freeze?: { rows: number; columns: number };
  /** Drop-down lists: each cell of the columns, from row `fromRow` (0-based) to `toRow`, offers these values. */
  lists?: { columns: number[]; fromRow: number; toRow: number; values: readonly string[] }[];
}

/** Excel refuses a sheet of this name (in any case): it keeps it for the change history of shared workbooks. */
const RESERVED_SHEET_NAMES = ['history'];
const SHEET_NAME_MAX = 31;

/** A name without the apostrophes Excel forbids at either end, and without the spaces left around them. */
const trimSheetName = (name: string) => name.trim().replace(/^'+|'+$/g, '').trim();

/**
 * A sheet name made from data (a caseworker's, a reviewer's name) that Excel accepts: none of
 * []:*?/\ , no apostrophe first or last, at most 31 characters, not "History", and unique
 * ignoring case among the names in `used` (which it joins). Every workbook written passes its
 * names through here (`writeWorkbook`), so a name can never make an export fail.
 */
export function uniqueSheetName(name: string, used: Set<string>): string {
  const key = (candidate: string) => candidate.toLocaleLowerCase('da');
  const taken = (candidate: string) => used.has(key(candidate)) || RESERVED_SHEET_NAMES.includes(key(candidate));
  const base = trimSheetName(trimSheetName(name.replace(/[[\]:*?/\\]/g, ' ')).slice(0, SHEET_NAME_MAX)) || 'Ukendt';
  let candidate = base;
  for (let n = 2; taken(candidate); n++) {
    const suffix = ` (${n})`;
    candidate = `${trimSheetName(base.slice(0, SHEET_NAME_MAX - suffix.length))}${suffix}`;
  }
  used.add(key(candidate));
  return candidate;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * SheetJS's community edition writes neither frozen panes nor data validation, so the sheet's XML
 * gets them afterwards: a `<pane>` in its view, and `<dataValidations>` right after
 * `<sheetData>` (their place in the schema when a sheet has no autofilter or merged cells).
 */
function addViewAndLists(xml: string, sheet: OutSheet, offset: number): string {
  let out = xml;
  if (sheet.freeze) {
    const rows = sheet.freeze.rows + offset;
    const topLeft = XLSX.utils.encode_cell({ r: rows, c: sheet.freeze.columns });
    const active = sheet.freeze.columns ? 'bottomRight' : 'bottomLeft';
    const pane = `<pane${sheet.freeze.columns ? ` xSplit="${sheet.freeze.columns}"` : ''} ySplit="${rows}" topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
    if (!out.includes('<sheetView workbookViewId="0"/>')) throw new Error('xlsx-write: SheetJS wrote a sheet view this code does not know; frozen panes would be lost');
    out = out.replace('<sheetView workbookViewId="0"/>', `<sheetView workbookViewId="0">${pane}</sheetView>`);
  }
  if (sheet.lists?.length) {
    // Their place in the schema is after an autofilter or merged cells; this writer puts them right after the data.
    if (sheet.filter) throw new Error('xlsx-write: drop-down lists and an autofilter on the same sheet are not supported');
    const items = sheet.lists.flatMap((list) => list.columns.map((c) => {
      const range = XLSX.utils.encode_range({ s: { r: list.fromRow + offset, c }, e: { r: list.toRow + offset, c } });
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Ugyldigt svar" error="${escapeXml(`Vælg ${list.values.join(', ')}.`)}" sqref="${range}"><formula1>${escapeXml(`"${list.values.join(',')}"`)}</formula1></dataValidation>`;
    }));
    out = out.replace('</sheetData>', `</sheetData><dataValidations count="${items.length}">${items.join('')}</dataValidations>`);
  }
  return out;
}

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so an exported value can never run as a formula when the file is opened
 * (OWASP "CSV injection"). Numbers are written as numbers and need no guard.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Excel's serial day number of an ISO date: days since 30-12-1899 (the 1900 system with its leap-year quirk, valid after 28-02-1900). */
const excelSerial = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25_569;

/** The time of day as Excel's fraction of a day. */
const dayFraction = (time: string) => {
  const [h = 0, m = 0, sec = 0] = time.split(':').map(Number);
  return (h * 3600 + m * 60 + sec) / 86_400;
};

const guard = (cell: OutCell): string | number | boolean | null | XLSX.CellObject =>
  typeof cell === 'string'
    ? safeText(cell)
    : cell !== null && typeof cell === 'object'
      ? 'dateTime' in cell
        ? { t: 'n', v: excelSerial(cell.dateTime.slice(0, 10)) + dayFraction(cell.dateTime.slice(11)), z: 'dd-mm-yyyy hh:mm' }
        : { t: 'n', v: excelSerial(cell.date), z: 'dd-mm-yyyy' }
      : cell;

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
  const offset = options.demo ? 1 : 0;
  const names = new Set<string>();
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows.map((row) => row.map(guard)));
    const columns = Math.max(sheet.widths?.length ?? 0, ...(sheet.hiddenColumns ?? []).map((c) => c + 1));
    if (columns > 0) ws['!cols'] = Array.from({ length: columns }, (_, c) => ({ wch: sheet.widths?.[c] ?? 10, ...(sheet.hiddenColumns?.includes(c) && { hidden: true }) }));
    if (sheet.hiddenRows?.length) {
      const rows: XLSX.RowInfo[] = [];
      for (const r of sheet.hiddenRows) rows[r + offset] = { hidden: true };
      ws['!rows'] = rows;
    }
    if (sheet.filter && sheet.rows.length > 0) {
      ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(sheet.rows.length - 1, 0), c: Math.max((sheet.rows[0]?.length ?? 1) - 1, 0) } }) };
    }
    XLSX.utils.book_append_sheet(workbook, ws, uniqueSheetName(sheet.name, names));
  }
  const rewrite = sheets.some((sheet) => sheet.freeze || sheet.lists?.length);
  // A file that is unzipped again is compressed once, at the end (12,000 rows: a second faster).
  const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: !rewrite }) as ArrayBuffer);
  if (!rewrite) return bytes;
  // SheetJS writes the sheets in order as xl/worksheets/sheet1.xml, sheet2.xml, …
  const files = unzipSync(bytes);
  sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    if ((sheet.freeze || sheet.lists?.length) && files[path]) files[path] = strToU8(addViewAndLists(strFromU8(files[path]), sheet, offset));
  });
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) });
}
