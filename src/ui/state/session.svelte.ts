import { eraseEverything, type EraseOptions, type EraseReport } from '../../app/erase';
import { requestPersistence } from '../../app/storage';
import type { OpenWorkspace } from '../../app/open-workspace';
import { runWorkerJob, whenNoJobs, type JobOptions } from '../../app/worker-client';
import { createLock, describeOpenError, openWorkspace, workspaceDbName, WorkspaceService, type ConnectionLoss, type ConnectionWatchers, type SecuredBy } from '../../app/workspaces';
import { DEMO_SEED } from '../../domain/demo/config';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../../domain/lock';
import { fail, ok, type Result } from '../../domain/result';
import { deletionConfirmed, eraseAllConfirmed, uniqueWorkspaceName, type Workspace } from '../../domain/workspace';
import { IdleTimer } from './idle';
import { currentUser } from './user.svelte';
import type { BackupManifest } from '../../domain/backup';

/** Where a backup goes: a new workspace by this name, or in place of one whose name was typed. */
export type RestoreTarget = { kind: 'new'; name: string } | { kind: 'replace'; id: string; typedName: string };

export const RELOAD_DELAY_MS = 5000;

/** A locked workspace waiting for its passphrase, why it is asked, and the page to go to once it is open. */
export interface Unlocking {
  workspace: Workspace;
  reason: 'open' | 'idle' | 'manual';
  then?: string;
}

/** The catalogue, the active workspace, and what other tabs did to them. */
class Session {
  #service: WorkspaceService | undefined;
  #unwatch: (() => void) | undefined;
  #activeId = $state<string | undefined>();

  ready = $state(false);
  /** The databases cannot be opened: a Danish explanation and the technical error. */
  fatal = $state<{ message: string; detail: string } | undefined>();
  workspaces = $state<Workspace[]>([]);
  workspace = $state.raw<OpenWorkspace | undefined>();
  connectionLost = $state<ConnectionLoss | undefined>();
  blocked = $state(false);
  showStorageNotice = $state(false);
  /** Set while the unlock dialog asks for a passphrase. */
  unlocking = $state.raw<Unlocking | undefined>();
  autoLockMinutes = $state(AUTO_LOCK_DEFAULT_MINUTES);
  #idle = new IdleTimer();

