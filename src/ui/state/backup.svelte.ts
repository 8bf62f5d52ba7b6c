import { readBackupHeader, type BackupHeaderInfo, type BackupMade } from '../../app/backup';
import { runWorkerJob } from '../../app/worker-client';
import { workspaceDbName } from '../../app/workspaces';
import { DEFAULT_REMINDER_DAYS, restoredName, validatePassphrase, type BackupManifest } from '../../domain/backup';
import type { Workspace } from '../../domain/workspace';
import { downloadBlob } from '../download';
import { ActionState } from './action.svelte';
import { session, type RestoreTarget } from './session.svelte';
import { currentUser } from './user.svelte';

/** How many days may pass before a backup is reminded about: a setting of this browser profile. */
class BackupSettings extends ActionState {
  reminderDays = $state(DEFAULT_REMINDER_DAYS);
  saved = $state('');

  async load(): Promise<void> {
    await this.act(async () => (this.reminderDays = await session.service.backupReminderDays()));
  }

  async save(days: number): Promise<void> {
    this.saved = '';
    await this.act(async () => {
      const result = await session.service.setBackupReminderDays(days);
      if (!result.ok) throw new Error(result.message);
      this.reminderDays = result.value;
      this.saved = 'Gemt.';
    });
  }
}

export const backupSettings = new BackupSettings();

/** Making one backup: the passphrase typed twice (or "uden adgangskode"), a progress bar, the download. */
export class BackupMaker extends ActionState {
  encrypt = $state(true);
  passphrase = $state('');
  repeated = $state('');
  progress = $state<{ done: number; total: number } | undefined>();

  async make(workspace: Workspace): Promise<BackupMade | undefined> {
    let passphrase: string | null = null;
    if (this.encrypt) {
      const valid = validatePassphrase(this.passphrase, this.repeated);
      if (!valid.ok) {
        this.error = valid.message;
        return undefined;
      }
      passphrase = valid.value;
    }
    // A locked workspace is read with its key, which only the open one has.
    const open = session.workspace?.id === workspace.id ? session.workspace : undefined;
    if (workspace.locked && !open?.db.key) {
      this.error = `"${workspace.name}" er låst. Åbn det og lås det op, før du tager en sikkerhedskopi.`;
      return undefined;
    }
    this.progress = { done: 0, total: 0 };
    try {
      return await this.act(async () => {
        const { made } = await runWorkerJob<'backup'>(
          { kind: 'backup', db: open?.db ?? { name: workspaceDbName(workspace.id) }, workspace: $state.snapshot(workspace), passphrase, by: currentUser.name },
          { onProgress: (_stage, done, total) => (this.progress = { done, total }) },
        );
        await session.service.markBackedUp(workspace.id, made.createdAt);
        downloadBlob(made.blob, made.fileName);
        this.passphrase = this.repeated = '';
        return made;
      });
    } finally {
      this.progress = undefined;
    }
  }
}

const STAGES: Record<string, string> = {
  restore: 'Gendanner data fra sikkerhedskopien',
  upgrade: 'Opdaterer data fra en ældre udgave',
  columns: 'Gør sagerne klar til screening',
};

/** Restoring a backup: the file, its passphrase, what it holds, where it goes, a progress bar. */
export class RestoreFlow extends ActionState {
  file = $state.raw<File | undefined>();
  header = $state.raw<BackupHeaderInfo | undefined>();
  passphrase = $state('');
  manifest = $state.raw<BackupManifest | undefined>();
  mode = $state<'new' | 'replace'>('new');
  name = $state('');
  replaceId = $state('');
  typedName = $state('');
  progress = $state<{ label: string; done: number; total: number } | undefined>();

  reset(): void {
    this.file = this.header = this.manifest = undefined;
    this.passphrase = this.name = this.typedName = this.replaceId = '';
    this.mode = 'new';
    this.error = '';
  }

  async pick(file: File | undefined): Promise<void> {
    this.reset();
    if (!file) return;
    await this.act(async () => {
      const header = await readBackupHeader(file);
      if (!header.ok) throw new Error(header.message);
      this.file = file;
      this.header = header.value;
      if (!header.value.encrypted) await this.#inspect(null);
    });
  }

  async unlock(): Promise<void> {
    await this.act(() => this.#inspect(this.passphrase));
  }

  async #inspect(passphrase: string | null): Promise<void> {
    const { result } = await runWorkerJob<'inspectBackup'>({ kind: 'inspectBackup', file: this.file!, passphrase });
    if (!result.ok) throw new Error(result.message);
    this.manifest = result.value;
    this.name = restoredName(result.value.workspace.name, new Date(), session.workspaces.map((w) => w.name));
  }

  /** Restores the file; the workspace restored, or undefined with the reason in `error`. */
  async restore(): Promise<Workspace | undefined> {
    const { file, manifest } = this;
    if (!file || !manifest) return undefined;
    const target: RestoreTarget = this.mode === 'new' ? { kind: 'new', name: this.name } : { kind: 'replace', id: this.replaceId, typedName: this.typedName };
    this.progress = { label: STAGES.restore!, done: 0, total: 0 };
    try {
      return await this.act(async () => {
        const passphrase = this.header?.encrypted ? this.passphrase : null;
        const result = await session.restoreBackup(file, passphrase, manifest, target, (stage, done, total) => (this.progress = { label: STAGES[stage] ?? STAGES.restore!, done, total }));
        if (!result.ok) throw new Error(result.message);
        this.reset();
        return result.value;
      });
    } finally {
      this.progress = undefined;
    }
  }
}
