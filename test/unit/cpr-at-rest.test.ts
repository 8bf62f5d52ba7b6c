/**
 * Full CPR numbers are found nowhere with the default setting (issue 15, point 1): an extract with
 * full, valid CPR numbers (and CPR-like values where they do not belong) is read as the import
 * page reads it, imported, screened, sampled, reviewed and planned; then every store of the
 * workspace (deflated files inflated, xlsx unzipped), every export, the headless command's output
 * and the console are searched for each number's digits. The same import into a workspace that
 * keeps full numbers must find them, so the search itself is shown to work.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Dexie from 'dexie';
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addAction, addFocusArea, loadPlan } from '../../src/app/improvement';
import { runImport } from '../../src/app/import-run';
import { exportHandover, setUpRound } from '../../src/app/review';
import { drawRound, loadFrame } from '../../src/app/sampling';
import { runScreening, storeScreening } from '../../src/app/screening';
import { screenFile } from '../../src/app/screen-file';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import type { ImportRecord } from '../../src/domain/records';
import { deadlineItems } from '../../src/domain/rules/deadlines';
import { deadlineWorkbook } from '../../src/io/deadline-workbook';
import { issuesWorkbook } from '../../src/io/issues-report';
import { suggestMapping } from '../../src/io/mapping';
import { planWorkbook } from '../../src/io/plan-workbook';
import { previewCell, previewValue } from '../../src/io/preview';
import { readSourceFile } from '../../src/io/read-file';
import { sampleWorkbook } from '../../src/io/sample-workbook';
import { screeningWorkbook } from '../../src/io/screening-workbook';
import { dumpDatabase, rowsOf } from './db-dump';

const ROOT = resolve(__dirname, '../..');
const FILE_NAME = 'udtraek-2025-12-31.csv';
const AS_OF = '2025-12-31';

/** Fictitious CPR numbers, each in the form the extract writes it. */
const VALID = { s1: '050324-4234', s2: '1204155678', s3: '0707186543', s4: '231119 - 4021' };
/** Feb 31 in the CPR column; a CPR number in a date column; in free text; a digit too many; in a column nobody maps. */
const ODD = { invalid: '3102174321', inDate: '1503165432', inText: '220616-5555', tooLong: '010120-98765', unmapped: '2802901234' };

const HEADERS = ['Sagsnr', 'CPR-nr', 'Enhed', 'Gruppe', 'Sagsbehandler', 'Mor', 'Underretning modtaget', 'Underretning fra fagperson', 'Undersøgelse påbegyndt', 'Foranstaltning type', 'Foranstaltning iværksat'];
const ROWS = [
  ['S-01', VALID.s1, 'Nord', 'Børn', 'Alma Fiktiv', ODD.unmapped, '02-06-2025', 'Ja', '05-06-2025', 'Anbringelse', '01-07-2025'],
  ['S-02', VALID.s2, 'Nord', 'Unge', 'Alma Fiktiv', '', '10-08-2025', 'Ja', '12-08-2025', '', ''],
  ['S-03', VALID.s3, 'Syd', 'Børn', 'Bent Opdigtet', '', '01-10-2025', 'Nej', '', 'Forebyggende', '01-11-2025'],
  ['S-04', VALID.s4, 'Syd', 'Unge', 'Bent Opdigtet', '', '15-11-2025', 'Ja', '', '', ''],
  ['S-05', ODD.invalid, 'Nord', 'Børn', 'Alma Fiktiv', '', '01-12-2025', 'Ja', '', '', ''],
  ['S-06', '', 'Syd', `Søskende til ${ODD.inText}`, 'Bent Opdigtet', '', ODD.inDate, 'Ja', '', '', ''],
  ['S-07', ODD.tooLong, 'Syd', 'Børn', 'Bent Opdigtet', '', '20-12-2025', 'Ja', '', '', ''],
];
const CSV = new TextEncoder().encode(`${[HEADERS, ...ROWS].map((r) => r.join(';')).join('\r\n')}\r\n`);

/** Each number's digits as they could be found: ten in a row, with a dash or spaces, and as a number without its leading zero. */
function patterns(value: string): RegExp[] {
  const digits = value.replace(/\D/g, '');
  const list = [new RegExp(`${digits.slice(0, 6)}[\\s-]*${digits.slice(6)}`)];
  if (digits.startsWith('0')) list.push(new RegExp(`(?<!\\d)${digits.replace(/^0+/, '')}(?!\\d)`));
  return list;
}
const NEEDLES = [...Object.values(VALID), ...Object.values(ODD)].map((value) => ({ value, patterns: patterns(value) }));
const found = (text: string) => NEEDLES.filter((n) => n.patterns.some((p) => p.test(text))).map((n) => n.value);

/** The text inside a stored or exported file: a zip's entries, or deflated bytes inflated. */
function bytesText(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry)).join('\n');
  try {
    return strFromU8(inflateSync(bytes));
  } catch {
    return strFromU8(bytes, true);
  }
}

