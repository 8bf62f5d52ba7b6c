/**
 * The acceptance test of the import: real file bytes in every dialect (xlsx, xls, ods, CSV in
 * Windows-1252 and UTF-8) go through readSourceFile → mapping → runImport into a workspace, and
 * all of them must give the same canonical cases. Then hostile files.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runImport } from '../../src/app/import-run';
import type { StoredCase } from '../../src/domain/records';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { fieldByKey, fieldsOf, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, TABLES } from '../../src/domain/fields';
import { EVENT_TABLES, type EventTableName, type MeasureKind, type NotificationOutcome } from '../../src/domain/types';
import { applyProfile, headerSignature, mappingProblems, suggestMapping } from '../../src/io/mapping';
import type { ImportMapping } from '../../src/domain/mapping';
import { readSourceFile } from '../../src/io/read-file';
import type { SourceWorkbook } from '../../src/domain/source';
import { templateSheets } from '../../src/io/template';
import { writeWorkbook, type OutCell } from '../../src/io/xlsx-write';
import { inflateSync, strFromU8 } from 'fflate';
import { allCases, getCase } from '../../src/db/case-store';

// ---------------------------------------------------------------------------------------------
// 50 cases, as canonical values keyed `table.field` (null: no such value or no such event).

type Value = string | number | boolean | null;
type Flat = Record<string, Value>;
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const UNITS = ['Børnefamilieenhed Nord', 'Børnefamilieenhed Syd', 'Døgnvagten', 'Ungeenheden Østerå'];
const WORKERS = ['Søren Ærø', 'Åse Ødegård', 'Bjørn Æbelø', 'Mette Aagaard'];
const GROUPS = ['Undersøgelse', 'Børn', 'Unge', 'Handicap', null];
const OUTCOMES: (NotificationOutcome | null)[] = ['investigation', 'preventive', 'none', null];

/** Also the CPR number as the source writes it; stored as `ddmmåå-xxxx`. */
function caseValues(i: number): Flat & { cprSource: string } {
  const [m, d, yy] = [((i - 1) % 12) + 1, ((i - 1) % 28) + 1, 10 + (i % 10)];
  const when = <T extends Value>(has: boolean, value: T) => (has ? value : null);
  const [note, bfu, measure, plan, follow, visit] = [i % 2 === 1, i % 3 === 0, i % 2 === 0, i % 4 === 0, i % 5 === 0, i % 6 === 0];
  return {
    cprSource: `${pad(d)}${pad(m)}${yy}-4${String(i).padStart(3, '0')}`,
    'cases.caseNumber': `S-${String(i).padStart(3, '0')}`, 'cases.cpr': `${pad(d)}${pad(m)}${yy}-xxxx`, 'cases.birthDate': iso(2000 + yy, m, d),
    'cases.unit': UNITS[i % 4]!, 'cases.group': GROUPS[i % 5]!, 'cases.caseworker': WORKERS[i % 4]!,
    'cases.openedAt': iso(2024, m, d), 'cases.closedAt': when(i % 5 === 0, iso(2025, m, d)), 'cases.awareAt': iso(2023, m, d),
    'notifications.receivedAt': when(note, i % 3 === 0 ? iso(2023, m, d) : `${iso(2023, m, d)}T${pad(8 + (i % 10))}:${pad((i * 7) % 60)}`),
    'notifications.fromProfessional': when(note, [null, true, false][i % 3]!), 'notifications.outcome': when(note, OUTCOMES[(i >> 1) % 4]!),
    'investigations.startedAt': when(bfu, iso(2023, m, d)), 'investigations.completedAt': when(bfu && !visit, iso(2023, m, 28)),
    'measures.measureId': when(measure, `F-${i}`), 'measures.kind': when(measure, i % 4 === 0 ? 'placement' : 'preventive'),
    'measures.consent': when(measure, [false, null, null, null, true, null, null, null][i % 8]!),
    'measures.startDate': when(measure, iso(2024, m, d)), 'measures.endDate': when(i % 10 === 0, iso(2025, m, d)),
    'actionPlans.date': when(plan, iso(2024, m, d)), 'actionPlans.filed': when(plan, i % 8 === 0),
    'followUps.date': when(follow, iso(2024, m, 28)), 'followUps.cadenceMonths': when(follow, i % 10 === 0 ? 6 : 3),
    'supervisionVisits.date': when(visit, iso(2024, m, 27)), 'supervisionVisits.childSeenAlone': when(visit, i % 12 === 0),
  };
}
const CASES = Array.from({ length: 50 }, (_, i) => caseValues(i + 1));
const PRESENCE = Object.fromEntries(TABLES.map((t) => [t.name, t.presenceField])) as Record<EventTableName, string>;
const ID_PREFIX: Record<EventTableName, string> = { notifications: 'N', investigations: 'U', measures: 'F', actionPlans: 'H', followUps: 'O', supervisionVisits: 'T' };

