import { FIELDS } from '../domain/fields';
import { EVENT_TABLES, type CaseBundle, type EventTableName } from '../domain/types';

/**
 * How a case is written: its canonical fields in one fixed order, without null fields and
 * without the case number repeated in every event. The fixed order makes the text of a case the
 * same whenever its data is the same, so a re-import finds the unchanged cases by comparing texts.
 * Reading restores every field, so nothing outside storage sees the difference.
 */
export type EncodedCase = Record<string, unknown> & { caseNumber: string };

const CASE_FIELDS = FIELDS.filter((f) => f.table === 'cases').map((f) => f.field);
const EVENT_FIELDS = Object.fromEntries(
  EVENT_TABLES.map((table) => [table, ['id', ...FIELDS.filter((f) => f.table === table && f.field !== 'caseNumber').map((f) => f.field)]]),
) as Record<EventTableName, string[]>;

function sparse(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = source[field];
    if (value !== null && value !== undefined) result[field] = value;
  }
  return result;
}

/** The stored form of a case: only its canonical fields, in the catalogue's order (the case number first). */
export function encodeCase(c: CaseBundle): EncodedCase {
  const encoded = sparse(c as unknown as Record<string, unknown>, CASE_FIELDS) as EncodedCase;
  const events: Record<string, unknown[]> = {};
  for (const table of EVENT_TABLES) {
    const list = c.events[table] as unknown as Record<string, unknown>[];
    if (list.length) events[table] = list.map((e) => sparse(e, EVENT_FIELDS[table]));
  }
  encoded.events = events;
  return encoded;
}

/** Every canonical field back, null where absent. */
export function decodeCase(encoded: EncodedCase): CaseBundle {
  const decoded: Record<string, unknown> = {};
  for (const field of CASE_FIELDS) decoded[field] = encoded[field] ?? null;
  const stored = (encoded.events ?? {}) as Partial<Record<EventTableName, Record<string, unknown>[]>>;
  const events: Record<string, unknown[]> = {};
  for (const table of EVENT_TABLES) {
    events[table] = (stored[table] ?? []).map((event) => {
      const full: Record<string, unknown> = { caseNumber: encoded.caseNumber };
      for (const field of EVENT_FIELDS[table]) full[field] = event[field] ?? null;
      return full;
    });
  }
  decoded.events = events;
  return decoded as unknown as CaseBundle;
}

const NO_EVENTS: readonly never[] = Object.freeze([]) as readonly never[];

/**
 * A stored case as the rules and the lists can read it without restoring every null: only the
 * event tables are filled in, in place (the encoded case is a fresh copy, used once). Reading
 * 100,000 cases this way skips building some 600,000 event objects.
 */
export function caseForRules(encoded: EncodedCase): CaseBundle {
  const events = (encoded.events ??= {}) as Partial<Record<EventTableName, readonly unknown[]>>;
  for (const table of EVENT_TABLES) events[table] ??= NO_EVENTS;
  return encoded as unknown as CaseBundle;
}
