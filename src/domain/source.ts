/**
 * A file as read, before any mapping: sheets of rows of cells. Rows are arrays indexed by column,
 * never objects keyed by header, so a header such as `__proto__` is only ever a string.
 */

/**
 * A cell as read. Spreadsheet date cells arrive as ISO strings (`2024-03-05` or
 * `2024-03-05T14:30`); numbers stay numbers (a date column formatted as "Standard" gives Excel
 * serial numbers, which the date parser understands).
 */
export type SourceCell = string | number | boolean | null;

export interface SourceRow {
  /** The row number the user sees in Excel or a text editor (the header is usually row 1). */
  number: number;
  cells: SourceCell[];
}

export interface SourceSheet {
  name: string;
  /** Header texts, trimmed; an empty header becomes "Kolonne C" (its column letter). */
  headers: string[];
  /** Rows after the header, fully empty rows left out. */
  rows: SourceRow[];
  /** How many fully empty rows were left out. */
  emptyRows: number;
}

export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

export interface SourceWorkbook {
  format: SourceFormat;
  sheets: SourceSheet[];
  /** CSV only: the text encoding and the delimiter that were detected. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: ';' | ',' | '\t';
  /** What the reader had to decide and the user should know (lines read in another encoding), in Danish. */
  notes?: string[];
}