/** What the workspace must hold for a case, whatever the file looked like. */
function expectedCase(c: Flat): Omit<StoredCase, 'revision'> {
  const pick = (table: string) => Object.fromEntries(fieldsOf(table as never).map((f) => [f.field, c[`${table}.${f.field}`] ?? null]));
  const caseNumber = c['cases.caseNumber'] as string;
  const events = Object.fromEntries(EVENT_TABLES.map((t) => {
    const at = c[`${t}.${PRESENCE[t]}`];
    const id = t === 'measures' ? `F:${c['measures.measureId']}` : `${ID_PREFIX[t]}:${caseNumber}:${at}:1`;
    return [t, at === null ? [] : [{ ...pick(t), id, caseNumber }]];
  }));
  return { ...pick('cases'), events, missingSince: null } as unknown as Omit<StoredCase, 'revision'>;
}
const EXPECTED = CASES.map(expectedCase);

// ---------------------------------------------------------------------------------------------
// Dialects: how each kind of file writes a value of each field type.

type Cell = OutCell | XLSX.CellObject;
/** `i` is the case's number, for dialects that vary their spelling from row to row. */
type Dialect = { [K in 'date' | 'datetime']: (iso: string, i: number) => Cell } & {
  bool: (value: boolean) => Cell; kind: (value: MeasureKind) => Cell; outcome: (value: NotificationOutcome) => Cell; cpr: (source: string, i: number) => Cell;
};
type Columns = [header: string, key: string][];

function cellOf(dialect: Dialect, c: ReturnType<typeof caseValues>, key: string, i: number): Cell {
  const def = fieldByKey.get(key)!;
  const value = (def.field === 'caseNumber' ? c['cases.caseNumber'] : c[key] ?? null) as never;
  if (value === null) return null;
  const write = { date: dialect.date, datetime: dialect.datetime, bool: dialect.bool, measureKind: dialect.kind, outcome: dialect.outcome }[def.type as 'date'];
  return def.type === 'cpr' ? dialect.cpr(c.cprSource, i) : write ? write(value, i) : value;
}
/** One row per case (wide) or per event (long: only cases that have the event of the sheet's table). */
const rowsFor = (dialect: Dialect, columns: Columns, table?: EventTableName) =>
  CASES.flatMap((c, i) => (table && c[`${table}.${PRESENCE[table]}`] === null ? [] : [columns.map(([, key]) => cellOf(dialect, c, key, i + 1))]));

