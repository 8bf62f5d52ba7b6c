import { compareDanish } from '../format';
import { fieldByKey, TABLES } from '../fields';
import type { ResultTable } from './result-table';

export interface DataQuality {
  /** Per field: on how many cases it is missing where a rule needed it, most first. */
  fields: { key: string; cases: number }[];
  /** Per case: the fields to fill in the case system. */
  cases: { caseNumber: string; fields: string[] }[];
}

/** Turns `unknown` results into what to fix in the case system, per case and per field. */
export function dataQuality(results: ResultTable): DataQuality {
  const byCase = new Map<string, Set<string>>();
  for (let i = 0; i < results.length; i++) {
    const missing = results.status(i) === 'unknown' ? results.missing(i) : undefined;
    if (!missing) continue;
    const caseNumber = results.caseNumber(i);
    let fields = byCase.get(caseNumber);
    if (!fields) byCase.set(caseNumber, (fields = new Set()));
    for (const key of missing) fields.add(key);
  }
  const perField = new Map<string, number>();
  for (const fields of byCase.values()) for (const key of fields) perField.set(key, (perField.get(key) ?? 0) + 1);
  return {
    fields: [...perField].map(([key, cases]) => ({ key, cases })).sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key)),
    cases: [...byCase].map(([caseNumber, fields]) => ({ caseNumber, fields: [...fields].sort() })).sort((a, b) => b.fields.length - a.fields.length || compareDanish(a.caseNumber, b.caseNumber)),
  };
}

/** `measures.consent` → "Foranstaltninger: Samtykke"; a whole table → "Opfølgninger (ikke importeret)". */
export function fieldLabel(key: string): string {
  const def = fieldByKey.get(key);
  if (def) return `${TABLES.find((t) => t.name === def.table)!.sheet}: ${def.header}`;
  const table = TABLES.find((t) => t.name === key);
  return table ? `${table.sheet} (ikke importeret)` : key;
}
