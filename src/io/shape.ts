import { maskCprCell } from '../domain/cpr';
import { datesInText } from '../domain/extract-date';
import { formatCount, formatNumber } from '../domain/format';
import type { SourceCell, SourceRow, SourceSheet } from '../domain/source';
import type { IsoDate } from '../domain/types';
import { emptyHeaderName } from './csv';

/**
 * The shape of a sheet as read, before mapping: hand-made sheets and some case systems put title
 * lines above the header ("Udtræk fra DUBU pr. 01-06-2025"), leave blank columns between the
 * data, and end with a totals row. Found here so the header is the real one and the extra lines
 * are neither mapped nor imported as cases; the Import page says what was found.
 */
export interface SheetShape {
  /** Which line is the header: 0 is the first non-empty line (the header as read), 1 the first row after it, … */
  headerLine: number;
  /** The row numbers of the lines above the header that are skipped (titles). */
  titleRows: number[];
  /** A date written in the title lines, as the extract date they name. */
  titleDate: IsoDate | null;
  /** Columns (as read) with neither header nor any value: left out. */
  blankColumns: number[];
  /** The row number of a totals row at the bottom, left out; null when there is none. */
  totalsRow: number | null;
  /** The first lines of the sheet (row number and texts), for choosing the header by hand. */
  candidates: { line: number; row: number; text: string }[];
}

/** How many lines from the top may hold titles: a header further down is not looked for. */
const SCAN_LINES = 15;
const TOTALS = /^(i alt|total|totalt|totaler|hovedtotal|sum|summa|samlet|samlet antal|antal i alt)(?![a-zæøå])/i;

const filled = (cell: SourceCell | undefined): boolean => cell !== null && cell !== undefined && String(cell).trim() !== '';
const isNumeric = (cell: SourceCell | undefined): boolean =>
  typeof cell === 'number' || (typeof cell === 'string' && /^-?[\d.\s]+(,\d+)?$/.test(cell.trim()) && /\d/.test(cell));
/** A header cell the reader named itself because it was empty ("Kolonne C"). */
const headerCell = (header: string, index: number): SourceCell => (header === emptyHeaderName(index) ? null : header);

/** The sheet's lines from the top: the header as read, then its rows. */
function linesOf(sheet: SourceSheet, count: number): { row: number; cells: SourceCell[] }[] {
  // Readers skip blank lines above the first non-empty one, which is nearly always row 1.
  const headerRow = 1;
  return [
    { row: headerRow, cells: sheet.headers.map(headerCell) },
    ...sheet.rows.slice(0, count).map((r) => ({ row: r.number, cells: r.cells })),
  ];
}

/**
 * The header line: the first line filled at least half as wide as the widest of the first lines,
 * with more text than numbers in it. A title line fills one or two cells; a header fills the table.
 */
function findHeaderLine(lines: { cells: SourceCell[] }[]): number {
  const counts = lines.map((line) => line.cells.filter(filled).length);
  const widest = Math.max(0, ...counts);
  const index = lines.findIndex((line, i) => {
    const n = counts[i]!;
    const texts = line.cells.filter((c) => filled(c) && !isNumeric(c)).length;
    return n >= Math.max(2, Math.ceil(widest / 2)) && texts * 2 > n;
  });
  return index < 0 ? 0 : index;
}