const dmy = (value: string, sep: string) => {
  const [date, time] = value.split('T');
  return `${date!.slice(8, 10)}${sep}${date!.slice(5, 7)}${sep}${date!.slice(0, 4)}${time ? ` ${time}` : ''}`;
};
/** Excel's 1900 serial, counted from 30-12-1899 (valid after 28-02-1900); the fraction is the time. */
const serial = (value: string) => {
  const [y, m, d, h, min] = value.split(/[-T:]/).map(Number);
  return (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000 + ((h ?? 0) * 60 + (min ?? 0)) / 1440;
};
const excelDate = (value: string): XLSX.CellObject => ({ t: 'n', v: serial(value), z: value.includes('T') ? 'dd-mm-yyyy hh:mm' : 'dd-mm-yyyy' });

const TEMPLATE: Dialect = {
  date: (v) => dmy(v, '-'), datetime: (v) => dmy(v, '-'), bool: (v) => (v ? 'Ja' : 'Nej'),
  kind: (v) => MEASURE_KIND_SYNONYMS[v][0]!, outcome: (v) => OUTCOME_SYNONYMS[v][0]!, cpr: (s) => s,
};
const DANISH_CSV: Dialect = {
  date: (v, i) => dmy(v, i % 2 ? '.' : '-'), datetime: (v, i) => dmy(v, i % 2 ? '.' : '-'), bool: (v) => (v ? 'J' : 'N'),
  kind: (v) => ({ placement: 'Anbragt', preventive: 'Støtte' })[v as 'placement'], outcome: (v) => ({ investigation: 'BFU', preventive: 'Forebyggende indsats', none: 'Henlagt' })[v as 'none'],
  cpr: (s, i) => (i % 2 ? s.replace('-', '') : s),
};
const ISO_CSV: Dialect = {
  date: (v) => v, datetime: (v) => v, bool: (v) => String(v),
  kind: (v) => ({ placement: 'Døgnanbringelse', preventive: 'Hjemmebaseret' })[v as 'placement'], outcome: (v) => ({ investigation: '§ 50', preventive: '§ 11, stk. 3', none: 'ingen' })[v as 'none'],
  cpr: (s) => s,
};
/** Real Excel cells: date serials with a date format, yes/no cells, a CPR number that lost its leading zero. */
const EXCEL: Dialect = {
  date: excelDate, datetime: excelDate, bool: (v) => ({ t: 'b', v }),
  kind: (v) => ({ placement: 'Anbringelse uden for hjemmet', preventive: 'Forebyggende foranstaltning' })[v as 'placement'],
  outcome: (v) => ({ investigation: 'Børnefaglig undersøgelse', preventive: 'Forebyggende', none: 'Ingen videre' })[v as 'none'],
  cpr: (s) => ({ t: 'n', v: Number(s.replace('-', '')) }),
};

/** The fields of the two wide CSV files, in column order; each file spells the headers its own way. */
const WIDE_KEYS = [
  'cases.caseNumber', 'cases.cpr', 'cases.unit', 'cases.group', 'cases.caseworker', 'cases.openedAt', 'cases.closedAt', 'cases.awareAt',
  'notifications.receivedAt', 'notifications.fromProfessional', 'notifications.outcome', 'investigations.startedAt', 'investigations.completedAt',
  'measures.measureId', 'measures.kind', 'measures.consent', 'measures.startDate', 'measures.endDate', 'actionPlans.date', 'actionPlans.filed',
  'followUps.date', 'followUps.cadenceMonths', 'supervisionVisits.date', 'supervisionVisits.childSeenAlone',
];
const wide = (headers: string[]): Columns => headers.map((header, i) => [header, WIDE_KEYS[i]!]);
const WIDE_DANISH = wide([
  'Sags nr.', 'CPR', 'Team', 'Gruppe', 'Rådgiver', 'Oprettelsesdato', 'Lukkedato', 'Opmærksomhedsdato',
  'Underretning modtaget', 'Underretning fra fagperson', 'Underretning udfald', 'Undersøgelse påbegyndt', 'Undersøgelse afsluttet',
  'Ydelses-id', 'Foranstaltning type', 'Foranstaltning samtykke', 'Foranstaltning iværksat', 'Foranstaltning ophørt', 'Handleplan dato', 'Handleplan journaliseret',
  'Opfølgning dato', 'Opfølgning kadence', 'Tilsyn dato', 'Tilsyn barnet set alene',
]);
const WIDE_ISO = wide([
  'Sagsnummer', 'Personnummer', 'Afdeling', 'Faggruppe', 'Sagsbehandler', 'Åbnet', 'Sag lukket', 'Kendskabsdato',
  'Underretningsdato', 'Underretning fagperson', 'Underretning resultat', 'BFU startdato', 'BFU slutdato',
  'Ydelsesid', 'Indsatstype', 'Indsats samtykke', 'Indsats startdato', 'Indsats slutdato', 'Plandato', 'Handleplan journaliseret',
  'Opfølgningsdato', 'Opfølgningskadence', 'Tilsynsdato', 'Tilsyn samtale alene',
]);
/** Sheet names and headers other than the template's, as another case system might write them. */
const LONG_OTHER: [sheet: string, table: EventTableName | null, Columns][] = [
  ['Børnesager', null, [['Journalnr', 'cases.caseNumber'], ['CPR nummer', 'cases.cpr'], ['Org. enhed', 'cases.unit'], ['Undergruppe', 'cases.group'], ['Sagsbeh.', 'cases.caseworker'], ['Oprettet', 'cases.openedAt'], ['Lukkedato', 'cases.closedAt'], ['Dato for kendskab', 'cases.awareAt']]],
  ['Underretning', 'notifications', [['Sags nr', 'notifications.caseNumber'], ['Modtaget dato', 'notifications.receivedAt'], ['Fagperson', 'notifications.fromProfessional'], ['Resultat', 'notifications.outcome']]],
  ['BFU', 'investigations', [['Sagsid', 'investigations.caseNumber'], ['Startdato', 'investigations.startedAt'], ['Slutdato', 'investigations.completedAt']]],
  ['Indsatser', 'measures', [['Sag nr', 'measures.caseNumber'], ['Indsats id', 'measures.measureId'], ['Indsatstype', 'measures.kind'], ['Med samtykke', 'measures.consent'], ['Fra dato', 'measures.startDate'], ['Til dato', 'measures.endDate']]],
  ['Barnets plan', 'actionPlans', [['Sagsnummer', 'actionPlans.caseNumber'], ['Udarbejdet', 'actionPlans.date'], ['Arkiveret', 'actionPlans.filed']]],
  ['Opfoelgning', 'followUps', [['Sags id', 'followUps.caseNumber'], ['Dato for opfølgning', 'followUps.date'], ['Opfølgningskadence', 'followUps.cadenceMonths']]],
  ['Personrettet tilsyn', 'supervisionVisits', [['Sagsnr', 'supervisionVisits.caseNumber'], ['Besøgsdato', 'supervisionVisits.date'], ['Samtale alene', 'supervisionVisits.childSeenAlone']]],
];

// ---------------------------------------------------------------------------------------------
// Writers of real file bytes.

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 agrees with Latin-1 for ASCII, æøåÆØÅ and §, which is all these files hold. */
const windows1252 = (text: string) => Uint8Array.from(text, (char) => {
  if (char.charCodeAt(0) > 0xff) throw new Error(`not in the test encoder: ${char}`);
  return char.charCodeAt(0);
});
function csvText(columns: Columns, rows: Cell[][], delimiter: string): string {
  const quote = (cell: Cell) => {
    const text = cell === null ? '' : String(cell);
    return text.includes(delimiter) || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.map(([h]) => h), ...rows].map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}
function workbookBytes(sheets: [string, Cell[][]][], bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? null : cell))));
    rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell !== null && typeof cell === 'object') sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    }));
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

