import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { ActionStatus, FocusArea, ImprovementAction } from '../../domain/review/plan';
import { ActionState } from './action.svelte';

export interface ActionDraft {
  text: string;
  owner: string;
  deadline: string;
}

/** Udviklingsplan: the focus areas and their actions; every change reloads the plan. */
export class PlanState extends ActionState {
  areas = $state.raw<FocusArea[]>([]);
  actions = $state.raw<ImprovementAction[]>([]);
  loaded = $state(false);
  #worker = new WorkerSession();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    await this.act(async () => ({ areas: this.areas, actions: this.actions } = await this.workspace.loadPlan()));
    this.loaded = true;
  }

  /** Runs a change and shows the plan as it is after it; false when it failed (the message is in `error`). */
  async #change(work: () => Promise<unknown>): Promise<boolean> {
    const done = await this.act(async () => {
      await work();
      ({ areas: this.areas, actions: this.actions } = await this.workspace.loadPlan());
      return true;
    });
    return done === true;
  }

  addFocusArea = (title: string) => this.#change(() => this.workspace.addFocusArea({ title, questions: [], rules: [], from: null }));
  addAction = (focusArea: string, draft: ActionDraft) => this.#change(() => this.workspace.addAction({ focusArea, ...draft }));
  setStatus = (id: string, status: ActionStatus) => this.#change(() => this.workspace.setActionStatus(id, status));
  renameFocusArea = (id: string, title: string) => this.#change(() => this.workspace.renameFocusArea(id, title));
  /** Deletes the focus area with its actions; the page asks first. */
  deleteFocusArea = (id: string) => this.#change(() => this.workspace.deleteFocusArea(id));
  editAction = (id: string, draft: ActionDraft) => this.#change(() => this.workspace.editAction(id, draft));
  /** Deletes the action; the page asks first. */
  deleteAction = (id: string) => this.#change(() => this.workspace.deleteAction(id));

  async statusWorkbook(today: string, demo: boolean): Promise<Uint8Array | undefined> {
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'planWorkbook', db: this.workspace.db, today, demo })).bytes);
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
