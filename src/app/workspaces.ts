import Dexie, { liveQuery } from 'dexie';
import { CatalogDb } from '../db/catalog';
import { describeOpenError, type ConnectionLoss, type ConnectionWatchers } from '../db/connection';
import { DB_PREFIX, workspaceDbName } from '../db/names';
import { deleteWorkspaceDb, openWorkspaceDb } from '../db/workspace-db';
import { fail, ok, type Result } from '../domain/result';
import { DEFAULT_REMINDER_DAYS, validateReminderDays } from '../domain/backup';
import { deletionConfirmed, mostRecentlyOpened, validateWorkspaceName, type Workspace } from '../domain/workspace';
import { isHeld } from './locks';
import { OpenWorkspace } from './open-workspace';

export { describeOpenError, workspaceDbName, type ConnectionLoss, type ConnectionWatchers };

const NOTICE_KEY = 'storageNoticeAcknowledged';
const REMINDER_KEY = 'backupReminderDays';
const WORKSPACE_DB = `${DB_PREFIX}-workspace-`;
/** Held while a workspace's database is filled before it is listed: cleaning up leaves it alone. */
const fillLock = (id: string) => `${workspaceDbName(id)}:fill`;

/** Opens a workspace's database, upgrading it as needed, for the pages. */
export async function openWorkspace(id: string, watchers: ConnectionWatchers = {}): Promise<OpenWorkspace> {
  return new OpenWorkspace(id, await openWorkspaceDb(id, watchers));
}

