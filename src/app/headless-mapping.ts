/**
 * The headless command's mapping without a profile (issue 14, point 5): the matcher's sure
 * matches only, said in Danish, so the account on stderr shows what was read as what.
 */
import { fieldByKey, tableDef } from '../domain/fields';
import type { ImportMapping } from '../domain/mapping';
import { readingLabel } from '../io/value-mapping';

/** "Underretninger – Udfald". */
export const fieldLabel = (target: string): string => {
  const def = fieldByKey.get(target);
  return def ? `${tableDef(def.table).sheet} – ${def.header}` : target;
};

/** The mapping with unsure matches left out: without a person to check them, only sure ones are used. */
export function sureOnly(mapping: ImportMapping): ImportMapping {
  return {
    sheets: mapping.sheets.map((sheet) => ({
      ...sheet,
      columns: sheet.columns.map(({ confidence, ...column }) => (confidence === 'unsure' ? { ...column, target: null } : { ...column, ...(confidence && { confidence }) })),
    })),
  };
}

/** For each field the sure mapping lacks but an unsure match would give: which column that was. */
export function unsureHints(suggested: ImportMapping, used: ImportMapping): string[] {
  const hints: string[] = [];
  suggested.sheets.forEach((sheet, index) => {
    for (const column of sheet.columns) {
      if (column.confidence !== 'unsure' || !column.target) continue;
      if (used.sheets[index]?.columns.some((c) => c.target === column.target)) continue;
      if (!fieldByKey.get(column.target)?.required) continue;
      hints.push(`Arket "${sheet.sheet}": kolonnen "${column.header}" er et usikkert bud på "${fieldLabel(column.target)}" og er ikke brugt. Gem kortlægningen med --save-mapping, ret den, og giv den med --mapping.`);
    }
  });
  return hints;
}

/** Column → field and value → reading, one line each, for the account on stderr. */
export function describeMapping(mapping: ImportMapping, fromProfile: boolean): string[] {
  const lines: string[] = [];
  for (const sheet of mapping.sheets) {
    if (sheet.role === 'ignore') continue;
    lines.push(`Arket "${sheet.sheet}" (${sheet.role === 'wide' ? 'bredt udtræk' : tableDef(sheet.role).sheet}):`);
    for (const column of sheet.columns) {
      if (!column.target) continue;
      const how = fromProfile ? 'fra kortlægningen' : column.confidence === 'sure' ? 'sikker' : column.confidence === 'unsure' ? 'usikker' : 'præcis stavemåde';
      lines.push(`  "${column.header}" → ${fieldLabel(column.target)} (${how})`);
      for (const [value, code] of Object.entries(column.values ?? {})) lines.push(`    «${value}» læses som ${readingLabel(column.target, code)}`);
    }
  }
  return lines;
}
