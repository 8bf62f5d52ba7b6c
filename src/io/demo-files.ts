/**
 * The demo kommune written as the files real case systems export, one dialect per function, so
 * tests, demos and the benchmark import the same kommune the way a user would. Every function is
 * pure and byte-deterministic: the same data gives the same bytes (no clock, no random, no zip
 * timestamps — SheetJS writes zero DOS dates when no modification time is given).
 */
import * as XLSX from 'xlsx';
import { dayNumber } from '../domain/calendar';
import { EventIds } from '../domain/event-id';
import { creatingFields, FIELDS, fieldKey, fieldsOf, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, tableDef, TABLES, type FieldDef } from '../domain/fields';
import { bundleCases, EVENT_TABLES, type CaseData, type EventTableName, type TableName } from '../domain/types';
import { canonicalSheets, templateValue } from './canonical-sheets';
import { encodeWindows1252 } from './encoding';
import { templateSheets } from './template';
import { safeText, writeWorkbook } from './xlsx-write';

const TITLE = 'Demokommune – fiktive data fra Tilsynsbænken';
/** The same fixed creation date writeWorkbook uses: a date from the clock would change the bytes. */
const CREATED = new Date(Date.UTC(2024, 0, 1));

type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// a. The canonical import template, filled in.

/** The workbench's own template (Vejledning first, then one sheet per table), filled with the data. */
export function templateFile(data: CaseData): Uint8Array {
  const [guide, ...empty] = templateSheets();
  const filled = canonicalSheets(data).map((sheet) => ({ ...sheet, widths: empty.find((e) => e.name === sheet.name)?.widths }));
  return writeWorkbook([guide!, ...filled], TITLE);
}

// ---------------------------------------------------------------------------------------------
// b. One wide CSV, as Danish Excel saves "CSV (semikolonsepareret)".

export interface LeftOut {
  table: EventTableName;
  caseNumber: string;
  id: string;
  reason: 'no date' | 'same as an earlier event';
}

const sameEvent = (a: Row, b: Row) =>
  Object.keys(a).every((key) => key === 'id' || a[key] === b[key]);

/**
 * What a wide file can carry. The importer creates an event of a wide row only when one of its
 * table's dates is filled (DATA.md; `creatingFields`), and takes identical events of one case on
 * two rows for one event (a wide extract repeats the case's events on every row). An event with
 * no date at all, or identical to an earlier one of the same case, cannot be written in a wide
 * file; the generator makes neither, and this function says exactly what would be left out: the
 * data the wide file holds (event ids renumbered as the importer will number them) and the rest.
 * A long file (template, several sheets) carries everything.
 */
