import Dexie from 'dexie';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { composeStoredReport, type ReportRequest } from '../../src/app/report-compose';
import { deleteReport, getReport, listReports, storeReport } from '../../src/app/reports';
import { saveAnswer } from '../../src/app/review';
import { loadScreening } from '../../src/app/screening';
import { listRounds } from '../../src/app/sampling';
import { workspaceDbName } from '../../src/db/names';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { COMPLIANCE_HEADING_ROWS, COMPLIANCE_INTRO_ROWS, COMPLIANCE_LEAD_COLUMNS, reportWorkbook } from '../../src/io/report-workbook';
import { DEMO_MARK } from '../../src/io/xlsx-write';
import { loadDump, readDump } from './db-dump';

/**
 * The committee workbook of the schema v6 fixture (test/unit/fixtures/README.md: the 26 cases of
 * test/fixtures/screening-scenario.csv screened at 30-06-2024; a simple random round of 5 cases in
 * 2nd quarter 2024 with three answers; one focus area with one action), read back with SheetJS and
 * checked against the data by hand for Børnefamilieenhed Nord in 2024 K2.
 */

const NORD = 'Børnefamilieenhed Nord';
const ROUND = 'Simpel tilfældig stikprøve – 2. kvartal 2024';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function fixture(): Promise<WorkspaceDb> {
  await loadDump(readDump('test/unit/fixtures/db-v6.json'), workspaceDbName('report'));
  return openWorkspaceDb('report');
}

const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({
  id: 'R-1', title: 'Lovoverholdelse 2. kvartal 2024', kommune: 'Fiktiv Kommune', createdAt: '2024-10-01T08:00:00.000Z', createdBy: 'Test Fiktiv',
  demo: false, quarters: ['2024 K2'], units: [], today: '2024-10-01', screeningId: 'fixture-screening-1', roundIds: [], ...over,
});

async function compose(db: WorkspaceDb, over: Partial<ReportRequest> = {}) {
  const [round] = await listRounds(db);
  const screening = await loadScreening(db, 'fixture-screening-1');
  return composeStoredReport(db, screening, request({ roundIds: [round!.round.id], ...over }), '9.9.9');
}

const sheetRows = (book: XLSX.WorkBook, name: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: true, defval: null });

/** The three cells (rate %, n, interval) of a row in the column group of unit × quarter × source. */
function cellsOf(rows: unknown[][], rowId: string, unit: string, quarter: string, source: string): unknown[] {
  const [units, quarters, sources] = rows.slice(COMPLIANCE_INTRO_ROWS, COMPLIANCE_INTRO_ROWS + 3);
  let at = -1;
  for (let c = COMPLIANCE_LEAD_COLUMNS; c < units!.length; c += 3) if (units![c] === unit && quarters![c] === quarter && sources![c] === source) at = c;
  expect(at, `${unit} ${quarter} ${source}`).toBeGreaterThan(0);
  const row = rows.find((r) => r[1] === rowId)!;
  expect(row, rowId).toBeDefined();
  return row.slice(at, at + 3).map((v) => v ?? '');
}

