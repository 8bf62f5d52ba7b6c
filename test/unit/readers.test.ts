import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Result } from '../../src/domain/result';
import { decodeText, detectDelimiter, readCsv } from '../../src/io/csv';
import { readSourceFile } from '../../src/io/read-file';
import type { SourceCell, SourceWorkbook } from '../../src/domain/source';
import { readSpreadsheet, serialToIso } from '../../src/io/spreadsheet';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
/** Windows-1252 agrees with Latin-1 for ASCII and æøåÆØÅ, which is all these tests write. */
const windows1252 = (text: string) =>
  Uint8Array.from(text, (char) => {
    if (char.charCodeAt(0) > 0xff) throw new Error(`not in the test encoder: ${char}`);
    return char.charCodeAt(0);
  });
const utf16le = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
  return bytes;
};

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.value;
}
const message = (result: Result<unknown>) => (result.ok ? 'ok' : result.message);
const sheetOf = (workbook: SourceWorkbook, index = 0) => workbook.sheets[index]!;
const cellsOf = (workbook: SourceWorkbook, index = 0) => sheetOf(workbook, index).rows.map((row) => row.cells);
const numbersOf = (workbook: SourceWorkbook, index = 0) => sheetOf(workbook, index).rows.map((row) => row.number);

const DANISH = 'Sagsnr;Enhed;Sagsbehandler;Bemærkning\nS-1;Børnefamilieenhed Nord;Søren Ærø;2,5\n';
const DANISH_ROW = ['S-1', 'Børnefamilieenhed Nord', 'Søren Ærø', '2,5'];

