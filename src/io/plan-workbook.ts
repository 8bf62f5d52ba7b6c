import { formatDate } from '../domain/format';
import { ACTION_STATUS_LABEL, isOverdue, planStatus, type FocusArea, type ImprovementAction } from '../domain/review/plan';
import { ruleName } from '../domain/rules/labels';
import type { IsoDate } from '../domain/types';
import { writeWorkbook } from './xlsx-write';

/** The improvement plan's status for the committee: a line per action under its focus area, and a summary per area. */
export function planWorkbook(areas: readonly FocusArea[], actions: readonly ImprovementAction[], today: IsoDate, demo: boolean): Uint8Array {
  const status = planStatus(areas, actions, today);
  return writeWorkbook([
    {
      name: 'Status', filter: true, widths: [36, 12, 10, 10, 10, 12],
      rows: [
        ['Fokusområde', 'Handlinger', 'Ikke startet', 'I gang', 'Færdig', 'Overskredet'],
        ...status.map((s) => [s.area.title, s.actions.length, s.counts.notStarted, s.counts.inProgress, s.counts.done, s.overdue]),
      ],
    },
    {
      name: 'Handlinger', filter: true, widths: [36, 50, 22, 12, 14, 12, 40],
      rows: [
        ['Fokusområde', 'Handling', 'Ansvarlig', 'Frist', 'Status', 'Overskredet', 'Regler'],
        ...status.flatMap((s) => s.actions.map((a) => [s.area.title, a.text, a.owner, formatDate(a.deadline), ACTION_STATUS_LABEL[a.status], isOverdue(a, today) ? 'Ja' : 'Nej', s.area.rules.map((r) => ruleName(r)).join(', ')])),
      ],
    },
  ], `Udviklingsplan pr. ${formatDate(today)}`, { demo });
}
