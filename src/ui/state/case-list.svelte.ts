import type { OpenWorkspace } from '../../app/open-workspace';
import { runWorkerJob } from '../../app/worker-client';
import type { CaseSummary } from '../../domain/case-list';
import { ActionState, messageOf } from './action.svelte';

/** Sager: every case as a small summary, read in a worker in case-number order. */
export class CaseListState extends ActionState {
  all = $state.raw<CaseSummary[] | undefined>();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    const loaded: CaseSummary[] = [];
    await this.act(async () => {
      try {
        await runWorkerJob<'caseIndex'>({ kind: 'caseIndex', db: this.workspace.db }, { onChunk: (items) => void loaded.push(...(items as CaseSummary[])) });
      } catch (error) {
        throw new Error(`Sagerne kunne ikke hentes: ${messageOf(error)}`);
      }
      this.all = loaded;
    });
  }
}

/** Overblik: the active workspace's key figures. */
export class OverviewState extends ActionState {
  counts = $state<{ cases: number; imports: number } | undefined>();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    await this.act(async () => (this.counts = await this.workspace.counts()));
  }
}