describe('the committee workbook (lovoverholdelsesrapport)', () => {
  it('has the screening per rule for Børnefamilieenhed Nord in 2024 K2, cell by cell as counted by hand', async () => {
    const db = await fixture();
    const book = XLSX.read(reportWorkbook(await compose(db)));
    expect(book.SheetNames).toEqual(['Lovoverholdelse', 'Metode', `Protokol ${ROUND}`.slice(0, 31), 'Fund', 'Udviklingsplan']);
    const rows = sheetRows(book, 'Lovoverholdelse');
    expect(rows.slice(0, 4)).toEqual([
      ['Lovoverholdelsesrapport: Lovoverholdelse 2. kvartal 2024', ...Array(rows[0]!.length - 1).fill(null)].slice(0, rows[0]!.length),
      ['Kommune', 'Fiktiv Kommune', ...Array(rows[1]!.length - 2).fill(null)],
      ['Periode', '2024 K2', ...Array(rows[2]!.length - 2).fill(null)],
      expect.arrayContaining([expect.stringMatching(/^01-10-2024 \d\d:00 af Test Fiktiv$/)]),
    ]);
    expect(rows[COMPLIANCE_INTRO_ROWS + COMPLIANCE_HEADING_ROWS - 1]!.slice(0, 10)).toEqual(['Type', 'Id', 'Regel / spørgsmål', 'Lovgrundlag', 'Andel (%)', 'n', '95 %-interval', 'Andel (%)', 'n', '95 %-interval']);
    // The screening's results of Nord's cases whose deadline (else trigger date) fell in 2024 K2:
    // met and met with exception comply, breached does not; pending, unknown and not applicable are not counted.
    const nord = (ruleId: string) => cellsOf(rows, ruleId, NORD, '2024 K2', 'Screening');
    expect(nord('BFU_4M')).toEqual([100, 3, '43,9–100,0']); // SCN-04 on the deadline day, SCN-14 and SCN-20 before it
    expect(nord('ANBR_STED')).toEqual([0, 1, '0,0–79,3']); // SCN-20: choice of placement not reasoned
    expect(nord('BFU_FOER_ANBR')).toEqual([100, 1, '20,7–100,0']); // SCN-20 investigated before the placement
    expect(nord('BISIDDER')).toEqual([100, 2, '34,2–100,0']); // SCN-20 and SCN-26; SCN-19 unknown
    expect(nord('FORAELDRE_VEJL')).toEqual([100, 1, '20,7–100,0']); // SCN-20
    expect(nord('OPF_FOERSTE')).toEqual([100, 1, '20,7–100,0']); // SCN-12 followed up on 04-06-2024, the deadline
    expect(nord('OPF_LOEBENDE')).toEqual([0, 1, '0,0–79,3']); // SCN-14: cadence 3 months from 25-03-2024, none by 25-06-2024
    expect(nord('PLAN_JOURNAL')).toEqual([100, 1, '20,7–100,0']); // SCN-14
    expect(nord('PLAN_RETTIDIG')).toEqual([0, 1, '0,0–79,3']); // SCN-14: plan 02-05-2024, a day after the deadline
    expect(nord('SAMTALE_FOER_AFG')).toEqual([100, 3, '43,9–100,0']); // SCN-19 held; SCN-20 and SCN-26 with a reason (exception)
    expect(nord('SAMVAER')).toEqual([100, 1, '20,7–100,0']); // SCN-20
    expect(nord('UND_KVIT')).toEqual([100, 2, '34,2–100,0']); // SCN-01 and SCN-05 acknowledged in time
    // Only unknown (SCN-20's plan given to the placement) or nothing in Nord that quarter: empty.
    for (const ruleId of ['PLAN_DELT', 'UND_24T', 'UND_STILLING', 'BFU_FORELOEBIG', 'TILSYN_2X', 'TILSYN_SAMTALE']) expect(nord(ruleId), ruleId).toEqual(['', '', '']);
    // All units together: BFU_4M in K2 is Nord's 3 met and Syd's SCN-06 and SCN-07 breached, 3 of 5.
    const bfu = rows.find((r) => r[1] === 'BFU_4M')!;
    expect(bfu.slice(0, 7)).toEqual(['Regel', 'BFU_4M', 'Børnefaglig undersøgelse afsluttet inden 4 måneder', 'Serviceloven § 50 / Barnets Lov § 20', 60, 5, '23,1–88,2']);
    db.close();
  });

  it('has the round per question for Børnefamilieenhed Nord in 2024 K2, its protocol, findings, method and plan', async () => {
    const db = await fixture();
    const book = XLSX.read(reportWorkbook(await compose(db)));
    const rows = sheetRows(book, 'Lovoverholdelse');
    // SCN-14 (Nord) answered Ja to underretning-24t and Nej to plan; SCN-08 (Syd) Ikke relevant.
    expect(cellsOf(rows, 'underretning-24t', NORD, '2024 K2', ROUND)).toEqual([100, 1, '20,7–100,0']);
    expect(cellsOf(rows, 'plan', NORD, '2024 K2', ROUND)).toEqual([0, 1, '0,0–79,3']);
    const plan = rows.find((r) => r[1] === 'plan')!;
    // The round's own estimate (a simple random sample: Wilson) over all its cases: 0 of 1.
    expect(plan.slice(4, 7)).toEqual([0, 1, '0,0–79,3']);
    // Syd's only answer was Ikke relevant: nothing counted.
    expect(cellsOf(rows, 'underretning-24t', 'Børnefamilieenhed Syd', '2024 K2', ROUND)).toEqual(['', '', '']);

    const protocol = sheetRows(book, `Protokol ${ROUND}`.slice(0, 31));
    expect(protocol).toEqual(expect.arrayContaining([
      expect.arrayContaining(['Design', 'Simpel tilfældig stikprøve: 5 sager']),
      expect.arrayContaining(['Frø', '42']),
      expect.arrayContaining(['Trukket af', 'Fixtur Fiktiv']),
    ]));
    expect(sheetRows(book, 'Fund')).toEqual([
      ['Runde', 'Sagsnr', 'Spørgsmål', 'Enhed', 'Bemærkning', 'Gennemgåer'],
      [ROUND, 'SCN-14', expect.any(String), NORD, 'Handleplanen er ikke journaliseret.', expect.any(String)],
    ]);
    const method = sheetRows(book, 'Metode');
    expect(method).toEqual(expect.arrayContaining([
      ['BFU_4M', 'Børnefaglig undersøgelse afsluttet inden 4 måneder', 'Serviceloven § 50', 'Barnets Lov § 20'],
      expect.arrayContaining(['Screening', 'Totaltælling']),
      expect.arrayContaining([ROUND, 'Simpel tilfældig stikprøve (Wilson)']),
    ]));
    expect(method.flat().join(' ')).toMatch(/ingen stikprøveusikkerhed/);
    const plan2 = sheetRows(book, 'Udviklingsplan');
    expect(plan2[1]!.slice(1)).toEqual(['Tjekliste for journalisering af handleplaner', 'Leder Fiktiv', 45565, 'Ikke startet', 'Ja']); // 30-09-2024, overdue on 01-10-2024
    db.close();
  });

  it('marks every sheet DEMO for a demo workspace, and never holds a CPR number', async () => {
    const db = await fixture();
    const [round] = await listRounds(db);
    await saveAnswer(db, { roundId: round!.round.id, caseNumber: 'SCN-14', questionId: 'plan', answer: 'no', comment: 'Barnet 010203-1234 har ingen plan' }, 'Anne Fiktiv', { by: 'Test Fiktiv', at: '2024-07-05T09:00:00.000Z' });
    const bytes = reportWorkbook(await compose(db, { demo: true }));
    const book = XLSX.read(bytes);
    for (const name of book.SheetNames) expect(sheetRows(book, name)[0]![0], name).toBe(DEMO_MARK);
    expect(sheetRows(book, 'Fund')[2]![4]).toBe('Barnet 010203-xxxx har ingen plan');
    const text = book.SheetNames.map((n) => XLSX.utils.sheet_to_csv(book.Sheets[n]!)).join('\n');
    expect(text).not.toContain('1234');
    // Ten digits, with or without the dash, that are not part of a longer run (the protocol's SHA-256 in hex).
    expect(text.match(/(?<![0-9a-f])\d{6}-?\d{4}(?![0-9a-f])/g)).toBeNull();
    db.close();
  });
});

