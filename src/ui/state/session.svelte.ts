import { liveQuery, type Subscription } from 'dexie';
import { requestPersistence } from '../../app/storage';
import { WorkspaceService } from '../../app/workspaces';
import { CatalogDb } from '../../db/catalog';
import { describeOpenError, type ConnectionLoss, type ConnectionWatchers } from '../../db/connection';
import { deleteWorkspaceDb, openWorkspaceDb, type WorkspaceDb } from '../../db/workspace-db';
import type { Result } from '../../domain/result';
import { deletionConfirmed, uniqueWorkspaceName, type Workspace } from '../../domain/workspace';
import { DEMO_SEED } from '../../domain/demo/config';
import { fail } from '../../domain/result';
import { runWorkerJob, type JobOptions } from '../../app/worker-client';
import { workspaceDbName } from '../../db/names';

const NOTICE_KEY = 'storageNoticeAcknowledged';
export const RELOAD_DELAY_MS = 5000;

/** The open catalogue, the active workspace and its database, and what other tabs did to them. */
class Session {
  #catalog: CatalogDb | undefined;
  #service: WorkspaceService | undefined;
  #subscription: Subscription | undefined;
  #activeId = $state<string | undefined>();

  ready = $state(false);
  /** The databases cannot be opened: a Danish explanation and the technical error. */
  fatal = $state<{ message: string; detail: string } | undefined>();
  workspaces = $state<Workspace[]>([]);
  db = $state.raw<WorkspaceDb | undefined>();
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
      this.#catalog = new CatalogDb(undefined, this.#watchers);
      await this.#catalog.open();
      this.blocked = false;
      this.#service = new WorkspaceService(this.#catalog);
      this.workspaces = await this.#service.list();
      // Other tabs' creations and renames arrive here too (Dexie broadcasts between tabs).
      this.#subscription = liveQuery(() => this.service.list()).subscribe({ next: (list) => (this.workspaces = list) });
      this.showStorageNotice = !(await this.#catalog.getSetting<boolean>(NOTICE_KEY));
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
    await this.#catalog?.putSetting(NOTICE_KEY, true);
    await requestPersistence();
  }

  async open(id: string): Promise<void> {
    this.db?.close({ disableAutoOpen: true });
    this.db = undefined;
    const db = await openWorkspaceDb(id, this.#watchers);
    this.blocked = false;
    await this.service.touch(id);
    this.#activeId = id;
    this.db = db;
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
      this.db?.close({ disableAutoOpen: true });
      this.db = undefined;
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

  /** Creates a DEMO workspace with the default fictitious kommune and opens it. */
  async loadDemo(onProgress?: JobOptions['onProgress']): Promise<Result<Workspace>> {
    const name = uniqueWorkspaceName('Demokommune', this.workspaces.map((w) => w.name));
    const created = await this.service.create(name, { isDemo: true });
    if (!created.ok) return created;
    try {
      await this.#fillDemo(created.value.id, onProgress);
    } catch (error) {
      // A half-filled demo helps nobody: take it away again.
      await this.service.remove(created.value.id, created.value.name);
      this.workspaces = await this.service.list();
      return fail(`Demodata kunne ikke indlæses: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.workspaces = await this.service.list();
    await this.open(created.value.id);
    return created;
  }

  /** Recreates a DEMO workspace's data from scratch, as it was when first loaded. */
  async resetDemo(id: string, onProgress?: JobOptions['onProgress']): Promise<void> {
    if (!this.workspaces.find((w) => w.id === id)?.isDemo) throw new Error('Only a demo workspace can be reset');
    if (id === this.#activeId) {
      this.db?.close({ disableAutoOpen: true });
      this.db = undefined;
    }
    await deleteWorkspaceDb(id);
    await this.#fillDemo(id, onProgress);
    await this.open(id);
  }

  async #fillDemo(id: string, onProgress?: JobOptions['onProgress']): Promise<void> {
    await runWorkerJob<'import'>(
      { kind: 'demo', dbName: workspaceDbName(id), request: { preset: 'default', seed: DEMO_SEED, importId: crypto.randomUUID(), importedAt: new Date().toISOString(), reviews: true } },
      onProgress ? { onProgress } : {},
    );
  }

  stop(): void {
    this.#subscription?.unsubscribe();
    this.db?.close();
    this.#catalog?.close();
  }
}

export const session = new Session();
