import { WorkerSession } from '../../app/worker-client';
import type { ScreeningRecord } from '../../db/records';
import type { WorkspaceDb } from '../../db/workspace-db';
import type { DataQuality } from '../../domain/rules/data-quality';
import type { DeadlineItem } from '../../domain/rules/deadlines';
import type { Grouping, RuleSummary } from '../../domain/rules/summary';
import type { RuleResult, RuleStatus } from '../../domain/rules/types';

export interface Drill {
  ruleId: string;
  status?: RuleStatus;
  by?: Grouping;
  group?: string;
}

/** The screening page's state: the latest screening, and what the user drilled into. The results stay in the worker. */
export class ScreeningState {
  record = $state.raw<ScreeningRecord | undefined>();
  running = $state(false);
  progress = $state<{ stage: string; done: number; total: number } | undefined>();
  error = $state('');
  ruleId = $state<string | undefined>();
  by = $state<Grouping>('unit');
  groups = $state.raw<(RuleSummary & { group: string })[]>([]);
  drill = $state.raw<Drill | undefined>();
  subjects = $state.raw<{ total: number; results: RuleResult[] } | undefined>();
  items = $state.raw<DeadlineItem[] | undefined>();
  quality = $state.raw<DataQuality | undefined>();
  #worker = new WorkerSession();
  /** A second worker screens half of the cases where the machine has a second core. */
  #helper = navigator.hardwareConcurrency > 1 ? new WorkerSession() : undefined;

  constructor(private readonly db: WorkspaceDb, private readonly dbName: string) {
    this.#worker.start();
    this.#helper?.start();
  }

  async loadLatest(): Promise<void> {
    this.record = await this.db.screenings.orderBy('createdAt').last();
  }

  async run(asOf: string): Promise<void> {
    this.running = true;
    this.error = '';
    this.ruleId = undefined;
    this.drill = undefined;
    this.quality = undefined;
    try {
      const channel = this.#helper ? new MessageChannel() : undefined;
      const [result] = await Promise.all([
        this.#worker.run<'screen'>(
          { kind: 'screen', dbName: this.dbName, request: { id: crypto.randomUUID(), asOf, createdAt: new Date().toISOString() }, helper: channel?.port1 },
          { onProgress: (stage, done, total) => (this.progress = { stage, done, total }) },
        ),
        channel && this.#helper!.run<'screenPart'>({ kind: 'screenPart', dbName: this.dbName, port: channel.port2 }),
      ]);
      this.record = result.record;
    } catch (error) {
      this.error = `Screeningen mislykkedes: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.running = false;
      this.progress = undefined;
    }
  }

  async selectRule(ruleId: string, by: Grouping = this.by): Promise<void> {
    if (!this.record) return;
    this.ruleId = ruleId;
    this.by = by;
    this.groups = (await this.#worker.run<'screeningGroups'>({ kind: 'screeningGroups', dbName: this.dbName, screeningId: this.record.id, ruleId, by })).groups;
  }

  async open(drill: Drill): Promise<void> {
    if (!this.record) return;
    this.drill = drill;
    this.subjects = undefined;
    const answer = await this.#worker.run<'screeningSubjects'>({ kind: 'screeningSubjects', dbName: this.dbName, screeningId: this.record.id, query: drill });
    this.subjects = { total: answer.total, results: answer.results };
  }

  /** The open steps of the latest screening; a screening at `today` is run first when there is none. */
  async loadQuality(): Promise<void> {
    if (!this.record) return;
    this.quality = (await this.#worker.run<'dataQuality'>({ kind: 'dataQuality', dbName: this.dbName, screeningId: this.record.id })).quality;
  }

  async loadDeadlines(today: string): Promise<void> {
    await this.loadLatest();
    if (this.record?.asOf !== today) await this.run(today);
    if (!this.record) return;
    this.items = (await this.#worker.run<'deadlines'>({ kind: 'deadlines', dbName: this.dbName, screeningId: this.record.id })).items;
  }

  async deadlineWorkbook(unit: string, demo: boolean): Promise<Uint8Array> {
    return (await this.#worker.run<'xlsx'>({ kind: 'deadlineWorkbook', dbName: this.dbName, screeningId: this.record!.id, unit, demo })).bytes;
  }

  dispose(): void {
    this.#worker.terminate();
    this.#helper?.terminate();
  }
}
