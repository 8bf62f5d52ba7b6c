import { EventIds } from '../domain/event-id';
import { creatingFields, fieldByKey, tableDef, type FieldDef } from '../domain/fields';
import type { Case, CaseData, EventTableName, TableName } from '../domain/types';
import { valueKey, type ImportMapping, type SheetMapping, type UnknownValueCount } from '../domain/mapping';
import type { ImportIssue } from '../domain/records';
import type { SourceCell, SourceRow, SourceWorkbook } from '../domain/source';
import { parseCell } from './values';
import { hasValueReadings, readingValue } from './value-mapping';
import { maskCprLike } from '../domain/cpr';

export interface TransformOptions {
  keepFullCpr: boolean;
  /** Cases the workspace holds already: events may refer to them without a case row in this file. */
  knownCaseNumbers?: Pick<ReadonlySet<string>, 'has'>;
}

export interface TransformResult {
  data: CaseData;
  issues: ImportIssue[];
  /** The tables this import covers: their events replace those of the imported cases. */
  tables: TableName[];
  rowsRead: number;
  rowsRejected: number;
  emptyRows: number;
  /** Choice and yes/no values read as "ukendt", per column and value, for the import report (see `unknownValueLines`). */
  unknownValues: UnknownValueCount[];
}

interface BoundColumn {
  def: FieldDef;
  column: number;
  header: string;
  blankMeansNo: boolean;
  /** The mapping's value readings (`ColumnMapping.values`), as typed values; null = "ukendt". */
  readings: Map<string, unknown> | null;
  /** Choice and yes/no columns: values read as unknown, by key. */
  unknown: Map<string, { value: string; count: number; chosen: boolean }> | null;
}

type Values = Record<string, unknown>;

const CASE_FIELDS = ['cpr', 'birthDate', 'unit', 'group', 'caseworker', 'openedAt', 'closedAt', 'awareAt'] as const;

const cellText = (cell: SourceCell | undefined): string | null =>
  cell === null || cell === undefined ? null : String(cell);

function bindColumns(sheet: SheetMapping): Map<TableName, BoundColumn[]> {
  const byTable = new Map<TableName, BoundColumn[]>();
  for (const column of sheet.columns) {
    const def = column.target ? fieldByKey.get(column.target) : undefined;
    if (!def) continue;
    const choice = hasValueReadings(def.type);
    const readings = choice && column.values ? new Map<string, unknown>() : null;
    for (const [key, code] of Object.entries(column.values ?? {})) {
      // A code that is not the field's (a hand-edited profile) is left to the parser.
      const value = readingValue(def.type, code);
      if (readings && value !== undefined) readings.set(key, value);
    }
    const bound = { def, column: column.column, header: column.header, blankMeansNo: column.blankMeansNo === true, readings, unknown: choice ? new Map() : null };
    byTable.set(def.table, [...(byTable.get(def.table) ?? []), bound]);
  }
  return byTable;
}

