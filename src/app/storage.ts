/** What the browser says about how it keeps this origin's data. */
export interface StorageStatus {
  /** `true` persistent, `false` best effort (may be evicted), `undefined` the API is missing. */
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

/** Asks for persistent storage where the browser supports it; never throws. */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean | undefined> {
  if (!storage?.persist) return undefined;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}

export async function storageStatus(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
  const persisted = storage?.persisted ? await storage.persisted().catch(() => undefined) : undefined;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
