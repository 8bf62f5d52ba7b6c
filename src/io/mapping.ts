import { FIELDS, fieldByKey, fieldKey, TABLES, type FieldDef } from '../domain/fields';
import { SAMPLE_VALUES, type ColumnMapping, type ImportMapping, type MappingProfile, type SheetLayout, type SheetMapping, type SheetRole, type WorkbookLayout } from '../domain/mapping';
import type { SourceCell, SourceSheet } from '../domain/source';
import type { TableName } from '../domain/types';
import { normaliseText } from './values';
import { matchColumns, rankTargets, TABLE_WORDS, type ColumnCandidate } from './header-match';
import { headerWords, stemSimilarity } from './header-words';
type Lookup = Map<string, string[]>;

function add(lookup: Lookup, text: string, key: string): void {
  const normal = normaliseText(text);
  if (!normal) return;
  const keys = lookup.get(normal) ?? [];
  if (!keys.includes(key)) keys.push(key);
  lookup.set(normal, keys);
}

const spellings = (def: FieldDef) => [def.header, ...def.synonyms];

/** Header spellings of one table's fields, plain and prefixed ("Dato", "Handleplan dato"). */
function tableLookup(table: TableName): Lookup {
  const lookup: Lookup = new Map();
  const prefixes = TABLES.find((t) => t.name === table)!.prefixes;
  for (const def of FIELDS.filter((f) => f.table === table)) {
    for (const spelling of spellings(def)) {
      add(lookup, spelling, fieldKey(def));
      for (const prefix of prefixes) add(lookup, `${prefix} ${spelling}`, fieldKey(def));
    }
  }
  return lookup;
}

/**
 * Spellings for a wide sheet: every table's prefixed forms, plus plain forms that mean one field
 * only. The case number of an event table is never a target: in a wide row every event belongs to
 * the row's case.
 */
function wideLookup(): Lookup {
  const lookup: Lookup = new Map();
  for (const def of FIELDS) {
    if (def.table !== 'cases' && def.field === 'caseNumber') continue;
    const prefixes = TABLES.find((t) => t.name === def.table)!.prefixes;
    for (const spelling of spellings(def)) {
      add(lookup, spelling, fieldKey(def));
      for (const prefix of prefixes) add(lookup, `${prefix} ${spelling}`, fieldKey(def));
    }
  }
  // A plain spelling shared by several fields is ambiguous, except that the case's own field wins,
  // and a measure id is the measure's own: plans and follow-ups only refer to it.
  for (const [text, keys] of lookup) {
    if (keys.length <= 1) continue;
    const preferred = keys.filter((k) => k.startsWith('cases.'));
    if (preferred.length === 0 && keys.includes('measures.measureId')) preferred.push('measures.measureId');
    lookup.set(text, preferred.length === 1 ? preferred : []);
  }
  return lookup;
}

const lookups = new Map<SheetRole, Lookup>();
function lookupFor(role: SheetRole): Lookup {
  let lookup = lookups.get(role);
  if (!lookup) {
    lookup = role === 'wide' ? wideLookup() : role === 'ignore' ? new Map() : tableLookup(role);
    lookups.set(role, lookup);
  }
  return lookup;
}

/** The one table whose name a sheet's name has a word of ("YDELSE", "Underretninger 2024"), if only one. */
function tableNamedIn(sheetName: string) {
  const tables = new Set<string>();
  for (const word of headerWords(sheetName).tokens) {
    for (const [name, table] of TABLE_WORDS) {
      // A compound that begins with a table's word names it too: "Sagsoversigt", "Underretningsliste".
      const leads = name.length >= 3 && new RegExp(`^${name}[se]?[a-z]{4,}$`).test(word);
      if (stemSimilarity(word, name) >= 0.85 || leads) tables.add(table);
    }
  }
  return tables.size === 1 ? TABLES.find((t) => tables.has(t.name)) : undefined;
}

/** The role a sheet's name suggests: a table's name or synonym; else wide for a lone sheet. */
export function suggestRole(sheet: SheetLayout, sheetCount: number): SheetRole {
  const name = normaliseText(sheet.name);
  // A lone sheet is usually a CSV named after its file ("pr-foranstaltning.csv"): only an exact name counts there.
  const table = TABLES.find((t) => [t.sheet, ...t.sheetSynonyms].some((s) => normaliseText(s) === name)) ?? (sheetCount > 1 ? tableNamedIn(sheet.name) : undefined);
  const mapped = (role: SheetRole) => sheet.headers.filter((h) => lookupFor(role).get(normaliseText(h))?.length === 1).length;
  // A lone CSV named "Sager.csv" may still be a wide extract: go by what its columns say.
  if (table && !(sheetCount === 1 && table.name === 'cases' && mapped('wide') > mapped('cases'))) return table.name;
  if (sheet.headers.length === 0) return 'ignore';
  return sheetCount === 1 || sheet.headers.some((h) => lookupFor('cases').has(normaliseText(h))) ? 'wide' : 'ignore';
}

/**
 * A workbook's layout for the matcher: names, headers and up to `SAMPLE_VALUES` non-empty values
 * per column, taken at even steps through the rows so a long extract is sampled throughout.
 */
export function workbookLayout(workbook: { sheets: readonly Pick<SourceSheet, 'name' | 'headers' | 'rows'>[] }): WorkbookLayout {
  return { sheets: workbook.sheets.map((sheet) => ({ name: sheet.name, headers: sheet.headers, samples: sampleColumns(sheet) })) };
}

