import { describe, expect, it, vi } from 'vitest';
import { requestPersistence, storageStatus } from '../../src/app/storage';

const manager = (overrides: Partial<StorageManager>) => overrides as StorageManager;

describe('asking the browser to keep the data', () => {
  it('says unsupported when the browser has no storage manager', async () => {
    expect(await requestPersistence(manager({}))).toBeUndefined();
    expect(await storageStatus(manager({}))).toEqual({ persisted: undefined, usage: undefined, quota: undefined });
  });

  it('does not ask again when storage is persistent already', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistence(manager({ persisted: async () => true, persist }))).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports the browser\u2019s answer, and a refusal that throws as not granted', async () => {
    expect(await requestPersistence(manager({ persisted: async () => false, persist: async () => false }))).toBe(false);
    expect(await requestPersistence(manager({ persisted: async () => false, persist: async () => { throw new Error('denied'); } }))).toBe(false);
  });

  it('reports usage and quota from the estimate', async () => {
    const status = await storageStatus(manager({ persisted: async () => false, estimate: async () => ({ usage: 147_500, quota: 10_700_000_000 }) }));
    expect(status).toEqual({ persisted: false, usage: 147_500, quota: 10_700_000_000 });
  });
});
