import type { Case, CaseBundle, EventTableName } from './types';

/** A case that is in both extracts and differs: its changed case fields and event tables. */
export interface CaseChange {
  caseNumber: string;
  fields: (keyof Case | EventTableName)[];
}

export interface ReimportDiff {
  added: string[];
  changed: CaseChange[];
  unchanged: number;
  /** In the workspace but not in this extract: kept and marked, never deleted. */
  noLongerPresent: string[];
}

const CASE_FIELDS: readonly (keyof Case)[] = ['cpr', 'birthDate', 'unit', 'group', 'caseworker', 'openedAt', 'closedAt', 'awareAt'];

/** One table's events of a case, in a form that compares equal when the events are the same. */
function fingerprint(events: readonly { id: string }[]): string {
  return events
    .map(({ id: _id, ...rest }) => JSON.stringify(rest, Object.keys(rest).sort()))
    .sort()
    .join('\n');
}

/** The case fields and the event tables (of `tables`) in which two versions of a case differ; events compare by content, not by id or order. */
export function changedFields(existing: CaseBundle, incoming: CaseBundle, tables: readonly EventTableName[]): CaseChange['fields'] {
  const fields: CaseChange['fields'] = CASE_FIELDS.filter((f) => (existing[f] ?? null) !== (incoming[f] ?? null));
  for (const table of tables) {
    if (fingerprint(existing.events[table]) !== fingerprint(incoming.events[table])) fields.push(table);
  }
  return fields;
}

/**
 * Compares a new extract with what the workspace holds. `tables` are the event tables the new
 * extract covers (events of other tables are kept as they are, so they are not compared);
 * `coversCases` says whether the extract lists cases at all, for "no longer present".
 */
export function diffCases(before: readonly CaseBundle[], after: readonly CaseBundle[], tables: readonly EventTableName[], coversCases = true): ReimportDiff {
  const old = new Map(before.map((c) => [c.caseNumber, c]));
  const diff: ReimportDiff = { added: [], changed: [], unchanged: 0, noLongerPresent: [] };
  for (const incoming of after) {
    const existing = old.get(incoming.caseNumber);
    if (!existing) {
      diff.added.push(incoming.caseNumber);
      continue;
    }
    const fields = changedFields(existing, incoming, tables);
    if (fields.length) diff.changed.push({ caseNumber: incoming.caseNumber, fields });
    else diff.unchanged += 1;
  }
  if (coversCases) {
    const seen = new Set(after.map((c) => c.caseNumber));
    diff.noLongerPresent = before.filter((c) => !seen.has(c.caseNumber)).map((c) => c.caseNumber);
  }
  return diff;
}