/** Use cases on the workspace catalogue. `now` and `newId` are passed in so tests control them. */
export class WorkspaceService {
  constructor(
    private readonly catalog: CatalogDb,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Opens this browser profile's catalogue of workspaces. */
  static async open(watchers: ConnectionWatchers = {}): Promise<WorkspaceService> {
    const catalog = new CatalogDb(undefined, watchers);
    await catalog.open();
    return new WorkspaceService(catalog);
  }

  close(): void {
    this.catalog.close();
  }

  list(): Promise<Workspace[]> {
    return this.catalog.workspaces.orderBy('name').toArray();
  }

  /** Calls `next` with the list whenever it changes, in this tab or another; returns the way to stop. */
  watch(next: (list: Workspace[]) => void): () => void {
    const subscription = liveQuery(() => this.list()).subscribe({ next });
    return () => subscription.unsubscribe();
  }

  async noticeAcknowledged(): Promise<boolean> {
    return (await this.catalog.getSetting<boolean>(NOTICE_KEY)) === true;
  }

  acknowledgeNotice(): Promise<void> {
    return this.catalog.putSetting(NOTICE_KEY, true);
  }

  async create(name: string, options: { isDemo?: boolean } = {}): Promise<Result<Workspace>> {
    return this.createFilled(name, options, async () => {});
  }

  /**
   * Creates a workspace whose database `fill` fills before the workspace is listed: a tab closed
   * half-way leaves no half-filled workspace, only a database nobody lists, which
   * `removeOrphans` deletes later. A failed `fill` deletes the database again. `restored`: `fill`
   * creates the database itself (a backup brings its own log, at its own schema version).
   */
  async createFilled(name: string, options: { isDemo?: boolean; restored?: boolean }, fill: (workspace: Workspace) => Promise<void>): Promise<Result<Workspace>> {
    const existing = await this.catalog.workspaces.toArray();
    const valid = validateWorkspaceName(name, existing.map((w) => w.name));
    if (!valid.ok) return valid;
    const at = this.now().toISOString();
    const workspace: Workspace = { id: this.newId(), name: valid.value, createdAt: at, lastOpenedAt: at, isDemo: options.isDemo ?? false };
    return this.#filling(workspace.id, async () => {
      await this.#fillNew(workspace, fill, options.restored ?? false);
      await this.catalog.workspaces.add(workspace);
      return ok(workspace);
    });
  }

  /**
   * Replaces a workspace's data with what `fill` puts in a new database: the catalogue entry moves
   * to the new database in one step, so until then the old data stays as it was, and a closed tab
   * never leaves it empty. Returns the workspace under its new id.
   */
  async refill(id: string, fill: (workspace: Workspace) => Promise<void>, options: { restored?: boolean; isDemo?: boolean } = {}): Promise<Workspace> {
    const old = await this.catalog.workspaces.get(id);
    if (!old) throw new Error('Arbejdsområdet findes ikke længere.');
    const workspace: Workspace = { ...old, id: this.newId(), lastOpenedAt: this.now().toISOString(), isDemo: options.isDemo ?? old.isDemo };
    await this.#filling(workspace.id, async () => {
      await this.#fillNew(workspace, fill, options.restored ?? false);
      await this.catalog.transaction('rw', this.catalog.workspaces, async () => {
        await this.catalog.workspaces.delete(id);
        await this.catalog.workspaces.add(workspace);
      });
    });
    await deleteWorkspaceDb(id);
    return workspace;
  }

  /**
   * Replaces a workspace's data with a backup's (`fill` restores it), only when `typedName` is
   * the workspace's exact name; its name stays, the DEMO mark follows the data.
   */
  async replace(id: string, typedName: string, isDemo: boolean, fill: (workspace: Workspace) => Promise<void>): Promise<Result<Workspace>> {
    const workspace = await this.catalog.workspaces.get(id);
    if (!workspace) return fail('Arbejdsområdet findes ikke længere.');
    if (!deletionConfirmed(typedName, workspace.name)) {
      return fail(`Skriv arbejdsområdets navn, "${workspace.name}", for at bekræfte, at dets data erstattes.`);
    }
    return ok(await this.refill(id, fill, { restored: true, isDemo }));
  }

  async #fillNew(workspace: Workspace, fill: (workspace: Workspace) => Promise<void>, restored: boolean): Promise<void> {
    try {
      if (!restored) {
        const db = await openWorkspaceDb(workspace.id);
        await db.auditLog.add({ at: workspace.createdAt, action: 'workspace.created', name: workspace.name });
        db.close();
      }
      await fill(workspace);
    } catch (error) {
      await deleteWorkspaceDb(workspace.id);
      throw error;
    }
  }

  /** Runs `work` holding the lock that tells `removeOrphans` this database is being filled. */
  async #filling<T>(id: string, work: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    return locks ? (locks.request(fillLock(id), work) as Promise<T>) : work();
  }

  /** Deletes workspace databases no catalogue entry points at (left by a tab closed while filling one). */
  async removeOrphans(): Promise<string[]> {
    const listed = new Set((await this.catalog.workspaces.toArray()).map((w) => workspaceDbName(w.id)));
    const orphans: string[] = [];
    for (const name of await Dexie.getDatabaseNames()) {
      if (!name.startsWith(WORKSPACE_DB) || listed.has(name)) continue;
      const id = name.slice(WORKSPACE_DB.length);
      if (await isHeld(fillLock(id))) continue;
      await deleteWorkspaceDb(id);
      orphans.push(id);
    }
    return orphans;
  }

  async rename(id: string, name: string): Promise<Result<Workspace>> {
    return this.catalog.transaction('rw', this.catalog.workspaces, async () => {
      const workspace = await this.catalog.workspaces.get(id);
      if (!workspace) return fail<Workspace>('Arbejdsområdet findes ikke længere.');
      const others = (await this.catalog.workspaces.toArray()).filter((w) => w.id !== id);
      const valid = validateWorkspaceName(name, others.map((w) => w.name));
      if (!valid.ok) return valid;
      const renamed = { ...workspace, name: valid.value };
      await this.catalog.workspaces.put(renamed);
      return ok(renamed);
    });
  }

  /** Notes the time of the newest backup of the workspace's data, for "Seneste sikkerhedskopi". */
  async markBackedUp(id: string, at: string): Promise<void> {
    await this.catalog.workspaces.update(id, { lastBackupAt: at });
  }

  /** Remind about a backup older than this many days (a setting of this browser profile). */
  async backupReminderDays(): Promise<number> {
    return (await this.catalog.getSetting<number>(REMINDER_KEY)) ?? DEFAULT_REMINDER_DAYS;
  }

  async setBackupReminderDays(days: number): Promise<Result<number>> {
    const valid = validateReminderDays(days);
    if (valid.ok) await this.catalog.putSetting(REMINDER_KEY, valid.value);
    return valid;
  }

  /** Marks the workspace as the one to open next time. */
  async touch(id: string): Promise<void> {
    await this.catalog.workspaces.update(id, { lastOpenedAt: this.now().toISOString() });
  }

  async mostRecent(): Promise<Workspace | undefined> {
    return mostRecentlyOpened(await this.catalog.workspaces.toArray());
  }

  /** Deletes the workspace and all its data, only when `typedName` is its exact name. */
  async remove(id: string, typedName: string): Promise<Result<Workspace>> {
    const workspace = await this.catalog.workspaces.get(id);
    if (!workspace) return fail('Arbejdsområdet findes ikke længere.');
    if (!deletionConfirmed(typedName, workspace.name)) {
      return fail(`Skriv arbejdsområdets navn, "${workspace.name}", for at bekræfte sletningen.`);
    }
    // Remove the entry first: if the tab closes mid-way, an orphan database is harmless (it is
    // deleted at the next start), while an entry without its data would look like an empty kommune.
    await this.catalog.workspaces.delete(id);
    await deleteWorkspaceDb(id);
    return ok(workspace);
  }
}
