import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { AuditEntry, ChainReport } from '../../domain/audit';
import { actionLabel, describeFilter, matchesFilter, NO_FILTER, type AuditFilter } from '../../domain/audit-labels';
import { compareDanish, formatCount } from '../../domain/format';
import { ActionState } from './action.svelte';

export const PAGE_SIZE = 100;

export interface LogView {
  entries: AuditEntry[];
  chain: ChainReport;
}

/**
 * The Log page: the open workspace's audit log (read and checked in the worker, sent in parts),
 * filtered and paged here, newest first; and this computer's log of workspaces.
 */
export class AuditLogState extends ActionState {
  /** Newest first, each with the text the free-text search looks in. */
  #all = $state.raw<{ entry: AuditEntry; text: string }[]>([]);
  chain = $state.raw<ChainReport | undefined>();
  computer = $state.raw<LogView | undefined>();
  filter = $state<AuditFilter>({ ...NO_FILTER });
  page = $state(0);
  exported = $state('');
  /** The workbook is being written (12,000 entries take seconds). */
  exporting = $state(false);
  #worker = new WorkerSession();

  constructor(
    private readonly workspace: OpenWorkspace | undefined,
    private readonly computerLog: () => Promise<LogView>,
  ) {
    super();
  }

  get total(): number {
    return this.#all.length;
  }

  readonly filtered = $derived(this.#all.filter((e) => matchesFilter(e.entry, this.filter, e.text)).map((e) => e.entry));
  readonly pages = $derived(Math.max(1, Math.ceil(this.filtered.length / PAGE_SIZE)));
  readonly shown = $derived(this.filtered.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  readonly users = $derived([...new Set(this.#all.map((e) => e.entry.by))].filter(Boolean).sort(compareDanish));
  readonly actions = $derived(
    [...new Set(this.#all.map((e) => e.entry.action))].map((value) => ({ value, label: actionLabel(value) })).sort((a, b) => compareDanish(a.label, b.label)),
  );

  async load(): Promise<void> {
    await this.act(async () => {
      this.computer = await this.computerLog();
      if (!this.workspace) return;
      const entries: { entry: AuditEntry; text: string }[] = [];
      const { chain } = await this.#worker.run<'auditLog'>({ kind: 'auditLog', db: this.workspace.db }, { onChunk: (items) => entries.push(...(items as typeof entries)) });
      this.#all = entries;
      this.chain = chain;
      this.page = Math.min(this.page, this.pages - 1);
    });
  }

  setFilter(change: Partial<AuditFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.page = 0;
  }

  clearFilter(): void {
    this.filter = { ...NO_FILTER };
    this.page = 0;
  }

  /** The entries the filter selects as a workbook; `onFile` hands it to the browser, then the export is logged and the log read again. */
  async exportXlsx(demo: boolean, onFile: (bytes: Uint8Array) => void): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    this.exported = '';
    this.exporting = true;
    const filter = $state.snapshot(this.filter);
    const done = await this.act(async () => {
      const { bytes, rows } = await this.#worker.run<'auditWorkbook'>({ kind: 'auditWorkbook', db: workspace.db, filter, exportedAt: new Date().toISOString(), demo });
      onFile(bytes);
      await workspace.logExport('auditLog', { rows, filter: describeFilter(filter) });
      return rows;
    });
    this.exporting = false;
    if (done !== undefined) {
      await this.load();
      this.exported = `Loggen er hentet med ${formatCount(done, 'post', 'poster')}. Eksporten står nu selv i loggen.`;
    }
  }

  dispose(): void {
    this.#worker.terminate();
  }
}
