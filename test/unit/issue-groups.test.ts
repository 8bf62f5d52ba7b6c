import { describe, expect, it } from 'vitest';
import { groupIssues } from '../../src/domain/issue-groups';
import type { ImportIssue } from '../../src/domain/records';

const warning = (row: number, value: string): ImportIssue => ({ sheet: 'udtraek', row, column: 'Resultat', value, message: `Ukendt værdi "${value}". Værdien er gemt som ukendt.`, severity: 'warning' });

describe('grouped import issues', () => {
  it('gives one line per column and value, the rows of the first ones, errors first', () => {
    const issues: ImportIssue[] = [
      ...Array.from({ length: 58 }, (_, i) => warning(i + 2, 'Ingen yderligere')),
      warning(70, 'Afventer'),
      { sheet: 'udtraek', row: 71, column: null, value: null, message: 'Rækken er ikke importeret: "Enhed" mangler.', severity: 'error' },
      warning(72, 'Afventer'),
    ];
    expect(groupIssues(issues)).toEqual([
      { sheet: 'udtraek', column: null, value: null, message: 'Rækken er ikke importeret: "Enhed" mangler.', severity: 'error', count: 1, rows: [71] },
      { sheet: 'udtraek', column: 'Resultat', value: 'Ingen yderligere', message: 'Ukendt værdi "Ingen yderligere". Værdien er gemt som ukendt.', severity: 'warning', count: 58, rows: [2, 3, 4, 5, 6] },
      { sheet: 'udtraek', column: 'Resultat', value: 'Afventer', message: 'Ukendt værdi "Afventer". Værdien er gemt som ukendt.', severity: 'warning', count: 2, rows: [70, 72] },
    ]);
    expect(groupIssues([])).toEqual([]);
  });
});
