import Dexie, { liveQuery } from 'dexie';
import { CatalogDb } from '../db/catalog';
import { describeOpenError, type ConnectionLoss, type ConnectionWatchers } from '../db/connection';
import { DB_PREFIX, workspaceDbName } from '../db/names';
import { appendAudit, appendCatalogLog, readLog, sha256Text } from '../db/audit-log';
import { newLock, openLock } from '../db/passphrase';
import { deleteWorkspaceDb, openWorkspaceDb, type DbRef } from '../db/workspace-db';
import { verifyChain, type AuditAction, type AuditDetails, type AuditEntry, type ChainReport } from '../domain/audit';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../domain/lock';
import { limitsOf, type ImportLimits } from '../domain/import-limits';
import { fail, ok, type Result } from '../domain/result';
import { DEFAULT_REMINDER_DAYS, validateReminderDays } from '../domain/backup';
import { deletionConfirmed, mostRecentlyOpened, validateWorkspaceName, type Workspace, type WorkspaceLock } from '../domain/workspace';
import { isHeld } from './locks';
import { OpenWorkspace } from './open-workspace';

export { describeOpenError, workspaceDbName, type ConnectionLoss, type ConnectionWatchers };

const NOTICE_KEY = 'storageNoticeAcknowledged';
const AUTO_LOCK_KEY = 'autoLockMinutes';
const REMINDER_KEY = 'backupReminderDays';
const LIMITS_KEY = 'importLimits';
const WORKSPACE_DB = `${DB_PREFIX}-workspace-`;
/** Held while a workspace's database is filled before it is listed: cleaning up leaves it alone. */
const fillLock = (id: string) => `${workspaceDbName(id)}:fill`;

/** Opens a workspace's database, upgrading it as needed, for the pages; `user` names who is at work, for the audit log; a locked one with its key. */
export async function openWorkspace(id: string, user: () => string, watchers: ConnectionWatchers = {}, key?: Uint8Array): Promise<OpenWorkspace> {
  return new OpenWorkspace(id, await openWorkspaceDb(id, watchers, undefined, key), user, key);
}
/** A new lock for a passphrase: what the catalogue keeps and the key (derived here, on purpose slowly). */
export const createLock = (passphrase: string): Promise<SecuredBy> => newLock(passphrase);

/** A locked workspace's lock and its key. */
export interface SecuredBy {
  lock: WorkspaceLock;
  key: Uint8Array;
}

/** Copies every record of one workspace database into another (a job for the background worker). */
export type CopyWorkspace = (from: DbRef, to: DbRef) => Promise<void>;

/**
 * Use cases on the workspace catalogue. `now` and `newId` are passed in so tests control them;
 * `user` names who is at work, for the logs.
 */
export class WorkspaceService {
  constructor(
    private readonly catalog: CatalogDb,
    private readonly user: () => string,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Opens this browser profile's catalogue of workspaces. */
  static async open(user: () => string, watchers: ConnectionWatchers = {}): Promise<WorkspaceService> {
    const catalog = new CatalogDb(undefined, watchers);
    await catalog.open();
    return new WorkspaceService(catalog, user);
  }

  /** Records what happened to a workspace in this computer's log, in the transaction the change runs in (or its own). */
  #log(action: AuditAction, workspace: Workspace, details: AuditDetails = {}) {
    return appendCatalogLog(this.catalog, { at: this.now().toISOString(), by: this.user(), action, details: { name: workspace.name, ...details, workspaceId: workspace.id } });
  }