export function sampleColumns(sheet: Pick<SourceSheet, 'headers' | 'rows'>, limit = SAMPLE_VALUES): SourceCell[][] {
  const samples: SourceCell[][] = sheet.headers.map(() => []);
  const step = Math.max(1, Math.floor(sheet.rows.length / (limit * 2)));
  for (let at = 0; at < sheet.rows.length; at += step) {
    const cells = sheet.rows[at]!.cells;
    sheet.headers.forEach((_header, column) => {
      const cell = cells[column] ?? null;
      if (cell !== null && !(typeof cell === 'string' && cell.trim() === '') && samples[column]!.length < limit) samples[column]!.push(cell);
    });
  }
  return samples;
}

/** The exact spellings: a target per column, each used once per sheet (the first matching column). */
function exactTargets(headers: readonly string[], role: SheetRole): (string | null)[] {
  const lookup = lookupFor(role);
  const used = new Set<string>();
  return headers.map((header) => {
    const keys = lookup.get(normaliseText(header)) ?? [];
    const target = keys.length === 1 && !used.has(keys[0]!) ? keys[0]! : null;
    if (target) used.add(target);
    return target;
  });
}

/**
 * Suggests a target per column: an exact spelling of a label or synonym as it is, else the
 * header matcher's suggestion with its confidence. `samples` (per column) let the values rule
 * fields out.
 */
export function suggestColumns(headers: readonly string[], role: SheetRole, samples?: SheetLayout['samples']): ColumnMapping[] {
  return matchColumns({ name: '', headers, samples }, role, exactTargets(headers, role))
    .map(({ column, header, target, confidence }) => (confidence ? { column, header, target, confidence } : { column, header, target }));
}

/** Every column's ranked alternatives under the role, best first, for the drop-down. */
export function columnAlternatives(sheet: SheetLayout, role: SheetRole): ColumnCandidate[][] {
  return rankTargets(sheet, role);
}

export function suggestMapping(workbook: WorkbookLayout): ImportMapping {
  return {
    sheets: workbook.sheets.map((sheet) => {
      const role = suggestRole(sheet, workbook.sheets.length);
      return { sheet: sheet.name, role, columns: suggestColumns(sheet.headers, role, sheet.samples) };
    }),
  };
}

/** Identifies a workbook's layout: its sheets and their headers, spelled loosely. A CSV's name does not count. */
export function headerSignature(workbook: WorkbookLayout): string {
  // A lone sheet (a CSV file) is named after its file, which changes with every extract.
  const named = workbook.sheets.length > 1;
  return workbook.sheets
    .map((s) => `${named ? normaliseText(s.name) : ''}:${s.headers.map(normaliseText).join(',')}`)
    .join('|');
}

/**
 * Applies a saved profile to a workbook by sheet name and header text, so a profile still helps
 * when the case system adds or reorders columns. Columns the profile does not know keep their
 * suggestion.
 */
export function applyProfile(workbook: WorkbookLayout, profile: MappingProfile): ImportMapping {
  const suggested = suggestMapping(workbook);
  return {
    sheets: suggested.sheets.map((sheetMapping, index) => {
      const sheet = workbook.sheets[index]!;
      const saved = profile.mapping.sheets.find((s) => normaliseText(s.sheet) === normaliseText(sheet.name))
        ?? (profile.mapping.sheets.length === 1 && workbook.sheets.length === 1 ? profile.mapping.sheets[0] : undefined);
      if (!saved) return sheetMapping;
      const columns = sheetMapping.columns.map((column) => {
        const known = saved.columns.find((c) => normaliseText(c.header) === normaliseText(column.header));
        if (!known) return column;
        const { confidence: _suggested, ...rest } = column;
        return { ...rest, target: known.target, blankMeansNo: known.blankMeansNo, ...(known.values ? { values: known.values } : {}) };
      });
      return { sheet: sheet.name, role: saved.role, columns };
    }),
  };
}

/** Problems that stop an import before it starts, in Danish. */
export function mappingProblems(mapping: ImportMapping): string[] {
  const problems: string[] = [];
  const used = mapping.sheets.filter((s) => s.role !== 'ignore');
  if (used.length === 0) problems.push('Vælg mindst ét ark, der skal importeres.');
  for (const sheet of used) {
    const targets = sheet.columns.map((c) => c.target).filter((t): t is string => t !== null);
    const label = `Arket "${sheet.sheet}"`;
    for (const target of new Set(targets)) {
      if (targets.filter((t) => t === target).length > 1) {
        problems.push(`${label}: "${fieldByKey.get(target)?.header}" er valgt til flere kolonner.`);
      }
    }
    const tables = sheet.role === 'wide' ? ['cases', ...new Set(targets.map((t) => t.split('.')[0]))] : [sheet.role];
    for (const table of new Set(tables)) {
      for (const def of FIELDS.filter((f) => f.table === table && f.required)) {
        if (sheet.role === 'wide' && def.table !== 'cases' && def.field === 'caseNumber') continue;
        if (!targets.includes(fieldKey(def))) {
          const tableName = TABLES.find((t) => t.name === def.table)!.sheet;
          problems.push(`${label}: vælg kolonnen med "${def.header}" (${tableName}).`);
        }
      }
    }
    const misplaced = targets.filter((t) => sheet.role !== 'wide' && !t.startsWith(`${sheet.role}.`));
    if (misplaced.length) problems.push(`${label}: kolonner kan kun knyttes til felter i ${TABLES.find((t) => t.name === sheet.role)?.sheet}.`);
  }
  return problems;
}
