import type { Table } from 'dexie';
import { encodeColumns, type CaseColumns, type EventColumns } from '../domain/rules/case-columns';
import { EVENT_TABLES, type Case, type EventTableName } from '../domain/types';
import type { EncodedCase } from './case-codec';
import type { WorkspaceDb } from './workspace-db';

/**
 * Every case of the workspace again, as JSON text in chunks of 2,000, in case-number order: the
 * copy that the case list and sampling read, with a copy as columns (`ColumnChunk`) that the
 * screening reads. Reading 100,000 case records from IndexedDB took 2.5 s in Chromium, these 50
 * strings 0.4 s plus 0.3 s for `JSON.parse`. The `cases` table stays the record of truth (one
 * case by its number); whoever writes cases writes both copies in the same transaction (today
 * only the import does).
 */
export interface SnapshotChunk {
  id: number;
  json: string;
}

const CHUNK_CASES = 2000;
const CHUNKS_PER_READ = 5;

/** The cases in case-number order, in chunks of `CHUNK_CASES`: the snapshot's and the columns' chunks. */
function chunked(cases: readonly EncodedCase[]): EncodedCase[][] {
  const sorted = [...cases].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  const chunks: EncodedCase[][] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_CASES) chunks.push(sorted.slice(i, i + CHUNK_CASES));
  return chunks;
}

/** Replaces the snapshot with these cases (all of the workspace's, encoded as stored), and their columns when given the table. */
export async function writeCaseSnapshot(table: Table<SnapshotChunk, number>, cases: readonly EncodedCase[], columns?: Table<ColumnChunk, number>): Promise<void> {
  const chunks = chunked(cases);
  await table.clear();
  await table.bulkAdd(chunks.map((chunk, id) => ({ id, json: JSON.stringify(chunk) })));
  if (columns) await writeChunkColumns(columns, chunks);
}

/**
 * The same cases as columns for the screening (case-columns.ts), chunk by chunk as the snapshot:
 * typed arrays, which IndexedDB reads back as copies of memory, and one JSON text for the strings.
 */
export interface ColumnChunk {
  id: number;
  numbers: NumberColumns;
  /** `ColumnStrings` as JSON: one string clones far faster than a hundred thousand. */
  strings: string;
}

type NumberColumns = Pick<CaseColumns, 'size' | 'awareAt'> & { [T in EventTableName]: Omit<EventColumns<T>, 'id'> };
interface ColumnStrings {
  caseNumbers: string[];
  unit: (string | null)[];
  group: (string | null)[];
  caseworker: (string | null)[];
  ids: Record<EventTableName, string[]>;
}

/** What grouping needs of a case, one list per field. */
export type CaseFactColumns = Pick<ColumnStrings, 'unit' | 'group' | 'caseworker'>;

/** Replaces the columns with those of these cases (all of the workspace's). */
export function writeCaseColumns(table: Table<ColumnChunk, number>, cases: readonly EncodedCase[]): Promise<void> {
  return writeChunkColumns(table, chunked(cases));
}

async function writeChunkColumns(table: Table<ColumnChunk, number>, chunks: readonly EncodedCase[][]): Promise<void> {
  await table.clear();
  await table.bulkAdd(chunks.map((chunk, id) => packColumns(id, chunk)));
}

function packColumns(id: number, cases: readonly EncodedCase[]): ColumnChunk {
  const { size, caseNumbers, awareAt, ...tables } = encodeColumns(cases);
  const numbers: Record<string, unknown> = { size, awareAt };
  const ids: Record<string, string[]> = {};
  for (const name of EVENT_TABLES) {
    const { id: eventIds, ...columns } = tables[name];
    numbers[name] = columns;
    ids[name] = eventIds;
  }
  const fact = (field: keyof Case) => cases.map((c) => (c[field] as string | undefined) ?? null);
  const strings: ColumnStrings = { caseNumbers, unit: fact('unit'), group: fact('group'), caseworker: fact('caseworker'), ids: ids as ColumnStrings['ids'] };
  return { id, numbers: numbers as NumberColumns, strings: JSON.stringify(strings) };
}

function unpackColumns(chunk: ColumnChunk): { columns: CaseColumns; facts: CaseFactColumns } {
  const strings = JSON.parse(chunk.strings) as ColumnStrings;
  const columns: Record<string, unknown> = { ...chunk.numbers, caseNumbers: strings.caseNumbers };
  for (const name of EVENT_TABLES) columns[name] = { ...chunk.numbers[name], id: strings.ids[name] };
  return { columns: columns as unknown as CaseColumns, facts: strings };
}

/**
 * Calls `each` with the workspace's cases as columns, a chunk at a time in case-number order;
 * `share` says how much is done (0–1). With `range`, only the chunks from `range[0]` to `range[1]`
 * of the whole (0–1), so that several workers can share the work.
 */
export async function eachCaseColumns(
  db: WorkspaceDb, each: (columns: CaseColumns, facts: CaseFactColumns, share: number) => void, range: readonly [number, number] = [0, 1],
): Promise<number> {
  return eachChunk(db.caseColumns, range, (chunk, share) => {
    const { columns, facts } = unpackColumns(chunk);
    each(columns, facts, share);
    return columns.size;
  });
}

/**
 * Calls `handle` with each chunk of a chunked table from `range[0]` to `range[1]` of it, in
 * order; the next read is asked for before a chunk is handled, so IndexedDB works while this
 * thread does.
 */
async function eachChunk<T extends { id: number }>(table: Table<T, number>, range: readonly [number, number], handle: (chunk: T, share: number) => number): Promise<number> {
  const chunks = await table.count();
  const [first, end] = range.map((share) => Math.round(chunks * share)) as [number, number];
  const read = (from: number) => table.where(':id').between(from, Math.min(from + CHUNKS_PER_READ, end), true, false).toArray();
  let done = 0;
  let next = first < end ? read(first) : undefined;
  for (let from = first; next; from += CHUNKS_PER_READ) {
    const current = await next;
    next = from + CHUNKS_PER_READ < end ? read(from + CHUNKS_PER_READ) : undefined;
    for (const chunk of current) done += handle(chunk, (chunk.id + 1 - first) / (end - first));
  }
  return done;
}

/**
 * Calls `each` with every stored case, as stored (empty fields left out), a chunk at a time in
 * case-number order; `share` says how much is done (0–1). Falls back to the `cases` table when
 * there is no snapshot.
 */
export async function eachStoredCase(db: WorkspaceDb, each: (cases: EncodedCase[], share: number) => void): Promise<number> {
  if ((await db.caseSnapshot.count()) > 0) {
    return eachChunk(db.caseSnapshot, [0, 1], (chunk, share) => {
      const cases = JSON.parse(chunk.json) as EncodedCase[];
      each(cases, share);
      return cases.length;
    });
  }
  let done = 0;
  // Counting a large table costs a read of it; only this slow path needs the total.
  const total = await db.cases.count();
  const page = (after?: string) =>
    (after === undefined ? db.cases.orderBy(':id') : db.cases.where(':id').above(after)).limit(CHUNK_CASES).raw().toArray() as unknown as Promise<EncodedCase[]>;
  for (let cases = await page(); cases.length; cases = await page(cases[cases.length - 1]!.caseNumber)) {
    done += cases.length;
    each(cases, done / total);
  }
  return done;
}