describe('decodeText', () => {
  it.each([
    ['utf-8 with BOM, BOM stripped', withBom(utf8('æøå')), 'utf-8-bom'],
    ['utf-8', utf8('æøå'), 'utf-8'],
    ['windows-1252 when the bytes are not valid utf-8', windows1252('æøå'), 'windows-1252'],
    ['utf-16 LE with BOM', utf16le('æøå'), 'utf-16le'],
    ['utf-16 BE with BOM', new Uint8Array([0xfe, 0xff, 0, 0xe6, 0, 0xf8, 0, 0xe5]), 'utf-16be'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: 'æøå', encoding });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Sagsnr;Enhed;Dato', ';'],
    ['Sagsnr,Enhed,Dato', ','],
    ['Sagsnr\tEnhed\tDato', '\t'],
    ['"Enhed, navn";Sagsnr', ';'],
    ['"Sagsnr; nr",Enhed,Dato', ','],
    ['Sagsnr', ';'],
    ['a;b,c', ';'],
    ['a\tb,c', '\t'],
  ])('finds the delimiter of %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('readCsv', () => {
  it('reads a utf-8 semicolon file and keeps a Danish decimal comma in one cell', () => {
    const book = value(readCsv(utf8(DANISH), 'udtræk.2024.csv'));
    expect(book).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(sheetOf(book)).toEqual({
      name: 'udtræk.2024',
      headers: ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Bemærkning'],
      rows: [{ number: 2, cells: DANISH_ROW }],
      emptyRows: 0,
    });
  });

  it('reads utf-8 with BOM and windows-1252 alike', () => {
    const bom = value(readCsv(withBom(utf8(DANISH)), 'a.csv'));
    const ansi = value(readCsv(windows1252(DANISH), 'a.csv'));
    expect([bom.encoding, ansi.encoding]).toEqual(['utf-8-bom', 'windows-1252']);
    expect(sheetOf(bom).headers[0]).toBe('Sagsnr');
    expect(cellsOf(ansi)).toEqual([DANISH_ROW]);
  });

  it('reads the windows-1252 fixture saved the way Danish Excel saves CSV', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/windows-1252-semikolon.csv', import.meta.url)));
    const book = value(readCsv(bytes, 'windows-1252-semikolon.csv'));
    expect(book).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(sheetOf(book).headers).toEqual(['Sagsnr', 'Enhed', 'Sagsbehandler', 'Bemærkning', 'Timer']);
    expect(cellsOf(book)).toEqual([
      ['S-001', 'Børnefamilieenhed Nord', 'Søren Ærø', 'Åbnet på ny', '2,5'],
      ['S-002', 'Døgnvagten', 'Åse Ødegård', 'Flyttet; se note', '1,25'],
      ['S-003', 'Børnefamilieenhed Syd', 'ÆØÅ æøå', null, null],
    ]);
    expect(numbersOf(book)).toEqual([2, 3, 5]);
    expect(sheetOf(book).emptyRows).toBe(1);
  });

  it('reads comma- and tab-separated files with quoted delimiters', () => {
    const comma = value(readCsv(utf8('Sagsnr,Timer,Note\r\nS-1,"2,5","a ""b"""\r\n'), 'k.csv'));
    const tab = value(readCsv(utf8('Sagsnr\tEnhed\nS-1\t"Nord\tSyd"\n'), 'k.tsv'));
    expect([comma.delimiter, tab.delimiter]).toEqual([',', '\t']);
    expect(cellsOf(comma)).toEqual([['S-1', '2,5', 'a "b"']]);
    expect(cellsOf(tab)).toEqual([['S-1', 'Nord\tSyd']]);
  });

  it('numbers rows by record, so a quoted multi-line cell is one row, and counts empty rows', () => {
    const book = value(readCsv(utf8('Sagsnr;Note\nS-1;"linje 1\nlinje 2"\n\n ; \nS-2;x\n\n'), 'a.csv'));
    expect(cellsOf(book)).toEqual([['S-1', 'linje 1\nlinje 2'], ['S-2', 'x']]);
    expect(numbersOf(book)).toEqual([2, 5]);
    expect(sheetOf(book).emptyRows).toBe(2); // the trailing blank line is not an empty row
  });

  it('trims headers, names empty ones by column letter, pads short rows and keeps extra cells', () => {
    const book = value(readCsv(utf8(' Sagsnr ;;Enhed\nS-1\nS-2;a;b;c\n'), 'a.csv'));
    expect(sheetOf(book).headers).toEqual(['Sagsnr', 'Kolonne B', 'Enhed']);
    expect(cellsOf(book)).toEqual([['S-1', null, null], ['S-2', 'a', 'b', 'c']]);
  });

  it('keeps __proto__ and constructor as plain header strings without polluting objects', () => {
    const book = value(readCsv(utf8('__proto__;constructor\n{"polluted":1};x\n'), 'a.csv'));
    expect(sheetOf(book).headers).toEqual(['__proto__', 'constructor']);
    expect(cellsOf(book)).toEqual([['{"polluted":1}', 'x']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file with only a header as zero rows, and refuses an empty one', () => {
    expect(sheetOf(value(readCsv(utf8('Sagsnr;Enhed\r\n'), 'a.csv'))).rows).toEqual([]);
    expect(message(readCsv(new Uint8Array(), 'a.csv'))).toBe('Filen er tom.');
    expect(message(readCsv(utf8(' \r\n\t\n'), 'a.csv'))).toBe('Filen er tom.');
  });

  it('refuses a quote that is never closed instead of swallowing the rest of the file', () => {
    expect(message(readCsv(utf8('Sagsnr;Note\nS-1;ok\nS-2;"aldrig slut\nS-3;x\n'), 'a.csv'))).toMatch(/^Række 3: /);
  });

  it('reports progress that ends at the full length', () => {
    const calls: [number, number][] = [];
    const text = `Sagsnr\n${Array.from({ length: 25_000 }, (_, i) => `S-${i}`).join('\n')}\n`;
    value(readCsv(utf8(text), 'a.csv', (done, total) => calls.push([done, total])));
    expect(calls.length).toBe(3);
    expect(calls.at(-1)).toEqual([text.length, text.length]);
  });
});

type Cell = XLSX.CellObject | string | number | boolean | null;
function workbookBytes(sheets: Record<string, Cell[][]>, bookType: XLSX.BookType = 'xlsx', date1904 = false) {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet([]);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        sheet[XLSX.utils.encode_cell({ r, c })] =
          typeof cell === 'object' ? cell : { t: typeof cell === 'string' ? 's' : typeof cell === 'number' ? 'n' : 'b', v: cell };
      }),
    );
    const width = Math.max(1, ...rows.map((row) => row.length));
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: width - 1 } });
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  if (date1904) book.Workbook = { WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

const DATE = { t: 'n', v: 45356, z: 'dd-mm-yyyy' } as const;
const DATE_TIME = { t: 'n', v: 45356.75, z: 'dd-mm-yyyy hh:mm' } as const;
const CASES: Cell[][] = [
  ['Udtræk fra fagsystemet'],
  [],
  ['Sagsnr', ' Enhed ', null, 'Oprettet', 'Modtaget', 2024],
  ['S-1', 'Børnefamilieenhed Nord', '  ', DATE, DATE_TIME, 45356],
  [],
  ['S-2', 'Døgnvagten', null, { t: 'e', v: 7 }, null, true],
];

describe('readSpreadsheet', () => {
  it('keeps every sheet, also an empty one, and takes a title in row 1 as the header', () => {
    const book = value(readSpreadsheet(workbookBytes({ Sager: CASES, Tom: [] }), 'sager.xlsx'));
    expect(book.format).toBe('xlsx');
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Sager', 'Tom']);
    expect(sheetOf(book).headers).toEqual(['Udtræk fra fagsystemet']);
    expect(numbersOf(book)).toEqual([3, 4, 6]);
    expect(sheetOf(book).emptyRows).toBe(2);
    expect(sheetOf(book, 1)).toEqual({ name: 'Tom', headers: [], rows: [], emptyRows: 0 });
  });

  it('takes the first non-empty row as the header, with real Excel row numbers and ISO dates', () => {
    const book = value(readSpreadsheet(workbookBytes({ Sager: CASES.slice(1) }), 'sager.xlsx'));
    const sheet = sheetOf(book);
    expect(sheet.headers).toEqual(['Sagsnr', 'Enhed', 'Kolonne C', 'Oprettet', 'Modtaget', '2024']);
    expect(sheet.rows).toEqual([
      { number: 3, cells: ['S-1', 'Børnefamilieenhed Nord', null, '2024-03-05', '2024-03-05T18:00', 45356] },
      { number: 5, cells: ['S-2', 'Døgnvagten', null, null, null, true] },
    ]);
    expect(sheet.emptyRows).toBe(1);
  });

  it('keeps the time of a date-time cell at midnight, and shows no time for a date cell', () => {
    const rows: Cell[][] = [['Modtaget', 'Oprettet'], [{ t: 'n', v: 45356, z: 'dd-mm-yyyy hh:mm' }, { t: 'n', v: 45356, z: 'dd-mm-yyyy' }]];
    expect(cellsOf(value(readSpreadsheet(workbookBytes({ Underretninger: rows }), 'u.xlsx')))).toEqual([['2024-03-05T00:00', '2024-03-05']]);
  });

  it.each([
    ['ods', 'ods', { t: 'n', v: 45356, z: 'm/d/yy' }],
    ['biff8', 'xls', DATE],
  ] as const)('reads %s files as %s', (bookType, format, date) => {
    const bytes = workbookBytes({ Ark1: [['Sagsnr', 'Dato'], ['S-1', date]], Ark2: [['Enhed'], ['Nord']] }, bookType);
    const book = value(readSpreadsheet(bytes, 'omdøbt.xlsx'));
    expect(book.format).toBe(format);
    expect(cellsOf(book)).toEqual([['S-1', '2024-03-05']]);
    expect(cellsOf(book, 1)).toEqual([['Nord']]);
  });

  it('honours the 1904 date system', () => {
    const book = value(readSpreadsheet(workbookBytes({ A: [['Dato'], [DATE_TIME]] }, 'xlsx', true), 'mac.xlsx'));
    expect(cellsOf(book)).toEqual([['2028-03-06T18:00']]);
  });

  it('keeps __proto__ and constructor headers as strings', () => {
    const book = value(readSpreadsheet(workbookBytes({ A: [['__proto__', 'constructor'], ['{"polluted":1}', 1]] }), 'a.xlsx'));
    expect(sheetOf(book).headers).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a Danish message for a truncated or fake spreadsheet instead of throwing', () => {
    const bytes = workbookBytes({ Sager: CASES });
    const unreadable = /^Filen kunne ikke læses som regneark/;
    expect(message(readSpreadsheet(bytes.slice(0, bytes.length / 2), 'halv.xlsx'))).toMatch(unreadable);
    const xls = workbookBytes({ Sager: CASES }, 'biff8');
    expect(message(readSpreadsheet(xls.slice(0, xls.length / 2), 'halv.xls'))).toMatch(unreadable);
    expect(message(readSpreadsheet(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'x.xlsx'))).toMatch(unreadable);
    expect(message(readSpreadsheet(utf8('Sagsnr;Enhed\n'), 'x.xlsx'))).toMatch(unreadable);
  });
});

describe('serialToIso', () => {
  it.each<[number, boolean, SourceCell]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, '1900-02-29'],
    [61, false, '1900-03-01'],
    [45356, false, '2024-03-05'],
    [45356 + 10 / 24, false, '2024-03-05T10:00'],
    [45356.999999, false, '2024-03-06'],
    [0.75, false, '18:00'],
    [1, true, '1904-01-02'],
    [45356 - 1462, true, '2024-03-05'],
    [-1, false, -1],
  ])('turns serial %d (1904: %s) into %j', (serial, date1904, expected) => {
    expect(serialToIso(serial, date1904)).toBe(expected);
  });
});

