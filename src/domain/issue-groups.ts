import type { ImportIssue } from './records';

/** Issues of one kind: the same sheet, column, value and message, with the rows they were on. */
export interface IssueGroup {
  sheet: string;
  column: string | null;
  value: string | null;
  message: string;
  severity: ImportIssue['severity'];
  count: number;
  /** The first rows, in file order (at most `ROWS_SHOWN`). */
  rows: number[];
}

const ROWS_SHOWN = 5;

/**
 * The import report's issues grouped by column and value: an extract where one caseworker wrote
 * "Ingen yderligere" 58 times gives one line "58 × «Ingen yderligere»", not 58 lines. Errors
 * first, then the largest groups.
 */
export function groupIssues(issues: readonly ImportIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = JSON.stringify([issue.severity, issue.sheet, issue.column, issue.value, issue.message]);
    let group = groups.get(key);
    if (!group) {
      groups.set(key, (group = { sheet: issue.sheet, column: issue.column, value: issue.value, message: issue.message, severity: issue.severity, count: 0, rows: [] }));
    }
    group.count += 1;
    if (issue.row !== null && group.rows.length < ROWS_SHOWN) group.rows.push(issue.row);
  }
  return [...groups.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
}