/** Turns mapped sheets into canonical data. Unusable rows are reported; the good ones always come through. */
export function transformWorkbook(workbook: SourceWorkbook, mapping: ImportMapping, options: TransformOptions): TransformResult {
  const issues: ImportIssue[] = [];
  const cases = new Map<string, { value: Case; row: number; sheet: string }>();
  const events = new Map<EventTableName, Values[]>();
  const tables = new Set<TableName>();
  const seenWideEvents = new Set<string>();
  let rowsRead = 0;
  let rowsRejected = 0;
  let emptyRows = 0;
  const boundSheets: { sheet: string; byTable: Map<TableName, BoundColumn[]> }[] = [];

  for (const sheetMapping of mapping.sheets) {
    if (sheetMapping.role === 'ignore') continue;
    const sheet = workbook.sheets.find((s) => s.name === sheetMapping.sheet);
    if (!sheet) continue;
    const byTable = bindColumns(sheetMapping);
    for (const table of byTable.keys()) tables.add(table);
    if (sheetMapping.role === 'wide') tables.add('cases');
    emptyRows += sheet.emptyRows;
    boundSheets.push({ sheet: sheet.name, byTable });
    const issue = (row: SourceRow, column: BoundColumn | null, message: string, severity: ImportIssue['severity']) =>
      issues.push({ sheet: sheet.name, row: row.number, column: column?.header ?? null, value: column ? issueValue(row.cells[column.column], column, options) : null, message, severity });

    for (const row of sheet.rows) {
      rowsRead += 1;
      const values = new Map<TableName, Values>();
      for (const [table, columns] of byTable) {
        const parsed: Values = {};
        for (const column of columns) {
          const cell = row.cells[column.column] ?? null;
          if (column.unknown) {
            const key = valueKey(cell);
            if (key !== null && column.readings?.has(key)) {
              const value = column.readings.get(key);
              parsed[column.def.field] = value;
              if (value === null) countUnknown(column, key, cell, true);
              continue;
            }
          }
          const result = parseCell(column.def.type, cell, { blankMeansNo: column.blankMeansNo, keepFullCpr: options.keepFullCpr });
          if (result.ok) parsed[column.def.field] = masksText(column.def, options) && typeof result.value === 'string' ? maskCprLike(result.value) : result.value;
          else {
            parsed[column.def.field] = null;
            if (column.unknown) countUnknown(column, valueKey(cell)!, cell, false);
            issue(row, column, `${result.message} Værdien er gemt som ukendt.`, 'warning');
          }
        }
        values.set(table, parsed);
      }
      const missing = (table: TableName, fields: readonly string[]) =>
        fields.filter((f) => values.get(table)?.[f] === null || values.get(table)?.[f] === undefined);

      if (sheetMapping.role === 'wide' || sheetMapping.role === 'cases') {
        const caseValues = values.get('cases') ?? {};
        const absent = missing('cases', ['caseNumber', 'unit', 'caseworker']);
        if (absent.length) {
          rowsRejected += 1;
          issue(row, null, `Rækken er ikke importeret: ${absent.map((f) => `"${fieldByKey.get(`cases.${f}`)!.header}"`).join(', ')} mangler.`, 'error');
          continue;
        }
        const incoming = toCase(caseValues);
        const earlier = cases.get(incoming.caseNumber);
        if (!earlier) cases.set(incoming.caseNumber, { value: incoming, row: row.number, sheet: sheet.name });
        else {
          const differing = CASE_FIELDS.filter((f) => earlier.value[f] !== incoming[f]);
          if (differing.length || sheetMapping.role === 'cases') {
            issue(row, null, `Sagsnr ${incoming.caseNumber} står også i række ${earlier.row}${earlier.sheet === sheet.name ? '' : ` i arket "${earlier.sheet}"`}${differing.length ? ` med andre værdier i ${differing.map((f) => `"${fieldByKey.get(`cases.${f}`)!.header}"`).join(', ')}` : ''}. Sagens oplysninger fra række ${earlier.row} er brugt.`, 'warning');
          }
        }
        if (sheetMapping.role === 'wide') {
          for (const [table, parsed] of values) {
            if (table === 'cases') continue;
            const creating = creatingFields(tableDef(table));
            if (creating.every((f) => parsed[f] === null || parsed[f] === undefined)) {
              const filled = (byTable.get(table) ?? []).filter((c) => parsed[c.def.field] !== null && parsed[c.def.field] !== undefined);
              if (filled.length) {
                const headers = creating.map((f) => `"${byTable.get(table)!.find((c) => c.def.field === f)?.header ?? fieldByKey.get(`${table}.${f}`)!.header}"`);
                const empty = headers.length === 1 ? `${headers[0]} er tom` : `${headers.slice(0, -1).join(', ')} og ${headers.at(-1)} er tomme`;
                issue(row, null, `${tableDef(table).sheet}: ${filled.map((c) => `"${c.header}"`).join(', ')} er udfyldt, men ${empty}, så der er ikke oprettet nogen.`, 'error');
              }
              continue;
            }
            // A wide extract with one row per measure repeats the case's other events on every
            // row: the same values on another row of the same case are the same event.
            const key = `${incoming.caseNumber}\u0000${table}\u0000${JSON.stringify(parsed)}`;
            if (seenWideEvents.has(key)) continue;
            seenWideEvents.add(key);
            pushEvent(events, table as EventTableName, { ...parsed, caseNumber: incoming.caseNumber }, sheet.name, row.number);
          }
        }
        continue;
      }

      const table = sheetMapping.role as EventTableName;
      const required = [...(byTable.get(table) ?? [])].filter((c) => c.def.required).map((c) => c.def.field);
      const absent = missing(table, required.length ? required : ['caseNumber']);
      if (absent.length) {
        rowsRejected += 1;
        issue(row, null, `Rækken er ikke importeret: ${absent.map((f) => `"${fieldByKey.get(`${table}.${f}`)!.header}"`).join(', ')} mangler.`, 'error');
        continue;
      }
      pushEvent(events, table, values.get(table)!, sheet.name, row.number);
    }
  }

  const unknownValues: UnknownValueCount[] = [];
  for (const { sheet, byTable } of boundSheets) {
    for (const column of [...byTable.values()].flat()) {
      for (const { value, count, chosen } of column.unknown?.values() ?? []) {
        unknownValues.push({ sheet, column: column.header, target: `${column.def.table}.${column.def.field}`, value: options.keepFullCpr ? value : maskCprLike(value), count, chosen });
      }
    }
  }

  const data: CaseData = {
    cases: [...cases.values()].map((c) => c.value),
    notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [],
  };
  const caseExists = (caseNumber: string) => cases.has(caseNumber) || options.knownCaseNumbers?.has(caseNumber) === true;
  for (const [table, list] of events) (data as unknown as Record<string, Values[]>)[table] = finishEvents(table, list, issues, caseExists);
  // Reported in file order, as the user will fix them.
  const sheetOrder = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  issues.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0));
  return { data, issues: options.keepFullCpr ? issues : issues.map(maskIssue), tables: [...tables], rowsRead, rowsRejected, emptyRows, unknownValues };
}

