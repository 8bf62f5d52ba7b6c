import type { Transaction } from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Schema version 6, frozen: chains the audit log written by versions 1–5. Each line keeps its
 * storage key and time; the fields it had besides `id`, `at` and `action` become its `details`,
 * `by` is empty (no name was asked then), and it gets the next number (`seq`, from 1 in the
 * order the lines were written), the previous line's hash and its own. Its own copy of the
 * serialisation, so a later change to the live writer cannot change what an old log becomes.
 */

const GENESIS = '0'.repeat(64);

function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function upgradeToV6(tx: Transaction): Promise<void> {
  const table = tx.table('auditLog');
  const rows = (await table.toArray()) as Record<string, unknown>[];
  let prevHash = GENESIS;
  const chained = rows.map((row, i) => {
    const { id, at, action, ...details } = row;
    const entry = { seq: i + 1, at: String(at), by: '', action: String(action), details, prevHash };
    const hash = bytesToHex(sha256(utf8ToBytes(canonical(entry))));
    prevHash = hash;
    return { id, ...entry, hash };
  });
  await table.bulkPut(chained);
}
