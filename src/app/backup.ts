import { appendAudit } from '../db/audit-log';
import Dexie, { type Table } from 'dexie';
import { latestVersion, WORKSPACE_SCHEMA } from '../db/schema';
import { WorkspaceDb } from '../db/workspace-db';
import { backupFileName, type BackupManifest, type BackupRows } from '../domain/backup';
import { fail, ok, type Result } from '../domain/result';
import type { Workspace } from '../domain/workspace';
import { BackupFileError, BackupWriter, HEADER_SIZE, newCipher, openCipher, readFrames, readHeader, type BackupProblem } from '../io/backup-file';
import { decodeRecord, encodeRecord, RecordFormatError } from '../io/backup-values';

/**
 * Backup and restore of one workspace (README, "Sikkerhedskopi"). Every table of its database is
 * read a batch at a time and written as frames of one `.tilsynsbaenk` file (io/backup-file.ts),
 * so 100,000 cases never sit in memory as one text. The screening's copy of the cases as columns
 * is kept too, although it is derived: as typed arrays it costs little to copy, while making it
 * again means reading every case (a copy made by another codec is made again by the screening).
 */

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'ukendt';
/** About this much JSON and binary per record: big enough to cost little per frame, small enough to hold. */
const RECORD_BYTES = 4 * 1024 * 1024;
const MAX_BATCH = 5000;

export const BACKUP_MESSAGES: Record<BackupProblem, string> = {
  notBackup: 'Filen er ikke en sikkerhedskopi fra Tilsynsbænken. Vælg en fil, der ender på .tilsynsbaenk.',
  damaged: 'Filen er beskadiget eller ændret, så den kan ikke gendannes. Brug en anden kopi af sikkerhedskopien.',
  newer: 'Sikkerhedskopien er lavet af en nyere udgave af Tilsynsbænken. Åbn den nyeste udgave af filen fra fællesdrevet, og gendan den dér.',
  wrongPassphrase: 'Forkert adgangskode. Prøv igen; der skelnes mellem store og små bogstaver.',
  passphraseNeeded: 'Skriv adgangskoden til sikkerhedskopien.',
};

export type Progress = (stage: string, done: number, total: number) => void;

export interface BackupOptions {
  /** `null`: "uden adgangskode", not encrypted. */
  passphrase: string | null;
  /** Who takes it, for the audit log. */
  by: string;
  /** PBKDF2's count; tests pass a small one, the app never does. */
  iterations?: number;
  now?: () => Date;
  onProgress?: Progress;
}

export interface BackupMade {
  blob: Blob;
  fileName: string;
  createdAt: string;
  encrypted: boolean;
  cases: number;
  rows: Record<string, number>;
}

const byName = (a: Table, b: Table) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function countCases(db: Dexie): Promise<number> {
  const names = db.tables.map((t) => t.name);
  if (names.includes('meta')) return ((await db.table('meta').get('cases')) as { count?: number } | undefined)?.count ?? 0;
  return names.includes('cases') ? db.table('cases').count() : 0;
}

/**
 * The rows of a table in primary-key order, a batch at a time, each batch as a record; the batch
 * grows or shrinks so a record stays near `RECORD_BYTES` (a chunk of 2,000 cases is a record of
 * its own, answers come by the thousand). The next batch is asked for before this one is
 * encoded, so IndexedDB reads while this thread works.
 */
async function* tableRecords(table: Table): AsyncGenerator<{ record: Uint8Array<ArrayBuffer>; rows: number }> {
  if (!table.schema.primKey.keyPath) throw new Error(`Table ${table.name} has keys outside its rows; a backup cannot keep them.`);
  // By position, not "keys above the last one": a locked workspace stores some keys as tokens,
  // which keep equality but not order (src/db/encryption.ts). Imports wait meanwhile, and the
  // caller checks each table's count, so positions do not shift under the reading.
  const read = (offset: number, limit: number) =>
    (table.orderBy(':id').offset(offset).limit(limit).raw().toArray() as Promise<object[]>).then((rows) => ({ rows, limit }));
  let limit = 1;
  let offset = 0;
  let next = read(offset, limit);
  for (;;) {
    const batch = await next;
    if (batch.rows.length === 0) return;
    offset += batch.rows.length;
    // A batch shorter than it was asked to be is the table's last.
    const more = batch.rows.length === batch.limit;
    next = more ? read(offset, limit) : Promise.resolve({ rows: [], limit });
    const record = encodeRecord({ kind: 'rows', table: table.name, rows: batch.rows } satisfies BackupRows);
    yield { record, rows: batch.rows.length };
    if (!more) return;
    const wanted = Math.max(1, Math.min(MAX_BATCH, Math.floor(RECORD_BYTES / (record.byteLength / batch.rows.length))));
    // The batch asked for already is too big: read it again, smaller.
    const at = offset;
    if (wanted < limit) next = next.then(() => read(at, wanted));
    limit = wanted;
  }
}

