import type { OpenWorkspace } from '../../app/open-workspace';
import type { StorageReport } from '../../app/storage-report';
import { runWorkerJob } from '../../app/worker-client';
import { workspaceDbName } from '../../app/workspaces';
import type { Workspace } from '../../domain/workspace';
import { ActionState } from './action.svelte';

/** Indstillinger → Lagring: what each workspace stores, and what the active one keeps or lets go. */
export class StorageState extends ActionState {
  report = $state.raw<StorageReport | undefined>();
  /** Bytes per workspace id, as they are counted. */
  sizes = $state.raw<Map<string, number>>(new Map());
  keepScreenings = $state(5);
  keepFiles = $state(true);
  saved = $state('');

  constructor(private readonly workspace: OpenWorkspace | undefined) {
    super();
  }

  async load(workspaces: readonly Workspace[]): Promise<void> {
    await this.act(async () => {
      if (this.workspace) {
        [this.keepScreenings, this.keepFiles] = await Promise.all([this.workspace.keepScreenings(), this.workspace.keepImportFiles()]);
        await this.#refresh();
      }
      for (const w of workspaces) {
        if (w.id === this.workspace?.id) continue;
        // Counted as stored: a locked workspace that is not open is counted without its key.
        const { bytes } = await runWorkerJob<'storageSize'>({ kind: 'storageSize', db: { name: workspaceDbName(w.id) } });
        this.sizes = new Map(this.sizes).set(w.id, bytes);
      }
    });
  }

  async #refresh(): Promise<void> {
    const { report } = await runWorkerJob<'storageReport'>({ kind: 'storageReport', db: this.workspace!.db });
    this.report = report;
    this.sizes = new Map(this.sizes).set(this.workspace!.id, report.bytes);
  }

  async deleteScreening(id: string): Promise<void> {
    await this.act(async () => {
      await this.workspace!.deleteScreening(id);
      await this.#refresh();
    });
  }

  async deleteImportFile(id: string): Promise<void> {
    await this.act(async () => {
      await this.workspace!.deleteImportFile(id);
      await this.#refresh();
    });
  }

  async saveKeeping(): Promise<void> {
    this.saved = '';
    const done = await this.act(async () => {
      await this.workspace!.setKeepScreenings(this.keepScreenings);
      await this.workspace!.setKeepImportFiles(this.keepFiles);
      return true;
    });
    if (done) this.saved = 'Gemt.';
  }
}
