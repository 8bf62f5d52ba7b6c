import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, setKeepImportFiles, type ImportRequest } from '../../src/app/import-run';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { inflateSync } from 'fflate';
import { allCases, caseManifest, eachCaseColumns, eachStoredCase, getCase, type ListedCase } from '../../src/db/case-store';
import { encodeColumns, type CaseColumns } from '../../src/domain/rules/case-columns';
import { suggestMapping } from '../../src/io/mapping';
import type { SourceCell, SourceWorkbook } from '../../src/domain/source';

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('import');
});
afterEach(() => db.close());

/** A one-sheet workbook; the header is row 1, so data rows are numbered from 2. */
const sheet = (name: string, headers: string[], rows: SourceCell[][]): SourceWorkbook['sheets'][number] => ({
  name, headers, rows: rows.map((cells, i) => ({ number: i + 2, cells })), emptyRows: 0,
});
const csv = (...sheets: SourceWorkbook['sheets']): SourceWorkbook => ({ format: 'csv', sheets });

let counter = 0;
function request(workbook: SourceWorkbook, importedAt = '2026-11-27T08:00:00.000Z'): ImportRequest {
  return { importId: `I-${++counter}`, importedAt, fileName: 'udtraek.csv', size: 100, sha256: 'ab', readMs: 1, mapping: suggestMapping(workbook), keepFullCpr: false, by: 'Test Fiktiv' };
}
const importBook = (workbook: SourceWorkbook, importedAt?: string) => runImport(db, workbook, request(workbook, importedAt));

const count = async () => (await caseManifest(db)).count;