/**
 * Backs up a workspace's database (any schema version it may be at) into one file, and notes it
 * in the workspace's audit log. The caller keeps imports from writing meanwhile (`asReader`).
 */
export async function backupWorkspace(db: WorkspaceDb, workspace: Workspace, options: BackupOptions): Promise<BackupMade> {
  const now = options.now ?? (() => new Date());
  if (!db.isOpen()) await db.open();
  const at = now();
  const tables = [...db.tables].sort(byName);
  const rows: Record<string, number> = {};
  for (const table of tables) rows[table.name] = await table.count();
  const cases = await countCases(db);
  const manifest: BackupManifest = {
    kind: 'manifest', app: APP_VERSION, createdAt: at.toISOString(),
    workspace: { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, isDemo: workspace.isDemo },
    schemaVersion: db.verno, cases, rows,
  };
  const writer = new BackupWriter(await newCipher(db.verno, options.passphrase, options.iterations));
  await writer.push(encodeRecord(manifest));
  const total = Object.values(rows).reduce((n, r) => n + r, 0);
  let done = 0;
  options.onProgress?.('backup', 0, total);
  // One record is sealed (compressed, encrypted: off this thread) while the next is read and encoded.
  let sealing = Promise.resolve();
  for (const table of tables) {
    let written = 0;
    for await (const batch of tableRecords(table)) {
      await sealing;
      sealing = writer.push(batch.record);
      written += batch.rows;
      done += batch.rows;
      options.onProgress?.('backup', Math.min(done, total), total);
    }
    if (written !== rows[table.name]) throw new Error(`Arbejdsområdet blev ændret, mens sikkerhedskopien blev taget (${table.name}). Prøv igen.`);
  }
  await sealing;
  const blob = await writer.finish();
  const encrypted = options.passphrase !== null;
  // A database at an older version (one a newer tab is about to upgrade) has a log of an older
  // shape, which the chained writer cannot continue: it is backed up as it is.
  if (db.verno === LATEST) await appendAudit(db, { at: manifest.createdAt, by: options.by, action: 'backup.created', details: { encrypted, cases, bytes: blob.size, rows } });
  return { blob, fileName: backupFileName(workspace.name, at), createdAt: manifest.createdAt, encrypted, cases, rows };
}

/** What the header says, before any passphrase: enough to refuse a wrong file at once and to ask for the passphrase. */
export interface BackupHeaderInfo {
  encrypted: boolean;
  schemaVersion: number;
  iterations: number;
}

const LATEST = latestVersion(WORKSPACE_SCHEMA);

async function headerOf(file: Blob) {
  return readHeader(new Uint8Array(await file.slice(0, HEADER_SIZE).arrayBuffer()), LATEST);
}

/** Turns the file's expected failures into Danish messages; anything else is a bug and is thrown. */
async function reading<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof BackupFileError) return fail(BACKUP_MESSAGES[error.problem]);
    // A record that passed its check and still cannot be read was not written by us.
    if (error instanceof RecordFormatError || error instanceof SyntaxError) return fail(BACKUP_MESSAGES.damaged);
    throw error;
  }
}

export function readBackupHeader(file: Blob): Promise<Result<BackupHeaderInfo>> {
  return reading(async () => {
    const { header } = await headerOf(file);
    return { encrypted: header.kdf !== 'none', schemaVersion: header.schemaVersion, iterations: header.iterations };
  });
}

function asManifest(record: unknown): BackupManifest {
  const manifest = record as Partial<BackupManifest> | null;
  if (manifest?.kind !== 'manifest' || typeof manifest.workspace?.name !== 'string' || typeof manifest.rows !== 'object') throw new BackupFileError('damaged', 'manifest');
  return manifest as BackupManifest;
}

