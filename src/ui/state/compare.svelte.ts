import type { RoundComparison } from '../../app/compare';
import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { RuleComparison } from '../../domain/compare';
import type { RoundRecord, SampleRecord, ScreeningRecord } from '../../domain/records';
import type { RuleResult } from '../../domain/rules/types';
import { ActionState } from './action.svelte';

export type CompareKind = 'screenings' | 'rounds';

/** The cases behind a number of the comparison: one screening's breached results of a rule, in a unit or all. */
export interface CompareDrill {
  screeningId: string;
  ruleId: string;
  unit?: string;
}

/** Sammenlign's state: what can be compared, the two chosen, and the comparison. The screenings' results stay in the worker. */
export class CompareState extends ActionState {
  kind = $state<CompareKind>('screenings');
  screenings = $state.raw<ScreeningRecord[]>([]);
  rounds = $state.raw<{ round: RoundRecord; sample: SampleRecord }[]>([]);
  before = $state('');
  after = $state('');
  rules = $state.raw<RuleComparison[] | undefined>();
  roundRows = $state.raw<RoundComparison | undefined>();
  drill = $state.raw<CompareDrill | undefined>();
  subjects = $state.raw<{ total: number; results: RuleResult[] } | undefined>();
  loaded = $state(false);
  #worker = new WorkerSession();
  /** The comparison asked for last: an earlier one that answers later is not shown. */
  #asked = '';

  constructor(private readonly workspace: OpenWorkspace) {
    super();
  }

  /** The stored screenings (the user's, oldest first) and the rounds set up for review; the newest two chosen. */
  async load(): Promise<void> {
    await this.act(async () => {
      const [screenings, rounds] = await Promise.all([this.workspace.listScreenings(), this.workspace.listRounds()]);
      this.screenings = screenings.filter((s) => (s.purpose ?? 'user') === 'user').sort((a, b) => a.asOf.localeCompare(b.asOf) || a.createdAt.localeCompare(b.createdAt));
      this.rounds = rounds.filter((r) => r.round.review);
    });
    this.loaded = true;
    this.setKind(this.kind);
  }

  /** Chooses the kind and suggests the newest two of it (the second newest before the newest). */
  setKind(kind: CompareKind): void {
    this.kind = kind;
    const ids = kind === 'screenings' ? this.screenings.map((s) => s.id) : this.rounds.map((r) => r.round.id);
    this.before = ids.at(-2) ?? '';
    this.after = ids.at(-1) ?? '';
    void this.compare();
  }

  async compare(): Promise<void> {
    this.rules = undefined;
    this.roundRows = undefined;
    this.drill = undefined;
    this.subjects = undefined;
    const { kind, before, after } = this;
    if (!before || !after) return;
    const asked = (this.#asked = `${kind}|${before}|${after}`);
    await this.act(async () => {
      if (kind === 'screenings') {
        const answer = await this.#worker.run<'compareScreenings'>({ kind: 'compareScreenings', db: this.workspace.db, before, after });
        if (this.#asked === asked) this.rules = answer.rules;
      } else {
        const answer = await this.workspace.compareRounds(before, after);
        if (this.#asked === asked) this.roundRows = answer;
      }
    });
  }

  /** The breached results behind a number, up to 500. */
  async open(drill: CompareDrill): Promise<void> {
    this.drill = drill;
    this.subjects = undefined;
    await this.act(async () => {
      const query = { ruleId: drill.ruleId, status: 'breached' as const, ...(drill.unit !== undefined && { by: 'unit' as const, group: drill.unit }) };
      const answer = await this.#worker.run<'screeningSubjects'>({ kind: 'screeningSubjects', db: this.workspace.db, screeningId: drill.screeningId, query });
      if (this.drill === drill) this.subjects = answer;
    });
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
