import { describe, expect, it } from 'vitest';
import { CPR_LIKE_PLACEHOLDER, maskCprCell, maskCprLike, maskSheets } from '../../src/domain/cpr';
import type { SourceCell } from '../../src/domain/source';

describe('maskCprLike', () => {
  it.each<[string, string]>([
    ['050324-4234', '050324-xxxx'],
    ['0503244234', '050324-xxxx'],
    ['050324 4234', '050324-xxxx'],
    ['050324 - 4234', '050324-xxxx'],
    ['Søskende til 220616-5555, anbragt', 'Søskende til 220616-xxxx, anbragt'],
    ['050324-4234 og 1204155678', '050324-xxxx og 120415-xxxx'],
    ['3102174321', '310217-xxxx'],
    ['6103244234', '610324-xxxx'],
    ['0013244234', CPR_LIKE_PLACEHOLDER],
    ['3213244234', CPR_LIKE_PLACEHOLDER],
    ['0513244234', CPR_LIKE_PLACEHOLDER],
    ['9203244234', CPR_LIKE_PLACEHOLDER],
  ])('masks the CPR-like %j as %j', (text, masked) => {
    expect(maskCprLike(text)).toBe(masked);
  });

  it.each<string>([
    '05032442341', '12345678', '01-02-2024', '2024-03-05T10:15', 'S-0001', '050324-xxxx', CPR_LIKE_PLACEHOLDER, '050324', '', 'Alma Fiktiv',
  ])('leaves %j as it is outside a CPR column: no ten digits shaped like a CPR number', (text) => {
    expect(maskCprLike(text)).toBe(text);
  });

  it.each<[string, string]>([
    ['05032442341', CPR_LIKE_PLACEHOLDER],
    ['050324-123', CPR_LIKE_PLACEHOLDER],
    ['050324--4234', CPR_LIKE_PLACEHOLDER],
    ['050324-4234', '050324-xxxx'],
    ['050324', '050324'],
    ['ukendt', 'ukendt'],
    ['050324-xxxx', '050324-xxxx'],
  ])('in a CPR column masks %j as %j: more than six digits may be a mistyped number', (text, masked) => {
    expect(maskCprLike(text, { cprColumn: true })).toBe(masked);
  });

  it('changes nothing when masking a masked text again', () => {
    const once = maskCprLike('050324-4234, 0013244234 og 05032442341', { cprColumn: true });
    expect(maskCprLike(once, { cprColumn: true })).toBe(once);
  });
});

describe('maskCprCell', () => {
  it.each<[SourceCell, boolean, SourceCell]>([
    [503244234, false, '050324-xxxx'],
    [1204155678, false, '120415-xxxx'],
    [9999999999, false, CPR_LIKE_PLACEHOLDER],
    [12345678, false, 12345678],
    [12345678, true, CPR_LIKE_PLACEHOLDER],
    [45356, true, 45356],
    [2.5, false, 2.5],
    [true, true, true],
    [null, true, null],
    ['050324-4234', false, '050324-xxxx'],
  ])('masks %j (CPR column: %j) as %j', (cell, cprColumn, masked) => {
    expect(maskCprCell(cell, { cprColumn })).toBe(masked);
  });
});

describe('maskSheets', () => {
  it('masks headers and cells, the CPR columns of each sheet whole, and keeps row numbers', () => {
    const sheets = [
      { name: 'Sager', headers: ['Sagsnr', 'CPR', '0503244234'], rows: [{ number: 2, cells: ['S-1', '05032442341', 'Nord 1204155678'] as SourceCell[] }], emptyRows: 1 },
      { name: 'Andet', headers: ['CPR'], rows: [{ number: 3, cells: ['05032442341'] as SourceCell[] }], emptyRows: 0 },
    ];
    expect(maskSheets(sheets, new Map([['Sager', new Set([1])]]))).toEqual([
      { name: 'Sager', headers: ['Sagsnr', 'CPR', '050324-xxxx'], rows: [{ number: 2, cells: ['S-1', CPR_LIKE_PLACEHOLDER, 'Nord 120415-xxxx'] }], emptyRows: 1 },
      { name: 'Andet', headers: ['CPR'], rows: [{ number: 3, cells: ['05032442341'] }], emptyRows: 0 },
    ]);
  });
});