const templateFile = () => writeWorkbook(templateSheets().map((sheet) => {
  const table = TABLES.find((t) => t.sheet === sheet.name);
  if (!table) return sheet;
  const columns: Columns = fieldsOf(table.name).map((f) => [f.header, `${f.table}.${f.field}`]);
  const rows = rowsFor(TEMPLATE, columns, table.name === 'cases' ? undefined : table.name) as OutCell[][];
  return { ...sheet, rows: [...sheet.rows, ...rows] };
}), 'Udfyldt skabelon');
const longFile = (bookType: XLSX.BookType) =>
  workbookBytes(LONG_OTHER.map(([name, table, columns]) => [name, [columns.map(([h]) => h), ...rowsFor(EXCEL, columns, table ?? undefined)]]), bookType);
const wideDanishCsv = () => windows1252(csvText(WIDE_DANISH, rowsFor(DANISH_CSV, WIDE_DANISH), ';'));
const wideIsoCsv = () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csvText(WIDE_ISO, rowsFor(ISO_CSV, WIDE_ISO), ','))]);

// ---------------------------------------------------------------------------------------------

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('filer');
});
afterEach(() => db.close());

let imports = 0;
/** What the import page does: read the bytes; only a file that was read is mapped and imported. */
async function importFile(bytes: Uint8Array, fileName: string, choose: (book: SourceWorkbook) => ImportMapping = suggestMapping) {
  const read = readSourceFile(bytes, fileName);
  if (!read.ok) throw new Error(read.message);
  const mapping = choose(read.value);
  expect(mappingProblems(mapping)).toEqual([]);
  const record = await runImport(db, read.value, {
    importId: `I-${++imports}`, importedAt: '2026-11-27T08:00:00.000Z', fileName, size: bytes.length, sha256: 'ab', readMs: 1, mapping, keepFullCpr: false, source: bytes, by: 'Test Fiktiv',
    // These small files into the 50 cases are the point of the tests; the question they would ask is tested in import-shrink.test.ts.
    confirmedShrink: true,
  });
  return { book: read.value, mapping, record };
}
const storedCases = async () => (await allCases(db)).map(({ revision: _, ...c }) => c);
const storedCase = (caseNumber: string) => getCase(db, caseNumber);
/** What an import kept of its file: with CPR numbers masked (the default), the rows as read. */
const keptRows = async (importId: string) => {
  const kept = (await db.importSources.get(importId))!;
  expect(kept).toMatchObject({ kind: 'rows', deflated: true });
  return JSON.parse(strFromU8(inflateSync(kept.bytes))) as unknown;
};
const asRead = (book: SourceWorkbook) => book.sheets.map((s) => ({ sheet: s.name, headers: s.headers, rows: s.rows }));
const targets = (mapping: ImportMapping) => mapping.sheets.map((s) => s.columns.map((c) => c.target));
const EVENTS = { notifications: 25, investigations: 16, measures: 25, actionPlans: 12, followUps: 10, supervisionVisits: 8 };

