import type { StoredResultTable } from '../domain/rules/result-table';
import type { CaseBundle } from '../domain/types';

/**
 * Records only the storage knows the shape of. The records every layer shares (imports,
 * screenings, samples, rounds) are in domain/records.ts; the cases' chunks in case-store.ts.
 */

/** The results of one screening as columns (result-table.ts), and the facts of its cases for grouping. */
export interface ScreeningResultChunk {
  id?: number;
  screeningId: string;
  table: StoredResultTable;
  cases: [string, Pick<CaseBundle, 'unit' | 'group' | 'caseworker'>][];
}

/** The file an import read, kept as it came (compressed with deflate unless it is a zip already), so nothing the user gave is lost. */
export interface ImportSource {
  importId: string;
  fileName: string;
  /** `file`: the file's own bytes; `rows`: the rows as read, as JSON (imports stored before schema version 5 kept only those). */
  kind: 'file' | 'rows';
  /** Whether `bytes` are deflated (fflate); a zip-based file (xlsx, ods) is stored as it is. */
  deflated: boolean;
  /** The size before compression. */
  size: number;
  bytes: Uint8Array;
}