export function wideCarried(data: CaseData): { data: CaseData; leftOut: LeftOut[] } {
  const carried: CaseData = { ...data, notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [] };
  const leftOut: LeftOut[] = [];
  for (const bundle of bundleCases(data)) {
    const ids = new EventIds();
    for (const table of EVENT_TABLES) {
      const creating = creatingFields(tableDef(table));
      const kept: Row[] = [];
      for (const event of bundle.events[table] as unknown as Row[]) {
        const reason = creating.every((f) => event[f] === null) ? 'no date' : kept.some((k) => sameEvent(k, event)) ? 'same as an earlier event' : null;
        if (reason) {
          leftOut.push({ table, caseNumber: bundle.caseNumber, id: event.id as string, reason });
          continue;
        }
        kept.push(event);
        (carried[table] as unknown as Row[]).push({ ...event, id: ids.next(table, event) });
      }
    }
  }
  return { data: carried, leftOut };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The wide file's columns: the case's own headers, then every event field qualified by its table
 * ("Underretning modtaget", "Handleplan foranstaltnings-id"), so each header means one field. The
 * measure id is the plain "Foranstaltnings-id", which the wide mapping gives to the measure. An
 * event's case number is the row's own and has no column.
 */
export const WIDE_COLUMNS: readonly { def: FieldDef; header: string }[] = FIELDS
  .filter((def) => def.table === 'cases' || def.field !== 'caseNumber')
  .map((def) => ({
    def,
    header: def.table === 'cases' || fieldKey(def) === 'measures.measureId' ? def.header : `${capitalise(tableDef(def.table).prefixes[0]!)} ${lowerFirst(def.header)}`,
  }));

/** A value as Danish Excel writes it in a CSV: the template's text, with a decimal comma. */
function csvText(def: FieldDef, value: unknown): string {
  const text = templateValue(def, value);
  if (text === null) return '';
  return typeof text === 'number' ? String(text).replace('.', ',') : safeText(String(text));
}

const quoted = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * One row per event slot of a case: row k holds the case's fields and the k-th event of every
 * event table (empty where a table has fewer), so a case with 3 notifications and 1 measure has 3
 * rows. Only what wideCarried keeps is written.
 */
export function wideCsvText(data: CaseData): string {
  const lines = [WIDE_COLUMNS.map((c) => quoted(c.header)).join(';')];
  for (const bundle of bundleCases(wideCarried(data).data)) {
    const slots = Math.max(1, ...EVENT_TABLES.map((t) => bundle.events[t].length));
    for (let k = 0; k < slots; k++) {
      const cells = WIDE_COLUMNS.map(({ def }) => {
        const record = (def.table === 'cases' ? bundle : bundle.events[def.table as EventTableName][k]) as Row | undefined;
        return quoted(csvText(def, record?.[def.field]));
      });
      lines.push(cells.join(';'));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The wide CSV in Windows-1252 with CRLF line ends. Demo data holds only Danish letters, so it always encodes. */
export function wideCsvFile(data: CaseData): Uint8Array {
  const encoded = encodeWindows1252(wideCsvText(data));
  if (!encoded.ok) throw new Error(`Demo data outside Windows-1252: ${encoded.message}`);
  return encoded.value;
}

// ---------------------------------------------------------------------------------------------
// c. Several sheets with real Excel cells and another case system's spellings.

/** Sheet names another system might use: each a sheet synonym of its table in fields.ts. */
export const OTHER_SHEET_NAMES: Readonly<Record<TableName, string>> = {
  cases: 'Børnesager', notifications: 'Underretning', investigations: 'Børnefaglige undersøgelser', measures: 'Indsatser',
  actionPlans: 'Barnets plan', followUps: 'Opfølgning', supervisionVisits: 'Personrettet tilsyn',
};

/** Headers: a field's first synonym in fields.ts, or the synonym named here. */
const OTHER_SPELLING: Readonly<Record<string, string>> = {
  'cases.cpr': 'CPR nummer', 'cases.caseworker': 'Rådgiver', 'notifications.receivedAt': 'Modtagelsesdato',
  'measures.measureId': 'Indsats id', 'measures.kind': 'Indsatstype', 'actionPlans.measureId': 'Indsats id', 'followUps.measureId': 'Indsats id',
};
export const otherHeader = (def: FieldDef): string => OTHER_SPELLING[fieldKey(def)] ?? capitalise(def.synonyms[0]!);

/** Excel's 1900 date system counts days from 30-12-1899 for every date after 28-02-1900; the fraction is the time. */
export function excelSerial(value: string): number {
  const [date, time] = value.split('T') as [string, string?];
  const minutes = time ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : 0;
  return dayNumber(date) - dayNumber('1899-12-30') + minutes / 1440;
}

/** A value as an Excel cell: date cells with a Danish date format, TRUE/FALSE cells, other enum words. */
function excelCell(def: FieldDef, value: unknown): XLSX.CellObject | null {
  if (value === null || value === undefined) return null;
  switch (def.type) {
    case 'date':
    case 'datetime':
      return { t: 'n', v: excelSerial(value as string), z: (value as string).includes('T') ? 'dd-mm-yyyy hh:mm' : 'dd-mm-yyyy' };
    case 'bool':
      return { t: 'b', v: value as boolean };
    case 'months':
      return { t: 'n', v: value as number };
    case 'measureKind': {
      const words = MEASURE_KIND_SYNONYMS[value as keyof typeof MEASURE_KIND_SYNONYMS];
      return { t: 's', v: words[1] ?? words[0]! };
    }
    case 'outcome': {
      const words = OUTCOME_SYNONYMS[value as keyof typeof OUTCOME_SYNONYMS];
      return { t: 's', v: words[1] ?? words[0]! };
    }
    default:
      return { t: 's', v: safeText(String(value)) };
  }
}

function sheetOf(fields: readonly FieldDef[], records: readonly Row[]): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  fields.forEach((def, c) => (sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: otherHeader(def) }));
  records.forEach((record, i) => fields.forEach((def, c) => {
    const cell = excelCell(def, record[def.field]);
    if (cell) sheet[XLSX.utils.encode_cell({ r: i + 1, c })] = cell;
  }));
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: records.length, c: fields.length - 1 } });
  sheet['!cols'] = fields.map((def) => ({ wch: Math.max(12, otherHeader(def).length + 2) }));
  return sheet;
}

/** One sheet per table, named and headed with synonyms, with real date, yes/no and number cells. */
export function multiSheetXlsxFile(data: CaseData): Uint8Array {
  const book = XLSX.utils.book_new();
  book.Props = { Title: TITLE, Author: 'Tilsynsbænken', CreatedDate: CREATED };
  for (const table of TABLES) {
    XLSX.utils.book_append_sheet(book, sheetOf(fieldsOf(table.name), data[table.name] as unknown as Row[]), OTHER_SHEET_NAMES[table.name]);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------

/** The three dialects with the file-name endings `npm run fixtures` gives them. */
export const DEMO_DIALECTS = [
  { suffix: 'skabelon.xlsx', write: templateFile },
  { suffix: 'bred-1252.csv', write: wideCsvFile },
  { suffix: 'flere-ark.xlsx', write: multiSheetXlsxFile },
] as const;
