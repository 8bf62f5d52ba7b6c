import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { DeadlineItem } from '../../src/domain/rules/deadlines';
import { deadlineWorkbook } from '../../src/io/deadline-workbook';
import { uniqueSheetName, writeWorkbook } from '../../src/io/xlsx-write';

const FORTY = 'Anne-Marie Kristine Østergaard-Bækgaard'; // 39 characters
const NAMES = ['History', "'Bo'", `${FORTY}x`, 'Anne Fiktiv', 'anne fiktiv', 'A/B: [test]?', "''", 'history'];

describe('uniqueSheetName', () => {
  it('makes every name from data valid for Excel and unique ignoring case', () => {
    const used = new Set<string>();
    expect(NAMES.map((name) => uniqueSheetName(name, used))).toEqual([
      'History (2)', 'Bo', 'Anne-Marie Kristine Østergaard-', 'Anne Fiktiv', 'anne fiktiv (2)', 'A B   test', 'Ukendt', 'history (3)',
    ]);
  });

  it('keeps the suffixed name within 31 characters and never ends it on an apostrophe', () => {
    const used = new Set<string>();
    const long = "Bo'".padEnd(40, "x");
    uniqueSheetName(long, used);
    const second = uniqueSheetName(long, used);
    expect(second).toBe(`${long.slice(0, 27)} (2)`);
    expect(second.length).toBe(31);
    expect(uniqueSheetName("Mette Aagaard'", new Set(['mette aagaard']))).toBe('Mette Aagaard (2)');
  });

  it('returns a valid name unchanged, so names passed through twice stay the same', () => {
    const used = new Set<string>();
    const first = NAMES.map((name) => uniqueSheetName(name, used));
    const again = new Set<string>();
    expect(first.map((name) => uniqueSheetName(name, again))).toEqual(first);
  });
});

const item = (caseNumber: string, caseworker: string): DeadlineItem => ({
  caseNumber, ruleId: 'BFU_4M', subject: `investigation:${caseNumber}`, deadline: '2024-11-28', daysLeft: 3, bucket: 'thisWeek',
  unit: 'Nord', caseworker, legalRef: 'Barnets Lov § 20', open: true,
});

describe('workbooks with sheet names from data', () => {
  it('writes the Frister workbook for caseworkers named History, \'Bo\', 40 characters and two differing only in case', () => {
    const workers = ['History', "'Bo'", `${FORTY}x`, 'Anne Fiktiv', 'ANNE FIKTIV'];
    const bytes = deadlineWorkbook(workers.map((w, i) => item(`S-${i + 1}`, w)), () => 'Undersøgelse', '2024-11-25', 'Alle.', false);
    const book = XLSX.read(bytes);
    // Sorted by the names as given: "'Bo'" starts with punctuation, which sorts before letters.
    expect(book.SheetNames).toEqual(['Bo', 'ANNE FIKTIV', 'Anne Fiktiv (2)', 'Anne-Marie Kristine Østergaard-', 'History (2)']);
    // The caseworker's own name is still in the data, whatever the tab is called.
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Bo']!, { header: 1 })[2]).toEqual(expect.arrayContaining(['S-2']));
  });

  it('makes the names valid in writeWorkbook itself, for a writer that did not', () => {
    const bytes = writeWorkbook([{ name: 'History', rows: [['a']] }, { name: "'x'", rows: [['b']] }, { name: 'X', rows: [['c']] }], 'Test');
    expect(XLSX.read(bytes).SheetNames).toEqual(['History (2)', 'x', 'X (2)']);
  });
});
