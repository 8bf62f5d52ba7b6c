import { formatDate } from '../domain/format';
import { BUCKET_LABEL, type DeadlineItem } from '../domain/rules/deadlines';
import { uniqueSheetName, writeWorkbook, type OutSheet } from './xlsx-write';

/** The deadline overview as one sheet per caseworker, for the weekly follow-up in the units. */
export function deadlineWorkbook(items: readonly DeadlineItem[], ruleName: (id: string) => string, asOf: string, demo: boolean): Uint8Array {
  const byCaseworker = new Map<string, DeadlineItem[]>();
  for (const item of items) byCaseworker.set(item.caseworker, [...(byCaseworker.get(item.caseworker) ?? []), item]);
  const used = new Set<string>();
  const sheets: OutSheet[] = [...byCaseworker].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([caseworker, list]) => ({
    name: uniqueSheetName(caseworker, used),
    filter: true,
    widths: [14, 48, 12, 10, 16, 24, 26],
    rows: [
      ['Sagsnr', 'Skridt', 'Frist', 'Dage til frist', 'Status', 'Lovgrundlag', 'Enhed'],
      ...list.map((i) => [i.caseNumber, ruleName(i.ruleId), formatDate(i.deadline), i.daysLeft, BUCKET_LABEL[i.bucket], i.legalRef, i.unit]),
    ],
  }));
  if (sheets.length === 0) sheets.push({ name: 'Frister', rows: [[`Ingen åbne frister pr. ${formatDate(asOf)}.`]] });
  return writeWorkbook(sheets, `Fristoverblik pr. ${formatDate(asOf)}`, { demo });
}
