import { requestPersistence } from '../../app/storage';
import type { OpenWorkspace } from '../../app/open-workspace';
import { runWorkerJob, type JobOptions } from '../../app/worker-client';
import { describeOpenError, openWorkspace, workspaceDbName, WorkspaceService, type ConnectionLoss, type ConnectionWatchers } from '../../app/workspaces';
import { DEMO_SEED } from '../../domain/demo/config';
import { fail, type Result } from '../../domain/result';
import { deletionConfirmed, uniqueWorkspaceName, type Workspace } from '../../domain/workspace';
import type { BackupManifest } from '../../domain/backup';

/** Where a backup goes: a new workspace by this name, or in place of one whose name was typed. */
export type RestoreTarget = { kind: 'new'; name: string } | { kind: 'replace'; id: string; typedName: string };

export const RELOAD_DELAY_MS = 5000;

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
      this.#service = await WorkspaceService.open(this.#watchers);
      this.blocked = false;
      await this.#service.removeOrphans();
      this.workspaces = await this.#service.list();
      // Other tabs' creations and renames arrive here too (Dexie broadcasts between tabs).
      this.#unwatch = this.#service.watch((list) => (this.workspaces = list));
      this.showStorageNotice = !(await this.#service.noticeAcknowledged());
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
    this.workspace?.close();
    this.workspace = undefined;
  }

  async open(id: string): Promise<void> {
    this.#closeActive();
    const workspace = await openWorkspace(id, this.#watchers);
    this.blocked = false;
    await this.service.touch(id);
    this.#activeId = id;
    this.workspace = workspace;
  }

  async create(name: string, options: { isDemo?: boolean } = {}): Promise<Result<Workspace>> {
    const result = await this.service.create(name, options);
    if (result.ok) {
      this.workspaces = await this.service.list();
      await this.open(result.value.id);
    }
    return result;
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
    }
    const result = await this.service.remove(id, typedName);
    this.workspaces = await this.service.list();
    if (!this.#activeId) {
      const recent = await this.service.mostRecent();
      if (recent) await this.open(recent.id);
    }
    return result;
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
      if (wasActive) await this.open(workspace.id);
      return workspace;
    } catch (error) {
      if (wasActive) await this.open(id);
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
        { kind: 'restoreBackup', dbName: workspaceDbName(w.id), file, fileName: file.name, passphrase },
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
        kind: 'demo', dbName: workspaceDbName(id),
        // The demo lives today: its extract is from a few days ago, so this week has work due.
        request: { preset: 'default', seed: DEMO_SEED, anchor: new Date().toLocaleDateString('sv-SE'), importId: crypto.randomUUID(), importedAt: new Date().toISOString(), reviews: true },
      },
      onProgress ? { onProgress } : {},
    );
  }

  stop(): void {
    this.#unwatch?.();
    this.workspace?.close();
    this.#service?.close();
  }
}

export const session = new Session();
