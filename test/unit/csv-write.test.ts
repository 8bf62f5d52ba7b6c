import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv';
import { csvBytes, csvText } from '../../src/io/csv-write';

describe('CSV for Danish Excel', () => {
  it('starts with a UTF-8 byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const bytes = csvBytes([['Enhed', 'Sager'], ['Børnefamilieenhed Øst', 12]]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Enhed;Sager\r\nBørnefamilieenhed Øst;12\r\n');
  });

  it.each([
    [87.5, '87,5'],
    [1234.25, '1234,25'],
    [0.1 + 0.2, '0,3'],
    [-5, '-5'],
    [0, '0'],
  ])('writes the number %d as %s (decimal comma, no thousands separator)', (value, text) => {
    expect(csvText([[value]])).toBe(`\uFEFF${text}\r\n`);
  });

  it('writes dates dd-mm-åååå, booleans as Ja/Nej and empty cells as nothing', () => {
    expect(csvText([[{ date: '2024-03-05' }, { dateTime: '2024-03-05T14:07:00' }, true, false, null, 'x']])).toBe('\uFEFF05-03-2024;05-03-2024 14:07;Ja;Nej;;x\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+45 1234', "'+45 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
  ])('neutralises formula injection: %s is written as %s', (value, written) => {
    expect(csvText([[value]])).toBe(`\uFEFF${written}\r\n`);
  });

  it('quotes fields with semicolons, quotes or line breaks, and reads back as written', () => {
    const rows = [['Bemærkning', 'Antal'], ['a;b "c"\r\nd', '7']];
    const text = csvText(rows);
    expect(text).toBe('\uFEFFBemærkning;Antal\r\n"a;b ""c""\r\nd";7\r\n');
    const read = readCsv(new TextEncoder().encode(text), 'x.csv');
    expect(read.ok && read.value.sheets[0]).toMatchObject({ headers: ['Bemærkning', 'Antal'], rows: [{ cells: ['a;b "c"\r\nd', '7'] }] });
    expect(read.ok && read.value).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
  });
});
