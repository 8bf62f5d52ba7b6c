import type { WorkspaceDb } from '../db/workspace-db';

/** Tables whose records are large (a chunk of 2,000 cases, a screening's results, a file): copied a few at a time. */
const LARGE = new Set(['caseChunks', 'columnChunks', 'screeningResults', 'importSources']);
const SMALL_BATCH = 500;
const LARGE_BATCH = 2;

/**
 * Copies every record of every table from one workspace database into another, empty one, each
 * read and written through its connection: from an open workspace into a locked one (encrypting
 * every record) or back. Keys stay as they are, so the copy is the same workspace. `progress`
 * counts records. The new database is listed only once it is full (`WorkspaceService.refill`), so
 * the batches need not be one transaction.
 */
export async function copyWorkspace(from: WorkspaceDb, to: WorkspaceDb, progress?: (stage: string, done: number, total: number) => void): Promise<number> {
  const counts = await Promise.all(from.tables.map((table) => table.count()));
  const total = counts.reduce((n, c) => n + c, 0);
  let done = 0;
  progress?.('copy', 0, total);
  for (const table of from.tables) {
    const keys = await table.toCollection().primaryKeys();
    const batch = LARGE.has(table.name) ? LARGE_BATCH : SMALL_BATCH;
    for (let i = 0; i < keys.length; i += batch) {
      const part = keys.slice(i, i + batch);
      const records = (await table.bulkGet(part)).filter((r) => r !== undefined);
      await to.table(table.name).bulkPut(records);
      done += part.length;
      progress?.('copy', done, total);
    }
  }
  return done;
}
