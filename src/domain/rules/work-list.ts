import { addMonths, dayNumber } from '../calendar';
import { compareDanish, formatNumber } from '../format';
import type { IsoDate } from '../types';
import type { DeadlineItem } from './deadlines';

/**
 * Frister as this week's work (UX.md journey 1): the steps a leader goes through with the team on
 * Monday. A step missed years ago, or in a case that is closed, is history for the screening, not
 * work; it is counted and shown only when asked for.
 */

export interface WorkListOptions {
  /** The day the list is for: today, or the date of an old extract. */
  asOf: IsoDate;
  /** Overdue steps whose deadline is older than this are history (default 3 months). */
  horizonMonths: number;
  /** Show the overdue steps beyond the horizon too. */
  showOlder: boolean;
  /** Show the steps of closed cases and of cases the extract no longer holds too. */
  showClosed: boolean;
}

export const DEFAULT_HORIZON_MONTHS = 3;

export interface WorkList {
  /** Overdue steps newest first, then the coming ones soonest first. */
  items: DeadlineItem[];
  /** Overdue steps of open cases beyond the horizon, left out unless `showOlder`. */
  older: number;
  /** Steps of closed or missing cases, left out unless `showClosed`. */
  closed: number;
  /** The items by caseworker, in Danish order. */
  byCaseworker: { caseworker: string; items: DeadlineItem[]; overdue: number }[];
}

/** Overdue first, the most recent deadline first; then the coming ones, the soonest first. */
const workOrder = (a: DeadlineItem, b: DeadlineItem) => {
  const overdue = Number(b.daysLeft < 0) - Number(a.daysLeft < 0);
  if (overdue) return overdue;
  const byDeadline = a.daysLeft < 0 ? b.deadline.localeCompare(a.deadline) : a.deadline.localeCompare(b.deadline);
  return byDeadline || compareDanish(a.caseNumber, b.caseNumber);
};

export function workList(all: readonly DeadlineItem[], options: WorkListOptions): WorkList {
  const since = dayNumber(addMonths(options.asOf, -options.horizonMonths));
  let older = 0;
  let closed = 0;
  const items: DeadlineItem[] = [];
  for (const item of all) {
    if (!item.open && !options.showClosed) {
      closed += 1;
      continue;
    }
    if (item.daysLeft < 0 && dayNumber(item.deadline) < since && !options.showOlder) {
      older += 1;
      continue;
    }
    items.push(item);
  }
  items.sort(workOrder);
  const groups = new Map<string, DeadlineItem[]>();
  for (const item of items) groups.set(item.caseworker, [...(groups.get(item.caseworker) ?? []), item]);
  const byCaseworker = [...groups]
    .sort(([a], [b]) => compareDanish(a, b))
    .map(([caseworker, list]) => ({ caseworker, items: list, overdue: list.filter((i) => i.daysLeft < 0).length }));
  return { items, older, closed, byCaseworker };
}

/** `-3` → "3 dage over", `-1` → "1 dag over", `0` → "i dag", `5` → "om 5 dage", `1` → "om 1 dag". */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  const days = Math.abs(daysLeft);
  const n = `${formatNumber(days)} ${days === 1 ? 'dag' : 'dage'}`;
  return daysLeft < 0 ? `${n} over` : `om ${n}`;
}

/** What a list shows, in words: for the page and for the first line of its workbook. */
export function selectionText(list: Pick<WorkList, 'older' | 'closed'>, options: WorkListOptions): string {
  const parts = [
    options.showClosed ? 'alle sager' : 'åbne sager',
    options.showOlder ? 'alle overskredne skridt' : `overskredne skridt fra de seneste ${options.horizonMonths} måneder`,
  ];
  const left = [
    !options.showOlder && list.older ? `${formatNumber(list.older)} ældre overskredne` : '',
    !options.showClosed && list.closed ? `${formatNumber(list.closed)} i lukkede sager` : '',
  ].filter(Boolean);
  return `Viser ${parts.join(' og ')}${left.length ? `; ikke vist: ${left.join(', ')}` : ''}.`;
}