describe('readSourceFile', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  it.each([
    ['a 0-byte file', new Uint8Array(), /^Filen er tom \(0 byte\)\.$/],
    ['a PNG renamed .csv', png, /ligner et billede\/en PDF\). Vælg et udtræk i formatet \.xlsx/],
    ['a PDF', utf8('%PDF-1.7\n'), /ligner et billede/],
    ['binary data with NUL bytes', new Uint8Array([0x41, 0x3b, 0x00, 0x42]), /binære data/],
    ['an HTML table saved as .xls', utf8('\n<html><table><tr><td>Sagsnr</td></tr></table></html>'), /webside/],
  ])('refuses %s with a Danish message', (_name, bytes, expected) => {
    expect(message(readSourceFile(bytes, 'udtræk.csv'))).toMatch(expected);
  });

  it('chooses the reader by the bytes, not the file name', () => {
    expect(value(readSourceFile(workbookBytes({ A: [['Sagsnr'], ['S-1']] }), 'udtræk.csv')).format).toBe('xlsx');
    expect(value(readSourceFile(utf8(DANISH), 'udtræk.xlsx')).format).toBe('csv');
  });

  it("reads Excel's UTF-16 'Unicode-tekst' despite its NUL bytes", () => {
    const book = value(readSourceFile(utf16le('Sagsnr\tEnhed\r\nS-1\tBørnefamilieenhed Nord\r\n'), 'u.txt'));
    expect(book).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(cellsOf(book)).toEqual([['S-1', 'Børnefamilieenhed Nord']]);
  });
});
