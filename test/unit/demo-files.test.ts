/**
 * The demo kommune as files: Windows-1252 encoding, byte-determinism of every dialect, and the
 * acceptance test of issue 4 — each dialect file, read and imported by the real import code,
 * gives back the kommune the generator made.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { runImport } from '../../src/app/import-run';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { addDays } from '../../src/domain/calendar';
import { DEMO_PRESETS, DEMO_SEED, type DemoPreset } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import { fieldKey, fieldsOf, TABLES } from '../../src/domain/fields';
import { bundleCases, EVENT_TABLES, type CaseData } from '../../src/domain/types';
import { DEMO_DIALECTS, excelSerial, multiSheetXlsxFile, OTHER_SHEET_NAMES, otherHeader, templateFile, WIDE_COLUMNS, wideCarried, wideCsvFile } from '../../src/io/demo-files';
import { encodeWindows1252 } from '../../src/io/encoding';
import { mappingProblems, suggestMapping } from '../../src/io/mapping';
import { readSourceFile } from '../../src/io/read-file';
import { normaliseText } from '../../src/io/values';
import { allCases } from '../../src/db/case-store';

/** A fixed anchor: the files are the same whatever day the tests run. */
const ANCHOR = '2026-11-30';
const demo = (preset: DemoPreset, seed = DEMO_SEED, anchor = ANCHOR) => generateDemo({ ...DEMO_PRESETS[preset], seed, anchor });
const SMALL = demo('small');

describe('encodeWindows1252', () => {
  it.each<[string, string, number[]]>([
    ['ASCII as it is, with CRLF', 'Sagsnr;Enhed\r\n', [0x53, 0x61, 0x67, 0x73, 0x6e, 0x72, 0x3b, 0x45, 0x6e, 0x68, 0x65, 0x64, 0x0d, 0x0a]],
    ['Danish letters and § as their Latin-1 bytes', 'æøåÆØÅ§', [0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xa7]],
    ['the ends of the Latin-1 range: no-break space and ÿ', '\u00a0ÿ', [0xa0, 0xff]],
    ['the 27 characters Windows-1252 puts at 0x80–0x9F', '€‚ƒ„…†‡ˆ‰Š‹ŒŽ\u2018\u2019\u201c\u201d•–—˜™š›œžŸ',
      [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f]],
  ])('writes %s', (_name, text, bytes) => {
    expect(encodeWindows1252(text)).toEqual({ ok: true, value: Uint8Array.from(bytes) });
  });

  it.each<[string, string, string]>([
    ['a Polish Ł', 'Søren Łukasz', 'Tegnet "Ł" (U+0141) på plads 7 findes ikke i Windows-1252 og kan ikke skrives i filen.'],
    ['an emoji outside the BMP', 'ok 😀', 'Tegnet "😀" (U+1F600) på plads 4 findes ikke i Windows-1252 og kan ikke skrives i filen.'],
    ['a minus sign (U+2212), not the hyphen', '−5', 'Tegnet "−" (U+2212) på plads 1 findes ikke i Windows-1252 og kan ikke skrives i filen.'],
    ['the C1 control U+0081, undefined in the official table', 'a\u0081', 'Tegnet (U+0081) på plads 2 findes ikke i Windows-1252 og kan ikke skrives i filen.'],
    ['a lone surrogate half', 'x\ud800', 'Tegnet (U+D800) på plads 2 findes ikke i Windows-1252 og kan ikke skrives i filen.'],
  ])('refuses %s with a Danish message naming the character', (_name, text, message) => {
    expect(encodeWindows1252(text)).toEqual({ ok: false, message });
  });

  // Node's TextDecoder decodes windows-1252 as Latin-1 since 20.18.3 (nodejs/node#60888), so it
  // can check only the bytes outside 0x80–0x9F; those 27 are written out in the table above.
  it('agrees with the decoder on every ASCII and Latin-1 byte', () => {
    const decoder = new TextDecoder('windows-1252');
    for (let byte = 0; byte < 256; byte++) {
      if (byte >= 0x80 && byte < 0xa0) continue;
      const char = decoder.decode(Uint8Array.of(byte));
      expect(encodeWindows1252(char), `byte 0x${byte.toString(16)}`).toEqual({ ok: true, value: Uint8Array.of(byte) });
    }
  });
});

