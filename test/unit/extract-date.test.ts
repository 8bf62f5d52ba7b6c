import { describe, expect, it } from 'vitest';
import { isOldExtract, suggestExtractDate } from '../../src/domain/extract-date';

const TODAY = '2026-11-29';

describe('the date an extract was taken, as the import suggests it', () => {
  it.each([
    ['udtraek-2025-12-31.csv', '2025-12-31'],
    ['DUBU 31.12.2025.xlsx', '2025-12-31'],
    ['sager_20251231.csv', '2025-12-31'],
    ['Nexus 5-1-2026 børn.xlsx', '2026-01-05'],
    ['udtraek_2025_06_30_v2.csv', '2025-06-30'],
  ])('reads the date in the name %s as %s', (name, date) => {
    expect(suggestExtractDate(name, '2026-11-20', TODAY)).toBe(date);
  });

  it('takes the last date in a name with two, and none after today or that does not exist', () => {
    expect(suggestExtractDate('periode 2025-01-01 til 2025-12-31.csv', null, TODAY)).toBe('2025-12-31');
    expect(suggestExtractDate('plan-2027-01-01.csv', '2026-11-20', TODAY)).toBe('2026-11-20');
    expect(suggestExtractDate('udtraek-2025-02-30.csv', '2026-11-20', TODAY)).toBe('2026-11-20');
  });

  it('takes the day the file was saved when the name has no date, else today', () => {
    expect(suggestExtractDate('udtraek.csv', '2026-11-27', TODAY)).toBe('2026-11-27');
    expect(suggestExtractDate('udtraek.csv', '2026-12-01', TODAY)).toBe(TODAY);
    expect(suggestExtractDate('sager 12345678.csv', null, TODAY)).toBe(TODAY);
  });

  it('calls an extract old when it is from before today', () => {
    expect(isOldExtract('2025-12-31', TODAY)).toBe(true);
    expect(isOldExtract(TODAY, TODAY)).toBe(false);
    expect(isOldExtract(null, TODAY)).toBe(false);
  });
});
