import Dexie from 'dexie';
import { CATALOG_DB_NAME, DB_PREFIX } from '../db/names';
import { fail, ok, type Result } from '../domain/result';
import { ERASE_ALL_PHRASE, eraseAllConfirmed } from '../domain/workspace';
import { storageStatus } from './storage';

/**
 * "Slet alle data på denne computer": every database of the workbench and its keys in the
 * browser's web storage. Chromium gives every local HTML file one origin, so only what carries the
 * app's prefix is ours to delete; another local tool's data is left alone.
 */

/** Keys the workbench keeps in localStorage or sessionStorage start with this, as its databases do. */
export const WEB_STORAGE_PREFIX = DB_PREFIX;

export interface EraseReport {
  /** The databases deleted: the catalogue and every workspace. */
  deleted: string[];
  /** Databases of the workbench the browser still lists afterwards: none, unless something went wrong. */
  remaining: string[];
  /** Keys removed from localStorage and sessionStorage. */
  webStorageKeys: number;
  /** What the browser says the origin uses, before and after (bytes); undefined where it does not say. */
  usageBefore: number | undefined;
  usageAfter: number | undefined;
}

export interface EraseOptions {
  /** Another tab or window holds a database open and has not let go: the user should close it. */
  onBlocked?: () => void;
  /** After each database: how many of how many are deleted. */
  onProgress?: (done: number, total: number) => void;
  /** The web storages to clear; the page's own by default. */
  webStorages?: () => Storage[];
  storage?: StorageManager;
}

/** The workbench's databases in this browser profile. */
export async function appDatabaseNames(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((name) => name.startsWith(`${DB_PREFIX}-`));
}

function pageStorages(): Storage[] {
  const storages: Storage[] = [];
  // Reading them can throw where the browser's policy forbids web storage.
  for (const get of [() => globalThis.localStorage, () => globalThis.sessionStorage]) {
    try {
      const storage = get();
      if (storage) storages.push(storage);
    } catch {
      // Nothing can be stored there either.
    }
  }
  return storages;
}

function clearWebStorage(storages: Storage[]): number {
  let removed = 0;
  for (const storage of storages) {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(WEB_STORAGE_PREFIX) === true);
    for (const key of keys) storage.removeItem(key);
    removed += keys.length;
  }
  return removed;
}

/**
 * Deletes every database of the workbench and its web storage keys, once the phrase is typed.
 * The caller closes its own connections first; other tabs close theirs when asked (connection.ts),
 * and until they do the browser waits (`onBlocked`). The catalogue goes first: if the tab closes
 * half-way, nothing is listed any more, and the next start deletes the workspace databases left.
 *
 * No web page can make the browser overwrite the deleted bytes on disk. Leaving every connection
 * closed afterwards is what lets Chromium close its database files and run its own clean-up
 * (compaction) when it chooses; the report says what the browser itself tells.
 */
export async function eraseEverything(typed: string, options: EraseOptions = {}): Promise<Result<EraseReport>> {
  if (!eraseAllConfirmed(typed)) return fail(`Skriv ${ERASE_ALL_PHRASE} for at bekræfte, at alle data skal slettes.`);
  const usageBefore = (await storageStatus(options.storage)).usage;
  const names = (await appDatabaseNames()).sort((a, b) => Number(b === CATALOG_DB_NAME) - Number(a === CATALOG_DB_NAME));
  const deleted: string[] = [];
  options.onProgress?.(0, names.length);
  for (const name of names) {
    const db = new Dexie(name);
    if (options.onBlocked) db.on('blocked', options.onBlocked);
    await db.delete();
    deleted.push(name);
    options.onProgress?.(deleted.length, names.length);
  }
  const webStorageKeys = clearWebStorage((options.webStorages ?? pageStorages)());
  const remaining = await appDatabaseNames();
  const usageAfter = (await storageStatus(options.storage)).usage;
  return ok({ deleted, remaining, webStorageKeys, usageBefore, usageAfter });
}