describe('stored reports', () => {
  it('open unchanged after the data change, list newest first, and delete with a line in the log', async () => {
    const db = await fixture();
    const report = await compose(db);
    await storeReport(db, report, { by: 'Test Fiktiv', at: '2024-10-01T08:00:01.000Z' });
    const later = await compose(db, { id: 'R-2', createdAt: '2024-10-02T08:00:00.000Z' });
    await storeReport(db, later, { by: 'Test Fiktiv', at: '2024-10-02T08:00:01.000Z' });
    const bytes = reportWorkbook((await getReport(db, 'R-1'))!);

    // The round's answer changes after the report was made: the stored report does not.
    const [round] = await listRounds(db);
    await saveAnswer(db, { roundId: round!.round.id, caseNumber: 'SCN-14', questionId: 'plan', answer: 'yes', comment: '' }, 'Anne Fiktiv', { by: 'Test Fiktiv', at: '2024-10-03T09:00:00.000Z' });
    expect(await getReport(db, 'R-1')).toEqual(report);
    expect(reportWorkbook((await getReport(db, 'R-1'))!)).toEqual(bytes);
    const now = await compose(db, { id: 'R-3' });
    expect(now.rows.find((r) => r.id === 'plan')!.total).toMatchObject({ compliant: 1, counted: 1 });

    expect((await listReports(db)).map((r) => r.id)).toEqual(['R-2', 'R-1']);
    await expect(storeReport(db, report, { by: 'Test Fiktiv' })).rejects.toThrow('Rapporten er allerede gemt.');
    await deleteReport(db, 'R-1', { by: 'Test Fiktiv', at: '2024-10-04T08:00:00.000Z' });
    expect((await listReports(db)).map((r) => r.id)).toEqual(['R-2']);
    await expect(deleteReport(db, 'R-1', { by: 'Test Fiktiv' })).rejects.toThrow('Rapporten findes ikke længere.');
    const log = await db.auditLog.orderBy('seq').toArray();
    expect(log.filter((e) => e.action.startsWith('report.')).map((e) => [e.action, e.by, e.at, e.details.title])).toEqual([
      ['report.stored', 'Test Fiktiv', '2024-10-01T08:00:01.000Z', 'Lovoverholdelse 2. kvartal 2024'],
      ['report.stored', 'Test Fiktiv', '2024-10-02T08:00:01.000Z', 'Lovoverholdelse 2. kvartal 2024'],
      ['report.deleted', 'Test Fiktiv', '2024-10-04T08:00:00.000Z', 'Lovoverholdelse 2. kvartal 2024'],
    ]);
    db.close();
  });
});
