import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { WorkspaceDb } from '../db/workspace-db';
import { maskCprLike, maskSheets } from '../domain/cpr';
import type { ImportMapping } from '../domain/mapping';
import type { SourceWorkbook } from '../domain/source';
import { keepFullCpr } from './import-service';
import { shapeFile, type ReadFile } from './import-read';

/**
 * A mapping in progress survives a reload: the file (as read, masked unless the workspace keeps
 * full CPR numbers, as the import keeps it) and the mapping are kept in the workspace's `meta`
 * table, encrypted like every record of a locked workspace, until the import lands or is cancelled.
 */
const FILE_KEY = 'importDraft.file';
const MAPPING_KEY = 'importDraft.mapping';

interface DraftFile {
  key: typeof FILE_KEY;
  fileName: string;
  size: number;
  sha256: string;
  readMs: number;
  headerLines: (number | null)[];
  /** `file`: the file's own bytes (the workspace keeps full numbers); `rows`: deflated JSON of the masked sheets. */
  kind: 'file' | 'rows';
  bytes: Uint8Array;
}

export interface DraftMapping {
  key: typeof MAPPING_KEY;
  mapping: ImportMapping;
  extractDate: string;
  keepFullCpr: boolean;
  savedAt: string;
  /** The browser tab that made it: only that tab takes it up again by itself after a reload. */
  tab?: string;
}

/** The meta table holds the case manifest too; the draft's records share only its key. */
const meta = (db: WorkspaceDb) => db.table<DraftFile | DraftMapping, string>('meta');

export async function keepDraftFile(db: WorkspaceDb, file: ReadFile): Promise<void> {
  const full = (await keepFullCpr(db)) && file.bytes !== undefined;
  const rows = () => {
    const masked = { ...file.original, sheets: maskSheets(file.original.sheets, new Map()) };
    return deflateSync(strToU8(JSON.stringify(masked)), { level: 1 });
  };
  await db.transaction('rw', db.meta, async () => {
    await meta(db).put({
      key: FILE_KEY, fileName: full ? file.fileName : maskCprLike(file.fileName), size: file.size, sha256: file.sha256, readMs: file.readMs,
      headerLines: file.headerLines, kind: full ? 'file' : 'rows', bytes: full ? file.bytes! : rows(),
    });
    // A new file: the mapping kept for the one before does not belong to it.
    await meta(db).delete(MAPPING_KEY);
  });
}

/** The kept file read back; `read` reads a file's own bytes as the Import page does. */
export async function restoreDraftFile(db: WorkspaceDb, read: (bytes: Uint8Array, fileName: string) => SourceWorkbook | null): Promise<ReadFile | undefined> {
  const draft = (await meta(db).get(FILE_KEY)) as DraftFile | undefined;
  if (!draft) return undefined;
  const original = draft.kind === 'file' ? read(draft.bytes, draft.fileName) : (JSON.parse(strFromU8(inflateSync(draft.bytes))) as SourceWorkbook);
  if (!original) return undefined;
  return shapeFile({
    original, fileName: draft.fileName, size: draft.size, sha256: draft.sha256, readMs: draft.readMs, headerLines: draft.headerLines,
    ...(draft.kind === 'file' && { bytes: draft.bytes }),
  });
}

export async function keepDraftMapping(db: WorkspaceDb, draft: Omit<DraftMapping, 'key'>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    // Only beside its file: a mapping saved after the draft was cleared (the import landed) is dropped.
    if (await meta(db).get(FILE_KEY)) await meta(db).put({ key: MAPPING_KEY, ...draft });
  });
}

export async function draftMapping(db: WorkspaceDb): Promise<DraftMapping | undefined> {
  return (await meta(db).get(MAPPING_KEY)) as DraftMapping | undefined;
}

export async function hasDraft(db: WorkspaceDb): Promise<boolean> {
  return (await meta(db).get(FILE_KEY)) !== undefined;
}

/** Called in the import's own transaction, and when the user cancels the mapping. */
export async function clearDraft(db: WorkspaceDb): Promise<void> {
  await meta(db).bulkDelete([FILE_KEY, MAPPING_KEY]);
}