function countUnknown(column: BoundColumn, key: string, cell: SourceCell, chosen: boolean): void {
  const seen = column.unknown!.get(key);
  if (seen) seen.count += 1;
  else column.unknown!.set(key, { value: typeof cell === 'boolean' ? (cell ? 'SAND' : 'FALSK') : String(cell).trim(), count: 1, chosen });
}

/**
 * Keys are stored as the file writes them (masking two case numbers could make them one); any
 * other text a CPR number was typed into is masked, as the CPR column is, unless the workspace
 * keeps full numbers.
 */
const KEY_FIELDS: ReadonlySet<string> = new Set(['caseNumber', 'measureId']);
const masksText = (def: FieldDef, options: TransformOptions) => !options.keepFullCpr && def.type === 'string' && !KEY_FIELDS.has(def.field);

/** The cell an issue quotes; a CPR column's value masked whole, any other CPR-like value masked, unless full numbers are kept. */
function issueValue(cell: SourceCell | undefined, column: BoundColumn, options: TransformOptions): string | null {
  const text = cellText(cell);
  return text === null || options.keepFullCpr ? text : maskCprLike(text, { cprColumn: column.def.type === 'cpr' });
}

/** Issues quote values and case numbers in their messages too: nothing CPR-like leaves the import unmasked. */
const maskIssue = (issue: ImportIssue): ImportIssue => ({ ...issue, value: issue.value === null ? null : maskCprLike(issue.value), message: maskCprLike(issue.message) });

function toCase(values: Values): Case {
  const cpr = values.cpr as { cpr: string; birthDate: string } | null | undefined;
  const value = (field: string) => (values[field] ?? null) as string | null;
  return {
    caseNumber: value('caseNumber')!,
    cpr: cpr?.cpr ?? null,
    // The CPR number's date is the birth date when the extract gives none.
    birthDate: value('birthDate') ?? cpr?.birthDate ?? null,
    unit: value('unit')!,
    group: value('group'),
    caseworker: value('caseworker')!,
    openedAt: value('openedAt'),
    closedAt: value('closedAt'),
    awareAt: value('awareAt'),
  };
}

function pushEvent(events: Map<EventTableName, Values[]>, table: EventTableName, values: Values, sheet: string, row: number): void {
  const list = events.get(table) ?? [];
  list.push({ ...values, __sheet: sheet, __row: row });
  events.set(table, list);
}

/** Fills absent optional fields with null and gives every event an id that is stable across extracts. */
function finishEvents(table: EventTableName, list: Values[], issues: ImportIssue[], caseExists: (caseNumber: string) => boolean): Values[] {
  const fields = [...fieldByKey.values()].filter((d) => d.table === table).map((d) => d.field);
  const ids = new EventIds();
  const measureIds = new Map<string, number>();
  const result: Values[] = [];
  for (const { __sheet, __row, ...values } of list) {
    const event: Values = {};
    for (const field of fields) event[field] = values[field] ?? null;
    const row = __row as number;
    if (!caseExists(event.caseNumber as string)) {
      issues.push({ sheet: __sheet as string, row, column: null, value: event.caseNumber as string, message: `Sagsnr ${event.caseNumber} findes ikke blandt sagerne; rækken er ikke importeret.`, severity: 'error' });
      continue;
    }
    if (table === 'measures') {
      const measureId = (event.measureId as string | null) ?? `${event.caseNumber}-R${row}`;
      const earlier = measureIds.get(measureId);
      if (earlier !== undefined) {
        issues.push({ sheet: __sheet as string, row, column: null, value: measureId, message: `Foranstaltnings-id ${measureId} findes allerede i række ${earlier}; foranstaltningen i denne række er ikke importeret.`, severity: 'error' });
        continue;
      }
      measureIds.set(measureId, row);
      event.measureId = measureId;
    }
    event.id = ids.next(table, event);
    result.push(event);
  }
  return result;
}
