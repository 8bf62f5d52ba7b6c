import { addDays, dayNumber, daysBetween } from '../calendar';
import type { CaseFacts } from '../records';
import type { IsoDate } from '../types';
import type { ResultTable } from './result-table';

/** The weekly follow-up's groups (seed 003): what is overdue, due this week, in the next 14 days, later. */
export type DeadlineBucket = 'overdue' | 'thisWeek' | 'next14Days' | 'later';
export const BUCKETS: readonly DeadlineBucket[] = ['overdue', 'thisWeek', 'next14Days', 'later'];
export const BUCKET_LABEL: Record<DeadlineBucket, string> = { overdue: 'Overskredet', thisWeek: 'Denne uge', next14Days: 'Næste 14 dage', later: 'Senere' };

export interface DeadlineItem {
  caseNumber: string;
  ruleId: string;
  subject: string;
  deadline: IsoDate;
  /** Days until the deadline; negative when overdue. */
  daysLeft: number;
  bucket: DeadlineBucket;
  unit: string;
  caseworker: string;
  legalRef: string;
  /** The case is open at `asOf`: not closed by then, and still in the extract. */
  open: boolean;
}

/** Sunday of the ISO week (Monday–Sunday) that holds `date`. */
function endOfWeek(date: IsoDate): IsoDate {
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7; // 0 = Monday: 1970-01-01 was a Thursday
  return addDays(date, 6 - weekday);
}

export function bucketOf(deadline: IsoDate, asOf: IsoDate): DeadlineBucket {
  if (deadline < asOf) return 'overdue';
  if (deadline <= endOfWeek(asOf)) return 'thisWeek';
  if (deadline <= addDays(asOf, 14)) return 'next14Days';
  return 'later';
}

/** A result whose deadline is the next visit due (RULES.md "Two legal regimes"), not a step of the past. */
const NEXT_VISIT_RULE = 'TILSYN_2X';

/**
 * Whether result `i` is work still to do: a pending step, or a breached one not done at all
 * (overdue); steps done late are history, not follow-up. TILSYN_2X's deadline is the next visit
 * due, which is work to do whether the window was met or breached.
 */
function toDo(results: ResultTable, i: number): boolean {
  const status = results.status(i);
  if (status === 'pending') return true;
  if (status !== 'met' && status !== 'breached') return false;
  const rule = results.ruleId(i);
  // A local standard derived from it is named after it (settings.ts `localStandardId`).
  return rule === NEXT_VISIT_RULE || rule.startsWith(`${NEXT_VISIT_RULE}_LOKAL`) || (status === 'breached' && results.doneAt(i) === null);
}

/** Every step still to be done (`toDo`), with its deadline, soonest first. */
export function deadlineItems(results: ResultTable, cases: ReadonlyMap<string, Pick<CaseFacts, 'unit' | 'caseworker' | 'closedAt' | 'missing'>>, asOf: IsoDate): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (let i = 0; i < results.length; i++) {
    const deadline = results.deadline(i);
    if (deadline === null || !toDo(results, i)) continue;
    const caseNumber = results.caseNumber(i);
    const c = cases.get(caseNumber);
    items.push({
      caseNumber, ruleId: results.ruleId(i), subject: results.subject(i), deadline, daysLeft: daysBetween(asOf, deadline),
      bucket: bucketOf(deadline, asOf), unit: c?.unit ?? 'ukendt', caseworker: c?.caseworker ?? 'ukendt', legalRef: results.legalRef(i),
      open: !c?.missing && (c?.closedAt == null || c.closedAt > asOf),
    });
  }
  return items.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.caseNumber.localeCompare(b.caseNumber));
}
