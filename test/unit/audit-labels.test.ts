import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { sha256Text } from '../../src/db/audit-log';
import { chainEntry, verifyChain, type AuditEntry, type AuditInput } from '../../src/domain/audit';
import { actionLabel, describeDetails, describeFilter, matchesFilter, NO_FILTER } from '../../src/domain/audit-labels';
import { auditWorkbook } from '../../src/io/audit-workbook';

/** The audit log in Danish: labels, details, the page's filter, and its export. */

const entry = (action: string, details: AuditEntry['details'], at = '2026-01-05T09:00:00.000Z', by = 'Anne Fiktiv'): AuditEntry =>
  ({ id: 1, seq: 1, at, by, action, details, prevHash: '', hash: '' });

describe('an entry in Danish', () => {
  it.each<[string, AuditEntry['details'], string]>([
    ['import', { fileName: 'udtræk.csv', extractDate: '2025-12-31', cases: 12345, errors: 0 }, 'Fil: udtræk.csv · Udtræk pr.: 31-12-2025 · Sager: 12.345 · Fejl: 0'],
    ['answer.saved', { caseNumber: 'S-1', question: 'plan', from: null, to: 'exception' }, 'Sag: S-1 · Spørgsmål: plan · (intet) → Ja – lovlig undtagelse'],
    ['answer.saved', { caseNumber: 'S-1', comment: { from: '', to: 'Set' } }, 'Sag: S-1 · Bemærkning: (intet) → Set'],
    ['plan.status', { text: 'Tjekliste', from: 'notStarted', to: 'done' }, 'Handling: Tjekliste · Ikke startet → Færdig'],
    ['plan.action.edited', { text: 'T', changes: [{ field: 'deadline', from: '2026-02-28', to: '2026-03-31' }, { field: 'owner', from: 'A', to: 'B' }] }, 'Handling: T · Ændringer: frist: 28-02-2026 → 31-03-2026; ansvarlig: A → B'],
    ['settings.keepImportFiles', { from: true, to: false }, 'Ja → Nej'],
    ['settings.screening', { changes: [{ field: 'params.BFU_4M.toleranceDays', from: 7, to: 14 }] }, 'Ændringer: params.BFU_4M.toleranceDays: 7 → 14'],
    ['export', { kind: 'auditLog', rows: 1500 }, 'Hvad: Loggen (xlsx) · Rækker: 1.500'],
    ['screening', { asOf: '2024-06-30', purpose: 'deadlines' }, 'Skæringsdato: 30-06-2024 · Formål: Frister'],
    ['handover.applied', { answers: 1, changes: [{ caseNumber: 'S-2', question: 'plan', from: 'yes', to: 'no' }] }, 'Svar: 1 · Ændringer: S-2 plan: Ja → Nej'],
    ['backup.made', { fileName: 'kopi.tilsynsbaenk', unknownKey: 'x' }, 'Fil: kopi.tilsynsbaenk · unknownKey: x'],
  ])('%s %j reads "%s"', (action, details, text) => {
    expect(describeDetails(entry(action, details))).toBe(text);
  });

  it('names an action by its label, and a later one without a label by its name', () => {
    expect(actionLabel('answer.saved')).toBe('Svar ændret');
    expect(actionLabel('backup.made')).toBe('backup.made');
  });
});

describe('the Log page\u2019s filter', () => {
  const log = [
    entry('import', { fileName: 'a.csv' }, new Date(2026, 0, 5, 23, 30).toISOString(), 'Anne Fiktiv'),
    entry('screening', { asOf: '2025-12-31' }, new Date(2026, 0, 6, 0, 30).toISOString(), 'Bo Opdigtet'),
  ];
  const pick = (filter: Partial<typeof NO_FILTER>) => log.filter((e) => matchesFilter(e, { ...NO_FILTER, ...filter })).map((e) => e.action);

  it.each<[string, Partial<typeof NO_FILTER>, string[]]>([
    ['nothing', {}, ['import', 'screening']],
    ['an action', { action: 'screening' }, ['screening']],
    ['a user', { by: 'Anne Fiktiv' }, ['import']],
    ['a period in local days, both ends included', { from: '2026-01-06', to: '2026-01-06' }, ['screening']],
    ['a period ending the day before', { to: '2026-01-05' }, ['import']],
    ['words anywhere, in any case', { text: 'BO 31-12-2025' }, ['screening']],
    ['the label of the action', { text: 'import' }, ['import']],
    ['words that are nowhere', { text: 'ingenting' }, []],
  ])('filters by %s', (_, filter, expected) => {
    expect(pick(filter)).toEqual(expected);
  });

  it('says in words what it selects', () => {
    expect(describeFilter(NO_FILTER)).toBe('alle poster');
    expect(describeFilter({ action: 'import', by: 'Anne Fiktiv', from: '2026-01-01', to: '', text: ' x ' })).toBe('handling: Import, bruger: Anne Fiktiv, periode: 01-01-2026 – …, søgning: «x»');
  });
});

describe('the log\u2019s workbook', () => {
  const inputs: AuditInput[] = [
    { at: new Date(2026, 0, 5, 9, 30).toISOString(), by: '=HYPERLINK("http://x")', action: 'import', details: { fileName: '+cmd.csv', cases: 2 } },
    { at: new Date(2026, 0, 5, 10, 0).toISOString(), by: 'Bo Opdigtet', action: 'export', details: { kind: 'plan' } },
  ];
  const entries = inputs.reduce<AuditEntry[]>((list, input) => [...list, chainEntry(input, list.at(-1), sha256Text)], []).reverse();
  const chain = verifyChain(entries, sha256Text);
  const book = XLSX.read(auditWorkbook(entries, chain, 'alle poster', new Date(2026, 0, 6, 8, 0).toISOString(), false), { type: 'array', cellNF: true });

  it('holds the entries newest first, times as real Excel dates and times, text guarded against formulas', () => {
    const sheet = book.Sheets.Log!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([['Nr.', 'Bruger', 'Handling'], [2, 'Bo Opdigtet', 'Eksport'], [1, '\'=HYPERLINK("http://x")', 'Import']]);
    // 05-01-2026 is Excel day 46027 (days since 30-12-1899); 09:30 is 9.5/24 of a day.
    expect(sheet.B3).toMatchObject({ t: 'n', z: 'dd-mm-yyyy hh:mm' });
    expect(sheet.B3!.v).toBeCloseTo(46027 + 9.5 / 24, 8);
    expect(rows[2]![4]).toBe('Fil: +cmd.csv · Sager: 2');
    expect(sheet.F3!.v).toBe(entries[1]!.hash);
  });

  it('says what the chain was when it was taken, with the last checksum', () => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Kontrol!, { header: 1 });
    expect(rows.slice(0, 6)).toEqual([
      ['Kontrol af loggen', 'Loggen er hel (2 poster)'], ['Udvalg', 'alle poster'], ['Poster i udvalget', 2], ['Poster i loggen', 2], ['Seneste post', 2], ['Seneste kontrolsum', entries[0]!.hash],
    ]);
  });
});
