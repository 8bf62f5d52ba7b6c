import type { OpenWorkspace } from '../../app/open-workspace';
import type { ReportChoices, ReportRequest } from '../../app/report-compose';
import { WorkerSession } from '../../app/worker-client';
import type { ScreeningRecord } from '../../domain/records';
import type { Report, ReportSummary } from '../../domain/report/snapshot';
import { ActionState } from './action.svelte';

/** Rapporter: the stored reports, what a new one can hold, and the one opened. */
export class ReportsState extends ActionState {
  reports = $state.raw<ReportSummary[]>([]);
  screenings = $state.raw<ScreeningRecord[]>([]);
  choices = $state.raw<ReportChoices | undefined>();
  opened = $state.raw<Report | undefined>();
  loaded = $state(false);
  #worker = new WorkerSession();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    await this.act(async () => {
      const [reports, screenings, chosen] = await Promise.all([this.workspace.listReports(), this.workspace.listScreenings(), this.workspace.chosenScreening()]);
      this.reports = reports;
      this.screenings = screenings.filter((s) => s.purpose !== 'deadlines');
      await this.loadChoices(chosen?.id ?? this.screenings[0]?.id ?? null);
    });
    this.loaded = true;
  }

  /** The units, quarters and rounds a report from this screening (or none) can hold. */
  async loadChoices(screeningId: string | null): Promise<void> {
    const answer = await this.act(() => this.#worker.run<'reportChoices'>({ kind: 'reportChoices', db: this.workspace.db, screeningId }));
    if (answer) this.choices = answer.choices;
  }

  /** Composes the report in the worker, stores it, and opens it; its id, or undefined when it failed. */
  async create(request: ReportRequest): Promise<string | undefined> {
    return this.act(async () => {
      const { report } = await this.#worker.run<'composeReport'>({ kind: 'composeReport', db: this.workspace.db, request });
      await this.workspace.storeReport(report);
      this.reports = await this.workspace.listReports();
      this.opened = report;
      return report.id;
    });
  }

  async open(id: string): Promise<void> {
    if (this.opened?.id === id) return;
    const report = await this.act(() => this.workspace.getReport(id));
    this.opened = report;
    if (!report && !this.error) this.error = 'Rapporten findes ikke længere.';
  }

  async remove(id: string): Promise<boolean> {
    const done = await this.act(async () => {
      await this.workspace.deleteReport(id);
      this.reports = await this.workspace.listReports();
      return true;
    });
    if (done && this.opened?.id === id) this.opened = undefined;
    return done === true;
  }

  workbook(reportId: string): Promise<Uint8Array | undefined> {
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'reportWorkbook', db: this.workspace.db, reportId })).bytes);
  }

  screeningWorkbook(screeningId: string, demo: boolean): Promise<Uint8Array | undefined> {
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'screeningWorkbook', db: this.workspace.db, screeningId, demo })).bytes);
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
