import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { RoundRecord, SampleRecord } from '../../domain/records';
import { ActionState, messageOf } from './action.svelte';
import type { ReviewAnswer } from '../../domain/review/answers';
import type { Answer, QuestionTemplate } from '../../domain/review/templates';
import type { RuleStatus } from '../../domain/rules/types';
import type { HandoverChange, HandoverReading } from '../../domain/review/answers';


/** The review pages' state: the rounds, and the one opened with its answers. Every answer is saved as it is given. */
export class ReviewState extends ActionState {
  rounds = $state.raw<{ round: RoundRecord; sample: SampleRecord }[]>([]);
  templates = $state.raw<QuestionTemplate[]>([]);
  answers = $state.raw<Map<string, ReviewAnswer>>(new Map());
  /** The round whose answers `answers` holds; '' while they are on their way. */
  answersRound = $state('');
  /** Per case, the latest screening's statuses per rule. */
  statuses = $state.raw<Map<string, Map<string, RuleStatus[]>>>(new Map());
  screeningAsOf = $state<string | null>(null);
  /** A workbook read back, for the round it was read for. */
  reading = $state.raw<(HandoverReading & { roundId: string }) | undefined>();
  /** Per change of `reading`, whether it is to be saved: conflicts only when the user says so. */
  accepted = $state<boolean[]>([]);
  loaded = $state(false);
  #worker = new WorkerSession();

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  async load(): Promise<void> {
    try {
      [this.rounds, this.templates] = await Promise.all([this.workspace.listRounds(), this.workspace.listTemplates()]);
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.loaded = true;
    }
  }

  entry(roundId: string) {
    return this.rounds.find((r) => r.round.id === roundId);
  }

  /** Opens a round: its answers, and the screening results of its cases. */
  #opened = '';

  async open(roundId: string): Promise<void> {
    this.#opened = roundId;
    this.reading = undefined;
    this.accepted = [];
    this.error = '';
    this.answers = new Map();
    this.answersRound = '';
    this.statuses = new Map();
    const entry = this.entry(roundId);
    if (!entry) return;
    const answers = await this.act(async () => new Map((await this.workspace.answersOf(roundId)).map((a) => [`${a.caseNumber}|${a.questionId}`, a])));
    if (!answers) return;
    // Another round opened meanwhile: its answers are the ones to show.
    if (this.#opened !== roundId) return;
    this.answers = answers;
    this.answersRound = roundId;
    const screening = await this.workspace.chosenScreening();
    this.screeningAsOf = screening?.asOf ?? null;
    if (!screening) return;
    try {
      const answer = await this.#worker.run<'caseStatuses'>({ kind: 'caseStatuses', db: this.workspace.db, screeningId: screening.id, caseNumbers: entry.sample.cases.map((c) => c.caseNumber) });
      if (this.#opened === roundId) this.statuses = new Map(answer.statuses.map(([c, rules]) => [c, new Map(rules)]));
    } catch (error) {
      this.error = `Screeningens resultater kunne ikke hentes: ${messageOf(error)}`;
    }
  }

  async setUp(roundId: string, templateId: string, reviewers: string[]): Promise<boolean> {
    const done = await this.act(() => this.workspace.setUpRound(roundId, templateId, reviewers));
    if (done) this.rounds = await this.workspace.listRounds();
    return done !== undefined;
  }

  answerOf(caseNumber: string, questionId: string): ReviewAnswer | undefined {
    return this.answers.get(`${caseNumber}|${questionId}`);
  }

  /** Saves the answer or the comment at once; the map is replaced, so everything that shows answers updates. */
  async answer(roundId: string, caseNumber: string, questionId: string, change: { answer: Answer | null } | { comment: string }, by: string): Promise<void> {
    const saved = await this.act(() => this.workspace.saveAnswer({ roundId, caseNumber, questionId, ...change }, by));
    if (saved && this.#opened === roundId) this.answers = new Map(this.answers).set(`${caseNumber}|${questionId}`, saved);
  }

  async handoverWorkbook(roundId: string, demo: boolean): Promise<Uint8Array | undefined> {
    return this.act(async () => (await this.#worker.run<'xlsx'>({ kind: 'handoverWorkbook', db: this.workspace.db, roundId, demo })).bytes);
  }

  async readHandover(roundId: string, file: File): Promise<void> {
    this.reading = undefined;
    const reading = await this.act(async () => (await this.#worker.run<'readHandover'>({ kind: 'readHandover', db: this.workspace.db, roundId, bytes: await file.arrayBuffer() })).reading);
    if (reading && this.#opened === roundId) {
      this.reading = { ...reading, roundId };
      this.accepted = reading.changes.map((c) => c.kind !== 'conflict');
    }
  }

  /** Ticks (or unticks) every change of one kind: all new answers, all changed ones, or all conflicts. */
  acceptAll(kind: HandoverChange['kind'], accept: boolean): void {
    this.accepted = (this.reading?.changes ?? []).map((c, i) => (c.kind === kind ? accept : (this.accepted[i] ?? false)));
  }

  /** How many changes of a kind there are, and how many of them are ticked. */
  kindCount(kind: HandoverChange['kind']): { total: number; accepted: number } {
    const changes = this.reading?.changes ?? [];
    return { total: changes.filter((c) => c.kind === kind).length, accepted: changes.filter((c, i) => c.kind === kind && this.accepted[i]).length };
  }

  /** Saves the ticked changes of the workbook read back. */
  async applyHandover(roundId: string): Promise<number | undefined> {
    const accepted = (this.reading?.changes ?? []).filter((_, i) => this.accepted[i]);
    const applied = await this.act(() => this.workspace.applyHandover(roundId, accepted));
    if (applied !== undefined) {
      this.reading = undefined;
      await this.open(roundId);
    }
    return applied;
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
