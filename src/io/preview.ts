import { fieldByKey } from '../domain/fields';
import { formatNumber } from '../domain/format';
import { templateValue } from './canonical-sheets';
import type { SourceCell } from '../domain/source';
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
  if (def.type === 'cpr') return { text: (value as { cpr: string }).cpr, ok: true };
  if (def.type === 'months') return { text: formatNumber(value as number), ok: true };
  return { text: String(templateValue(def, value)), ok: true };
}
