import { formatDate } from '../domain/format';
import { BUCKET_LABEL, type DeadlineItem } from '../domain/rules/deadlines';
import { writeWorkbook, type OutSheet } from './xlsx-write';

/** Excel forbids some characters in sheet names and allows 31 characters; names must be unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Ukendt';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLocaleLowerCase('da')); n++) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLocaleLowerCase('da'));
  return candidate;
}

/** The deadline overview as one sheet per caseworker, for the weekly follow-up in the units. */
export function deadlineWorkbook(items: readonly DeadlineItem[], ruleName: (id: string) => string, asOf: string, demo: boolean): Uint8Array {
  const byCaseworker = new Map<string, DeadlineItem[]>();
  for (const item of items) byCaseworker.set(item.caseworker, [...(byCaseworker.get(item.caseworker) ?? []), item]);
  const used = new Set<string>();
  const sheets: OutSheet[] = [...byCaseworker].sort(([a], [b]) => a.localeCompare(b, 'da')).map(([caseworker, list]) => ({
    name: sheetName(caseworker, used),
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
