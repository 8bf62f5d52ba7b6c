import { fieldByKey, TABLES } from '../fields';
import type { RuleResult } from './types';

export interface DataQuality {
  /** Per field: on how many cases it is missing where a rule needed it, most first. */
  fields: { key: string; cases: number }[];
  /** Per case: the fields to fill in the case system. */
  cases: { caseNumber: string; fields: string[] }[];
}

/** Turns `unknown` results into what to fix in the case system, per case and per field. */
export function dataQuality(results: readonly RuleResult[]): DataQuality {
  const byCase = new Map<string, Set<string>>();
  for (const r of results) {
    if (r.status !== 'unknown' || !r.missing) continue;
    let fields = byCase.get(r.caseNumber);
    if (!fields) byCase.set(r.caseNumber, (fields = new Set()));
    for (const key of r.missing) fields.add(key);
  }
  const perField = new Map<string, number>();
  for (const fields of byCase.values()) for (const key of fields) perField.set(key, (perField.get(key) ?? 0) + 1);
  return {
    fields: [...perField].map(([key, cases]) => ({ key, cases })).sort((a, b) => b.cases - a.cases || a.key.localeCompare(b.key)),
    cases: [...byCase].map(([caseNumber, fields]) => ({ caseNumber, fields: [...fields].sort() })).sort((a, b) => b.fields.length - a.fields.length || a.caseNumber.localeCompare(b.caseNumber)),
  };
}

/** `measures.consent` → "Foranstaltninger: Samtykke"; a whole table → "Opfølgninger (ikke importeret)". */
export function fieldLabel(key: string): string {
  const def = fieldByKey.get(key);
  if (def) return `${TABLES.find((t) => t.name === def.table)!.sheet}: ${def.header}`;
  const table = TABLES.find((t) => t.name === key);
  return table ? `${table.sheet} (ikke importeret)` : key;
}