/** Every value of a row as text, typed arrays and numbers included. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return bytesText(value);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).join(',');
  if (Array.isArray(value)) return value.map(valueText).join('\n');
  if (value instanceof Map || value instanceof Set) return [...value].map(valueText).join('\n');
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${valueText(v)}`).join('\n');
}

/** Every store of the workspace, as db-dump reads it, by table. */
async function storedText(db: WorkspaceDb): Promise<Map<string, string>> {
  const dump = await dumpDatabase(db, 'test', 'cpr-at-rest');
  return new Map(Object.keys(dump.tables).map((table) => [table, rowsOf(dump, table).map(valueText).join('\n')]));
}

async function importInto(db: WorkspaceDb, keepFullCpr: boolean): Promise<ImportRecord> {
  const read = readSourceFile(CSV, FILE_NAME);
  if (!read.ok) throw new Error(read.message);
  return runImport(db, read.value, {
    importId: crypto.randomUUID(), importedAt: '2026-01-02T08:00:00.000Z', fileName: FILE_NAME, size: CSV.byteLength, sha256: 'ab', readMs: 1,
    mapping: suggestMapping(read.value), keepFullCpr, extractDate: AS_OF, source: CSV, by: 'Test Fiktiv',
  });
}

/** Everything the workbench writes from a workspace, by name. */
async function exportsOf(db: WorkspaceDb, record: ImportRecord): Promise<Map<string, Uint8Array>> {
  const screening = await runScreening(db, { id: crypto.randomUUID(), asOf: AS_OF, createdAt: '2026-01-02T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
  await storeScreening(db, screening, 'Test Fiktiv');
  const { round, sample } = await drawRound(db, await loadFrame(db), {
    round: 'Ledelsestilsyn 4. kvartal 2025', level: 2, period: null, design: { kind: 'simple', n: 6 }, seed: 7,
    selection: { filter: {}, excludeClosed: false, reviewedWithinMonths: null, asOf: AS_OF, parentSampleId: null }, drawnBy: 'Leder Fiktiv',
  }, { by: 'Leder Fiktiv', at: '2026-01-02T10:00:00.000Z' });
  await setUpRound(db, round.id, 'anbringelse', ['Leder Fiktiv', 'Jurist Opdigtet'], { by: 'Leder Fiktiv', at: '2026-01-02T10:01:00.000Z' });
  const area = await addFocusArea(db, { title: 'Underretninger', questions: [], rules: [], from: null }, { by: 'Leder Fiktiv', at: '2026-01-02T11:00:00.000Z' });
  await addAction(db, { focusArea: area.id, text: 'Tjekliste', owner: 'Leder Fiktiv', deadline: '2026-03-31' }, { by: 'Leder Fiktiv' });
  const { areas, actions } = await loadPlan(db);
  const items = deadlineItems(screening.results, screening.cases, AS_OF);
  expect(items.length).toBeGreaterThan(0);
  return new Map([
    ['valideringsrapport', issuesWorkbook(record.issues)],
    ['stikprøve', sampleWorkbook(sample, false)],
    ['overdragelse', await exportHandover(db, round.id, false, '2026-01-02T10:02:00.000Z')],
    ['frister', deadlineWorkbook(items, (id) => id, AS_OF, 'Alle', false)],
    ['udviklingsplan', planWorkbook(areas, actions, '2026-01-02', false)],
  ]);
}

const consoleOutput: string[] = [];
let masked: WorkspaceDb;
let full: WorkspaceDb;
let maskedRecord: ImportRecord;
let fullRecord: ImportRecord;

beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args.map(valueText).join(' ')));
  }
  masked = await openWorkspaceDb('cpr-masked');
  full = await openWorkspaceDb('cpr-full');
  maskedRecord = await importInto(masked, false);
  fullRecord = await importInto(full, true);
}, 60_000);

afterAll(() => {
  masked.close();
  full.close();
  vi.restoreAllMocks();
});

describe('the extract used', () => {
  it('holds every number, and the search finds each of them in it', () => {
    expect(found(strFromU8(CSV))).toEqual(NEEDLES.map((n) => n.value));
  });

  it('is imported with each odd value reported: the invalid CPR number, the CPR number in a date column (so that row has no notification) and the one with a digit too many', () => {
    expect(maskedRecord.counts).toMatchObject({ rowsRead: 7, cases: 7 });
    expect(maskedRecord.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [6, 'CPR-nr', '310217-xxxx'],
      [7, 'Underretning modtaget', '150316-xxxx'],
      [7, null, null],
      [8, 'CPR-nr', '[CPR-lignende værdi]'],
    ]);
    expect(maskedRecord.issues[0]!.message).toBe('Datoen i CPR-nummeret findes ikke: "310217-xxxx". Værdien er gemt som ukendt.');
  });
});

