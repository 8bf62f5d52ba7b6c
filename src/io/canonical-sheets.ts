import { FIELDS, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, TABLES, type FieldDef } from '../domain/fields';
import { formatDate } from '../domain/format';
import type { CaseData } from '../domain/types';
import type { SourceCell, SourceWorkbook } from '../domain/source';

/** A canonical value as the template (and the mapping preview) writes it: dd-mm-åååå, "Ja"/"Nej", Danish enum words. */
export function templateValue(def: FieldDef, value: unknown): SourceCell {
  if (value === null || value === undefined) return null;
  switch (def.type) {
    case 'date':
      return formatDate(value as string);
    case 'datetime': {
      const [date, time] = (value as string).split('T');
      return time ? `${formatDate(date!)} ${time}` : formatDate(date!);
    }
    case 'bool':
      return value ? 'Ja' : 'Nej';
    case 'measureKind':
      return MEASURE_KIND_SYNONYMS[value as keyof typeof MEASURE_KIND_SYNONYMS][0]!;
    case 'outcome':
      return OUTCOME_SYNONYMS[value as keyof typeof OUTCOME_SYNONYMS][0]!;
    default:
      return value as SourceCell;
  }
}

/** Canonical data as the sheets of the import template (headers, then one row per record). */
export function canonicalSheets(data: CaseData): { name: string; rows: SourceCell[][] }[] {
  return TABLES.map((table) => {
    const fields = FIELDS.filter((f) => f.table === table.name);
    const records = data[table.name] as unknown as Record<string, unknown>[];
    return { name: table.sheet, rows: [fields.map((f) => f.header), ...records.map((r) => fields.map((f) => templateValue(f, r[f.field])))] };
  });
}

/** The same sheets as a workbook read from a file, so data made in the app goes through the importer. */
export function canonicalWorkbook(data: CaseData): SourceWorkbook {
  return {
    format: 'xlsx',
    sheets: canonicalSheets(data).map((sheet) => ({
      name: sheet.name,
      headers: sheet.rows[0] as string[],
      rows: sheet.rows.slice(1).map((cells, i) => ({ number: i + 2, cells })),
      emptyRows: 0,
    })),
  };
}