/** Numbers read from a cell for the sums check: Danish "1.234,5" and plain numbers. */
function numberOf(cell: SourceCell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  if (!isNumeric(cell)) return null;
  const value = Number(String(cell).replace(/[.\s]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/**
 * Whether the last row sums up the others: a label such as "I alt" or "Total" in it, or no text
 * at all and every number in it the sum of its column above.
 */
export function isTotalsRow(last: SourceRow, above: readonly SourceRow[]): boolean {
  const cells = last.cells.filter(filled);
  if (cells.length === 0) return false;
  const texts = cells.filter((c) => !isNumeric(c));
  if (texts.some((c) => typeof c === 'string' && TOTALS.test(c.trim()))) return true;
  if (texts.length > 0 || above.length < 2) return false;
  let sums = 0;
  for (let c = 0; c < last.cells.length; c++) {
    const value = numberOf(last.cells[c]);
    if (value === null) continue;
    let total = 0;
    for (const row of above) total += numberOf(row.cells[c]) ?? 0;
    if (Math.abs(total - value) > 1e-9 * Math.max(1, Math.abs(total))) return false;
    sums += 1;
  }
  return sums > 0;
}

/** The shape of a sheet: `headerLine` given when the user chose the header row by hand. */
export function detectShape(sheet: SourceSheet, headerLine?: number): SheetShape {
  const lines = linesOf(sheet, SCAN_LINES);
  const header = Math.min(headerLine ?? findHeaderLine(lines), Math.max(0, lines.length - 1));
  const titles = lines.slice(0, header).filter((line) => line.cells.some(filled));
  const titleDate = titles.flatMap((line) => line.cells.filter(filled).flatMap((c) => datesInText(String(c)))).at(-1) ?? null;

  const headerCells = lines[header]?.cells ?? [];
  const data = sheet.rows.slice(header);
  // Only gaps inside the header's width: the reader drops empty cells after the last header.
  const blankColumns: number[] = [];
  for (let c = 0; c < lastFilled(headerCells); c++) {
    if (!filled(headerCells[c]) && !data.some((row) => filled(row.cells[c]))) blankColumns.push(c);
  }

  const last = data.at(-1);
  const totalsRow = last && data.length > 1 && isTotalsRow(last, data.slice(0, -1)) ? last.number : null;
  const candidates = lines.slice(0, 10).map((line, i) => ({
    // Data rows among them: a CPR number is masked whatever the workspace keeps (this is only for choosing the header).
    line: i, row: line.row, text: line.cells.filter(filled).slice(0, 4).map((c) => String(maskCprCell(c!))).join(' · ').slice(0, 80),
  }));
  return { headerLine: header, titleRows: titles.map((l) => l.row), titleDate, blankColumns, totalsRow, candidates };
}

function lastFilled(cells: readonly SourceCell[]): number {
  let i = cells.length;
  while (i > 0 && !filled(cells[i - 1])) i -= 1;
  return i;
}

/**
 * The sheet as its shape says: the header line as headers, the titles above it and the totals row
 * left out, blank columns removed. Row numbers stay those of the file.
 */
export function applyShape(sheet: SourceSheet, shape: SheetShape): SourceSheet {
  const lines = linesOf(sheet, shape.headerLine);
  const headerCells = lines[shape.headerLine]?.cells ?? [];
  const blank = new Set(shape.blankColumns);
  const keep = (width: number) => Array.from({ length: width }, (_, c) => c).filter((c) => !blank.has(c));
  const headerColumns = keep(lastFilled(headerCells));
  const headers = headerColumns.map((c, i) => (filled(headerCells[c]) ? String(headerCells[c]).trim() : emptyHeaderName(i)));
  const rows = sheet.rows.slice(shape.headerLine).filter((row) => row.number !== shape.totalsRow);
  if (blank.size === 0 && shape.headerLine === 0 && shape.totalsRow === null) return sheet;
  return {
    ...sheet,
    headers,
    rows: blank.size === 0 ? rows : rows.map((row) => ({ number: row.number, cells: keep(Math.max(row.cells.length, headerCells.length)).map((c) => row.cells[c] ?? null) })),
  };
}

/**
 * Cases on several rows of a wide sheet with differing measure fields: the sheet has one row per
 * measure, not per case. `caseColumn` and `measureColumns` as the mapping reads them.
 */
export function rowsPerMeasure(rows: readonly SourceRow[], caseColumn: number, measureColumns: readonly number[]): { cases: number; rows: number } {
  if (measureColumns.length === 0) return { cases: 0, rows: 0 };
  const seen = new Map<string, Set<string>>();
  const rowCount = new Map<string, number>();
  for (const row of rows) {
    const key = row.cells[caseColumn];
    if (!filled(key)) continue;
    const caseNumber = String(key).trim();
    const measure = JSON.stringify(measureColumns.map((c) => row.cells[c] ?? null));
    let set = seen.get(caseNumber);
    if (!set) seen.set(caseNumber, (set = new Set()));
    set.add(measure);
    rowCount.set(caseNumber, (rowCount.get(caseNumber) ?? 0) + 1);
  }
  let cases = 0;
  let count = 0;
  for (const [caseNumber, measures] of seen) {
    if (measures.size < 2) continue;
    cases += 1;
    count += rowCount.get(caseNumber)!;
  }
  return { cases, rows: count };
}

const rowRange = (rows: readonly number[]) => {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  return first === last ? `Linje ${first}` : rows.length === last - first + 1 ? `Linje ${first}–${last}` : `Linjerne ${rows.join(', ')}`;
};

/** What the shape means for the import, in the sentences the preview shows. */
export function shapeNotes(shape: SheetShape, perMeasure: { cases: number; rows: number } = { cases: 0, rows: 0 }): string[] {
  const notes: string[] = [];
  if (shape.titleRows.length) notes.push(`${rowRange(shape.titleRows)} er ${shape.titleRows.length === 1 ? 'en titel' : 'titler'} og springes over; overskrifterne står i linje ${shape.candidates[shape.headerLine]?.row ?? shape.headerLine + 1}.`);
  if (shape.blankColumns.length) notes.push(`${formatCount(shape.blankColumns.length, 'tom kolonne', 'tomme kolonner')} uden overskrift og værdier springes over.`);
  if (shape.totalsRow !== null) notes.push(`Sidste række (${formatNumber(shape.totalsRow)}) ligner en sumrække og springes over.`);
  if (perMeasure.cases > 0) {
    notes.push(`Arket har én række pr. foranstaltning: ${formatCount(perMeasure.cases, 'sag', 'sager')} står på flere rækker (${formatNumber(perMeasure.rows)} i alt) med forskellige foranstaltninger; hver række læses som en foranstaltning på sin sag.`);
  }
  return notes;
}