describe('the same 50 cases in every file dialect', () => {
  it('checks its own Excel serial helper against a date written out: 05-03-2024 is 45356', () => {
    expect([serial('2024-03-05'), serial('2024-03-05T18:00')]).toEqual([45356, 45356.75]);
  });

  it('(a) imports the filled-in template with nothing to map and stores the canonical cases', async () => {
    const { mapping, record } = await importFile(templateFile(), 'skabelon.xlsx');
    expect(targets(mapping).slice(1)).toEqual(TABLES.map((t) => fieldsOf(t.name).map((f) => `${f.table}.${f.field}`)));
    expect(record.counts).toMatchObject({ rowsRead: 146, rowsRejected: 0, cases: 50, events: EVENTS, errors: 0, warnings: 0 });
    expect(await storedCases()).toEqual(EXPECTED);
    expect((await storedCase('S-025'))!).toMatchObject({
      cpr: '250115-xxxx', birthDate: '2015-01-25', unit: 'Børnefamilieenhed Syd', group: 'Undersøgelse', caseworker: 'Åse Ødegård',
      openedAt: '2024-01-25', closedAt: '2025-01-25', awareAt: '2023-01-25',
      events: {
        notifications: [{ id: 'N:S-025:2023-01-25T13:55:1', caseNumber: 'S-025', receivedAt: '2023-01-25T13:55', fromProfessional: true, assessedAt: null, acknowledgedAt: null, outcome: 'investigation', preventiveConsidered: null }],
        investigations: [], measures: [], actionPlans: [], supervisionVisits: [],
        followUps: [{ id: 'O:S-025:2024-01-28:1', caseNumber: 'S-025', measureId: null, date: '2024-01-28', cadenceMonths: 3 }],
      },
    });
    expect((await storedCase('S-012'))!.events).toMatchObject({
      investigations: [{ startedAt: '2023-12-12', completedAt: null }],
      measures: [{ id: 'F:F-12', measureId: 'F-12', kind: 'placement', consent: true, startDate: '2024-12-12', endDate: null }],
      actionPlans: [{ date: '2024-12-12', filed: false }],
      supervisionVisits: [{ date: '2024-12-27', childSeenAlone: true }],
    });
  });

  it('(b) imports a wide semicolon CSV in Windows-1252 with other headers and dd-mm-åååå / dd.mm.åååå dates', async () => {
    const bytes = wideDanishCsv();
    expect(bytes.includes(0xf8)).toBe(true); // ø as one Windows-1252 byte, not UTF-8
    const { book, mapping, record } = await importFile(bytes, 'DUBU udtræk.csv');
    expect(book).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(book.sheets[0]!.rows[0]!.cells.slice(0, 11)).toEqual(['S-001', '0101114001', 'Børnefamilieenhed Syd', 'Børn', 'Åse Ødegård', '01.01.2024', null, '01.01.2023', '01.01.2023 09:07', 'J', 'BFU']);
    expect(book.sheets[0]!.rows[1]!.cells.slice(5, 8)).toEqual(['02-02-2024', null, '02-02-2023']);
    expect(targets(mapping)).toEqual([WIDE_DANISH.map(([, key]) => key)]);
    expect(record.counts).toMatchObject({ rowsRead: 50, rowsRejected: 0, cases: 50, events: EVENTS, errors: 0, warnings: 0 });
    expect(await storedCases()).toEqual(EXPECTED);
  });

  it('(c) imports a comma-separated UTF-8 CSV with a BOM and ISO dates', async () => {
    const { book, mapping, record } = await importFile(wideIsoCsv(), 'udtraek.csv');
    expect(book).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',' });
    expect(targets(mapping)).toEqual([WIDE_ISO.map(([, key]) => key)]);
    expect(record.counts).toMatchObject({ rowsRead: 50, cases: 50, events: EVENTS, errors: 0, warnings: 0 });
    expect(await storedCases()).toEqual(EXPECTED);
  });

  it('(d) imports a workbook with real Excel date cells, yes/no cells and other sheet and header names', async () => {
    const { book, mapping, record } = await importFile(longFile('xlsx'), 'nexus.xlsx');
    expect(book.format).toBe('xlsx');
    // Excel drops a CPR number's leading zero and gives date cells; the reader turns those into ISO dates.
    expect(book.sheets[0]!.rows[0]!.cells).toEqual(['S-001', 101114001, 'Børnefamilieenhed Syd', 'Børn', 'Åse Ødegård', '2024-01-01', null, '2023-01-01']);
    expect(book.sheets[1]!.rows[0]!.cells).toEqual(['S-001', '2023-01-01T09:07', true, 'Børnefaglig undersøgelse']);
    expect(mapping.sheets.map((s) => s.role)).toEqual(['cases', ...EVENT_TABLES]);
    expect(targets(mapping)).toEqual(LONG_OTHER.map(([, , columns]) => columns.map(([, key]) => key)));
    expect(record.counts).toMatchObject({ rowsRead: 146, cases: 50, events: EVENTS, errors: 0, warnings: 0 });
    expect(await storedCases()).toEqual(EXPECTED);
  });

  it.each([['ods', 'ods'], ['biff8', 'xls']] as const)('(e) imports the same workbook saved as %s through the profile saved for the .xlsx', async (bookType, format) => {
    const xlsx = readSourceFile(longFile('xlsx'), 'nexus.xlsx');
    if (!xlsx.ok) throw new Error(xlsx.message);
    const profile = { id: 'p', name: 'Nexus', signature: headerSignature(xlsx.value), mapping: suggestMapping(xlsx.value), createdAt: '2026-11-01T08:00:00.000Z' };
    const { book, mapping, record } = await importFile(longFile(bookType), `nexus.${format}`, (b) => applyProfile(b, profile));
    expect(book.format).toBe(format);
    expect(headerSignature(book)).toBe(profile.signature);
    expect(mapping).toEqual(profile.mapping);
    expect(record.counts).toMatchObject({ rowsRead: 146, cases: 50, events: EVENTS, errors: 0, warnings: 0 });
    expect(await storedCases()).toEqual(EXPECTED);
  });
});

