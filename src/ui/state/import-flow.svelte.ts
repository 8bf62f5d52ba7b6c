import { keepFullCpr, listProfiles, profileFor, saveProfile, setKeepFullCpr } from '../../app/import-service';
import { WorkerSession } from '../../app/worker-client';
import type { WorkbookSummary } from '../../app/worker-protocol';
import type { ImportRecord } from '../../db/records';
import type { WorkspaceDb } from '../../db/workspace-db';
import { applyProfile, mappingProblems, suggestColumns, suggestMapping, type ImportMapping, type MappingProfile, type SheetRole } from '../../io/mapping';

export type ImportStep = 'choose' | 'reading' | 'mapping' | 'importing' | 'done';

export interface Progress {
  stage: string;
  done: number;
  total: number;
}

/** One import from file to report. The file stays in the worker; the page holds only its layout. */
export class ImportFlow {
  step = $state<ImportStep>('choose');
  error = $state('');
  summary = $state.raw<WorkbookSummary | undefined>();
  mapping = $state<ImportMapping>({ sheets: [] });
  profiles = $state.raw<MappingProfile[]>([]);
  recognised = $state.raw<MappingProfile | undefined>();
  keepFullCpr = $state(false);
  progress = $state<Progress | undefined>();
  record = $state.raw<ImportRecord | undefined>();
  problems = $derived(mappingProblems(this.mapping));

  #file: File | undefined;
  #worker = new WorkerSession();
  #abort: AbortController | undefined;

  constructor(private readonly db: WorkspaceDb, private readonly dbName: string, private readonly demo = false) {}

  async choose(file: File): Promise<void> {
    this.#file = file;
    this.error = '';
    this.step = 'reading';
    this.progress = { stage: 'read', done: 0, total: 1 };
    this.#abort = new AbortController();
    try {
      const bytes = await file.arrayBuffer();
      const result = await this.#worker.run<'read'>({ kind: 'read', bytes, fileName: file.name }, { signal: this.#abort.signal, onProgress: this.#onProgress });
      if (!result.ok) {
        this.error = `${file.name}: ${result.message}`;
        this.step = 'choose';
        return;
      }
      this.summary = result.summary;
      this.keepFullCpr = await keepFullCpr(this.db);
      this.profiles = await listProfiles(this.db);
      this.recognised = await profileFor(this.db, result.summary);
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
    const result = await saveProfile(this.db, name, this.summary, $state.snapshot(this.mapping));
    if (!result.ok) return result.message;
    this.profiles = await listProfiles(this.db);
    this.recognised = result.value;
    return '';
  }

  async start(): Promise<void> {
    if (this.problems.length || !this.summary) return;
    this.step = 'importing';
    this.error = '';
    this.progress = { stage: 'transform', done: 0, total: 1 };
    this.#abort = new AbortController();
    await setKeepFullCpr(this.db, this.keepFullCpr);
    try {
      const result = await this.#worker.run<'import'>(
        { kind: 'import', dbName: this.dbName, request: { importId: crypto.randomUUID(), importedAt: new Date().toISOString(), mapping: $state.snapshot(this.mapping), keepFullCpr: this.keepFullCpr } },
        { signal: this.#abort.signal, onProgress: this.#onProgress },
      );
      this.record = result.record;
      this.step = 'done';
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

  dispose(): void {
    this.#worker.terminate();
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
    await this.#worker.run<'read'>({ kind: 'read', bytes, fileName: this.#file!.name });
  }
}