describe('with the default setting (masking on)', () => {
  it('no store of the workspace holds any of the numbers', async () => {
    const stores = await storedText(masked);
    expect([...stores.keys()].sort()).toEqual(masked.tables.map((t) => t.name).sort());
    for (const [table, text] of stores) expect({ table, found: found(text) }).toEqual({ table, found: [] });
    // The search reached the cases, the issues and the kept file, where the masked forms are.
    expect(stores.get('caseChunks')).toContain('050324-xxxx');
    expect(stores.get('caseChunks')).toContain('Søskende til 220616-xxxx');
    expect(stores.get('imports')).toContain('310217-xxxx');
    expect(stores.get('importSources')).toContain('280290-xxxx');
  });

  it('keeps the rows it read, with the CPR column and every CPR-like value masked, instead of the file', async () => {
    const kept = (await masked.importSources.get(maskedRecord.id))!;
    expect(kept).toMatchObject({ kind: 'rows', deflated: true, fileName: FILE_NAME });
    const [sheet] = JSON.parse(bytesText(kept.bytes)) as { sheet: string; headers: string[]; rows: { number: number; cells: unknown[] }[] }[];
    expect(sheet!.headers).toEqual(HEADERS);
    expect(sheet!.rows.map((r) => r.cells[1])).toEqual(['050324-xxxx', '120415-xxxx', '070718-xxxx', '231119-xxxx', '310217-xxxx', null, '[CPR-lignende værdi]']);
    expect(sheet!.rows[0]!.cells).toEqual(['S-01', '050324-xxxx', 'Nord', 'Børn', 'Alma Fiktiv', '280290-xxxx', '02-06-2025', 'Ja', '05-06-2025', 'Anbringelse', '01-07-2025']);
  });

  it('no export holds any of the numbers', async () => {
    const files = await exportsOf(masked, maskedRecord);
    for (const [name, bytes] of files) expect({ name, found: found(bytesText(bytes)) }).toEqual({ name, found: [] });
    expect(bytesText(files.get('valideringsrapport')!)).toContain('310217-xxxx');
    // The exports were stored too: search the workspace again.
    for (const [table, text] of await storedText(masked)) expect({ table, found: found(text) }).toEqual({ table, found: [] });
  });

  it('the mapping preview shows none of the numbers, first values nor how they are read', () => {
    const read = readSourceFile(CSV, FILE_NAME);
    if (!read.ok) throw new Error(read.message);
    const mapping = suggestMapping(read.value);
    const shown = read.value.sheets[0]!.rows.flatMap((row) => mapping.sheets[0]!.columns.flatMap((column) => [
      previewCell(column.target, row.cells[column.column] ?? null, { keepFullCpr: false }),
      previewValue(column.target, row.cells[column.column] ?? null, { keepFullCpr: false }).text,
    ])).join('\n');
    expect(found(shown)).toEqual([]);
    expect(shown).toContain('050324-xxxx');
    // Ticked "keep full numbers", the preview shows what will be stored.
    const unmasked = read.value.sheets[0]!.rows.map((row) => previewValue('cases.cpr', row.cells[1] ?? null, { keepFullCpr: true }).text).join('\n');
    expect(unmasked).toContain('050324-4234');
  });

  it('the headless screening, in the app and on the command line, writes none of the numbers', () => {
    const report = screenFile(CSV, { fileName: FILE_NAME, asOf: AS_OF });
    if (!report.ok) throw new Error(report.message);
    const { json, results, summaries, issues } = report.value;
    expect(found(JSON.stringify({ json, issues }))).toEqual([]);
    expect(found(bytesText(screeningWorkbook({ asOf: json.asOf, ruleSetVersion: json.ruleSetVersion, results, summaries })))).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'cpr-'));
    const path = join(dir, FILE_NAME);
    writeFileSync(path, CSV);
    const run = spawnSync('npx', ['tsx', 'scripts/screen.ts', path, '--as-of', AS_OF], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('kolonne "CPR-nr", værdi "310217-xxxx"');
    expect(JSON.parse(run.stdout)).toMatchObject({ asOf: AS_OF });
    expect(found(run.stdout)).toEqual([]);
    expect(found(run.stderr)).toEqual([]);
  }, 30_000);

  it('the command line names no file by a CPR number in its refusals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpr-'));
    const empty = join(dir, `${VALID.s2}.csv`);
    writeFileSync(empty, '');
    for (const path of [empty, join(dir, `${VALID.s3}.csv`)]) {
      const run = spawnSync('npx', ['tsx', 'scripts/screen.ts', path, '--as-of', AS_OF], { cwd: ROOT, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^Fejl: Filen "[^"]*(120415|070718)-xxxx\.csv" (kan ikke læses|findes ikke)/);
      expect(found(run.stderr)).toEqual([]);
    }
  }, 30_000);

  it('nothing written to the console holds any of the numbers', () => {
    expect(found(consoleOutput.join('\n'))).toEqual([]);
  });
});

describe('in a workspace that keeps full CPR numbers', () => {
  it('the same search finds the numbers in the cases, the issues and the file kept as it was', async () => {
    const stores = await storedText(full);
    expect(found(stores.get('caseChunks')!)).toEqual([...Object.values(VALID), ODD.inText]);
    expect(found(stores.get('imports')!)).toEqual([ODD.invalid, ODD.inDate, ODD.tooLong]);
    expect(found(stores.get('importSources')!)).toEqual(NEEDLES.map((n) => n.value));
    expect(found(bytesText(issuesWorkbook(fullRecord.issues)))).toEqual([ODD.invalid, ODD.inDate, ODD.tooLong]);
  });
});