/** Checks the passphrase and reads what the file holds (its first frame), without restoring it. */
export function inspectBackup(file: Blob, passphrase: string | null): Promise<Result<BackupManifest>> {
  return reading(async () => {
    const cipher = await openCipher(await headerOf(file), passphrase);
    const frames = readFrames(file, cipher);
    const first = await frames.next();
    await frames.return(undefined);
    if (first.done) throw new BackupFileError('damaged', 'no frames');
    return asManifest(decodeRecord(first.value));
  });
}

export interface RestoreOptions {
  fileName: string;
  /** Who restores it, for the audit log. */
  by: string;
  now?: () => Date;
  onProgress?: Progress;
}

/** The schema as it was at `version`: the file's rows are written at that version, then upgraded. */
function schemaAt(version: number) {
  const end = WORKSPACE_SCHEMA.findIndex((step) => step.version === version);
  if (end < 0) throw new BackupFileError('damaged', `schema ${version}`);
  return WORKSPACE_SCHEMA.slice(0, end + 1);
}

export interface Restored {
  manifest: BackupManifest;
  encrypted: boolean;
}

/**
 * Writes every record of the file into a new database at the file's schema version; the
 * database is left open at today's version (upgraded when the file's is older).
 */
async function writeRecords(file: Blob, passphrase: string | null, dbName: string, onProgress?: Progress): Promise<Restored & { db: WorkspaceDb }> {
  const read = await headerOf(file);
  const cipher = await openCipher(read, passphrase);
  const version = read.header.schemaVersion;
  let db = new WorkspaceDb(dbName, version === LATEST ? WORKSPACE_SCHEMA : schemaAt(version));
  try {
    await db.open();
    const tables = new Set(db.tables.map((t) => t.name));
    let manifest: BackupManifest | undefined;
    const counted = new Map<string, number>();
    // One batch is written while the next frame is read, opened and decoded.
    let writing = Promise.resolve<unknown>(undefined);
    for await (const bytes of readFrames(file, cipher, (at) => onProgress?.('restore', at, file.size))) {
      const record = decodeRecord(bytes);
      if (!manifest) {
        manifest = asManifest(record);
        if (manifest.schemaVersion !== version || Object.keys(manifest.rows).some((t) => !tables.has(t))) throw new BackupFileError('damaged', 'manifest tables');
        continue;
      }
      const batch = record as Partial<BackupRows>;
      if (batch.kind !== 'rows' || typeof batch.table !== 'string' || !(batch.table in manifest.rows) || !Array.isArray(batch.rows)) throw new BackupFileError('damaged', 'record');
      await writing;
      writing = db.table(batch.table).bulkPut(batch.rows);
      counted.set(batch.table, (counted.get(batch.table) ?? 0) + batch.rows.length);
    }
    await writing;
    if (!manifest || Object.entries(manifest.rows).some(([table, n]) => (counted.get(table) ?? 0) !== n)) throw new BackupFileError('damaged', 'row counts');
    if (version !== LATEST) {
      // Opened with today's schema, the database runs the upgrades from the file's version.
      db.close();
      onProgress?.('upgrade', 0, 0);
      db = new WorkspaceDb(dbName, WORKSPACE_SCHEMA);
      await db.open();
    }
    return { manifest, encrypted: read.header.kdf !== 'none', db };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Restores a backup into the database `dbName`, which must not exist yet (WorkspaceService fills
 * it before the workspace is listed). A file of an older schema version is written at that
 * version and then opened with today's schema, so its upgrades run as for any old database.
 * The restore goes into the audit log after the log the file brought. On any failure the new
 * database is deleted again.
 */
export async function restoreBackup(file: Blob, passphrase: string | null, dbName: string, options: RestoreOptions): Promise<Result<Restored>> {
  if (await Dexie.exists(dbName)) throw new Error(`The database ${dbName} exists already.`);
  const now = options.now ?? (() => new Date());
  try {
    const result = await reading(() => writeRecords(file, passphrase, dbName, options.onProgress));
    if (!result.ok) {
      await Dexie.delete(dbName);
      return result;
    }
    const { manifest, encrypted, db } = result.value;
    try {
      await appendAudit(db, {
        at: now().toISOString(), by: options.by, action: 'backup.restored',
        details: { fileName: options.fileName, encrypted, from: manifest.workspace.name, backupCreatedAt: manifest.createdAt, schemaVersion: manifest.schemaVersion, cases: manifest.cases, rows: manifest.rows },
      });
      return ok({ manifest, encrypted });
    } finally {
      db.close();
    }
  } catch (error) {
    await Dexie.delete(dbName);
    throw error;
  }
}