  active = $derived(this.workspaces.find((w) => w.id === this.#activeId));

  #watchers: ConnectionWatchers = {
    onConnectionLost: (reason) => {
      this.connectionLost = reason;
      setTimeout(() => location.reload(), RELOAD_DELAY_MS);
    },
    onBlocked: () => (this.blocked = true),
  };

  get service(): WorkspaceService {
    if (!this.#service) throw new Error('Session not started');
    return this.#service;
  }

  async start(): Promise<void> {
    try {
      this.#service = await WorkspaceService.open(() => currentUser.name, this.#watchers);
      this.blocked = false;
      await this.#service.removeOrphans();
      this.workspaces = await this.#service.list();
      // Other tabs' creations and renames arrive here too (Dexie broadcasts between tabs).
      this.#unwatch = this.#service.watch((list) => (this.workspaces = list));
      this.showStorageNotice = !(await this.#service.noticeAcknowledged());
      this.autoLockMinutes = await this.#service.autoLockMinutes();
      const recent = await this.#service.mostRecent();
      if (recent) await this.open(recent.id);
    } catch (error) {
      this.fatal = { message: describeOpenError(error), detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    } finally {
      this.ready = true;
    }
  }

  async acknowledgeStorageNotice(): Promise<void> {
    this.showStorageNotice = false;
    await this.#service?.acknowledgeNotice();
    await requestPersistence();
  }

  #closeActive(): void {
    this.#idle.stop();
    this.workspace?.close();
    this.workspace = undefined;
  }

  /** Opens a workspace; a locked one only once the unlock dialog has its passphrase (`then`: the page to go to after). */
  async open(id: string, then?: string): Promise<void> {
    const entry = (await this.service.list()).find((w) => w.id === id);
    if (entry?.locked) {
      this.#closeActive();
      this.#activeId = id;
      this.unlocking = { workspace: entry, reason: 'open', ...(then && { then }) };
      return;
    }
    await this.#openWith(id);
  }

  async #openWith(id: string, key?: Uint8Array): Promise<void> {
    this.#closeActive();
    const workspace = await openWorkspace(id, () => currentUser.name, this.#watchers, key);
    this.blocked = false;
    await this.service.touch(id);
    this.#activeId = id;
    this.workspace = workspace;
    if (key) this.#idle.start(this.autoLockMinutes * 60_000, () => void this.#lockWhenIdle());
  }

  /** Opens the workspace the unlock dialog asks for, when `passphrase` is its own. */
  async unlock(passphrase: string): Promise<Result<Unlocking>> {
    const asked = this.unlocking;
    if (!asked) return fail('Intet arbejdsområde venter på at blive låst op.');
    const key = await this.service.unlock(asked.workspace.id, passphrase);
    if (!key.ok) return key;
    await this.#openWith(asked.workspace.id, key.value);
    this.unlocking = undefined;
    return ok(asked);
  }

  /** Leaves the locked workspace closed. */
  cancelUnlock(): void {
    if (this.unlocking?.workspace.id === this.#activeId && !this.workspace) this.#activeId = undefined;
    this.unlocking = undefined;
  }

  /**
   * Closes the active locked workspace and forgets its key; the unlock dialog asks for the
   * passphrase again. Work that is running (an import, a screening being stored) finishes first.
   */
  async lock(reason: Unlocking['reason'] = 'manual'): Promise<void> {
    const entry = this.active;
    if (!entry?.locked || !this.workspace) return;
    await whenNoJobs();
    if (this.active?.id !== entry.id || !this.workspace) return;
    this.#closeActive();
    this.unlocking = { workspace: entry, reason };
  }

  async #lockWhenIdle(): Promise<void> {
    await whenNoJobs();
    // Someone used the page while the work finished: wait for the full time again.
    if (this.#idle.idleFor < this.autoLockMinutes * 60_000) return this.#idle.restart();
    await this.lock('idle');
  }

  async setAutoLockMinutes(minutes: number): Promise<void> {
    await this.service.setAutoLockMinutes(minutes);
    this.autoLockMinutes = minutes;
    if (this.workspace?.locked) this.#idle.start(minutes * 60_000, () => void this.#lockWhenIdle());
  }

  /** With a passphrase the workspace is locked from the start. */
  async create(name: string, options: { isDemo?: boolean; passphrase?: string } = {}): Promise<Result<Workspace>> {
    const secured = options.passphrase ? await createLock(options.passphrase) : undefined;
    const result = await this.service.create(name, { ...(options.isDemo && { isDemo: true }), ...(secured && { secured }) });
    if (result.ok) {
      this.workspaces = await this.service.list();
      await this.#openWith(result.value.id, secured?.key);
    }
    return result;
  }

  /** Locks an open workspace with `passphrase`: every record is encrypted into a new database (see `#convert`). */
  async lockWorkspace(id: string, passphrase: string, onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    return this.#convert(id, undefined, await createLock(passphrase), onProgress);
  }

  /** Stores a locked workspace in clear again, once `passphrase` is confirmed as its own. */
  async removeLock(id: string, passphrase: string, onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    const key = await this.service.unlock(id, passphrase);
    if (!key.ok) return key;
    return this.#convert(id, key.value, undefined, onProgress);
  }

  /**
   * Copies every record into a new database in the background worker, encrypted with `secured`'s
   * key or in clear, then moves the catalogue entry to it (`WorkspaceService.changeLock`). The
   * workspace is closed meanwhile (running work finishes first) and opens again if it was active.
   */
  async #convert(id: string, key: Uint8Array | undefined, secured: SecuredBy | undefined, onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    await whenNoJobs();
    const wasActive = id === this.#activeId && this.workspace !== undefined;
    if (wasActive) this.#closeActive();
    const reopen = async (workspace: Workspace) => {
      if (!wasActive) return;
      const open = workspace.locked ? (workspace.id === id ? key : secured?.key) : undefined;
      await this.#openWith(workspace.id, open && new Uint8Array(open));
    };
    const old = this.workspaces.find((w) => w.id === id);
    try {
      const result = await this.service.changeLock(id, { ...(key && { key: new Uint8Array(key) }), ...(secured && { to: secured }) }, async (from, to) => {
        await runWorkerJob<'copyWorkspace'>({ kind: 'copyWorkspace', from, to }, onProgress ? { onProgress } : {});
      });
      this.workspaces = await this.service.list();
      if (result.ok) await reopen(result.value);
      else if (old) await reopen(old);
      return result;
    } catch (error) {
      if (old) await reopen(old);
      return fail(`Arbejdsområdet kunne ikke ${secured ? 'låses' : 'gemmes ukrypteret'}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async rename(id: string, name: string): Promise<Result<Workspace>> {
    const result = await this.service.rename(id, name);
    if (result.ok) this.workspaces = await this.service.list();
    return result;
  }

  async remove(id: string, typedName: string): Promise<Result<Workspace>> {
    // Our own connection would otherwise hear the deletion as coming from another tab.
    const workspace = this.workspaces.find((w) => w.id === id);
    if (id === this.#activeId && workspace && deletionConfirmed(typedName, workspace.name)) {
      this.#closeActive();
      this.#activeId = undefined;
      if (this.unlocking?.workspace.id === id) this.unlocking = undefined;
    }
    const result = await this.service.remove(id, typedName);
    this.workspaces = await this.service.list();
    if (!this.#activeId) {
      const recent = await this.service.mostRecent();
      if (recent) await this.open(recent.id);
    }
    return result;
  }

  /**
   * Deletes every workspace, the catalogue and the app's web storage keys. This tab lets go of its
   * own connections first, so it is not told of the deletion as if by another tab, and opens none
   * again: the page starts afresh only when the user reloads it (`restart`).
   */
  async eraseAll(typed: string, options: Pick<EraseOptions, 'onBlocked' | 'onProgress'>): Promise<Result<EraseReport>> {
    if (!eraseAllConfirmed(typed)) return eraseEverything(typed);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#closeActive();
    this.#activeId = undefined;
    this.#service?.close();
    this.#service = undefined;
    this.workspaces = [];
    return eraseEverything(typed, options);
  }

  /** The fresh first start after everything was deleted. */
  restart(): void {
    history.replaceState(null, '', '#/');
    location.reload();
  }

  /** Creates a DEMO workspace with the default fictitious kommune and opens it; it is listed only once it is complete. */
  async loadDemo(onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    const name = uniqueWorkspaceName('Demokommune', this.workspaces.map((w) => w.name));
    try {
      const created = await this.service.createFilled(name, { isDemo: true }, (w) => this.#fillDemo(w.id, onProgress));
      if (!created.ok) return created;
      this.workspaces = await this.service.list();
      await this.open(created.value.id);
      return created;
    } catch (error) {
      return fail(`Demodata kunne ikke indlæses: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Recreates a DEMO workspace's data from scratch in a new database; the old one stays until the new one is complete. */
  async resetDemo(id: string, onProgress?: JobOptions['onProgress']): Promise<Workspace> {
    if (!this.workspaces.find((w) => w.id === id)?.isDemo) throw new Error('Kun et demo-arbejdsområde kan nulstilles.');
    const wasActive = id === this.#activeId;
    // Our own connection would otherwise hear the old database's deletion as coming from another tab.
    if (wasActive) this.#closeActive();
    try {
      const workspace = await this.service.refill(id, (w) => this.#fillDemo(w.id, onProgress));
      this.workspaces = await this.service.list();
      if (wasActive) await this.#openWith(workspace.id);
      return workspace;
    } catch (error) {
      if (wasActive) await this.#openWith(id);
      throw error;
    }
  }

  /**
   * Restores a backup (its manifest read already) as a new workspace or in place of one, listed
   * only once it is complete, and opens it. Its last backup is the one it came from.
   */
  async restoreBackup(file: File, passphrase: string | null, manifest: BackupManifest, target: RestoreTarget, onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    const fill = async (w: Workspace) => {
      const { result } = await runWorkerJob<'restoreBackup'>(
        { kind: 'restoreBackup', dbName: workspaceDbName(w.id), file, fileName: file.name, passphrase, by: currentUser.name },
        onProgress ? { onProgress } : {},
      );
      if (!result.ok) throw new Error(result.message);
    };
    const replacing = target.kind === 'replace' ? this.workspaces.find((w) => w.id === target.id) : undefined;
    // Our own connection would otherwise hear the old database's deletion as coming from another tab.
    const closing = replacing !== undefined && target.kind === 'replace' && replacing.id === this.#activeId && deletionConfirmed(target.typedName, replacing.name);
    if (closing) this.#closeActive();
    try {
      const result = target.kind === 'new'
        ? await this.service.createFilled(target.name, { isDemo: manifest.workspace.isDemo, restored: true }, fill)
        : await this.service.replace(target.id, target.typedName, manifest.workspace.isDemo, fill);
      if (!result.ok) {
        if (closing) await this.open(target.id);
        return result;
      }
      await this.service.markBackedUp(result.value.id, manifest.createdAt);
      this.workspaces = await this.service.list();
      await this.open(result.value.id);
      return result;
    } catch (error) {
      if (closing) await this.open(target.id);
      return fail(error instanceof Error ? error.message : String(error));
    }
  }

  async #fillDemo(id: string, onProgress?: JobOptions['onProgress']): Promise<void> {
    await runWorkerJob<'import'>(
      {
        kind: 'demo', db: { name: workspaceDbName(id) },
        // The demo lives today: its extract is from a few days ago, so this week has work due.
        request: { preset: 'default', seed: DEMO_SEED, anchor: new Date().toLocaleDateString('sv-SE'), importId: crypto.randomUUID(), importedAt: new Date().toISOString(), reviews: true, by: currentUser.name },
      },
      onProgress ? { onProgress } : {},
    );
  }

  stop(): void {
    this.#idle.stop();
    this.#unwatch?.();
    this.workspace?.close();
    this.#service?.close();
  }
}

export const session = new Session();
