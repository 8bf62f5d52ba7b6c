import type { Table } from 'dexie';
import { CASE_COLUMNS_CODEC, encodeColumns, type CaseColumns } from '../domain/rules/case-columns';
import type { StoredCase } from '../domain/records';
import { EVENT_TABLES, type Case, type IsoDate } from '../domain/types';
import { decodeCase, type EncodedCase } from './case-codec';
import type { CaseChunk, CaseFactColumns, CaseManifest, ChunkEntry, ColumnChunk, ColumnStrings, NumberColumns } from './records';
import type { WorkspaceDb } from './workspace-db';

/**
 * The workspace's cases: one record of truth per chunk of 2,000 cases in case-number order
 * (`CaseChunk`), a manifest that says which chunks there are and at which revision each was
 * written, and a copy derived from each chunk for the screening (`ColumnChunk`). A derived chunk
 * names the codec and the revision it was made from; a stale or missing one is made again from
 * its chunk before it is read. `writeCaseRows` is the only writer of cases.
 *
 * Why chunks: IndexedDB's cost is per record. Measured in Chromium, 100,000 case records took
 * 18–25 s to write and 2.5 s to read; 50 chunks of JSON lines take a fraction of that, and a
 * re-import compares a case's text with its stored text instead of comparing objects.
 */

export const CHUNK_CASES = 2000;
/** Chunks read per request: IndexedDB reads the next ones while this thread works on the last. */
const CHUNKS_PER_READ = 5;

export const EMPTY_MANIFEST: CaseManifest = Object.freeze({ key: 'cases', revision: 0, count: 0, chunks: [] }) as CaseManifest;

/** A case as the write path handles it: its text, when it last changed, whether it is missing. */
export interface CaseRow {
  caseNumber: string;
  /** `EncodedCase` as JSON (case-codec.ts): equal texts are equal cases. */
  line: string;
  revision: number;
  missingSince: IsoDate | null;
  /** The object the line was made from, when the writer has it: saves parsing it again for the columns. */
  encoded?: EncodedCase;
}

export async function caseManifest(db: WorkspaceDb): Promise<CaseManifest> {
  return ((await db.meta.get('cases')) as CaseManifest | undefined) ?? EMPTY_MANIFEST;
}

/** Code-unit order: the same on every machine and in every locale. */
export const byCaseNumber = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rowsOf(chunk: CaseChunk): CaseRow[] {
  const keys = chunk.keys.split('\n');
  const lines = chunk.lines.split('\n');
  const missing = new Map(chunk.missing);
  return keys.map((key, i) => ({ caseNumber: JSON.parse(key) as string, line: lines[i]!, revision: chunk.revisions[i]!, missingSince: missing.get(i) ?? null }));
}

/** Every stored case as a row, in case-number order, with the chunks they came from (the write path's "before"). */
export async function readCaseRows(db: WorkspaceDb): Promise<{ manifest: CaseManifest; chunks: CaseChunk[]; rows: CaseRow[] }> {
  const manifest = await caseManifest(db);
  const chunks = await db.caseChunks.orderBy(':id').toArray();
  return { manifest, chunks, rows: chunks.flatMap(rowsOf) };
}

function chunkOf(id: number, revision: number, rows: readonly CaseRow[]): CaseChunk {
  const missing: [number, IsoDate][] = [];
  rows.forEach((r, i) => r.missingSince && missing.push([i, r.missingSince]));
  return {
    id, revision, keys: rows.map((r) => JSON.stringify(r.caseNumber)).join('\n'), lines: rows.map((r) => r.line).join('\n'),
    revisions: Uint32Array.from(rows, (r) => r.revision), missing,
  };
}

const sameChunk = (a: CaseChunk, b: CaseChunk) =>
  a.keys === b.keys && a.lines === b.lines && a.revisions.length === b.revisions.length && a.revisions.every((r, i) => r === b.revisions[i])
  && JSON.stringify(a.missing) === JSON.stringify(b.missing);

/**
 * Replaces the workspace's cases with `rows` (all of them, sorted by `byCaseNumber`): writes the
 * chunks whose content changed, at `revision`, with their columns, and the manifest. Must run in
 * a read-write transaction on caseChunks, columnChunks and meta, with `before` read in it.
 * Returns the new manifest (the old one when nothing changed).
 */