  /** This computer's log of workspaces, with what its chain says. */
  async log(): Promise<{ entries: AuditEntry[]; chain: ChainReport }> {
    const entries = await readLog(this.catalog.log);
    return { entries, chain: verifyChain(entries, sha256Text) };
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

  /** Minutes without use before a locked workspace locks itself (this browser profile's setting). */
  async autoLockMinutes(): Promise<number> {
    return (await this.catalog.getSetting<number>(AUTO_LOCK_KEY)) ?? AUTO_LOCK_DEFAULT_MINUTES;
  }

  setAutoLockMinutes(minutes: number): Promise<void> {
    return this.catalog.putSetting(AUTO_LOCK_KEY, minutes);
  }

  /** What an imported file must stay within (this browser profile's setting; the defaults until changed). */
  async importLimits(): Promise<ImportLimits> {
    return limitsOf(await this.catalog.getSetting<unknown>(LIMITS_KEY));
  }

  setImportLimits(limits: ImportLimits): Promise<void> {
    return this.catalog.putSetting(LIMITS_KEY, { ...limits });
  }

  /** With `secured`, the workspace is locked from the start: its first record is encrypted already. */
  async create(name: string, options: { isDemo?: boolean; secured?: SecuredBy } = {}): Promise<Result<Workspace>> {
    return this.createFilled(name, options, async () => {});
  }

  /** The key of a locked workspace, when `passphrase` is its passphrase. */
  async unlock(id: string, passphrase: string): Promise<Result<Uint8Array>> {
    const workspace = await this.catalog.workspaces.get(id);
    if (!workspace) return fail('Arbejdsområdet findes ikke længere.');
    if (!workspace.locked) return fail('Arbejdsområdet er ikke låst.');
    const key = await openLock(workspace.locked, passphrase);
    return key ? ok(key) : fail('Forkert adgangskode. Prøv igen.');
  }

  /**
   * Locks a workspace (`to` given), or opens it for good (`to` undefined): every record is copied
   * by `copy` into a new database, encrypted with the new key or in clear, the catalogue entry moves
   * to it in one step, and the old database is deleted (`refill`). `key` is the current key of a
   * locked workspace. The demo kommune's data are fictitious and stay open.
   */
  async changeLock(id: string, change: { key?: Uint8Array; to?: SecuredBy }, copy: CopyWorkspace): Promise<Result<Workspace>> {
    const old = await this.catalog.workspaces.get(id);
    if (!old) return fail('Arbejdsområdet findes ikke længere.');
    if (old.isDemo && change.to) return fail('Demo-arbejdsområdet kan ikke låses: dets data er fiktive.');
    if (old.locked && !change.key) return fail('Lås arbejdsområdet op først.');
    const action = change.to ? (old.locked ? 'workspace.passphraseChanged' : 'workspace.locked') : 'workspace.unlocked';
    const workspace = await this.refill(id, async (w) => {
      await copy({ name: workspaceDbName(id), ...(change.key && { key: change.key }) }, { name: workspaceDbName(w.id), ...(change.to && { key: change.to.key }) });
      const db = await openWorkspaceDb(w.id, {}, undefined, change.to?.key);
      await appendAudit(db, { at: this.now().toISOString(), by: this.user(), action, details: {} });
      db.close();
    }, { secured: change.to ?? null, fresh: false });
    return ok(workspace);
  }

  /**
   * Creates a workspace whose database `fill` fills before the workspace is listed: a tab closed
   * half-way leaves no half-filled workspace, only a database nobody lists, which
   * `removeOrphans` deletes later. A failed `fill` deletes the database again. `restored`: `fill`
   * creates the database itself (a backup brings its own log, at its own schema version).
   */
  async createFilled(name: string, options: { isDemo?: boolean; secured?: SecuredBy; restored?: boolean }, fill: (workspace: Workspace) => Promise<void>): Promise<Result<Workspace>> {
    const existing = await this.catalog.workspaces.toArray();
    const valid = validateWorkspaceName(name, existing.map((w) => w.name));
    if (!valid.ok) return valid;
    if (options.isDemo && options.secured) return fail('Demo-arbejdsområdet kan ikke låses: dets data er fiktive.');
    const at = this.now().toISOString();
    const workspace: Workspace = {
      id: this.newId(), name: valid.value, createdAt: at, lastOpenedAt: at, isDemo: options.isDemo ?? false, ...(options.secured && { locked: options.secured.lock }),
    };
    return this.#filling(workspace.id, async () => {
      await this.#fillNew(workspace, fill, { key: options.secured?.key, fresh: !options.restored });
      await this.catalog.transaction('rw', [this.catalog.workspaces, this.catalog.log], async () => {
        await this.catalog.workspaces.add(workspace);
        await this.#log('workspace.created', workspace, { demo: workspace.isDemo });
      });
      return ok(workspace);
    });
  }

  /**
   * Replaces a workspace's data with what `fill` puts in a new database: the catalogue entry moves
   * to the new database in one step, so until then the old data stays as it was, and a closed tab
   * never leaves it empty. Returns the workspace under its new id.
   */
  async refill(id: string, fill: (workspace: Workspace) => Promise<void>, options: { secured?: SecuredBy | null; fresh?: boolean; isDemo?: boolean } = {}): Promise<Workspace> {
    const old = await this.catalog.workspaces.get(id);
    if (!old) throw new Error('Arbejdsområdet findes ikke længere.');
    const { locked, ...rest } = old;
    // `secured`: the new database's lock (null: none); left out, the lock stays as it was.
    const lock = options.secured === undefined ? locked : options.secured?.lock;
    if (lock && options.secured === undefined) throw new Error('Et låst arbejdsområde fyldes kun med en nøgle.');
    const workspace: Workspace = { ...rest, id: this.newId(), lastOpenedAt: this.now().toISOString(), isDemo: options.isDemo ?? rest.isDemo, ...(lock && { locked: lock }) };
    await this.#filling(workspace.id, async () => {
      await this.#fillNew(workspace, fill, { key: options.secured?.key, fresh: options.fresh ?? true });
      await this.catalog.transaction('rw', [this.catalog.workspaces, this.catalog.log], async () => {
        await this.catalog.workspaces.delete(id);
        await this.catalog.workspaces.add(workspace);
        await this.#log('workspace.demoReset', workspace);
      });
    });
    await deleteWorkspaceDb(id);
    return workspace;
  }

  /**
   * Replaces a workspace's data with a backup's (`fill` restores it), only when `typedName` is
   * the workspace's exact name; its name stays, the DEMO mark follows the data. A locked
   * workspace is not replaced: the backup would land without its lock.
   */
  async replace(id: string, typedName: string, isDemo: boolean, fill: (workspace: Workspace) => Promise<void>): Promise<Result<Workspace>> {
    const workspace = await this.catalog.workspaces.get(id);
    if (!workspace) return fail('Arbejdsområdet findes ikke længere.');
    if (workspace.locked) return fail('Et låst arbejdsområde kan ikke erstattes af en sikkerhedskopi. Gendan i et nyt arbejdsområde, og slet det gamle bagefter.');
    if (!deletionConfirmed(typedName, workspace.name)) {
      return fail(`Skriv arbejdsområdets navn, "${workspace.name}", for at bekræfte, at dets data erstattes.`);
    }
    return ok(await this.refill(id, fill, { fresh: false, isDemo }));
  }

  /** `fresh`: a new workspace, whose log starts with its creation; otherwise `fill` brings the database and its log along. */
  async #fillNew(workspace: Workspace, fill: (workspace: Workspace) => Promise<void>, options: { key?: Uint8Array; fresh: boolean }): Promise<void> {
    try {
      // Otherwise `fill` makes the database itself (a restore needs it not to exist yet).
      if (options.fresh) {
        const db = await openWorkspaceDb(workspace.id, {}, undefined, options.key);
        await appendAudit(db, { at: workspace.createdAt, by: this.user(), action: 'workspace.created', details: { name: workspace.name } });
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
    return this.catalog.transaction('rw', [this.catalog.workspaces, this.catalog.log], async () => {
      const workspace = await this.catalog.workspaces.get(id);
      if (!workspace) return fail<Workspace>('Arbejdsområdet findes ikke længere.');
      const others = (await this.catalog.workspaces.toArray()).filter((w) => w.id !== id);
      const valid = validateWorkspaceName(name, others.map((w) => w.name));
      if (!valid.ok) return valid;
      const renamed = { ...workspace, name: valid.value };
      await this.catalog.workspaces.put(renamed);
      if (renamed.name !== workspace.name) await this.#log('workspace.renamed', renamed, { from: workspace.name, to: renamed.name });
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
    await this.catalog.transaction('rw', [this.catalog.workspaces, this.catalog.log], async () => {
      await this.catalog.workspaces.delete(id);
      await this.#log('workspace.deleted', workspace, { createdAt: workspace.createdAt });
    });
    await deleteWorkspaceDb(id);
    return ok(workspace);
  }
}
