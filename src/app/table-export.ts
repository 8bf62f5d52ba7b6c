import { csvBytes } from '../io/csv-write';
import type { OutCell } from '../io/xlsx-write';

/** A table the page shows, as cells for a file: numbers as numbers, dates as `{ date }`. */
export type TableCell = OutCell;

/** A table as a CSV file for Danish Excel (src/io/csv-write.ts): made on the page, as tables are small. */
export const tableCsv = (rows: readonly (readonly TableCell[])[]): Uint8Array => csvBytes(rows);
