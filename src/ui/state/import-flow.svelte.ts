import { applyProfile, mappingProblems, suggestColumns, suggestMapping } from '../../app/import-service';
import type { OpenWorkspace } from '../../app/open-workspace';
import { WorkerSession } from '../../app/worker-client';
import type { WorkbookSummary } from '../../app/worker-protocol';
import { suggestExtractDate } from '../../domain/extract-date';
import { ActionState } from './action.svelte';
import { session } from './session.svelte';
import { DEFAULT_IMPORT_LIMITS, tooLarge, type ImportLimits } from '../../domain/import-limits';
import type { ImportRecord } from '../../domain/records';
import type { ImportMapping, MappingProfile, SheetRole } from '../../domain/mapping';

export type ImportStep = 'choose' | 'reading' | 'mapping' | 'importing' | 'done';

export interface Progress {
  stage: string;
  done: number;
  total: number;
}

/** One import from file to report. The file stays in the worker; the page holds only its layout. */
export class ImportFlow extends ActionState {
  step = $state<ImportStep>('choose');
  summary = $state.raw<WorkbookSummary | undefined>();
  mapping = $state<ImportMapping>({ sheets: [] });
  profiles = $state.raw<MappingProfile[]>([]);
  recognised = $state.raw<MappingProfile | undefined>();
  keepFullCpr = $state(false);
  progress = $state<Progress | undefined>();
  record = $state.raw<ImportRecord | undefined>();
  /** The day the extract was taken: suggested from the file's name or the day it was saved, changed by the user. */
  extractDate = $state('');
  /** The screening that runs by itself after the import, at the extract's date: running, stored, or failed (message). */
  screening = $state<{ asOf: string; state: 'running' | 'stored' | 'failed'; message?: string } | undefined>();
  #storing: Promise<unknown> = Promise.resolve();
  /** A worker of its own: reading the next file, or cancelling it, must not stop the screening. */
  #screenWorker = new WorkerSession();
  problems = $derived(mappingProblems(this.mapping));

  /** Asked before an extract with far fewer cases than the workspace marks the rest as gone; the page shows it as a dialog. */
  shrinkQuestion = $state<string | undefined>();
  #limits: ImportLimits = DEFAULT_IMPORT_LIMITS;
  #file: File | undefined;
  #worker = new WorkerSession();
  #abort: AbortController | undefined;

  constructor(private readonly workspace: OpenWorkspace, private readonly demo = false) {
    super();
  }

