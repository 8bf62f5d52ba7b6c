/**
 * Web Locks between the tabs and workers of one browser profile (every tab opened from file://
 * shares them with the databases). A workspace's cases have one writer at a time, and a writer
 * waits for the screenings that are reading them: what one import decides is never undone by
 * another, and a screening never reads half of one import and half of the next.
 * Where the API is missing (Node, very old browsers) the work runs without a lock; IndexedDB's
 * transactions still keep each write whole.
 */

const locks = (): LockManager | undefined => (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;

/** Thrown when another tab or worker is writing the workspace's cases already. */
export class WorkspaceBusyError extends Error {
  constructor() {
    super('Et andet vindue eller faneblad importerer til dette arbejdsområde lige nu. Vent, til det er færdigt, og prøv så igen.');
  }
}

/** Runs `work` as the only writer of the workspace's cases; refuses at once with `WorkspaceBusyError` when another is writing. */
export async function asWriter<T>(dbName: string, work: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  return manager.request(`${dbName}:write`, { ifAvailable: true }, async (lock) => {
    if (!lock) throw new WorkspaceBusyError();
    return manager.request(`${dbName}:cases`, { mode: 'exclusive' }, work);
  }) as Promise<T>;
}

/** Runs `work` while the workspace's cases are read by it: writers wait until it is done. */
export async function asReader<T>(dbName: string, work: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  return manager.request(`${dbName}:cases`, { mode: 'shared' }, work) as Promise<T>;
}

/** Whether a lock of this name is held now by any tab (for cleaning up after one that was closed). */
export async function isHeld(name: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return false;
  const state = await manager.query();
  return (state.held ?? []).some((lock) => lock.name === name);
}
