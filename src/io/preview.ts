import { fieldByKey, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS } from '../domain/fields';
import { formatDate, formatNumber } from '../domain/format';
import type { SourceCell } from './source';
import { parseCell } from './values';

export interface PreviewValue {
  text: string;
  ok: boolean;
}

/** How a cell will be read under a mapping target, in the words the mapping screen shows. */
export function previewValue(target: string | null, cell: SourceCell, options: { blankMeansNo?: boolean; keepFullCpr?: boolean }): PreviewValue {
  const def = target ? fieldByKey.get(target) : undefined;
  if (!def) return { text: '', ok: true };
  const result = parseCell(def.type, cell, options);
  if (!result.ok) return { text: result.message, ok: false };
  const value = result.value;
  if (value === null) return { text: 'ukendt', ok: true };
  switch (def.type) {
    case 'date':
      return { text: formatDate(value as string), ok: true };
    case 'datetime': {
      const [date, time] = (value as string).split('T');
      return { text: time ? `${formatDate(date!)} ${time}` : formatDate(date!), ok: true };
    }
    case 'bool':
      return { text: value ? 'Ja' : 'Nej', ok: true };
    case 'number':
      return { text: formatNumber(value as number, Number.isInteger(value) ? 0 : 2), ok: true };
    case 'cpr':
      return { text: (value as { cpr: string }).cpr, ok: true };
    case 'measureKind':
      return { text: MEASURE_KIND_SYNONYMS[value as keyof typeof MEASURE_KIND_SYNONYMS][0]!, ok: true };
    case 'outcome':
      return { text: OUTCOME_SYNONYMS[value as keyof typeof OUTCOME_SYNONYMS][0]!, ok: true };
    default:
      return { text: String(value), ok: true };
  }
}