describe('the demo files are byte-deterministic', () => {
  afterEach(() => vi.useRealTimers());

  it.each(DEMO_DIALECTS.map((d) => [d.suffix, d.write] as const))('%s: the same seed and anchor give the same bytes, whatever the clock says', (_suffix, write) => {
    const first = write(demo('small'));
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-15T13:45:10Z') });
    const second = write(demo('small'));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it.each(DEMO_DIALECTS.map((d) => [d.suffix, d.write] as const))('%s: another seed gives other bytes', (_suffix, write) => {
    expect(Buffer.from(write(demo('small', DEMO_SEED + 1))).equals(Buffer.from(write(SMALL)))).toBe(false);
  });

  it.each(DEMO_DIALECTS.map((d) => [d.suffix, d.write] as const))('%s: another anchor gives other bytes', (_suffix, write) => {
    expect(Buffer.from(write(demo('small', DEMO_SEED, '2026-12-01'))).equals(Buffer.from(write(SMALL)))).toBe(false);
  });

  it('another seed gives another kommune, not only other bytes', () => {
    const other = demo('small', DEMO_SEED + 1);
    expect(other.cases.map((c) => c.birthDate)).not.toEqual(SMALL.cases.map((c) => c.birthDate));
    expect(other.measures.length).not.toBe(SMALL.measures.length);
  });
});

/** A workbook read from bytes, as the import page reads it. */
function read(bytes: Uint8Array, fileName: string) {
  const result = readSourceFile(bytes, fileName);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}
const targets = (book: ReturnType<typeof read>) => suggestMapping(book).sheets.map((s) => s.columns.map((c) => c.target));

describe('the wide CSV', () => {
  const book = read(wideCsvFile(SMALL), 'demokommune-bred-1252.csv');

  it('is Windows-1252 with semicolons and CRLF, and every header maps to its field without a click', () => {
    const bytes = wideCsvFile(SMALL);
    expect(bytes.includes(0xf8)).toBe(true); // ø as one byte
    expect(new TextDecoder('windows-1252').decode(bytes).split('\r\n').slice(-1)).toEqual(['']);
    expect(book).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(book.sheets[0]!.headers).toEqual(WIDE_COLUMNS.map((c) => c.header));
    expect(suggestMapping(book).sheets[0]!.role).toBe('wide');
    expect(targets(book)).toEqual([WIDE_COLUMNS.map((c) => fieldKey(c.def))]);
    expect(mappingProblems(suggestMapping(book))).toEqual([]);
  });

  it('qualifies event headers by their table', () => {
    expect(WIDE_COLUMNS.map((c) => c.header)).toEqual(expect.arrayContaining([
      'Underretning modtaget', 'Underretning fra fagperson', 'Undersøgelse påbegyndt', 'Foranstaltning iværksat', 'Foranstaltnings-id',
      'Handleplan dato', 'Handleplan foranstaltnings-id', 'Opfølgning dato', 'Tilsyn dato',
    ]));
  });

  it('has one row per event slot of a case, repeating the case and leaving a shorter table empty', () => {
    const bundles = bundleCases(wideCarried(SMALL).data);
    const slots = bundles.reduce((sum, b) => sum + Math.max(1, ...EVENT_TABLES.map((t) => b.events[t].length)), 0);
    expect(book.sheets[0]!.rows.length).toBe(slots);
    const shape = bundles.find((b) => b.events.notifications.length === 3 && b.events.measures.length === 1)!;
    const rows = book.sheets[0]!.rows.filter((r) => r.cells[0] === shape.caseNumber);
    const column = (header: string) => WIDE_COLUMNS.findIndex((c) => c.header === header);
    expect(rows.length).toBe(Math.max(...EVENT_TABLES.map((t) => shape.events[t].length)));
    expect(rows.map((r) => r.cells[column('Enhed')])).toEqual(rows.map(() => shape.unit));
    expect(rows.slice(0, 3).map((r) => typeof r.cells[column('Underretning modtaget')])).toEqual(['string', 'string', 'string']);
    expect(rows.map((r) => r.cells[column('Foranstaltnings-id')] ?? null)).toEqual([shape.events.measures[0]!.measureId, ...rows.slice(1).map(() => null)]);
    expect(rows[0]!.cells[column('Foranstaltning iværksat')]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(rows[0]!.cells[column('Underretning modtaget')]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  });

  it('carries every event: an investigation without a start date comes in by its completion date', () => {
    const undated = SMALL.investigations.filter((i) => i.startedAt === null);
    expect(undated.length).toBeGreaterThan(0);
    expect(undated.every((i) => i.completedAt !== null)).toBe(true);
    expect(wideCarried(SMALL).leftOut).toEqual([]);
  });
});

describe('the multi-sheet workbook', () => {
  const book = read(multiSheetXlsxFile(SMALL), 'demokommune-flere-ark.xlsx');

  it('names sheets and headers with synonyms from fields.ts, never the template words, and maps them all', () => {
    const mapping = suggestMapping(book);
    expect(mapping.sheets.map((s) => [s.sheet, s.role])).toEqual(TABLES.map((t) => [OTHER_SHEET_NAMES[t.name], t.name]));
    for (const table of TABLES) {
      expect(table.sheetSynonyms.map(normaliseText)).toContain(normaliseText(OTHER_SHEET_NAMES[table.name]));
      for (const def of fieldsOf(table.name)) expect(def.synonyms.map(normaliseText), fieldKey(def)).toContain(normaliseText(otherHeader(def)));
    }
    expect(targets(book)).toEqual(TABLES.map((t) => fieldsOf(t.name).map(fieldKey)));
    expect(book.sheets[0]!.headers.slice(0, 6)).toEqual(['Sagsnummer', 'CPR nummer', 'Født', 'Team', 'Faggruppe', 'Rådgiver']);
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('counts Excel serials in the 1900 system: 05-03-2024 is 45356, and 18:00 is three quarters of a day', () => {
    expect([excelSerial('2024-03-05'), excelSerial('2024-03-05T18:00'), excelSerial('1999-12-31')]).toEqual([45356, 45356.75, 36525]);
  });

  it('holds real Excel date cells with a Danish date format, read back as the same date-time', () => {
    const sheets = XLSX.read(multiSheetXlsxFile(SMALL), { type: 'array', cellNF: true }).Sheets;
    const [child, notification] = [SMALL.cases[0]!, SMALL.notifications[0]!];
    expect(sheets['Børnesager']!['C2']).toMatchObject({ t: 'n', v: excelSerial(child.birthDate!), z: 'dd-mm-yyyy' });
    expect(sheets['Underretning']!['B2']).toMatchObject({ t: 'n', v: excelSerial(notification.receivedAt), z: 'dd-mm-yyyy hh:mm' });
    expect([book.sheets[0]!.rows[0]!.cells[2], book.sheets[1]!.rows[0]!.cells[1]]).toEqual([child.birthDate, notification.receivedAt]);
  });
});

// ---------------------------------------------------------------------------------------------

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('demo-filer');
});
afterEach(() => db.close());

async function importFile(bytes: Uint8Array, fileName: string) {
  const book = read(bytes, fileName);
  const mapping = suggestMapping(book);
  expect(mappingProblems(mapping)).toEqual([]);
  const record = await runImport(db, book, {
    importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', fileName, size: bytes.length, sha256: 'ab', readMs: 1, mapping, keepFullCpr: false, by: 'Test Fiktiv',
  });
  const stored = (await allCases(db)).map(({ revision: _r, missingSince: _m, ...c }) => c);
  return { record, stored };
}

describe('each dialect file, imported through the real import code, gives back the generated kommune', () => {
  it('the filled-in template', async () => {
    const { record, stored } = await importFile(templateFile(SMALL), 'demokommune-skabelon.xlsx');
    expect(record.issues).toEqual([]);
    expect(stored).toEqual(bundleCases(SMALL));
  }, 60_000);

  it('the wide Windows-1252 CSV', async () => {
    const { record, stored } = await importFile(wideCsvFile(SMALL), 'demokommune-bred-1252.csv');
    expect(record.issues).toEqual([]);
    expect(stored).toEqual(bundleCases(SMALL));
  }, 60_000);

  it('the multi-sheet workbook with Excel date cells, a date-time at exactly 00:00 included', async () => {
    // Whether the kommune of an anchor has one is chance; this one is assessed at the midnight after its receipt.
    const first = SMALL.notifications[0]!;
    const kommune = { ...SMALL, notifications: [{ ...first, assessedAt: `${addDays(first.receivedAt.slice(0, 10), 1)}T00:00` }, ...SMALL.notifications.slice(1)] };
    const { record, stored } = await importFile(multiSheetXlsxFile(kommune), 'demokommune-flere-ark.xlsx');
    expect(record.issues).toEqual([]);
    expect(stored).toEqual(bundleCases(kommune));
  }, 60_000);
});
