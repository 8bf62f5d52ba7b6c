import type { Table } from 'dexie';
import type { EncodedCase } from './case-codec';
import type { WorkspaceDb } from './workspace-db';

/**
 * Every case of the workspace again, as JSON text in chunks of 2,000, in case-number order: the
 * copy that screening, the case list and sampling read. Reading 100,000 case records from
 * IndexedDB took 2.5 s in Chromium, these 50 strings 0.4 s plus 0.3 s for `JSON.parse`. The
 * `cases` table stays the record of truth (one case by its number); whoever writes cases writes
 * the whole snapshot in the same transaction (today only the import does).
 */
export interface SnapshotChunk {
  id: number;
  json: string;
}

const CHUNK_CASES = 2000;
const CHUNKS_PER_READ = 5;

/** Replaces the snapshot with these cases (all of the workspace's, encoded as stored). */
export async function writeCaseSnapshot(table: Table<SnapshotChunk, number>, cases: readonly EncodedCase[]): Promise<void> {
  const sorted = [...cases].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  const chunks: SnapshotChunk[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK_CASES) chunks.push({ id: i / CHUNK_CASES, json: JSON.stringify(sorted.slice(i, i + CHUNK_CASES)) });
  await table.clear();
  await table.bulkAdd(chunks);
}

/**
 * Calls `each` with every stored case, as stored (empty fields left out), a chunk at a time in
 * case-number order; `share` says how much is done (0–1). With `part` (0-based) of `parts`, only
 * that share of the chunks, so that several workers can share the work. The next read is asked
 * for before a chunk is handled, so IndexedDB works while this thread parses and screens. Falls
 * back to the `cases` table, all in part 0, when there is no snapshot.
 */
export async function eachStoredCase(db: WorkspaceDb, each: (cases: EncodedCase[], share: number) => void, part = 0, parts = 1): Promise<number> {
  let done = 0;
  const chunks = await db.caseSnapshot.count();
  if (chunks > 0) {
    const first = Math.floor((chunks * part) / parts);
    const end = Math.floor((chunks * (part + 1)) / parts);
    const read = (from: number) => db.caseSnapshot.where(':id').between(from, Math.min(from + CHUNKS_PER_READ, end), true, false).toArray();
    let next = first < end ? read(first) : undefined;
    for (let from = first; next; from += CHUNKS_PER_READ) {
      const current = await next;
      next = from + CHUNKS_PER_READ < end ? read(from + CHUNKS_PER_READ) : undefined;
      for (const chunk of current) {
        const cases = JSON.parse(chunk.json) as EncodedCase[];
        done += cases.length;
        each(cases, (chunk.id + 1 - first) / (end - first));
      }
    }
    return done;
  }
  if (part > 0) return 0;
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
