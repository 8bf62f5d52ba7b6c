import type { SourceCell } from './source';
import type { TableName } from './types';

/**
 * How the columns of an extract map onto the canonical model (DATA.md). The types the importer,
 * the stored import records and the Import page share; the matching itself is in io/mapping.ts.
 */

/**
 * What mapping needs of a sheet: its name and headers, not its rows; and, when the caller has
 * them, up to `SAMPLE_VALUES` non-empty values per column (index = column), which the matcher
 * uses to tell a date column from a yes/no or a choice column.
 */
export const SAMPLE_VALUES = 200;
export type SheetLayout = { name: string; headers: readonly string[]; samples?: readonly (readonly SourceCell[])[] };
export type WorkbookLayout = { sheets: readonly SheetLayout[] };

/** What a sheet holds: one table (long format), cases with their latest events (wide), or nothing to import. */
export type SheetRole = TableName | 'wide' | 'ignore';

export interface ColumnMapping {
  column: number;
  header: string;
  /** `table.field` of DATA.md, or null to ignore the column. */
  target: string | null;
  /** Boolean columns only: an empty cell means "nej" instead of unknown. */
  blankMeansNo?: boolean;
  /**
   * How sure the matcher was of `target`: `sure` is pre-selected, `unsure` is pre-selected but
   * marked for checking. Absent: chosen by the user, taken from a profile, or an exact spelling.
   */
  confidence?: 'sure' | 'unsure';
  /**
   * Choice and yes/no columns: how each of the column's values is read, keyed by `valueKey` of
   * the value as the file has it. The reading is a canonical code — a MeasureKind for
   * measures.kind, a NotificationOutcome for notifications.outcome, the text 'true' or 'false' for
   * a yes/no field — or null for "ukendt". A value not listed is read as the parser reads it
   * (Ja/Nej, the DATA.md spellings …), and stays unknown (and is counted) when it cannot be.
   */
  values?: Record<string, string | null>;
}

/**
 * The key a value is saved under in `ColumnMapping.values`: trimmed, inner spaces collapsed,
 * lower case, so a profile stays readable and editable ("ingen videre handling"). A spreadsheet's
 * own TRUE/FALSE is keyed as Danish Excel shows it, "sand"/"falsk"; a blank cell has no key.
 */
export function valueKey(cell: SourceCell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell ? 'sand' : 'falsk';
  const key = String(cell).trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return key === '' ? null : key;
}

/** How many cells of one column were read as "ukendt" because of their value, for the import report. */
export interface UnknownValueCount {
  sheet: string;
  /** The column's header. */
  column: string;
  /** `table.field` the column is mapped to. */
  target: string;
  /** The value as the file has it (the first spelling met), CPR-like text masked unless full numbers are kept. */
  value: string;
  count: number;
  /** true: the mapping reads this value as "ukendt" on purpose; false: the value was not recognised. */
  chosen: boolean;
}

export interface SheetMapping {
  sheet: string;
  role: SheetRole;
  columns: ColumnMapping[];
}

export interface ImportMapping {
  sheets: SheetMapping[];
}

/** A saved mapping, offered again when the same headers reappear. */
export interface MappingProfile {
  id: string;
  name: string;
  /** `headerSignature` of the workbook it was made for. */
  signature: string;
  mapping: ImportMapping;
  createdAt: string;
}
