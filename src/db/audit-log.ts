import type Dexie from 'dexie';
import type { Table } from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { chainEntry, type AuditEntry, type AuditInput, type HashText } from '../domain/audit';
import type { CatalogDb } from './catalog';
import type { WorkspaceDb } from './workspace-db';

/**
 * The one writer of the hash-chained logs (a workspace's `auditLog`, the catalogue's `log`).
 * SHA-256 is computed synchronously: awaiting WebCrypto's digest inside an IndexedDB transaction
 * would let the transaction commit before the entry is added.
 */
export const sha256Text: HashText = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * Appends an entry to `table` after its last one. Inside a caller's read-write transaction (which
 * must include the table) it is part of it: the entry lands with the change it records, or not at
 * all. The last entry is read in that same transaction, and IndexedDB runs read-write
 * transactions on one table one after another, so two tabs or a tab and the worker cannot both
 * append after the same entry.
 */
export function appendToLog(db: Dexie, table: Table<AuditEntry, number>, input: AuditInput): Promise<AuditEntry> {
  return db.transaction('rw', table, async () => {
    // Numbers only: a row someone stored with a text `seq` would sort after every number.
    const last = await table.where('seq').below(Infinity).last();
    const entry = chainEntry(input, last, sha256Text);
    entry.id = await table.add(entry);
    return entry;
  });
}

/** Every entry as stored, in storage order; `verifyChain` sorts them itself. */
export const readLog = (table: Table<AuditEntry, number>): Promise<AuditEntry[]> => table.toArray();

/** Appends to a workspace's audit log; see `appendToLog`. */
export const appendAudit = (db: WorkspaceDb, input: AuditInput): Promise<AuditEntry> => appendToLog(db, db.auditLog, input);

/** Appends to this browser profile's log of workspaces (created, renamed, deleted): a deleted workspace's own log goes with it. */
export const appendCatalogLog = (db: CatalogDb, input: AuditInput): Promise<AuditEntry> => appendToLog(db, db.log, input);
