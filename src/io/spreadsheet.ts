import * as XLSX from 'xlsx';
import { fail, ok, type Result } from '../domain/result';
import { SheetBuilder } from './csv';
import type { SourceCell, SourceSheet, SourceWorkbook } from '../domain/source';

const DAY_MS = 86_400_000;
/** Serial of 9999-12-31, Excel's last date; larger numbers are not dates even with a date format. */
const LAST_SERIAL = 2_958_465;

const UNREADABLE = 'Filen kunne ikke læses som regneark. Den er måske beskadiget eller ikke et Excel-ark.';
export const PROTECTED = 'Regnearket er beskyttet med adgangskode. Gem en kopi uden adgangskode i Excel, og vælg den i stedet.';

export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const isOle2 = (b: Uint8Array): boolean => OLE2.every((byte, i) => b[i] === byte);

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * An Excel serial date as an ISO string, computed in whole days from a UTC epoch so the user's
 * time zone and summer time can never shift a date. The 1900 system keeps Lotus 1-2-3's leap-year
 * bug: serial 60 is the non-existent 29-02-1900, so serials after it count from 30-12-1899.
 * Seconds are rounded first (floating-point serials such as 10:00 = 0.41666… would otherwise floor
 * to 09:59) and then dropped, as in a "tt:mm" format.
 */
export function serialToIso(serial: number, date1904: boolean, withTime = false): SourceCell {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_SERIAL + 1) return serial;
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds === 86_400) {
    day += 1;
    seconds = 0;
  }
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}`;
  // Day 0 is Excel's fictitious 00-01-1900: in practice such a cell holds a time of day only.
  if (day === 0) return clock;
  let date: string;
  if (date1904) date = isoDay(Date.UTC(1904, 0, 1) + day * DAY_MS);
  else if (day === 60) date = '1900-02-29';
  else date = isoDay(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * DAY_MS);
  return seconds === 0 && !withTime ? date : `${date}T${clock}`;
}

/** A date format that shows hours: its midnight is a time, not a missing one ("dd-mm-yyyy hh:mm"). */
const showsTime = (format: string) => /h/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): SourceCell {
  if (!cell) return null;
  const { t, v } = cell;
  if (t === 's' || typeof v === 'string') return typeof v === 'string' ? v.trim() || null : null;
  if (t === 'b' && typeof v === 'boolean') return v;
  if (t === 'n' && typeof v === 'number') {
    const format = cell.z;
    return typeof format === 'string' && XLSX.SSF.is_date(format) ? serialToIso(v, date1904, showsTime(format)) : v;
  }
  // cellDates is off, so 'd' cells should not occur; SheetJS's Date objects carry the value in UTC.
  if (t === 'd' && v instanceof Date && !Number.isNaN(v.getTime())) {
    const iso = v.toISOString();
    return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  return null; // error cells (#I/T, #DIV/0!), stubs and anything unknown
}

/** Dense-mode rows are indexed by the real 0-based row number, so `r + 1` is the Excel row. */
function readSheet(name: string, sheet: XLSX.WorkSheet | undefined, date1904: boolean): SourceSheet {
  const builder = new SheetBuilder(name);
  const data = sheet?.['!data'] ?? [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) {
      builder.add(r + 1, []);
      continue;
    }
    const cells: SourceCell[] = new Array<SourceCell>(row.length);
    // Index = column (A = 0), so a missing leading column still lines up with its Excel letter.
    for (let c = 0; c < row.length; c++) cells[c] = cellValue(row[c], date1904);
    builder.add(r + 1, cells);
  }
  return builder.finish();
}

/**
 * Reads .xlsx, .xls and .ods. The format is taken from the bytes, never the file name (kept in the
 * signature to match readCsv), and hostile or broken files give a Danish message, never a throw.
 */
export function readSpreadsheet(bytes: Uint8Array, _fileName: string): Result<SourceWorkbook> {
  const zip = isZip(bytes);
  if (!zip && !isOle2(bytes)) return fail(UNREADABLE);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true, // large sheets: arrays of rows instead of one object key per cell
      cellDates: false, // dates as serials with their format; converted above without time zones
      cellNF: true,
      cellText: false,
      cellFormula: false,
      cellHTML: false,
    });
  } catch (error) {
    // A password-protected .xls says so in its own records; a zip is never an Excel password (an
    // encrypted .xlsx is an OLE2 container, caught before this), so a zip failing here is broken.
    if (!zip && error instanceof Error && /password|encrypt/i.test(error.message)) return fail(PROTECTED);
    return fail(UNREADABLE);
  }
  try {
    const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
    const sheets = workbook.SheetNames.map((name) => readSheet(name, workbook.Sheets[name], date1904));
    if (sheets.length === 0) return fail(UNREADABLE);
    // SheetJS names the format it found inside the zip (an .ods holds `mimetype` …opendocument.spreadsheet).
    return ok({ format: !zip ? 'xls' : workbook.bookType === 'ods' ? 'ods' : 'xlsx', sheets });
  } catch {
    return fail(UNREADABLE);
  }
}
