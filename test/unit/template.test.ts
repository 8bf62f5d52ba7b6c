import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fieldKey, fieldsOf, TABLES } from '../../src/domain/fields';
import { mappingProblems, suggestMapping } from '../../src/io/mapping';
import { readSourceFile } from '../../src/io/read-file';
import { templateSheets, templateWorkbook } from '../../src/io/template';
import { safeText, writeWorkbook } from '../../src/io/xlsx-write';

const committed = () => new Uint8Array(readFileSync(new URL('../../public/skabelon.xlsx', import.meta.url)));
const readBack = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array' });
const rowsOf = (book: XLSX.WorkBook, sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, { header: 1, defval: null });

describe('the committed template public/skabelon.xlsx', () => {
  it('is byte for byte what templateWorkbook() writes from the field definitions', () => {
    const [fresh, file] = [templateWorkbook(), committed()];
    const same = fresh.length === file.length && fresh.every((byte, i) => byte === file[i]);
    expect(same, 'public/skabelon.xlsx is out of date with src/domain/fields.ts: run `npm run template` and commit the file').toBe(true);
  });

  it('writes the same bytes every time, so the check above can hold', () => {
    expect(templateWorkbook()).toEqual(templateWorkbook());
  });

  it('has a Vejledning sheet, then one sheet per table with exactly its headers in order', () => {
    const book = readBack(committed());
    expect(book.SheetNames).toEqual(['Vejledning', 'Sager', 'Underretninger', 'Undersøgelser', 'Foranstaltninger', 'Handleplaner', 'Opfølgninger', 'Tilsynsbesøg']);
    for (const table of TABLES) {
      expect(rowsOf(book, table.sheet), table.sheet).toEqual([fieldsOf(table.name).map((f) => f.header)]);
    }
    expect(rowsOf(book, 'Sager')[0]).toEqual(['Sagsnr', 'CPR-nr', 'Fødselsdato', 'Enhed', 'Gruppe', 'Sagsbehandler', 'Oprettet', 'Lukket', 'Opmærksom dato']);
  });

  it('explains every column in the Vejledning sheet, marking the required ones', () => {
    const rows = rowsOf(readBack(committed()), 'Vejledning');
    expect(rows[4]).toEqual(['Ark', 'Kolonne', 'Type', 'Påkrævet', 'Bemærkning']);
    expect(rows.slice(5).map((r) => [r[0], r[1], r[3]])).toEqual(
      TABLES.flatMap((t) => fieldsOf(t.name).map((f) => [t.sheet, f.header, f.required ? 'Ja' : ''])),
    );
    expect(rows[5]).toEqual(['Sager', 'Sagsnr', 'tekst', 'Ja', 'Nøglen, alt andet knyttes til. Skal være unik.']);
  });

  it('reads back through the importer with every column mapped and nothing to correct', () => {
    const result = readSourceFile(committed(), 'skabelon.xlsx');
    if (!result.ok) throw new Error(result.message);
    expect(result.value.format).toBe('xlsx');
    const mapping = suggestMapping(result.value);
    expect(mapping.sheets.map((s) => s.role)).toEqual(['ignore', ...TABLES.map((t) => t.name)]);
    for (const table of TABLES) {
      const sheet = mapping.sheets.find((s) => s.sheet === table.sheet)!;
      expect(sheet.columns.map((c) => c.target)).toEqual(fieldsOf(table.name).map(fieldKey));
    }
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('builds its sheets from templateSheets() without any data rows', () => {
    const sheets = templateSheets();
    expect(sheets.slice(1).map((s) => s.rows.length)).toEqual(TABLES.map(() => 1));
  });
});

describe('safeText', () => {
  it.each([
    ['=HYPERLINK("http://example.com","klik")', '\'=HYPERLINK("http://example.com","klik")'],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('puts an apostrophe before %j, which a spreadsheet would run as a formula', (text, guarded) => {
    expect(safeText(text)).toBe(guarded);
  });

  it.each(['Sagsnr', '', '05-03-2024', 'a=b', ' =1', "'allerede citeret", 'Børnefamilieenhed Nord'])('leaves %j as it is', (text) => {
    expect(safeText(text)).toBe(text);
  });
});

describe('writeWorkbook', () => {
  it('guards formula-like text in every sheet, writes numbers and yes/no as they are, and nothing is a formula', () => {
    const bytes = writeWorkbook([
      { name: 'Fund', rows: [['Sagsnr', 'Bemærkning', 'Tal', 'Negativ', 'OK'], ['S-1', '=HYPERLINK("http://x","klik")', 42, -5, true], ['S-2', '@cmd', 2.5, '-5', null]] },
      { name: 'Andet', rows: [['+1', '\tfane']] },
    ], 'Test');
    const book = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const fund = book.Sheets.Fund!;
    expect(fund.B2).toMatchObject({ t: 's', v: '\'=HYPERLINK("http://x","klik")' });
    expect(fund.C2).toMatchObject({ t: 'n', v: 42 });
    expect(fund.D2).toMatchObject({ t: 'n', v: -5 });
    expect(fund.E2).toMatchObject({ t: 'b', v: true });
    expect(fund.B3).toMatchObject({ t: 's', v: "'@cmd" });
    expect(fund.D3).toMatchObject({ t: 's', v: "'-5" });
    expect(fund.E3).toBeUndefined();
    expect(rowsOf(book, 'Andet')).toEqual([["'+1", "'\tfane"]]);
    const formulas = Object.values(book.Sheets).flatMap((sheet) => Object.entries(sheet).filter(([key, cell]) => !key.startsWith('!') && (cell as XLSX.CellObject).f));
    expect(formulas).toEqual([]);
  });

  it('cuts a sheet name to the 31 characters Excel allows', () => {
    const name = 'Underretninger uden vurdering inden 24 timer';
    const book = readBack(writeWorkbook([{ name, rows: [['x']] }], 'Test'));
    expect(book.SheetNames).toEqual(['Underretninger uden vurdering i']);
  });
});
