import type { ImportIssue } from '../domain/records';
import { writeWorkbook } from './xlsx-write';

/** The validation report as a workbook the user can fix the extract from. */
export function issuesWorkbook(issues: readonly ImportIssue[], demo = false): Uint8Array {
  return writeWorkbook(
    [{
      name: 'Fejl og advarsler',
      filter: true,
      widths: [20, 8, 24, 24, 10, 90],
      rows: [
        ['Ark', 'Række', 'Kolonne', 'Værdi', 'Alvor', 'Årsag'],
        ...issues.map((i) => [i.sheet, i.row, i.column, i.value, i.severity === 'error' ? 'Fejl' : 'Advarsel', i.message]),
      ],
    }],
    'Valideringsrapport fra Tilsynsbænken',
    { demo },
  );
}
