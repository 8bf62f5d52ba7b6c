import { maskCprCell, maskCprLike } from '../domain/cpr';
import { valueKey } from '../domain/mapping';
import type { SourceCell, SourceWorkbook } from '../domain/source';
import { sampleColumns, suggestMapping, workbookLayout } from '../io/mapping';
import { applyShape, detectShape, rowsPerMeasure, shapeNotes, type SheetShape } from '../io/shape';
import type { ColumnValues, WorkbookSummary } from './worker-protocol';

/**
 * A file as the worker holds it between reading and importing: the sheets as read, and as their
 * shape says (title lines, blank columns and a totals row left out) — the latter is what is mapped
 * and imported.
 */
export interface ReadFile {
  original: SourceWorkbook;
  workbook: SourceWorkbook;
  shapes: SheetShape[];
  /** The file's bytes, kept with the import; absent for a draft restored from masked rows. */
  bytes?: Uint8Array;
  fileName: string;
  size: number;
  sha256: string;
  readMs: number;
  /** The header line chosen by hand per sheet (null: as detected). */
  headerLines: (number | null)[];
}

export const PREVIEW_ROWS = 20;
/** A column with more different values than this is no choice column: its values are not listed. */
export const DISTINCT_LIMIT = 200;

export function shapeFile(file: Omit<ReadFile, 'workbook' | 'shapes'>): ReadFile {
  const shapes = file.original.sheets.map((sheet, i) => detectShape(sheet, file.headerLines[i] ?? undefined));
  const workbook = { ...file.original, sheets: file.original.sheets.map((sheet, i) => applyShape(sheet, shapes[i]!)) };
  return { ...file, workbook, shapes };
}

/**
 * Each column's different values with their counts, most frequent first, keyed as the value
 * mapping keys them (`valueKey`); CPR-like values masked, in the key too.
 */
export function columnValues(rows: readonly { cells: SourceCell[] }[], width: number): ColumnValues[] {
  const counts = Array.from({ length: width }, () => new Map<string, { value: string; count: number }>());
  const more = new Array<boolean>(width).fill(false);
  for (const row of rows) {
    for (let c = 0; c < width; c++) {
      if (more[c]) continue;
      const cell = row.cells[c] ?? null;
      const key = valueKey(cell);
      if (key === null) continue;
      const map = counts[c]!;
      const seen = map.get(key);
      if (seen) seen.count += 1;
      else if (map.size === DISTINCT_LIMIT) {
        more[c] = true;
        map.clear();
      } else map.set(key, { value: String(maskCprCell(typeof cell === 'boolean' ? (cell ? 'SAND' : 'FALSK') : String(cell).trim())), count: 1 });
    }
  }
  return counts.map((map, column) => ({
    column,
    more: more[column]!,
    values: [...map].map(([key, { value, count }]) => ({ value, key: maskCprLike(key), count })).sort((a, b) => b.count - a.count),
  }));
}

/** What the page sees of the file: layout, shape, first rows and each column's values. */
export function summaryOf(file: ReadFile): WorkbookSummary {
  const { format, encoding, delimiter, sheets, notes } = file.workbook;
  const suggested = suggestMapping(workbookLayout(file.workbook));
  return {
    fileName: file.fileName, size: file.size, sha256: file.sha256, format, readMs: file.readMs,
    encoding: encoding ?? null, delimiter: delimiter ?? null, notes: notes ?? [],
    sheets: sheets.map((s, i) => {
      const mapping = suggested.sheets[i];
      const columnOf = (test: (target: string) => boolean) => mapping?.columns.filter((c) => c.target !== null && test(c.target)).map((c) => c.column) ?? [];
      const caseColumn = columnOf((t) => t === 'cases.caseNumber')[0];
      const perMeasure = mapping?.role === 'wide' && caseColumn !== undefined ? rowsPerMeasure(s.rows, caseColumn, columnOf((t) => t.startsWith('measures.'))) : undefined;
      const values = columnValues(s.rows, s.headers.length);
      return {
        name: s.name, headers: s.headers, rowCount: s.rows.length, emptyRows: s.emptyRows, preview: s.rows.slice(0, PREVIEW_ROWS),
        shape: file.shapes[i]!, notes: shapeNotes(file.shapes[i]!, perMeasure),
        values,
        // What the header matcher reads of a column's values (a date column, J/N, a choice list).
        samples: sampleColumns(s),
      };
    }),
  };
}