describe('hostile files, imported into a workspace that already holds the 50 cases', () => {
  const snapshot = async () => ({ cases: await allCases(db), imports: await db.imports.toArray(), files: await db.importSources.toArray() });
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    await importFile(templateFile(), 'skabelon.xlsx');
    before = await snapshot();
  });

  /** The earlier import's record and file are untouched; the cases the file does not name keep all their data and are only marked. */
  async function expectEarlierImportKept(named: string[]) {
    const after = await snapshot();
    expect(after.imports.filter((i) => i.id === before.imports[0]!.id)).toEqual(before.imports);
    expect(after.files.filter((f) => f.importId === before.imports[0]!.id)).toEqual(before.files);
    const others = (list: StoredCase[]) => list.filter((c) => !named.includes(c.caseNumber));
    expect(others(after.cases)).toEqual(others(before.cases).map((c) => ({ ...c, missingSince: '2026-11-27' })));
    // The named cases have the new import's revision; the others kept theirs.
    const revision = after.imports.at(-1)!.dataRevision;
    expect(after.cases.filter((c) => named.includes(c.caseNumber)).map((c) => c.revision)).toEqual(named.map(() => revision));
  }

  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  it.each<[string, () => Uint8Array, string, string]>([
    ['a 0-byte file', () => new Uint8Array(), 'tom.csv', 'Filen er tom (0 byte).'],
    ['a PNG renamed .csv', () => png, 'udtraek.csv', 'Filen er ikke et regneark eller en CSV-fil (den ligner et billede/en PDF). Vælg et udtræk i formatet .xlsx, .xls, .ods eller .csv.'],
    ['the first half of an .xlsx', () => { const b = templateFile(); return b.slice(0, b.length / 2); }, 'halv.xlsx', 'Filen er en beskadiget zip-fil (xlsx og ods er zip-filer): dens indholdsfortegnelse kan ikke læses. Den er måske kun delvist hentet eller kopieret. Hent udtrækket igen, eller åbn det i Excel og gem det på ny.'],
  ])('refuses %s with a Danish message and never starts the import', async (_name, bytes, fileName, message) => {
    const read = readSourceFile(bytes(), fileName);
    expect(read).toEqual({ ok: false, message });
    if (read.ok) await runImport(db, read.value, { importId: 'X', importedAt: '2026-11-27T08:00:00.000Z', fileName, size: 0, sha256: '', readMs: 0, mapping: suggestMapping(read.value), keepFullCpr: false, by: 'Test Fiktiv' });
    expect(await snapshot()).toEqual(before);
  });

  it('stores a broken date as unknown with a warning naming the row and column, and imports the rest', async () => {
    const text = 'Sagsnr;Enhed;Sagsbehandler;Oprettet;Lukket;Underretning modtaget\n' +
      'S-001;Nord;AB;31-02-2024;;01-02-2024 10:15\nS-002;Nord;AB;05/03/24;2024-13-01;\nS-003;Nord;AB;i går;;kl. 10\n';
    const { record } = await importFile(utf8(text), 'datoer.csv');
    const kept = ' Værdien er gemt som ukendt.';
    expect(record.issues).toEqual([
      { sheet: 'datoer', row: 2, column: 'Oprettet', value: '31-02-2024', message: `Datoen findes ikke: "31-02-2024".${kept}`, severity: 'warning' },
      { sheet: 'datoer', row: 3, column: 'Oprettet', value: '05/03/24', message: `Årstal skal have fire cifre: "05/03/24".${kept}`, severity: 'warning' },
      { sheet: 'datoer', row: 3, column: 'Lukket', value: '2024-13-01', message: `Datoen findes ikke: "2024-13-01".${kept}`, severity: 'warning' },
      { sheet: 'datoer', row: 4, column: 'Oprettet', value: 'i går', message: `Ukendt datoformat "i går". Brug dd-mm-åååå.${kept}`, severity: 'warning' },
      { sheet: 'datoer', row: 4, column: 'Underretning modtaget', value: 'kl. 10', message: `Ukendt dato- og tidsformat "kl. 10". Brug dd-mm-åååå eller dd-mm-åååå tt:mm.${kept}`, severity: 'warning' },
    ]);
    expect(record.counts).toMatchObject({ rowsRead: 3, rowsRejected: 0, cases: 3, warnings: 5, errors: 0 });
    const [s1, s2, s3] = await Promise.all(['S-001', 'S-002', 'S-003'].map(storedCase));
    expect([s1!.openedAt, s2!.openedAt, s2!.closedAt, s3!.openedAt]).toEqual([null, null, null, null]);
    expect(s1!.events.notifications.map((n) => n.receivedAt)).toEqual(['2024-02-01T10:15']);
    expect(s3!.events.notifications).toEqual([]);
    await expectEarlierImportKept(['S-001', 'S-002', 'S-003']);
  });

  it('stores a follow-up cadence that is not a whole number of months as unknown, so the rule falls back to the kommune\u2019s standard', async () => {
    const text = 'Sagsnr;Enhed;Sagsbehandler;Opfølgning dato;Kadence (måneder)\nS-001;Nord;AB;01-03-2024;1,5\nS-002;Nord;AB;01-03-2024;3\n';
    const { record } = await importFile(utf8(text), 'kadence.csv');
    expect(record.issues).toEqual([
      { sheet: 'kadence', row: 2, column: 'Kadence (måneder)', value: '1,5', message: 'Ikke et helt antal måneder fra 1 til 120: "1,5". Værdien er gemt som ukendt.', severity: 'warning' },
    ]);
    const [s1, s2] = await Promise.all(['S-001', 'S-002'].map(storedCase));
    expect(s1!.events.followUps.map((f) => [f.date, f.cadenceMonths])).toEqual([['2024-03-01', null]]);
    expect(s2!.events.followUps.map((f) => [f.date, f.cadenceMonths])).toEqual([['2024-03-01', 3]]);
  });

  it('skips empty rows and counts them, keeping the rows it read', async () => {
    const file = utf8('Sagsnr;Enhed;Sagsbehandler\nS-001;Nord;AB\n\n;;\nS-002;Syd;CD\n');
    const { book, record } = await importFile(file, 'tomme.csv');
    expect(record.counts).toMatchObject({ rowsRead: 2, rowsRejected: 0, emptyRows: 2, cases: 2, errors: 0, warnings: 0 });
    expect(await keptRows(record.id)).toEqual([{ sheet: 'tomme', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler'], rows: [{ number: 2, cells: ['S-001', 'Nord', 'AB'] }, { number: 5, cells: ['S-002', 'Syd', 'CD'] }] }]);
    expect(await keptRows(record.id)).toEqual(asRead(book));
    await expectEarlierImportKept(['S-001', 'S-002']);
  });

  it('reports a case number given twice with other values, and a measure id given twice', async () => {
    const text = 'Sagsnr;Enhed;Sagsbehandler;Ydelses-id;Foranstaltning iværksat\n' +
      'S-001;Nord;AB;F-1;01-03-2024\nS-001;Syd;AB;F-1;01-04-2024\nS-002;Syd;CD;F-2;01-05-2024\nS-002;Syd;CD;F-3;01-06-2024\n';
    const { record } = await importFile(utf8(text), 'dubletter.csv');
    expect(record.issues).toEqual([
      { sheet: 'dubletter', row: 3, column: null, value: null, message: 'Sagsnr S-001 står også i række 2 med andre værdier i "Enhed". Sagens oplysninger fra række 2 er brugt.', severity: 'warning' },
      { sheet: 'dubletter', row: 3, column: null, value: 'F-1', message: 'Foranstaltnings-id F-1 findes allerede i række 2; foranstaltningen i denne række er ikke importeret.', severity: 'error' },
    ]);
    expect((await storedCase('S-001'))!).toMatchObject({ unit: 'Nord', events: { measures: [{ measureId: 'F-1', startDate: '2024-03-01' }] } });
    expect((await storedCase('S-002'))!.events.measures.map((m) => [m.measureId, m.startDate])).toEqual([['F-2', '2024-05-01'], ['F-3', '2024-06-01']]);
    await expectEarlierImportKept(['S-001', 'S-002']);
  });

  it('leaves a __proto__ header unmapped, pollutes nothing and keeps the cell in the file it keeps', async () => {
    const file = utf8('Sagsnr;__proto__;constructor;toString;Enhed;Sagsbehandler\nS-001;{"polluted":1};x;y;Nord;AB\n');
    const { book, mapping, record } = await importFile(file, 'proto.csv');
    expect(targets(mapping)).toEqual([['cases.caseNumber', null, null, null, 'cases.unit', 'cases.caseworker']]);
    expect(record.counts).toMatchObject({ rowsRead: 1, cases: 1, errors: 0, warnings: 0 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((await storedCase('S-001'))!).sort()).toEqual(['awareAt', 'birthDate', 'caseNumber', 'caseworker', 'closedAt', 'cpr', 'events', 'group', 'missingSince', 'openedAt', 'revision', 'unit']);
    expect(await keptRows(record.id)).toEqual(asRead(book));
    expect(JSON.stringify(await keptRows(record.id))).toContain('{\\"polluted\\":1}');
    await expectEarlierImportKept(['S-001']);
  });
});

describe('a wide extract with one row per measure', () => {
  // Fails at the time of writing: transform.ts creates the notification again for every row of the case.
  it("stores the case's notification once, although every measure row repeats it", async () => {
    const text = 'Sagsnr;Enhed;Sagsbehandler;Underretning modtaget;Ydelses-id;Foranstaltning iværksat\n' +
      'S-001;Nord;AB;01-02-2024 10:15;F-1;01-03-2024\nS-001;Nord;AB;01-02-2024 10:15;F-2;01-04-2024\n';
    const { record } = await importFile(utf8(text), 'pr-foranstaltning.csv');
    expect(record.issues).toEqual([]);
    const events = (await storedCase('S-001'))!.events;
    expect(events.measures.map((m) => [m.measureId, m.startDate])).toEqual([['F-1', '2024-03-01'], ['F-2', '2024-04-01']]);
    expect(events.notifications.map((n) => [n.id, n.receivedAt])).toEqual([['N:S-001:2024-02-01T10:15:1', '2024-02-01T10:15']]);
  });
});
