import type { OpenWorkspace } from '../../app/open-workspace';
import { previewCopenhagen, previewSample, type Redraw, type SamplingFrame } from '../../app/sampling';
import { requestFor, type SampleForm } from '../../app/sample-form';
import { WorkerSession } from '../../app/worker-client';
import type { RoundRecord, SampleRecord } from '../../domain/records';
import { ActionState, messageOf } from './action.svelte';
import type { FrameCase, Quarter } from '../../domain/sampling/frame';

/** The Samples page's state: the frame (every case, small), the rounds drawn, and the one opened. */
export class SamplingState extends ActionState {
  frame = $state.raw<SamplingFrame | undefined>();
  loading = $state<{ done: number; total: number } | undefined>();
  rounds = $state.raw<{ round: RoundRecord; sample: SampleRecord }[]>([]);
  drawnBy = $state('');
  redraw = $state.raw<Redraw | undefined>();
  #worker = new WorkerSession();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    this.error = '';
    try {
      this.drawnBy = await this.workspace.drawnBy();
      this.rounds = await this.workspace.listRounds();
      const cases: FrameCase[] = [];
      this.loading = { done: 0, total: 0 };
      const answer = await this.#worker.run<'sampleFrame'>({ kind: 'sampleFrame', db: this.workspace.db }, {
        onChunk: (items) => {
          cases.push(...(items as FrameCase[]));
          this.loading = { done: cases.length, total: 0 };
        },
      });
      this.frame = { cases, riskScreening: answer.riskScreening };
    } catch (error) {
      this.error = `Sagerne kunne ikke hentes: ${messageOf(error)}`;
    } finally {
      this.loading = undefined;
    }
  }

  get samples(): SampleRecord[] {
    return this.rounds.map((r) => r.sample);
  }

  /** What the form would draw now; an error message instead when it cannot. */
  preview(form: SampleForm, seed: number, today: string) {
    if (!this.frame) return undefined;
    try {
      const request = requestFor(form, today);
      return { request, ...previewSample(this.frame, request.selection, request.design, seed, this.samples, new Date().toISOString()) };
    } catch (error) {
      return { error: messageOf(error) };
    }
  }

  previewCopenhagen(quarter: Quarter, seed: number, form: SampleForm) {
    if (!this.frame) return undefined;
    return previewCopenhagen(this.frame, { quarter, seed, excludeClosed: form.excludeClosed, reviewedWithinMonths: form.reviewedWithinMonths || null }, this.samples, new Date().toISOString());
  }

  async #rememberName(): Promise<void> {
    await this.workspace.setDrawnBy(this.drawnBy);
  }

  /** Draws and stores; returns the id of the (first) sample made. */
  async draw(form: SampleForm, seed: number, today: string, name: string): Promise<string | undefined> {
    return this.act(async () => {
      const request = requestFor(form, today);
      const { sample } = await this.workspace.drawRound(this.frame!, { round: name.trim() || request.name, level: null, period: request.period, design: request.design, seed, selection: request.selection, drawnBy: this.drawnBy });
      await this.#rememberName();
      this.rounds = await this.workspace.listRounds();
      return sample.id;
    });
  }

  async drawCopenhagen(quarter: Quarter, seed: number, form: SampleForm): Promise<string | undefined> {
    return this.act(async () => {
      const made = await this.workspace.drawCopenhagen(this.frame!, { quarter, seed, drawnBy: this.drawnBy, excludeClosed: form.excludeClosed, reviewedWithinMonths: form.reviewedWithinMonths || null });
      await this.#rememberName();
      this.rounds = await this.workspace.listRounds();
      return made[0]!.sample.id;
    });
  }

  async drawAgain(sampleId: string): Promise<void> {
    this.redraw = undefined;
    this.redraw = await this.act(() => this.workspace.redrawSample(this.frame!, sampleId));
  }

  /** Another sample opened: what was said about the last one no longer applies. */
  forget(): void {
    this.redraw = undefined;
    this.error = '';
  }

  async extend(sampleId: string, size: number): Promise<boolean> {
    const done = await this.act(() => this.workspace.extendSample(this.frame!, sampleId, size));
    if (done) this.rounds = await this.workspace.listRounds();
    return done !== undefined;
  }

  async outOfScope(sampleId: string, caseNumber: string): Promise<string | undefined> {
    const done = await this.act(() => this.workspace.replaceOutOfScope(this.frame!, sampleId, caseNumber));
    if (done) this.rounds = await this.workspace.listRounds();
    return done?.replacement?.caseNumber;
  }

  async workbook(sampleId: string, demo: boolean): Promise<Uint8Array | undefined> {
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'sampleWorkbook', db: this.workspace.db, sampleId, demo })).bytes);
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
