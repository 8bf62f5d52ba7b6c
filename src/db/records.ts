import type { CaseColumns, EventColumns } from '../domain/rules/case-columns';
import type { StoredResultTable } from '../domain/rules/result-table';
import type { CaseFacts } from '../domain/records';
import type { EventTableName, IsoDate } from '../domain/types';

/**
 * Records only the storage knows the shape of. The records every layer shares (imports,
 * screenings, samples, rounds) are in domain/records.ts; how the cases' chunks are read and
 * written is in case-store.ts.
 */

/** The results of one screening as columns (result-table.ts), and the facts of its cases for grouping. */
export interface ScreeningResultChunk {
  id?: number;
  screeningId: string;
  table: StoredResultTable;
  /** Screenings stored before schema version 5 hold only unit, group and caseworker. */
  cases: [string, CaseFacts][];
}

/** The file an import read, kept (compressed with deflate unless it is a zip already), so nothing the user gave is lost but what must not be kept. */
export interface ImportSource {
  importId: string;
  fileName: string;
  /**
   * `file`: the file's own bytes; `rows`: the rows as read, as JSON `[{ sheet, headers?, rows }]`:
   * imports stored before schema version 5 kept only those, and an import into a workspace that
   * does not keep full CPR numbers keeps those with CPR-like values masked (import-run.ts).
   */
  kind: 'file' | 'rows';
  /** Whether `bytes` are deflated (fflate); a zip-based file (xlsx, ods) is stored as it is. */
  deflated: boolean;
  /** The size before compression. */
  size: number;
  bytes: Uint8Array;
}

/** One chunk of the workspace's cases, the record of truth (case-store.ts). */
export interface CaseChunk {
  id: number;
  /** The data revision at which this chunk was last written. */
  revision: number;
  /** The case numbers, each as JSON, one per line. */
  keys: string;
  /** The cases (`EncodedCase` as JSON), one per line, in the order of `keys`. */
  lines: string;
  /** Per case: the data revision at which it last changed. */
  revisions: Uint32Array;
  /** `[index in the chunk, date]` of the cases the latest extract no longer held. */
  missing: [number, IsoDate][];
}

export interface ChunkEntry {
  id: number;
  /** The chunk's first case number: a case is found by its number without reading other chunks. */
  first: string;
  count: number;
  revision: number;
}

/** What the workspace holds: the data revision, the number of cases and the chunks. */
export interface CaseManifest {
  key: 'cases';
  revision: number;
  count: number;
  chunks: ChunkEntry[];
}

/**
 * The cases of a chunk as columns for the screening (case-columns.ts): typed arrays, which
 * IndexedDB reads back as copies of memory, and one JSON text for the strings.
 */
export interface ColumnChunk {
  id: number;
  /** `CASE_COLUMNS_CODEC` of the code that made it. */
  codec: number;
  /** The revision of the case chunk it was made from. */
  revision: number;
  numbers: NumberColumns;
  /** `ColumnStrings` as JSON: one string clones far faster than a hundred thousand. */
  strings: string;
}

export type NumberColumns = Pick<CaseColumns, 'size' | 'awareAt'> & { [T in EventTableName]: Omit<EventColumns<T>, 'id'> };
export interface ColumnStrings {
  caseNumbers: string[];
  unit: (string | null)[];
  group: (string | null)[];
  caseworker: (string | null)[];
  closedAt: (IsoDate | null)[];
  /** Whether the latest extract no longer held the case. */
  missing: boolean[];
  ids: Record<EventTableName, string[]>;
}

/** What grouping and the deadline list need of a case, one list per field. */
export type CaseFactColumns = Pick<ColumnStrings, 'unit' | 'group' | 'caseworker' | 'closedAt' | 'missing'>;
