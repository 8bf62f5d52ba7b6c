import { describe, expect, it } from 'vitest';
import { dialectTable, listDialects, measureDialect, type DialectFigures } from '../../scripts/dialects/measure';

/**
 * The mapping test set (issue 14, point 6): every dialect read, mapped by the suggestions alone
 * (sure and unsure columns pre-selected, sure value readings accepted), imported and screened
 * through the headless command's code, and compared with the canonical twin of the same cases.
 */
describe('the extract dialects', () => {
  const dialects = listDialects();
  const figures: DialectFigures[] = [];

  it('holds at least six dialects, two of them written after the matcher', () => {
    expect(dialects.length).toBeGreaterThanOrEqual(6);
    expect(dialects.filter((d) => d.untuned).length).toBeGreaterThanOrEqual(2);
  });

  it.each(dialects)('$name: ≥ 90 % of columns right by themselves, no sure match wrong, no screening result different', (dialect) => {
    const f = measureDialect(dialect as never);
    figures.push(f);
    expect(f.results).toBeGreaterThan(1000);
    expect(f.sureWrong, f.misses.join('\n')).toBe(0);
    expect(f.right / f.columns, f.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(f.resultDiffs, f.misses.join('\n')).toBe(0);
  }, 60_000);

  it('would see differences: the Nexus-like dialect without its value readings screens differently', () => {
    const f = measureDialect(dialects.find((d) => d.name === 'nexus-bred') as never, { readings: false });
    expect(f.resultDiffs).toBeGreaterThan(0);
  }, 60_000);

  it('prints the figures per dialect and in total', () => {
    const table = dialectTable(figures);
    console.log(`Kortlægning af ${figures.length} udtræksdialekter:\n${table}`);
    expect(table.split('\n')).toHaveLength(dialects.length + 1);
  });
});
