import { tableDef } from './fields';
import type { EventTableName } from './types';

const EVENT_PREFIX: Record<EventTableName, string> = {
  notifications: 'N', investigations: 'U', measures: 'F', actionPlans: 'H', followUps: 'O', supervisionVisits: 'T',
};

/**
 * Event ids are made from content, so the same event keeps its id in every extract and every
 * dialect: a measure by its measure id; other events by case, table and their date, numbered
 * when a case has several on the same date.
 */
export function eventId(table: EventTableName, event: Record<string, unknown>, ordinal: number): string {
  if (table === 'measures') return `${EVENT_PREFIX.measures}:${event.measureId as string}`;
  const presence = tableDef(table).presenceField!;
  return `${EVENT_PREFIX[table]}:${event.caseNumber as string}:${(event[presence] as string | null) ?? ''}:${ordinal}`;
}

/** Numbers events that share case, table and date in the order they come. */
export class EventIds {
  #ordinals = new Map<string, number>();

  next(table: EventTableName, event: Record<string, unknown>): string {
    if (table === 'measures') return eventId(table, event, 1);
    const key = eventId(table, event, 0);
    const ordinal = (this.#ordinals.get(key) ?? 0) + 1;
    this.#ordinals.set(key, ordinal);
    return eventId(table, event, ordinal);
  }
}
