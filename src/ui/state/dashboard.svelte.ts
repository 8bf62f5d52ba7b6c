import type { OpenWorkspace } from '../../app/open-workspace';
import type { OverviewFigures } from '../../domain/report/overview';
import { WorkerSession } from '../../app/worker-client';
import type { ScreeningRecord } from '../../domain/records';
import type { RoundCompliance } from '../../domain/report/review-compliance';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/report/thresholds';
import type { ComplianceTrend } from '../../domain/report/trend';
import { isOverdue, type ImprovementAction } from '../../domain/review/plan';
import { ActionState, messageOf } from './action.svelte';

/**
 * Overblik's state: the figures of the screening the pages use (made in a worker from its stored
 * results), the newest reviewed round's compliance, the plan's open actions, the heat map's
 * thresholds, and the trend, kept with the screening once computed.
 */
export class DashboardState extends ActionState {
  record = $state.raw<ScreeningRecord | undefined>();
  figures = $state.raw<OverviewFigures | undefined>();
  round = $state.raw<{ roundId: string; name: string; compliance: RoundCompliance } | undefined>();
  openActions = $state.raw<(ImprovementAction & { overdue: boolean })[]>([]);
  thresholds = $state.raw<Thresholds>(DEFAULT_THRESHOLDS);
  trend = $state.raw<ComplianceTrend | undefined>();
  trendProgress = $state<number | undefined>();
  trendError = $state('');
  /** Everything asked for has come (or failed): the charts can be drawn. */
  loaded = $state(false);
  #figuresWorker: WorkerSession | undefined;
  #trendWorker: WorkerSession | undefined;

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  #worker(): WorkerSession {
    return (this.#figuresWorker ??= new WorkerSession());
  }

  async load(today: string): Promise<void> {
    await this.act(async () => {
      const [record, round, plan, thresholds] = await Promise.all([
        this.workspace.chosenScreening(), this.workspace.latestRoundCompliance(), this.workspace.loadPlan(), this.workspace.heatMapThresholds(),
      ]);
      this.record = record;
      this.round = round;
      this.thresholds = thresholds;
      this.openActions = plan.actions.filter((a) => a.status !== 'done').map((a) => ({ ...a, overdue: isOverdue(a, today) }));
      this.trend = record?.trend;
      // A screening stored before the figures were kept with it: made from its results in a worker.
      if (record) this.figures = record.figures ?? (await this.#worker().run<'overview'>({ kind: 'overview', db: this.workspace.db, screeningId: record.id })).figures;
    });
    this.loaded = true;
  }

  /** Screens the cases as of each quarter end in a worker of its own, so the page stays usable; cancelling stops it. */
  async computeTrend(): Promise<void> {
    const record = this.record;
    if (!record || this.#trendWorker) return;
    const worker = (this.#trendWorker = new WorkerSession());
    worker.start();
    this.trendProgress = 0;
    this.trendError = '';
    try {
      this.trend = (await worker.run<'trend'>({ kind: 'trend', db: this.workspace.db, screeningId: record.id }, { onProgress: (_stage, done, total) => (this.trendProgress = total > 0 ? done / total : 0) })).trend;
    } catch (error) {
      if (this.#trendWorker === worker) this.trendError = `Udviklingen kunne ikke beregnes: ${messageOf(error)}`;
    } finally {
      if (this.#trendWorker === worker) {
        worker.terminate();
        this.#trendWorker = undefined;
        this.trendProgress = undefined;
      }
    }
  }

  cancelTrend(): void {
    this.#trendWorker?.terminate();
    this.#trendWorker = undefined;
    this.trendProgress = undefined;
  }

  dispose(): void {
    this.cancelTrend();
    this.#figuresWorker?.terminate();
  }
}
