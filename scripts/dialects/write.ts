// Writes one extract dialect (headers and values as another case system spells them) and its
// canonical twin (the same rows under the template's headers and spellings), from the same
// fictitious cases. Deterministic: no clock, no random.
import * as XLSX from 'xlsx';
import { fieldByKey, tableDef, TABLES } from '../../src/domain/fields';
import { bundleCases, EVENT_TABLES, type CaseData, type EventTableName, type TableName } from '../../src/domain/types';
import type { SourceCell } from '../../src/domain/source';
import { templateValue } from '../../src/io/canonical-sheets';
import { excelSerial, WIDE_COLUMNS, wideCarried } from '../../src/io/demo-files';
import { encodeWindows1252 } from '../../src/io/encoding';

type Row = Record<string, unknown>;

/** A cell as written: text, a number, TRUE/FALSE, or an Excel date cell. */
export type OutCell = SourceCell | { date: string };

export interface DialectColumn {
  header: string;
  /** `table.field`, or null for a column the workbench has no field for. */
  target: string | null;
  /** The cell for the canonical value (already reduced); for a column without target, from the row's record. */
  write: (value: unknown, record: Row | undefined) => OutCell;
  /** What the file can say of the value (a date without its time …); the twin holds the same. */
  reduce?: (value: unknown) => unknown;
}

export interface DialectSheet {
  name: string;
  /** A table (long format) or wide: one row per event slot of a case. */
  shape: TableName | 'wide';
  columns: DialectColumn[];
}

export interface Dialect {
  name: string;
  file: 'csv-1252' | 'csv-utf8' | 'csv-utf8-bom' | 'xlsx';
  delimiter?: ';' | ',';
  sheets: DialectSheet[];
  /** Written only after the matcher was done, and measured untuned. */
  untuned?: boolean;
}

/** The true mapping, as the test reads it. */
export interface DialectTruth {
  name: string;
  untuned: boolean;
  sheets: { sheet: string; role: TableName | 'wide'; columns: { header: string; target: string | null }[] }[];
}

interface Table { name: string; rows: { cells: OutCell[]; twin: SourceCell[] }[]; headers: string[]; twinName: string; twinHeaders: string[] }

const tableOfTarget = (target: string) => target.split('.')[0] as TableName;

function rowsOf(sheet: DialectSheet, data: CaseData): { record: (column: DialectColumn) => Row | undefined }[] {
  if (sheet.shape !== 'wide') {
    return (data[sheet.shape] as unknown as Row[]).map((record) => ({ record: () => record }));
  }
  const rows: { record: (column: DialectColumn) => Row | undefined }[] = [];
  for (const bundle of bundleCases(wideCarried(data).data)) {
    const slots = Math.max(1, ...EVENT_TABLES.map((t) => bundle.events[t].length));
    for (let k = 0; k < slots; k++) {
      rows.push({
        record: (column) => {
          const table = column.target ? tableOfTarget(column.target) : 'cases';
          return (table === 'cases' ? bundle : bundle.events[table as EventTableName][k]) as Row | undefined;
        },
      });
    }
  }
  return rows;
}

function twinHeader(sheet: DialectSheet, target: string): string {
  const def = fieldByKey.get(target)!;
  return sheet.shape === 'wide' ? WIDE_COLUMNS.find((c) => c.def === def)!.header : def.header;
}

function tables(dialect: Dialect, data: CaseData): Table[] {
  return dialect.sheets.map((sheet) => {
    const mapped = sheet.columns.filter((c) => c.target !== null);
    const rows = rowsOf(sheet, data).map(({ record }) => {
      const values = sheet.columns.map((column) => {
        const rec = record(column);
        if (!column.target) return { out: column.write(undefined, rec), twin: undefined };
        const raw = rec?.[fieldByKey.get(column.target)!.field] ?? null;
        const value = raw === null ? null : (column.reduce ?? ((v: unknown) => v))(raw);
        return { out: column.write(value, rec), twin: templateValue(fieldByKey.get(column.target)!, value) };
      });
      return { cells: values.map((v) => v.out), twin: values.filter((_v, i) => sheet.columns[i]!.target !== null).map((v) => v.twin ?? null) };
    });
    const twinName = sheet.shape === 'wide' ? 'Udtræk' : tableDef(sheet.shape).sheet;
    return { name: sheet.name, rows, headers: sheet.columns.map((c) => c.header), twinName, twinHeaders: mapped.map((c) => twinHeader(sheet, c.target!)) };
  });
}

const csvQuote = (text: string, delimiter: string) => (text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function csvCell(cell: OutCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') throw new Error('A CSV has no date cells');
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return String(cell);
}

function xlsxBook(sheets: { name: string; headers: string[]; rows: OutCell[][] }[]): Uint8Array {
  const book = XLSX.utils.book_new();
  book.Props = { Title: 'Fiktivt udtræk (Tilsynsbænkens dialekttest)', Author: 'Tilsynsbænken', CreatedDate: new Date(Date.UTC(2024, 0, 1)) };
  for (const sheet of sheets) {
    const ws: XLSX.WorkSheet = {};
    sheet.headers.forEach((h, c) => (ws[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: h }));
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
      const at = XLSX.utils.encode_cell({ r: r + 1, c });
      if (cell === null || cell === '') return;
      if (typeof cell === 'object') ws[at] = { t: 'n', v: excelSerial(cell.date), z: cell.date.includes('T') ? 'dd-mm-yyyy hh:mm' : 'dd-mm-yyyy' };
      else if (typeof cell === 'number') ws[at] = { t: 'n', v: cell };
      else if (typeof cell === 'boolean') ws[at] = { t: 'b', v: cell };
      else ws[at] = { t: 's', v: cell };
    }));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(1, sheet.rows.length), c: sheet.headers.length - 1 } });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export const dialectExtension = (dialect: Dialect) => (dialect.file === 'xlsx' ? 'xlsx' : 'csv');

/** The dialect's file, its canonical twin (always xlsx) and its true mapping. */
export function writeDialect(dialect: Dialect, data: CaseData): { file: Uint8Array; twin: Uint8Array; truth: DialectTruth } {
  const written = tables(dialect, data);
  let file: Uint8Array;
  if (dialect.file === 'xlsx') {
    file = xlsxBook(written.map((t) => ({ name: t.name, headers: t.headers, rows: t.rows.map((r) => r.cells) })));
  } else {
    if (written.length !== 1) throw new Error('A CSV holds one sheet');
    const d = dialect.delimiter ?? ';';
    const t = written[0]!;
    const text = [t.headers, ...t.rows.map((r) => r.cells.map(csvCell))].map((cells) => cells.map((c) => csvQuote(c, d)).join(d)).join('\r\n') + '\r\n';
    if (dialect.file === 'csv-1252') {
      const encoded = encodeWindows1252(text);
      if (!encoded.ok) throw new Error(encoded.message);
      file = encoded.value;
    } else file = new TextEncoder().encode(dialect.file === 'csv-utf8-bom' ? `\uFEFF${text}` : text);
  }
  const twin = xlsxBook(written.map((t) => ({ name: t.twinName, headers: t.twinHeaders, rows: t.rows.map((r) => r.twin) })));
  const truth: DialectTruth = {
    name: dialect.name,
    untuned: dialect.untuned === true,
    sheets: dialect.sheets.map((s) => ({
      sheet: dialect.file === 'xlsx' ? s.name : `${dialect.name}`,
      role: s.shape,
      columns: s.columns.map((c) => ({ header: c.header, target: c.target })),
    })),
  };
  return { file, twin, truth };
}

export const TABLE_ORDER = TABLES.map((t) => t.name);
