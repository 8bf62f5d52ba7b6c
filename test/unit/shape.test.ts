import { describe, expect, it } from 'vitest';
import type { SourceCell, SourceSheet } from '../../src/domain/source';
import { readCsv } from '../../src/io/csv';
import { applyShape, detectShape, isTotalsRow, rowsPerMeasure, shapeNotes } from '../../src/io/shape';

const sheetOf = (text: string): SourceSheet => {
  const read = readCsv(new TextEncoder().encode(text), 'udtraek.csv');
  if (!read.ok) throw new Error(read.message);
  return read.value.sheets[0]!;
};

const TITLED = [
  'Udtræk fra DUBU pr. 01-06-2025;;;',
  'Børne- og Familieafdelingen;;;',
  ';;;',
  'Sagsnummer;Team;Rådgiver;Antal',
  'S-1;Nord;AB;2',
  'S-2;Syd;CD;3',
].join('\n');

describe('header row and shape detection', () => {
  it('finds the header below two title lines, skips the titles and offers their date', () => {
    const sheet = sheetOf(TITLED);
    const shape = detectShape(sheet);
    expect(shape.headerLine).toBe(2);
    expect(shape.titleRows).toEqual([1, 2]);
    expect(shape.titleDate).toBe('2025-06-01');
    const shaped = applyShape(sheet, shape);
    expect(shaped.headers).toEqual(['Sagsnummer', 'Team', 'Rådgiver', 'Antal']);
    expect(shaped.rows.map((r) => r.number)).toEqual([5, 6]);
    expect(shaped.rows[0]!.cells).toEqual(['S-1', 'Nord', 'AB', '2']);
    expect(shapeNotes(shape)[0]).toBe('Linje 1–2 er titler og springes over; overskrifterne står i linje 4.');
  });

  it('leaves a plain sheet as it is', () => {
    const sheet = sheetOf('Sagsnr;Enhed\nS-1;Nord\nS-2;Syd\n');
    const shape = detectShape(sheet);
    expect(shape).toMatchObject({ headerLine: 0, titleRows: [], titleDate: null, blankColumns: [], totalsRow: null });
    expect(applyShape(sheet, shape)).toBe(sheet);
    expect(shapeNotes(shape)).toEqual([]);
  });

  it('takes the header row the user chose instead', () => {
    const sheet = sheetOf(TITLED);
    const shape = detectShape(sheet, 3);
    expect(shape.titleRows).toEqual([1, 2, 4]);
    expect(applyShape(sheet, shape).headers).toEqual(['S-1', 'Nord', 'AB', '2']);
    // The choices list the first lines with their row numbers.
    expect(shape.candidates.slice(0, 3)).toEqual([
      { line: 0, row: 1, text: 'Udtræk fra DUBU pr. 01-06-2025' },
      { line: 1, row: 2, text: 'Børne- og Familieafdelingen' },
      { line: 2, row: 4, text: 'Sagsnummer · Team · Rådgiver · Antal' },
    ]);
  });

  it('masks a CPR number in the lines offered as the header row', () => {
    const shape = detectShape(sheetOf('Sagsnr;CPR\nS-1;0503244234\n'));
    expect(shape.candidates[1]!.text).toBe('S-1 · 050324-xxxx');
  });

  it('drops a column with neither header nor values, and keeps one with values but no header', () => {
    const sheet = sheetOf('Sagsnr;;Enhed;\nS-1;;Nord;x\nS-2;;Syd;\n');
    const shape = detectShape(sheet);
    expect(shape.blankColumns).toEqual([1]);
    const shaped = applyShape(sheet, shape);
    expect(shaped.headers).toEqual(['Sagsnr', 'Enhed']);
    expect(shaped.rows[0]!.cells).toEqual(['S-1', 'Nord', 'x']);
    expect(shapeNotes(shape)).toEqual(['1 tom kolonne uden overskrift og værdier springes over.']);
  });

  it('leaves out a totals row labelled "I alt" or "Total"', () => {
    for (const label of ['I alt', 'Total:', 'TOTALT']) {
      const sheet = sheetOf(`Sagsnr;Enhed;Antal\nS-1;Nord;2\nS-2;Syd;3\n${label};;5\n`);
      const shape = detectShape(sheet);
      expect(shape.totalsRow).toBe(4);
      expect(applyShape(sheet, shape).rows.map((r) => r.cells[0])).toEqual(['S-1', 'S-2']);
      expect(shapeNotes(shape)).toEqual(['Sidste række (4) ligner en sumrække og springes over.']);
    }
  });

  it('knows a row of sums without a label, and not a last case that only looks like one', () => {
    const row = (number: number, cells: SourceCell[]) => ({ number, cells });
    const above = [row(2, ['S-1', 2, '1.000']), row(3, ['S-2', 3, '234,5'])];
    expect(isTotalsRow(row(4, [null, 5, '1.234,5']), above)).toBe(true);
    expect(isTotalsRow(row(4, [null, 6, null]), above)).toBe(false);
    expect(isTotalsRow(row(4, ['S-3', 5, null]), above)).toBe(false);
    // "Totalløsning" is a word, not the label.
    expect(isTotalsRow(row(4, ['Totalløsning', null, null]), above)).toBe(false);
  });

  it('says when a wide sheet has one row per measure', () => {
    const rows = [
      { number: 2, cells: ['S-1', 'Nord', 'Aflastning', '01-01-2025'] },
      { number: 3, cells: ['S-1', 'Nord', 'Anbringelse', '01-03-2025'] },
      { number: 4, cells: ['S-2', 'Syd', 'Aflastning', '01-02-2025'] },
      { number: 5, cells: ['S-2', 'Syd', 'Aflastning', '01-02-2025'] },
      { number: 6, cells: ['S-3', 'Syd', 'Netværk', '01-02-2025'] },
      { number: 7, cells: ['S-3', 'Syd', 'Netværk', '01-04-2025'] },
      { number: 8, cells: ['S-3', 'Syd', 'Netværk', '01-05-2025'] },
    ] as { number: number; cells: SourceCell[] }[];
    const found = rowsPerMeasure(rows, 0, [2, 3]);
    // S-2's two rows are the same measure twice: no sign of the shape.
    expect(found).toEqual({ cases: 2, rows: 5 });
    expect(rowsPerMeasure(rows, 0, [])).toEqual({ cases: 0, rows: 0 });
    const shape = detectShape(sheetOf('Sagsnr;Enhed\nS-1;Nord\n'));
    expect(shapeNotes(shape, found)).toEqual([
      'Arket har én række pr. foranstaltning: 2 sager står på flere rækker (5 i alt) med forskellige foranstaltninger; hver række læses som en foranstaltning på sin sag.',
    ]);
  });
});
