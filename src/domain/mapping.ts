import type { TableName } from './types';

/**
 * How the columns of an extract map onto the canonical model (DATA.md). The types the importer,
 * the stored import records and the Import page share; the matching itself is in io/mapping.ts.
 */

/** What mapping needs of a sheet: its name and headers, not its rows. */
export type SheetLayout = { name: string; headers: readonly string[] };
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
