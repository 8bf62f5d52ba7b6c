import { dayNumber, minuteNumber } from '../calendar';
import type { EventTableName, MeasureKind, NotificationOutcome } from '../types';

/**
 * Cases as the screening reads them: one column per field, dates as day numbers, yes/no and
 * choices as small numbers, the events of case `c` at `start[c]`…`start[c + 1]` of their table.
 * Screening 100,000 cases from objects spent as long building and parsing the objects and date
 * strings as on the rules themselves; typed columns are read back from IndexedDB as copies of
 * memory, and a date compare is a number compare. Built from cases as stored (an absent field is
 * empty) or as imported, by `encodeColumns`.
 */

/** No value (an empty date, number, yes/no or choice): the smallest Int32, as in the result table. */
export const NONE = -2_147_483_648;
export const YES = 1;
export const NO = 0;

/**
 * The version of this layout. Stored column chunks carry it, and a chunk of another version is
 * rebuilt from the cases before it is read. Raise it whenever a column, its encoding or a code
 * below changes, or what a chunk keeps beside the columns (case-store.ts). Version 1 (schema 4)
 * numbered choices by their place in a list; version 3 keeps each case's closing date and
 * whether the extract still holds it, for the deadline list.
 */
export const CASE_COLUMNS_CODEC = 3;

/**
 * Choices as stable codes, kept by stored columns: a code is never reused or renumbered, a new
 * choice gets the next number. 0 is no code, so a zeroed column can never pass for a choice.
 */
export const MEASURE_KIND_CODE: Readonly<Record<MeasureKind, number>> = Object.freeze({ placement: 1, preventive: 2, safetyPlan: 3, youthSanction: 4, other: 5 });
export const OUTCOME_CODE: Readonly<Record<NotificationOutcome, number>> = Object.freeze({ investigation: 1, preventive: 2, existingCase: 3, none: 4 });

type Value = unknown;
/** How a field becomes a number; `refs` numbers the measure ids of a set of columns. */
type Encode = (value: Value, refs: Map<string, number>) => number;

/** A date as its day number, or with a time as its minute number. */
const moment = (read: (text: string) => number): Encode => (value) => {
  if (value == null) return NONE;
  const at = read(value as string);
  // The import stores only real dates; anything else is a fault to see, not an empty field.
  if (Number.isNaN(at)) throw new RangeError(`Ugyldig dato i sagens data: "${String(value)}"`);
  return at;
};
const date = moment(dayNumber);
const minute = moment(minuteNumber);
const timed: Encode = (value) => (value != null && (value as string).includes('T') ? YES : NO);
const bool: Encode = (value) => (value == null ? NONE : value ? YES : NO);
// The import stores only whole months; a fraction from an older import is read as empty, not cut short.
const count: Encode = (value) => (Number.isInteger(value) ? (value as number) : NONE);
// A value that is no known choice (hand-edited or from a newer version) is read as empty.
const choice = (codes: Readonly<Record<string, number>>): Encode => (value) => (value != null && Object.hasOwn(codes, value as string) ? codes[value as string]! : NONE);
const ref: Encode = (value, refs) => {
  if (value == null) return NONE;
  let id = refs.get(value as string);
  if (id === undefined) refs.set(value as string, (id = refs.size));
  return id;
};

/** Each column: the event field it is made from, and how. */
const LAYOUT = {
  notifications: {
    received: ['receivedAt', minute], receivedTimed: ['receivedAt', timed], assessed: ['assessedAt', minute], assessedTimed: ['assessedAt', timed],
    acknowledgedAt: ['acknowledgedAt', date], fromProfessional: ['fromProfessional', bool], outcome: ['outcome', choice(OUTCOME_CODE)],
    preventiveConsidered: ['preventiveConsidered', bool],
  },
  investigations: { startedAt: ['startedAt', date], completedAt: ['completedAt', date], interimAssessmentAt: ['interimAssessmentAt', date] },
  measures: {
    measure: ['measureId', ref], kind: ['kind', choice(MEASURE_KIND_CODE)], consent: ['consent', bool], urgent: ['urgent', bool],
    startDate: ['startDate', date], endDate: ['endDate', date], decisionDate: ['decisionDate', date], childConversationAt: ['childConversationAt', date],
    conversationWaived: ['conversationWaived', bool], supporterOffered: ['supporterOffered', bool], parentsInformed: ['parentsInformed', bool],
    placementChoiceJustified: ['placementChoiceJustified', bool], contactDecided: ['contactDecided', bool],
    planSharedWithPlacement: ['planSharedWithPlacement', bool], managementApproved: ['managementApproved', bool], planNeeded: ['planNeeded', bool],
  },
  actionPlans: { date: ['date', date], measure: ['measureId', ref], filed: ['filed', bool] },
  followUps: { measure: ['measureId', ref], date: ['date', date], cadenceMonths: ['cadenceMonths', count] },
  supervisionVisits: { date: ['date', date], childSeenAlone: ['childSeenAlone', bool] },
} as const satisfies Record<EventTableName, Record<string, readonly [string, Encode]>>;

type Layout = typeof LAYOUT;
/** One event table: where each case's events start, their ids, and a column per field. */
export type EventColumns<T extends EventTableName> = { start: Uint32Array; id: string[] } & { [K in keyof Layout[T]]: Int32Array };

export interface CaseColumns {
  size: number;
  caseNumbers: string[];
  awareAt: Int32Array;
  notifications: EventColumns<'notifications'>;
  investigations: EventColumns<'investigations'>;
  measures: EventColumns<'measures'>;
  actionPlans: EventColumns<'actionPlans'>;
  followUps: EventColumns<'followUps'>;
  supervisionVisits: EventColumns<'supervisionVisits'>;
}

/** What `encodeColumns` reads: a case as imported or as stored (absent fields and event tables are empty). */
export interface CaseInput {
  caseNumber: string;
  awareAt?: string | null;
  events?: Partial<Record<EventTableName, readonly object[]>>;
}

/** The columns of these cases, in their order. */
export function encodeColumns(cases: readonly CaseInput[]): CaseColumns {
  const refs = new Map<string, number>();
  const table = <T extends EventTableName>(name: T): EventColumns<T> => {
    const start = new Uint32Array(cases.length + 1);
    let total = 0;
    cases.forEach((c, i) => {
      start[i] = total;
      total += c.events?.[name]?.length ?? 0;
    });
    start[cases.length] = total;
    const layout = LAYOUT[name] as Record<string, readonly [string, Encode]>;
    const columns: Record<string, unknown> = { start, id: new Array<string>(total) };
    for (const key of Object.keys(layout)) columns[key] = new Int32Array(total);
    let e = 0;
    for (const c of cases) {
      for (const event of (c.events?.[name] ?? []) as Record<string, Value>[]) {
        (columns.id as string[])[e] = event.id as string;
        for (const [key, [field, encode]] of Object.entries(layout)) (columns[key] as Int32Array)[e] = encode(event[field], refs);
        e++;
      }
    }
    return columns as EventColumns<T>;
  };
  return {
    size: cases.length,
    caseNumbers: cases.map((c) => c.caseNumber),
    awareAt: Int32Array.from(cases, (c) => date(c.awareAt, refs)),
    notifications: table('notifications'), investigations: table('investigations'), measures: table('measures'),
    actionPlans: table('actionPlans'), followUps: table('followUps'), supervisionVisits: table('supervisionVisits'),
  };
}
