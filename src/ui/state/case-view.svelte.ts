import type { OpenWorkspace } from '../../app/open-workspace';
import type { CaseScreening } from '../../app/screening';
import { WorkerSession } from '../../app/worker-client';
import type { StoredCase } from '../../domain/records';
import { ActionState } from './action.svelte';

/** One case with its results in the screening the pages use, explained in the worker that holds the screening. */
export class CaseViewState extends ActionState {
  /** undefined while loading, null when the workspace has no such case. */
  stored = $state.raw<StoredCase | null | undefined>();
  screening = $state.raw<CaseScreening | null>(null);
  #worker = new WorkerSession();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  /** Loads a case with its results in `screeningId` (Frister links to its own), else in the screening the pages use. */
  async load(caseNumber: string, screeningId: string | null = null): Promise<void> {
    this.stored = undefined;
    this.screening = null;
    await this.act(async () => {
      const id = screeningId ?? (await this.workspace.chosenScreening())?.id ?? null;
      const view = await this.#worker.run<'caseView'>({ kind: 'caseView', db: this.workspace.db, caseNumber, screeningId: id });
      this.stored = view.case;
      this.screening = view.screening;
    });
    if (this.error) this.stored ??= null;
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
