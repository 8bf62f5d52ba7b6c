import { parseDanishDate } from './format';
import type { IsoDate } from './types';

/**
 * The date an extract was taken, as the import suggests it: a date in the file's name (case
 * systems and people name their exports so: `udtraek-2025-12-31.csv`, `DUBU 31.12.2025.xlsx`,
 * `sager_20251231.csv`), else the day the file was last saved, else today. Never after today.
 */
export function suggestExtractDate(fileName: string, lastModified: IsoDate | null, today: IsoDate): IsoDate {
  const named = datesInText(fileName).filter((d) => d <= today).at(-1);
  if (named) return named;
  return lastModified && lastModified <= today ? lastModified : today;
}

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g, (m) => `${m[3]}-${m[2]}-${m[1]}`],
  [/(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})(?!\d)/g, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g, (m) => `${m[3]}-${m[2]}-${m[1]}`],
];

/** The calendar dates written in a file name or a title line ("Udtræk pr. 01-06-2025"), in the order they are written. */
export function datesInText(fileName: string): IsoDate[] {
  const found: [number, IsoDate][] = [];
  for (const [pattern, danish] of PATTERNS) {
    for (const m of fileName.matchAll(pattern)) {
      const parsed = parseDanishDate(danish(m as RegExpExecArray));
      if (parsed.ok) found.push([m.index!, parsed.value]);
    }
  }
  return found.sort(([a], [b]) => a - b).map(([, date]) => date);
}

/** Whether an extract from `extractDate` is older than `today`: the pages then offer to work as of its date. */
export const isOldExtract = (extractDate: IsoDate | null | undefined, today: IsoDate): extractDate is IsoDate => !!extractDate && extractDate < today;
