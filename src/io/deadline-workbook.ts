import { compareDanish, formatDate } from '../domain/format';
import { BUCKET_LABEL, type DeadlineItem } from '../domain/rules/deadlines';
import { daysText } from '../domain/rules/work-list';
import { uniqueSheetName, writeWorkbook, type OutSheet } from './xlsx-write';

/**
 * The deadline list as one sheet per caseworker, for the weekly follow-up in the units: the steps
 * the page shows (`selection` says which, on the first line), deadlines as real Excel dates, the
 * header kept in view while scrolling.
 */
export function deadlineWorkbook(items: readonly DeadlineItem[], ruleName: (id: string) => string, asOf: string, selection: string, demo: boolean): Uint8Array {
  const byCaseworker = new Map<string, DeadlineItem[]>();
  for (const item of items) byCaseworker.set(item.caseworker, [...(byCaseworker.get(item.caseworker) ?? []), item]);
  const used = new Set<string>();
  const note = `Frister pr. ${formatDate(asOf)}. ${selection}`;
  const sheets: OutSheet[] = [...byCaseworker].sort(([a], [b]) => compareDanish(a, b)).map(([caseworker, list]) => ({
    name: uniqueSheetName(caseworker, used),
    widths: [14, 48, 12, 16, 14, 26, 26],
    freeze: { rows: 2, columns: 0 },
    rows: [
      [note],
      ['Sagsnr', 'Skridt', 'Frist', 'Dage', 'Status', 'Lovgrundlag', 'Enhed'],
      ...list.map((i) => [i.caseNumber, ruleName(i.ruleId), { date: i.deadline }, daysText(i.daysLeft), BUCKET_LABEL[i.bucket], i.legalRef, i.unit]),
    ],
  }));
  if (sheets.length === 0) sheets.push({ name: 'Frister', rows: [[note], [`Ingen åbne frister pr. ${formatDate(asOf)}.`]] });
  return writeWorkbook(sheets, `Fristoverblik pr. ${formatDate(asOf)}`, { demo });
}
