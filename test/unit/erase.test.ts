import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { appDatabaseNames, eraseEverything } from '../../src/app/erase';
import { runImport } from '../../src/app/import-run';
import { WorkspaceService } from '../../src/app/workspaces';
import { CatalogDb } from '../../src/db/catalog';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { suggestMapping } from '../../src/io/mapping';
import type { SourceWorkbook } from '../../src/domain/source';

/** localStorage or sessionStorage as the page has them, with the keys of this test. */
class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  constructor(entries: [string, string][]) {
    this.#items = new Map(entries);
  }
  get length() { return this.#items.size; }
  key(index: number) { return [...this.#items.keys()][index] ?? null; }
  getItem(key: string) { return this.#items.get(key) ?? null; }
  setItem(key: string, value: string) { this.#items.set(key, value); }
  removeItem(key: string) { this.#items.delete(key); }
  clear() { this.#items.clear(); }
  keys() { return [...this.#items.keys()]; }
}

/** navigator.storage as far as the report asks it: each estimate gives the next figure. */
const storageSaying = (...usages: number[]) => ({ estimate: async () => ({ usage: usages.shift(), quota: 1e9 }) }) as unknown as StorageManager;

const book: SourceWorkbook = {
  format: 'csv',
  sheets: [{ name: 'udtraek', headers: ['Sagsnr', 'CPR-nr', 'Enhed', 'Sagsbehandler'], rows: [{ number: 2, cells: ['S-1', '050324-4234', 'Nord', 'AB'] }], emptyRows: 0 }],
};

let local: MemoryStorage;
let session: MemoryStorage;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  const catalog = new CatalogDb();
  const service = new WorkspaceService(catalog, () => 'Test Fiktiv');
  await service.acknowledgeNotice();
  const varde = await service.create('Varde Kommune');
  await service.create('Demokommune', { isDemo: true });
  if (!varde.ok) throw new Error(varde.message);
  const db = await openWorkspaceDb(varde.value.id);
  await runImport(db, book, { importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', fileName: 'x.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(book), keepFullCpr: true, source: new Uint8Array([1, 2, 3]), by: 'Test Fiktiv' });
  db.close();
  catalog.close();
  // Another local HTML tool in the same browser profile: the same file:// origin in Chromium.
  const other = new Dexie('andet-vaerktoej');
  other.version(1).stores({ notes: 'id' });
  await other.open();
  await other.table('notes').put({ id: 1, text: 'ikke vores' });
  other.close();
  local = new MemoryStorage([['tilsynsbaenk-user', 'Leder Fiktiv'], ['andet-vaerktoej', 'x']]);
  session = new MemoryStorage([['tilsynsbaenk-unlocked', '1']]);
});

describe('Slet alle data på denne computer', () => {
  it('deletes nothing unless SLET ALT is typed', async () => {
    const before = await appDatabaseNames();
    expect(before).toHaveLength(3);
    for (const typed of ['', 'slet alt', 'SLET', 'Varde Kommune']) {
      expect(await eraseEverything(typed, { webStorages: () => [local, session] })).toEqual({ ok: false, message: 'Skriv SLET ALT for at bekræfte, at alle data skal slettes.' });
    }
    expect(await appDatabaseNames()).toEqual(before);
    expect(local.keys()).toEqual(['tilsynsbaenk-user', 'andet-vaerktoej']);
  });

  it('deletes every workspace, the catalogue and the workbench\u2019s web storage keys, and leaves another tool\u2019s data alone', async () => {
    const result = await eraseEverything(' SLET ALT ', { webStorages: () => [local, session], storage: storageSaying(2_500_000, 40_000) });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.deleted[0]).toBe('tilsynsbaenk-catalog');
    expect(result.value.deleted).toHaveLength(3);
    expect(result.value).toMatchObject({ remaining: [], webStorageKeys: 2, usageBefore: 2_500_000, usageAfter: 40_000 });
    expect(await appDatabaseNames()).toEqual([]);
    expect(await Dexie.getDatabaseNames()).toEqual(['andet-vaerktoej']);
    expect(local.keys()).toEqual(['andet-vaerktoej']);
    expect(session.keys()).toEqual([]);

    // The next start is a first start: no workspace, and the storage notice not yet acknowledged.
    const catalog = new CatalogDb();
    const service = new WorkspaceService(catalog, () => 'Test Fiktiv');
    expect(await service.list()).toEqual([]);
    expect(await service.noticeAcknowledged()).toBe(false);
    catalog.close();
  });

  it('says so when another tab holds a database open, and finishes once it lets go', async () => {
    const [name] = (await appDatabaseNames()).filter((n) => n.includes('workspace'));
    // A connection that ignores the request to close, as an old version's tab might.
    const stubborn = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let blocked = 0;
    const erasing = eraseEverything('SLET ALT', { webStorages: () => [], onBlocked: () => void (++blocked === 1 && stubborn.close()) });
    const result = await erasing;
    expect(blocked).toBe(1);
    expect(result).toMatchObject({ ok: true, value: { remaining: [] } });
  });
});