export async function writeCaseRows(db: WorkspaceDb, rows: readonly CaseRow[], revision: number, before: { manifest: CaseManifest; chunks: readonly CaseChunk[] }): Promise<CaseManifest> {
  const entries: ChunkEntry[] = [];
  const written: CaseChunk[] = [];
  const columns: ColumnChunk[] = [];
  for (let id = 0, from = 0; from < rows.length; id++, from += CHUNK_CASES) {
    const part = rows.slice(from, from + CHUNK_CASES);
    const chunk = chunkOf(id, revision, part);
    const old = before.chunks[id];
    const entry = { id, first: part[0]!.caseNumber, count: part.length, revision };
    if (old && sameChunk(old, chunk)) {
      entries.push({ ...entry, revision: old.revision });
      continue;
    }
    written.push(chunk);
    columns.push(packColumns(id, revision, part.map((r) => r.encoded ?? (JSON.parse(r.line) as EncodedCase)), part.map((r) => r.missingSince !== null)));
    entries.push(entry);
  }
  if (!written.length && entries.length === before.manifest.chunks.length) return before.manifest;
  await db.caseChunks.bulkPut(written);
  await db.columnChunks.bulkPut(columns);
  await db.caseChunks.where(':id').aboveOrEqual(entries.length).delete();
  await db.columnChunks.where(':id').aboveOrEqual(entries.length).delete();
  const manifest: CaseManifest = { key: 'cases', revision, count: rows.length, chunks: entries };
  await db.meta.put(manifest);
  return manifest;
}

/** A case as the lists read it: as stored (empty fields left out), with its revision and missing date. */
export type ListedCase = EncodedCase & Pick<StoredCase, 'revision' | 'missingSince'>;

function casesOf(chunk: CaseChunk): ListedCase[] {
  const cases = JSON.parse(`[${chunk.lines.replaceAll('\n', ',')}]`) as ListedCase[];
  const missing = new Map(chunk.missing);
  cases.forEach((c, i) => {
    c.revision = chunk.revisions[i]!;
    c.missingSince = missing.get(i) ?? null;
  });
  return cases;
}

const toStored = (c: ListedCase): StoredCase => ({ ...decodeCase(c), revision: c.revision, missingSince: c.missingSince });

/** One case by its number, with every field; undefined when the workspace has no such case. */
export async function getCase(db: WorkspaceDb, caseNumber: string): Promise<StoredCase | undefined> {
  const { chunks } = await caseManifest(db);
  let entry: ChunkEntry | undefined;
  for (const e of chunks) if (byCaseNumber(e.first, caseNumber) <= 0) entry = e;
  const chunk = entry && (await db.caseChunks.get(entry.id));
  if (!chunk) return undefined;
  const index = chunk.keys.split('\n').indexOf(JSON.stringify(caseNumber));
  if (index < 0) return undefined;
  const c = JSON.parse(chunk.lines.split('\n')[index]!) as ListedCase;
  c.revision = chunk.revisions[index]!;
  c.missingSince = new Map(chunk.missing).get(index) ?? null;
  return toStored(c);
}

/** Every case with every field, in case-number order: for small workspaces, backups and tests. */
export async function allCases(db: WorkspaceDb): Promise<StoredCase[]> {
  const cases: StoredCase[] = [];
  await eachStoredCase(db, (chunk) => cases.push(...chunk.map(toStored)));
  return cases;
}

/**
 * Calls `each` with the workspace's cases as stored, a chunk at a time in case-number order;
 * `share` says how much is done (0–1). Returns the number of cases.
 */
export async function eachStoredCase(db: WorkspaceDb, each: (cases: ListedCase[], share: number) => void): Promise<number> {
  const { chunks } = await caseManifest(db);
  return eachChunk(db.caseChunks, chunks.length, [0, 1], (chunk, share) => {
    const cases = casesOf(chunk);
    each(cases, share);
    return cases.length;
  });
}