/** The columns the screening reads must hold exactly the stored cases, chunk for chunk, in case-number order. */
async function expectColumnsMatchCases() {
  const chunks: ListedCase[][] = [];
  await eachStoredCase(db, (cases) => chunks.push(cases));
  const numbers = chunks.flat().map((c) => c.caseNumber);
  expect(numbers).toEqual([...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(numbers).toHaveLength(await count());
  const fromColumns: { columns: CaseColumns; units: (string | null)[] }[] = [];
  await eachCaseColumns(db, (columns, facts) => fromColumns.push({ columns, units: facts.unit }));
  expect(fromColumns).toEqual(chunks.map((cases) => ({ columns: encodeColumns(cases), units: cases.map((c) => (c.unit as string | undefined) ?? null) })));
}

const WIDE_HEADERS = ['Sagsnr', 'CPR-nr', 'Enhed', 'Sagsbehandler', 'Underretning modtaget', 'Underretning fra fagperson', 'Foranstaltning type', 'Foranstaltning iværksat', 'Handleplan dato'];

describe('importing a wide extract (one row per case)', () => {
  it('stores each case with its events, masks CPR numbers and derives the birth date', async () => {
    const book = csv(sheet('udtraek', WIDE_HEADERS, [
      ['S-1', '050324-4234', 'Nord', 'AB', '01-02-2024 10:15', 'Ja', 'Anbringelse', '15-03-2024', '10-03-2024'],
      ['S-2', null, 'Syd', 'CD', null, null, null, null, null],
    ]));
    const record = await importBook(book);
    expect(record.counts).toMatchObject({ rowsRead: 2, rowsRejected: 0, cases: 2, errors: 0, warnings: 0 });
    expect(record.diff).toEqual({ added: ['S-1', 'S-2'], changed: [], unchanged: 0, noLongerPresent: [] });

    const s1 = (await getCase(db, 'S-1'))!;
    expect(s1).toMatchObject({ cpr: '050324-xxxx', birthDate: '2024-03-05', unit: 'Nord', caseworker: 'AB', revision: record.dataRevision, missingSince: null });
    expect(s1.events.notifications).toEqual([expect.objectContaining({ caseNumber: 'S-1', receivedAt: '2024-02-01T10:15', fromProfessional: true, assessedAt: null })]);
    expect(s1.events.measures).toEqual([expect.objectContaining({ id: 'F:S-1-R2', measureId: 'S-1-R2', kind: 'placement', startDate: '2024-03-15', consent: null })]);
    expect(s1.events.actionPlans).toEqual([expect.objectContaining({ date: '2024-03-10', filed: null })]);
    const s2 = (await getCase(db, 'S-2'))!;
    expect(s2.events).toEqual({ notifications: [], investigations: [], measures: [], actionPlans: [], followUps: [], supervisionVisits: [] });
  });

  it('keeps the file it read, deflated, with the import record in a workspace that keeps full CPR numbers; a zip-based file as it is; none when the workspace says so', async () => {
    const book = csv(sheet('udtraek', WIDE_HEADERS, [['S-1', null, 'Nord', 'AB', null, null, null, null, null]]));
    const text = new TextEncoder().encode('Sagsnr;Enhed;Sagsbehandler\r\nS-1;Nord;AB\r\n'.repeat(50));
    const full = (workbook: SourceWorkbook): ImportRequest => ({ ...request(workbook), keepFullCpr: true });
    const record = await runImport(db, book, { ...full(book), source: text });
    const kept = (await db.importSources.get(record.id))!;
    expect(kept).toMatchObject({ fileName: 'udtraek.csv', kind: 'file', deflated: true, size: text.byteLength });
    expect(kept.bytes.byteLength).toBeLessThan(text.byteLength / 5);
    expect(inflateSync(kept.bytes)).toEqual(text);
    expect(await db.imports.get(record.id)).toMatchObject({ fileName: 'udtraek.csv', sha256: 'ab', size: 100, sourceKept: true });

    const zip = Uint8Array.from([0x50, 0x4b, 3, 4, 9, 9, 9]);
    const xlsx = await runImport(db, book, { ...full(book), source: zip });
    expect((await db.importSources.get(xlsx.id))!).toMatchObject({ deflated: false, bytes: zip });

    await setKeepImportFiles(db, false, { by: 'Test Fiktiv' });
    const none = await runImport(db, book, { ...full(book), source: text });
    expect(await db.importSources.get(none.id)).toBeUndefined();
    expect(none.sourceKept).toBe(false);
  });

  it('reports unusable rows and values with sheet, row, column and a Danish reason, and imports the rest', async () => {
    const book = csv(sheet('udtraek', WIDE_HEADERS, [
      ['S-1', null, 'Nord', 'AB', '31-02-2024', null, null, null, null],
      [null, null, 'Nord', 'AB', null, null, null, null, null],
      ['S-3', null, 'Nord', null, null, null, null, null, null],
      ['S-4', null, 'Syd', 'CD', null, 'Ja', 'Forebyggende', null, null],
      ['S-1', null, 'Syd', 'AB', null, null, null, null, null],
    ]));
    const record = await importBook(book);
    expect(record.counts).toMatchObject({ rowsRead: 5, rowsRejected: 2, cases: 2 });
    expect(record.issues).toEqual([
      { sheet: 'udtraek', row: 2, column: 'Underretning modtaget', value: '31-02-2024', message: expect.stringMatching(/^Datoen findes ikke: "31-02-2024"\. Værdien er gemt som ukendt\.$/), severity: 'warning' },
      { sheet: 'udtraek', row: 3, column: null, value: null, message: 'Rækken er ikke importeret: "Sagsnr" mangler.', severity: 'error' },
      { sheet: 'udtraek', row: 4, column: null, value: null, message: 'Rækken er ikke importeret: "Sagsbehandler" mangler.', severity: 'error' },
      { sheet: 'udtraek', row: 5, column: null, value: null, message: 'Underretninger: "Underretning fra fagperson" er udfyldt, men "Underretning modtaget" er tom, så der er ikke oprettet nogen.', severity: 'error' },
      { sheet: 'udtraek', row: 5, column: null, value: null, message: 'Foranstaltninger: "Foranstaltning type" er udfyldt, men "Foranstaltning iværksat" er tom, så der er ikke oprettet nogen.', severity: 'error' },
      { sheet: 'udtraek', row: 6, column: null, value: null, message: 'Sagsnr S-1 står også i række 2 med andre værdier i "Enhed". Sagens oplysninger fra række 2 er brugt.', severity: 'warning' },
    ]);
    expect((await getCase(db, 'S-1'))!.unit).toBe('Nord');
  });

  it('treats a __proto__ or constructor header as an ordinary column that is not imported', async () => {
    const book = csv(sheet('udtraek', ['Sagsnr', '__proto__', 'constructor', 'Enhed', 'Sagsbehandler'], [['S-1', '{"polluted":1}', 'x', 'Nord', 'AB']]));
    const record = await importBook(book);
    expect(record.counts.cases).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((await getCase(db, 'S-1'))!)).not.toContain('__proto__');
  });
});

describe('importing a long workbook (one sheet per table)', () => {
  it('links events to cases by Sagsnr and refuses events of unknown cases', async () => {
    const book = csv(
      sheet('Sager', ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Gruppe'], [['S-1', 'Nord', 'AB', 'Børn']]),
      sheet('Opfølgninger', ['Sagsnr', 'Dato', 'Kadence (måneder)'], [['S-1', '01-06-2024', '6'], ['S-1', '01-06-2024', null], ['S-9', '01-07-2024', null], ['S-1', null, '3']]),
    );
    const record = await importBook(book);
    expect(record.tables.sort()).toEqual(['cases', 'followUps']);
    expect((await getCase(db, 'S-1'))!.events.followUps).toEqual([
      { id: 'O:S-1:2024-06-01:1', caseNumber: 'S-1', measureId: null, date: '2024-06-01', cadenceMonths: 6 },
      { id: 'O:S-1:2024-06-01:2', caseNumber: 'S-1', measureId: null, date: '2024-06-01', cadenceMonths: null },
    ]);
    expect(record.issues.map((i) => [i.sheet, i.row, i.message])).toEqual([
      ['Opfølgninger', 4, 'Sagsnr S-9 findes ikke blandt sagerne; rækken er ikke importeret.'],
      ['Opfølgninger', 5, 'Rækken er ikke importeret: "Dato" mangler.'],
    ]);
  });
});

describe('re-importing a newer extract of the same cases', () => {
  const first = () => csv(sheet('udtraek', WIDE_HEADERS, [
    ['S-1', null, 'Nord', 'AB', '01-02-2024', 'Ja', null, null, null],
    ['S-2', null, 'Syd', 'CD', null, null, null, null, null],
    ['S-3', null, 'Syd', 'CD', null, null, null, null, null],
  ]));

  it('shows added, changed (which fields), unchanged and no longer present cases, and keeps the missing ones', async () => {
    await importBook(first(), '2026-11-01T08:00:00.000Z');
    const newer = csv(sheet('udtraek', WIDE_HEADERS, [
      ['S-1', null, 'Nord', 'EF', '01-02-2024', 'Nej', null, null, null],
      ['S-2', null, 'Syd', 'CD', null, null, null, null, null],
      ['S-4', null, 'Nord', 'AB', null, null, null, null, null],
    ]));
    const record = await importBook(newer, '2026-11-27T08:00:00.000Z');
    expect(record.diff).toEqual({
      added: ['S-4'],
      changed: [{ caseNumber: 'S-1', fields: ['caseworker', 'notifications'] }],
      unchanged: 1,
      noLongerPresent: ['S-3'],
    });
    expect(await count()).toBe(4);
    expect((await getCase(db, 'S-3'))!.missingSince).toBe('2026-11-27');
    expect((await getCase(db, 'S-1'))!.events.notifications).toEqual([expect.objectContaining({ fromProfessional: false })]);
    // Only the cases whose data changed get the new revision.
    expect(Object.fromEntries((await allCases(db)).map((c) => [c.caseNumber, c.revision]))).toEqual({ 'S-1': 2, 'S-2': 1, 'S-3': 1, 'S-4': 2 });
    await expectColumnsMatchCases();
  });

  it('changes nothing when the same extract is imported twice, not even the data revision', async () => {
    const once = await importBook(first());
    const before = { cases: await allCases(db), chunks: await db.caseChunks.toArray(), manifest: await caseManifest(db) };
    const record = await importBook(first());
    expect(record.diff).toEqual({ added: [], changed: [], unchanged: 3, noLongerPresent: [] });
    expect(record.dataRevision).toBe(once.dataRevision);
    expect({ cases: await allCases(db), chunks: await db.caseChunks.toArray(), manifest: await caseManifest(db) }).toEqual(before);
  });

  it('keeps the events of tables the new file does not cover', async () => {
    await importBook(first());
    const casesOnly = csv(sheet('udtraek', ['Sagsnr', 'Enhed', 'Sagsbehandler'], [['S-1', 'Nord', 'AB'], ['S-2', 'Syd', 'CD'], ['S-3', 'Syd', 'CD']]));
    const record = await importBook(casesOnly);
    expect(record.diff.unchanged).toBe(3);
    expect((await getCase(db, 'S-1'))!.events.notifications).toHaveLength(1);
    await expectColumnsMatchCases();
  });

  it('keeps 4,500 cases in case-number order over three chunks, also when a re-import adds and changes some', async () => {
    const rows = (n: number, caseworker: string) => Array.from({ length: n }, (_, i) => [`S-${String(n - i).padStart(5, '0')}`, null, 'Nord', caseworker, null, null, null, null, null]);
    await importBook(csv(sheet('udtraek', WIDE_HEADERS, rows(4_000, 'AB'))));
    await expectColumnsMatchCases();
    await importBook(csv(sheet('udtraek', WIDE_HEADERS, rows(4_500, 'CD').slice(0, 1_000))));
    expect(await count()).toBe(4_500);
    expect(await db.caseChunks.count()).toBe(3);
    expect(await db.columnChunks.count()).toBe(3);
    await expectColumnsMatchCases();
  }, 30_000);
});

describe('atomicity', () => {
  it('leaves the workspace exactly as it was when the import fails half-way', async () => {
    await importBook(csv(sheet('udtraek', WIDE_HEADERS, [['S-1', null, 'Nord', 'AB', null, null, null, null, null]])));
    const before = { cases: await allCases(db), manifest: await caseManifest(db), imports: await db.imports.count(), files: await db.importSources.count() };
    const book = csv(sheet('udtraek', WIDE_HEADERS, Array.from({ length: 12_000 }, (_, i) => [`N-${i}`, null, 'Nord', 'AB', null, null, null, null, null])));
    let writes = 0;
    const failing = runImport(db, book, request(book), (stage) => {
      if (stage === 'write' && ++writes === 2) throw new Error('fanen blev lukket');
    });
    await expect(failing).rejects.toThrow('fanen blev lukket');
    expect({ cases: await allCases(db), manifest: await caseManifest(db), imports: await db.imports.count(), files: await db.importSources.count() }).toEqual(before);
    await expectColumnsMatchCases();
  });
});

describe('two imports at once into one workspace', () => {
  it('lands both whole, one after the other: every case of both is stored, listed and screened', async () => {
    const big = csv(sheet('stor', WIDE_HEADERS, Array.from({ length: 5_000 }, (_, i) => [`B-${String(i).padStart(5, '0')}`, null, 'Nord', 'AB', null, null, null, null, null])));
    const small = csv(sheet('lille', WIDE_HEADERS, [['A-1', null, 'Syd', 'CD', null, null, null, null, null], ['A-2', null, 'Syd', 'CD', null, null, null, null, null], ['A-3', null, 'Syd', 'CD', null, null, null, null, null]]));
    // The small one may land second: it is confirmed, as the user would when asked (nothing of the big one is lost).
    const [first, second] = await Promise.all([importBook(big), runImport(db, small, { ...request(small), confirmedShrink: true })]);
    // Each decided what was new inside its own transaction: whichever ran second saw the first's cases as known.
    expect([first.diff.added.length, second.diff.added.length]).toEqual([5_000, 3]);
    expect(first.diff.noLongerPresent.length + second.diff.noLongerPresent.length).toBe(first.dataRevision! < second.dataRevision! ? 5_000 : 3);
    expect(await count()).toBe(5_003);
    const listed: string[] = [];
    await eachStoredCase(db, (cases) => listed.push(...cases.map((c) => c.caseNumber)));
    expect(listed).toHaveLength(5_003);
    let screened = 0;
    await eachCaseColumns(db, (columns) => (screened += columns.size));
    expect(screened).toBe(5_003);
    expect(await getCase(db, 'A-2')).toMatchObject({ unit: 'Syd' });
    expect(await getCase(db, 'B-04999')).toMatchObject({ unit: 'Nord' });
  }, 30_000);
});

describe('the setting "Behold fulde CPR-numre i dette arbejdsområde"', () => {
  const book = csv(sheet('udtraek', WIDE_HEADERS, [['S-1', '050324-4234', 'Nord', 'AB', null, null, null, null, null]]));
  const settingChanges = async () => (await db.auditLog.where('action').equals('settings.keepFullCpr').toArray()).map(({ at, details }) => ({ at, ...details }));
  const kept = async () => (await db.settings.get('keepFullCpr'))?.value;

  it('is stored with the import that changes it, which logs the change; an import that changes nothing logs nothing', async () => {
    await importBook(book, '2026-11-27T08:00:00.000Z');
    expect(await settingChanges()).toEqual([]);
    await runImport(db, book, { ...request(book, '2026-11-28T08:00:00.000Z'), keepFullCpr: true });
    await runImport(db, book, { ...request(book, '2026-11-29T08:00:00.000Z'), keepFullCpr: true });
    expect(await kept()).toBe(true);
    expect((await getCase(db, 'S-1'))!.cpr).toBe('050324-4234');
    await importBook(book, '2026-11-30T08:00:00.000Z');
    expect(await kept()).toBe(false);
    expect((await getCase(db, 'S-1'))!.cpr).toBe('050324-xxxx');
    expect(await settingChanges()).toEqual([
      { at: '2026-11-28T08:00:00.000Z', from: false, to: true },
      { at: '2026-11-30T08:00:00.000Z', from: true, to: false },
    ]);
  });

  it('is left as it was, and nothing is logged, when the import that would change it fails', async () => {
    let writes = 0;
    const failing = runImport(db, book, { ...request(book), keepFullCpr: true }, (stage) => {
      if (stage === 'write' && ++writes === 2) throw new Error('fanen blev lukket');
    });
    await expect(failing).rejects.toThrow('fanen blev lukket');
    expect(await kept()).toBeUndefined();
    expect(await settingChanges()).toEqual([]);
    expect(await db.auditLog.count()).toBe(0);
  });
});
