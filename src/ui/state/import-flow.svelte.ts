import { applyProfile, columnAlternatives, completeReadings, mappingProblems, suggestColumns, suggestMapping } from '../../app/import-service';
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
  /** Where the extract date came from, for the help text: a title line in the sheet, or the file. */
  extractDateFrom = $state<'title' | 'file' | 'draft'>('file');
  /** Set when a mapping in progress was brought back after a reload. */
  resumed = $state(false);
  /** Whether the latest change to the mapping is kept for a reload. */
  draftState = $state<'saving' | 'saved' | undefined>();
  /** The screening that runs by itself after the import, at the extract's date: running, stored, or failed (message). */
  screening = $state<{ asOf: string; state: 'running' | 'stored' | 'failed'; message?: string } | undefined>();
  #storing: Promise<unknown> = Promise.resolve();
  /** A worker of its own: reading the next file, or cancelling it, must not stop the screening. */
  #screenWorker = new WorkerSession();
  problems = $derived(mappingProblems(this.mapping));
  /** Per sheet and column, the matcher's other likely fields, best first, for the top of the drop-down. */
  alternatives = $derived<string[][][]>(
    this.mapping.sheets.map((sheet, i) => {
      const layout = this.summary?.sheets[i];
      return layout && sheet.role !== 'ignore' ? columnAlternatives(layout, sheet.role).map((ranked) => ranked.slice(0, 5).map((c) => c.target)) : [];
    }),
  );

  /** Asked before an extract with far fewer cases than the workspace marks the rest as gone; the page shows it as a dialog. */
  shrinkQuestion = $state<string | undefined>();
  #limits: ImportLimits = DEFAULT_IMPORT_LIMITS;
  #file: File | undefined;
  #fileKept = false;
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
      await this.#mapped(result.summary, file.lastModified ? new Date(file.lastModified).toLocaleDateString('sv-SE') : null);
      // Kept for a reload: the file as read (masked as the import keeps it) now, the mapping as it changes.
      this.#fileKept = false;
      await this.#worker.run<'keepDraft'>({ kind: 'keepDraft', db: this.workspace.db }).then(() => {
        this.#fileKept = true;
        return this.keepDraft();
      }, () => {});
    } catch (error) {
      this.#failed(error, 'choose');
    }
  }

  async #mapped(summary: WorkbookSummary, lastModified: string | null): Promise<void> {
    this.summary = summary;
    const today = new Date().toLocaleDateString('sv-SE');
    const titleDate = summary.sheets.map((s) => s.shape.titleDate).find((d) => d !== null && d <= today);
    this.extractDate = titleDate ?? suggestExtractDate(summary.fileName, lastModified, today);
    this.extractDateFrom = titleDate ? 'title' : 'file';
    this.keepFullCpr = await this.workspace.keepFullCpr();
    this.profiles = await this.workspace.listProfiles();
    this.recognised = await this.workspace.profileFor(summary);
    this.mapping = this.recognised ? applyProfile(summary, this.recognised) : suggestMapping(summary);
    this.step = 'mapping';
  }

  /**
   * Brings back a mapping in progress after a reload of the tab that made it: its file from the
   * worker, its mapping as it was left. Another tab on the same workspace starts with its own file.
   */
  async resume(): Promise<void> {
    if (this.step !== 'choose' || !(await this.workspace.hasImportDraft())) return;
    if ((await this.workspace.importDraft())?.tab !== tabId()) return;
    this.step = 'reading';
    this.progress = { stage: 'read', done: 0, total: 0 };
    try {
      const result = await this.#worker.run<'read'>({ kind: 'restoreDraft', db: this.workspace.db });
      if (!result.ok) {
        this.error = result.message;
        this.step = 'choose';
        await this.workspace.clearImportDraft();
        return;
      }
      const draft = await this.workspace.importDraft();
      this.#fileKept = true;
      await this.#mapped(result.summary, null);
      if (draft && draft.mapping.sheets.length === result.summary.sheets.length) {
        this.mapping = draft.mapping;
        this.extractDate = draft.extractDate;
        this.extractDateFrom = 'draft';
        this.keepFullCpr = draft.keepFullCpr;
      }
      this.resumed = true;
    } catch (error) {
      this.#failed(error, 'choose');
    }
  }

  /** Keeps the mapping in progress (the page calls it, a moment after each change). */
  async keepDraft(): Promise<void> {
    // Until the worker has kept the file, a mapping would be kept without it (and dropped).
    if (this.step !== 'mapping' || !this.#fileKept) return;
    this.draftState = 'saving';
    await this.workspace.keepImportDraft({ mapping: $state.snapshot(this.mapping), extractDate: this.extractDate, keepFullCpr: this.keepFullCpr, savedAt: new Date().toISOString(), tab: tabId() });
    this.draftState = 'saved';
  }

  /** The header of sheet `sheetIndex` is in line `line` (0: the first line), as the user says. */
  async setHeaderLine(sheetIndex: number, line: number): Promise<void> {
    const result = await this.act(() => this.#worker.run<'read'>({ kind: 'reshape', sheet: sheetIndex, headerLine: line }));
    if (!result?.ok) return;
    this.summary = result.summary;
    const sheet = this.mapping.sheets[sheetIndex]!;
    sheet.columns = suggestColumns(result.summary.sheets[sheetIndex]!.headers, sheet.role, result.summary.sheets[sheetIndex]!.samples);
    await this.#worker.run<'keepDraft'>({ kind: 'keepDraft', db: this.workspace.db }).catch(() => {});
    await this.keepDraft();
  }

  setRole(sheetIndex: number, role: SheetRole): void {
    const sheet = this.mapping.sheets[sheetIndex]!;
    sheet.role = role;
    sheet.columns = suggestColumns(this.summary!.sheets[sheetIndex]!.headers, role, this.summary!.sheets[sheetIndex]!.samples);
  }

  useProfile(profileId: string): void {
    const profile = this.profiles.find((p) => p.id === profileId);
    if (profile && this.summary) this.mapping = applyProfile(this.summary, profile);
  }

  async saveProfile(name: string): Promise<string> {
    if (!this.summary) return '';
    const summary = this.summary;
    const result = await this.act(() => this.workspace.saveProfile(name, summary, completeReadings($state.snapshot(this.mapping), summary)));
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
          request: { importId: crypto.randomUUID(), importedAt: new Date().toISOString(), mapping: completeReadings($state.snapshot(this.mapping), this.summary), keepFullCpr: this.keepFullCpr, extractDate: this.extractDate, by: this.workspace.user,
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
      await this.#reread().catch(() => this.reset());
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** Lets the file go; a mapping in progress is dropped with it (after an import it is gone already). */
  reset(): void {
    this.#abort?.abort();
    this.#worker.terminate();
    this.step = 'choose';
    this.summary = undefined;
    this.record = undefined;
    this.resumed = false;
    this.error = '';
    void this.workspace.clearImportDraft();
  }

  async exportProfiles(): Promise<Uint8Array> {
    return this.workspace.profilesFile();
  }

  /** Reads a file of profiles into the catalogue; the message says what came of it. */
  async importProfiles(file: File): Promise<string> {
    const result = await this.act(async () => this.workspace.importProfiles(new Uint8Array(await file.arrayBuffer())));
    if (!result) return this.error;
    if (!result.ok) return `${file.name}: ${result.message}`;
    this.profiles = await this.workspace.listProfiles();
    const names = result.value.map((p) => `"${p.name}"`).join(', ');
    return `${result.value.length === 1 ? 'Kortlægningen' : 'Kortlægningerne'} ${names} er indlæst og tilbydes nu i alle arbejdsområder.`;
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
    if (!this.#file) {
      await this.#worker.run<'read'>({ kind: 'restoreDraft', db: this.workspace.db });
      return;
    }
    const bytes = await this.#file.arrayBuffer();
    await this.#worker.run<'read'>({ kind: 'read', bytes, fileName: this.#file.name, limits: this.#limits });
    const lines = this.summary?.sheets.map((s) => s.shape.headerLine) ?? [];
    // The header rows the user chose by hand, again.
    for (const [i, line] of lines.entries()) if (line > 0) await this.#worker.run<'read'>({ kind: 'reshape', sheet: i, headerLine: line });
  }
}

const TAB_KEY = 'tilsynsbaenk-fane';
/** This browser tab's id: sessionStorage lives as long as the tab, through reloads. */
function tabId(): string {
  let id = sessionStorage.getItem(TAB_KEY);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(TAB_KEY, id);
  }
  return id;
}