function packColumns(id: number, revision: number, cases: readonly EncodedCase[], missing: boolean[]): ColumnChunk {
  const { size, caseNumbers, awareAt, ...tables } = encodeColumns(cases);
  const numbers: Record<string, unknown> = { size, awareAt };
  const ids: Record<string, string[]> = {};
  for (const name of EVENT_TABLES) {
    const { id: eventIds, ...columns } = tables[name];
    numbers[name] = columns;
    ids[name] = eventIds;
  }
  const fact = (field: keyof Case) => cases.map((c) => (c[field] as string | undefined) ?? null);
  const strings: ColumnStrings = {
    caseNumbers, unit: fact('unit'), group: fact('group'), caseworker: fact('caseworker'), closedAt: fact('closedAt'), missing, ids: ids as ColumnStrings['ids'],
  };
  return { id, codec: CASE_COLUMNS_CODEC, revision, numbers: numbers as NumberColumns, strings: JSON.stringify(strings) };
}

function unpackColumns(chunk: ColumnChunk): { columns: CaseColumns; facts: CaseFactColumns } {
  const strings = JSON.parse(chunk.strings) as ColumnStrings;
  const columns: Record<string, unknown> = { ...chunk.numbers, caseNumbers: strings.caseNumbers };
  for (const name of EVENT_TABLES) columns[name] = { ...chunk.numbers[name], id: strings.ids[name] };
  return { columns: columns as unknown as CaseColumns, facts: strings };
}

/** The data changed while it was read in several steps: what was read does not belong together. */
export class DataChangedError extends Error {
  constructor() {
    super('Sagerne blev ændret, mens de blev læst (en import blev gemt imens). Prøv igen.');
  }
}

/**
 * Calls `each` with the workspace's cases as columns, a chunk at a time in case-number order;
 * `share` says how much is done (0–1). With `range`, only the chunks from `range[0]` to
 * `range[1]` of the whole (0–1), so that several workers can share the work. A column chunk made
 * by another codec or from another revision of its cases is made again from them first, and
 * stored. Reads the data of `manifest` (read at the start when not given), or throws
 * `DataChangedError`. Returns the number of cases.
 */
export async function eachCaseColumns(
  db: WorkspaceDb, each: (columns: CaseColumns, facts: CaseFactColumns, share: number) => void,
  range: readonly [number, number] = [0, 1], manifest?: CaseManifest,
): Promise<number> {
  const { chunks } = manifest ?? (await caseManifest(db));
  const [first, end] = range.map((share) => Math.round(chunks.length * share)) as [number, number];
  const read = (from: number) => {
    const entries = chunks.slice(from, Math.min(from + CHUNKS_PER_READ, end));
    return db.columnChunks.bulkGet(entries.map((e) => e.id)).then((stored) => entries.map((entry, k) => ({ entry, chunk: stored[k] })));
  };
  let done = 0;
  let next = first < end ? read(first) : undefined;
  for (let from = first; next; from += CHUNKS_PER_READ) {
    const current = await next;
    next = from + CHUNKS_PER_READ < end ? read(from + CHUNKS_PER_READ) : undefined;
    for (const { entry, chunk: stored } of current) {
      const chunk = stored && stored.codec === CASE_COLUMNS_CODEC && stored.revision === entry.revision ? stored : await rebuildColumns(db, entry);
      const { columns, facts } = unpackColumns(chunk);
      each(columns, facts, (entry.id + 1 - first) / (end - first));
      done += columns.size;
    }
  }
  return done;
}

async function rebuildColumns(db: WorkspaceDb, entry: ChunkEntry): Promise<ColumnChunk> {
  const chunk = await db.caseChunks.get(entry.id);
  if (!chunk || chunk.revision !== entry.revision) throw new DataChangedError();
  const missing = new Set(chunk.missing.map(([i]) => i));
  const rebuilt = packColumns(entry.id, entry.revision, JSON.parse(`[${chunk.lines.replaceAll('\n', ',')}]`) as EncodedCase[], Array.from(chunk.revisions, (_, i) => missing.has(i)));
  await db.transaction('rw', [db.caseChunks, db.columnChunks], async () => {
    // Stored only while its chunk is still the one it was made from.
    if ((await db.caseChunks.get(entry.id))?.revision === entry.revision) await db.columnChunks.put(rebuilt);
  });
  return rebuilt;
}

/**
 * Calls `handle` with each chunk of a chunked table from `range[0]` to `range[1]` of its `count`
 * chunks, in order; the next read is asked for before a chunk is handled, so IndexedDB works
 * while this thread does.
 */
async function eachChunk<T extends { id: number }>(table: Table<T, number>, count: number, range: readonly [number, number], handle: (chunk: T, share: number) => number): Promise<number> {
  const [first, end] = range.map((share) => Math.round(count * share)) as [number, number];
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
