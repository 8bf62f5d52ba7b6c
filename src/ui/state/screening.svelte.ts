import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { ScreeningPurpose, ScreeningRecord } from '../../domain/records';
import type { DataQuality } from '../../domain/rules/data-quality';
import type { DeadlineItem } from '../../domain/rules/deadlines';
import type { WorkListOptions } from '../../domain/rules/work-list';
import type { Grouping, RuleSummary } from '../../domain/rules/summary';
import type { RuleResult, RuleStatus } from '../../domain/rules/types';
import { ActionState, messageOf } from './action.svelte';

export interface Drill {
  ruleId: string;
  status?: RuleStatus;
  by?: Grouping;
  group?: string;
}

/**
 * The screening pages' state: the screening shown (the one the user ran or chose; Frister's own
 * for today), and what the user drilled into. The results stay in the worker.
 */
export class ScreeningState extends ActionState {
  record = $state.raw<ScreeningRecord | undefined>();
  /** The user's stored screenings, newest first, to choose from. */
  screenings = $state.raw<ScreeningRecord[]>([]);
  loaded = $state(false);
  progress = $state<{ stage: string; done: number; total: number } | undefined>();
  ruleId = $state<string | undefined>();
  by = $state<Grouping>('unit');
  groups = $state.raw<(RuleSummary & { group: string })[]>([]);
  drill = $state.raw<Drill | undefined>();
  subjects = $state.raw<{ total: number; results: RuleResult[] } | undefined>();
  items = $state.raw<DeadlineItem[] | undefined>();
  quality = $state.raw<DataQuality | undefined>();
  /** A screening run here until it is stored: the workers are let go only after it. */
  #storing: Promise<unknown> = Promise.resolve();
  #worker = new WorkerSession();
  /** A second worker screens half of the cases where the machine has a second core. */
  #helper = navigator.hardwareConcurrency > 1 ? new WorkerSession() : undefined;

  constructor(private readonly workspace: OpenWorkspace) {
    super();
    this.#worker.start();
    this.#helper?.start();
  }

  #forget(): void {
    this.ruleId = undefined;
    this.drill = undefined;
    this.subjects = undefined;
    this.quality = undefined;
  }

  #unwatch: (() => void) | undefined;

  /** The screening the pages use, and the list to choose from; kept up to date when a screening is stored (here, by an earlier visit's worker or in another tab). */
  async loadChosen(): Promise<void> {
    await this.act(async () => {
      [this.record, this.screenings] = await Promise.all([this.workspace.chosenScreening(), this.#userScreenings()]);
    });
    this.loaded = true;
    this.#unwatch = this.workspace.watchChosenScreening((record) => {
      if (this.busy || !record || record.id === this.record?.id) return;
      this.record = record;
      this.#forget();
      void this.#userScreenings().then((list) => (this.screenings = list));
    });
  }

  async #userScreenings(): Promise<ScreeningRecord[]> {
    return (await this.workspace.listScreenings()).filter((s) => (s.purpose ?? 'user') === 'user');
  }

  async choose(id: string): Promise<void> {
    await this.act(async () => {
      this.record = await this.workspace.chooseScreening(id);
      this.#forget();
    });
  }

  /** Screens at `asOf`. A user's screening becomes the one the pages use once it is stored; Frister's never does. */
  run(asOf: string, purpose: ScreeningPurpose = 'user'): Promise<void> {
    this.#forget();
    const running = this.act(async () => {
      try {
        const channel = this.#helper ? new MessageChannel() : undefined;
        const [result] = await Promise.all([
          this.#worker.run<'screen'>(
            { kind: 'screen', db: this.workspace.db, request: { id: crypto.randomUUID(), asOf, createdAt: new Date().toISOString(), purpose, by: this.workspace.user }, helper: channel?.port1 },
            { onProgress: (stage, done, total) => (this.progress = { stage, done, total }) },
          ),
          channel && this.#helper!.run<'screenPart'>({ kind: 'screenPart', db: this.workspace.db, port: channel.port2 }),
        ]);
        this.record = result.record;
        return result.record.id;
      } catch (error) {
        throw new Error(`Screeningen mislykkedes: ${messageOf(error)}`);
      } finally {
        this.progress = undefined;
      }
    });
    // Until it is stored the screening lives only in the worker: the workers are let go after that.
    this.#storing = running.then((id) => id && this.#worker.run<'screenStored'>({ kind: 'screenStored', screeningId: id }).then(
      async () => (this.screenings = await this.#userScreenings()),
      (error: unknown) => (this.error = `Screeningen kunne ikke gemmes og er ikke gemt: ${messageOf(error)} Kør den igen.`),
    ));
    return running.then(() => undefined);
  }

  async selectRule(ruleId: string, by: Grouping = this.by): Promise<void> {
    const record = this.record;
    if (!record) return;
    this.ruleId = ruleId;
    this.by = by;
    await this.act(async () => {
      this.groups = (await this.#worker.run<'screeningGroups'>({ kind: 'screeningGroups', db: this.workspace.db, screeningId: record.id, ruleId, by })).groups;
    });
  }

  async open(drill: Drill): Promise<void> {
    const record = this.record;
    if (!record) return;
    this.drill = drill;
    this.subjects = undefined;
    await this.act(async () => {
      const answer = await this.#worker.run<'screeningSubjects'>({ kind: 'screeningSubjects', db: this.workspace.db, screeningId: record.id, query: drill });
      if (this.drill === drill) this.subjects = { total: answer.total, results: answer.results };
    });
  }

  async loadQuality(): Promise<void> {
    const record = this.record;
    if (!record) return;
    await this.act(async () => {
      this.quality = (await this.#worker.run<'dataQuality'>({ kind: 'dataQuality', db: this.workspace.db, screeningId: record.id })).quality;
    });
  }

  /** The open steps at `asOf` (today, or an old extract's date): from a stored screening at that date of the data as it is now, or from one Frister runs for itself. */
  async loadDeadlines(asOf: string): Promise<void> {
    this.items = undefined;
    await this.act(async () => {
      this.record = await this.workspace.currentScreeningAt(asOf);
    });
    if (!this.record) await this.run(asOf, 'deadlines');
    const record = this.record;
    if (!record) return;
    await this.act(async () => {
      this.items = (await this.#worker.run<'deadlines'>({ kind: 'deadlines', db: this.workspace.db, screeningId: record.id })).items;
    });
  }

  async deadlineWorkbook(options: WorkListOptions, unit: string, caseworker: string, demo: boolean): Promise<Uint8Array | undefined> {
    const record = this.record;
    if (!record) return undefined;
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'deadlineWorkbook', db: this.workspace.db, screeningId: record.id, options, unit, caseworker, demo })).bytes);
  }

  /** Lets the workers go, once a screening they are storing is stored: leaving the page throws no work away. */
  dispose(): void {
    this.#unwatch?.();
    void this.#storing.finally(() => {
      this.#worker.terminate();
      this.#helper?.terminate();
    });
  }
}