  async choose(file: File): Promise<void> {
    this.#file = file;
    this.error = '';
    this.step = 'reading';
    this.progress = { stage: 'read', done: 0, total: 1 };
    this.#abort = new AbortController();
    try {
      const limits = (this.#limits = await session.service.importLimits());
      // A file over the size limit is refused before its bytes are loaded at all.
      const large = tooLarge(file.size, limits);
      if (large) {
        this.error = `${file.name}: ${large}`;
        this.step = 'choose';
        return;
      }
      const bytes = await file.arrayBuffer();
      const result = await this.#worker.run<'read'>({ kind: 'read', bytes, fileName: file.name, limits }, { signal: this.#abort.signal, onProgress: this.#onProgress });
      if (!result.ok) {
        this.error = `${file.name}: ${result.message}`;
        this.step = 'choose';
        return;
      }
      this.summary = result.summary;
      const today = new Date().toLocaleDateString('sv-SE');
      this.extractDate = suggestExtractDate(file.name, file.lastModified ? new Date(file.lastModified).toLocaleDateString('sv-SE') : null, today);
      this.keepFullCpr = await this.workspace.keepFullCpr();
      this.profiles = await this.workspace.listProfiles();
      this.recognised = await this.workspace.profileFor(result.summary);
      this.mapping = this.recognised ? applyProfile(result.summary, this.recognised) : suggestMapping(result.summary);
      this.step = 'mapping';
    } catch (error) {
      this.#failed(error, 'choose');
    }
  }

  setRole(sheetIndex: number, role: SheetRole): void {
    const sheet = this.mapping.sheets[sheetIndex]!;
    sheet.role = role;
    sheet.columns = suggestColumns(this.summary!.sheets[sheetIndex]!.headers, role);
  }

  useProfile(profileId: string): void {
    const profile = this.profiles.find((p) => p.id === profileId);
    if (profile && this.summary) this.mapping = applyProfile(this.summary, profile);
  }

  async saveProfile(name: string): Promise<string> {
    if (!this.summary) return '';
    const summary = this.summary;
    const result = await this.act(() => this.workspace.saveProfile(name, summary, $state.snapshot(this.mapping)));
    if (!result) return this.error;
    if (!result.ok) return result.message;
    this.profiles = await this.workspace.listProfiles();
    this.recognised = result.value;
    return '';
  }

  /** `confirmedShrink`: the user has said yes to `shrinkQuestion`, asked by the import before. */
  async start(confirmedShrink = false): Promise<void> {
    this.shrinkQuestion = undefined;
    if (this.problems.length || !this.summary) return;
    if (!this.extractDate) {
      this.error = 'Skriv datoen, udtrækket er taget, som dd-mm-åååå.';
      return;
    }
    this.step = 'importing';
    this.error = '';
    this.progress = { stage: 'transform', done: 0, total: 1 };
    this.#abort = new AbortController();
    try {
      const result = await this.#worker.run<'import'>(
        {
          kind: 'import', db: this.workspace.db,
          request: { importId: crypto.randomUUID(), importedAt: new Date().toISOString(), mapping: $state.snapshot(this.mapping), keepFullCpr: this.keepFullCpr, extractDate: this.extractDate, by: this.workspace.user,
            confirmedShrink, shrinkShare: this.#limits.shrinkShare },
        },
        { signal: this.#abort.signal, onProgress: this.#onProgress },
      );
      if (result.confirm !== undefined) {
        this.step = 'mapping';
        this.shrinkQuestion = result.confirm;
        return;
      }
      this.record = result.record;
      this.step = 'done';
      this.#screenAfterImport(result.record.extractDate ?? this.extractDate);
    } catch (error) {
      this.#failed(error, 'mapping');
      // The worker was stopped with the file in it; read it again so the user can retry at once.
      if (this.#file) await this.#reread().catch(() => this.reset());
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  reset(): void {
    this.#abort?.abort();
    this.#worker.terminate();
    this.step = 'choose';
    this.summary = undefined;
    this.record = undefined;
    this.error = '';
  }

  async issuesWorkbook(): Promise<Uint8Array> {
    return (await this.#worker.run<'xlsx'>({ kind: 'issuesWorkbook', issues: this.record?.issues ?? [], demo: this.demo })).bytes;
  }

  async template(): Promise<Uint8Array> {
    return (await this.#worker.run<'xlsx'>({ kind: 'template' })).bytes;
  }

  /**
   * Screens the workspace at the extract's date as soon as the import is stored, so the Screening
   * and Frister pages are ready when the user gets there; the worker is let go once it is stored.
   */
  #screenAfterImport(asOf: string): void {
    this.screening = { asOf, state: 'running' };
    const done = (state: 'stored' | 'failed', message?: string) => (this.screening = { asOf, state, ...(message && { message }) });
    const worker = this.#screenWorker;
    this.#storing = worker
      .run<'screen'>({ kind: 'screen', db: this.workspace.db, request: { id: crypto.randomUUID(), asOf, createdAt: new Date().toISOString(), purpose: 'user', by: this.workspace.user } })
      .then((answer) => worker.run<'screenStored'>({ kind: 'screenStored', screeningId: answer.record.id }))
      .then(() => done('stored'), (error: unknown) => done('failed', error instanceof Error ? error.message : String(error)));
  }

  dispose(): void {
    this.#worker.terminate();
    void this.#storing.finally(() => this.#screenWorker.terminate());
  }

  #onProgress = (stage: string, done: number, total: number) => (this.progress = { stage, done, total });

  #failed(error: unknown, back: ImportStep): void {
    this.step = back;
    this.error = error instanceof DOMException && error.name === 'AbortError'
      ? 'Importen blev annulleret. Intet er ændret i arbejdsområdet.'
      : `Importen mislykkedes, og intet er ændret i arbejdsområdet. Fejl: ${error instanceof Error ? error.message : String(error)}`;
  }

  async #reread(): Promise<void> {
    const bytes = await this.#file!.arrayBuffer();
    await this.#worker.run<'read'>({ kind: 'read', bytes, fileName: this.#file!.name, limits: this.#limits });
  }
}
