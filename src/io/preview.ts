import { maskCprCell, maskCprLike } from '../domain/cpr';
import { fieldByKey } from '../domain/fields';
import { formatNumber } from '../domain/format';
import { templateValue } from './canonical-sheets';
import type { SourceCell } from '../domain/source';
import { parseCell } from './values';

export interface PreviewValue {
  text: string;
  ok: boolean;
}

export interface PreviewOptions {
  blankMeansNo?: boolean;
  keepFullCpr?: boolean;
}

/** How a cell will be read under a mapping target, in the words the mapping screen shows. */
export function previewValue(target: string | null, cell: SourceCell, options: PreviewOptions): PreviewValue {
  const def = target ? fieldByKey.get(target) : undefined;
  if (!def) return { text: '', ok: true };
  const result = parseCell(def.type, cell, options);
  const shown = (text: string) => (options.keepFullCpr ? text : maskCprLike(text));
  if (!result.ok) return { text: shown(result.message), ok: false };
  const value = result.value;
  if (value === null) return { text: 'ukendt', ok: true };
  if (def.type === 'cpr') return { text: (value as { cpr: string }).cpr, ok: true };
  if (def.type === 'months') return { text: formatNumber(value as number), ok: true };
  return { text: shown(String(templateValue(def, value))), ok: true };
}

/**
 * A cell as the file has it, for the mapping screen's first values: a CPR-like value masked (a
 * column mapped to the CPR field whole) unless the workspace keeps full numbers.
 */
export function previewCell(target: string | null, cell: SourceCell, options: PreviewOptions): string {
  if (cell === null || cell === undefined) return '–';
  const cprColumn = target !== null && fieldByKey.get(target)?.type === 'cpr';
  return String(options.keepFullCpr ? cell : maskCprCell(cell, { cprColumn }));
}
