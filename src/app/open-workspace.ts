import { liveQuery } from 'dexie';
import { caseManifest } from '../db/case-store';
import { workspaceDbName } from '../db/names';
import type { DbRef, WorkspaceDb } from '../db/workspace-db';
import type { ImportMapping, MappingProfile, WorkbookLayout } from '../domain/mapping';
import type { ReviewAnswer, AnswerInput } from '../domain/review/answers';
import type { ActionFields, ActionStatus, FocusArea, ImprovementAction } from '../domain/review/plan';
import type { Finding } from '../domain/review/results';
import type { QuestionTemplate } from '../domain/review/templates';
import type { ScreeningRecord } from '../domain/records';
import type { ScreeningSettings } from '../domain/rules/types';
import type { HandoverChange } from '../domain/review/answers';
import { keepImportFiles, latestExtractDate, setKeepImportFiles } from './import-run';
import { importProfiles, keepFullCpr, listProfiles, profileFor, profilesFile, saveProfile, withCatalog } from './import-service';
import { clearDraft, draftMapping, hasDraft, keepDraftMapping, type DraftMapping } from './import-draft';
import { addAction, addFocusArea, deleteAction, deleteFocusArea, editAction, focusAreaFromFindings, loadPlan, renameFocusArea, setActionStatus } from './improvement';
import { answersOf, applyHandover, listTemplates, saveAnswer, saveTemplate, setUpRound } from './review';
import {
  drawCopenhagen, drawRound, extendSample, listRounds, redrawSample, replaceOutOfScope,
  type CopenhagenOptions, type DrawRequest, type SamplingFrame,
} from './sampling';
import {
  chooseScreening, chosenScreening, currentScreeningAt, deleteScreening, keepScreenings, listScreenings, saveScreeningSettings, screeningSettings, setKeepScreenings,
} from './screening';
import { deleteImportFile } from './storage-report';
import { logExport } from './audit';
import { deleteReport, getReport, listReports, storeReport } from './reports';
import type { Report } from '../domain/report/snapshot';
import { compareRounds } from './compare';
import { heatMapThresholds, latestRoundCompliance, setHeatMapThresholds } from './overview';
import type { Thresholds } from '../domain/report/thresholds';
import type { AuditDetails, Stamp } from '../domain/audit';

const DRAWN_BY = 'drawnBy';

/**
 * An open workspace as the pages see it: every question they ask of its data and every change
 * they make goes through here, to the use cases of this layer. The database stays inside.
 */
export class OpenWorkspace {
  readonly #db: WorkspaceDb;
  /** The database, for the jobs the page hands to a worker: its name, and the key of a locked workspace. */
  readonly db: DbRef;

  readonly #user: () => string;

  constructor(readonly id: string, db: WorkspaceDb, user: () => string, key?: Uint8Array) {
    this.#db = db;
    this.db = { name: workspaceDbName(id), ...(key && { key }) };
    this.#user = user;
  }

  /** Who is at work (the name given for this browser session): every change is logged with it. */
  get user(): string {
    return this.#user();
  }

  /** Who and when, for a change made now. */
  #stamp = (): Stamp => ({ by: this.#user() });

  // Audit log
  /** Records an export once the page has handed the file to the browser; `kind` names it (EXPORT_LABELS). */
  logExport = (kind: string, details: AuditDetails = {}) => logExport(this.#db, kind, details, this.#stamp());

  /** Whether its data are encrypted (a locked workspace). */
  get locked(): boolean {
    return this.db.key !== undefined;
  }

  /** Closes the connection and forgets the key: what is still to be read needs the passphrase again. */
  close(): void {
    this.#db.close({ disableAutoOpen: true });
    this.db.key?.fill(0);
  }

  async counts(): Promise<{ cases: number; imports: number }> {
    const [manifest, imports] = await Promise.all([caseManifest(this.#db), this.#db.imports.count()]);
    return { cases: manifest.count, imports };
  }

  // Import
  keepFullCpr = () => keepFullCpr(this.#db);
  /** The day the newest extract was taken, null before any import. */
  extractDate = () => latestExtractDate(this.#db);
  keepImportFiles = () => keepImportFiles(this.#db);
  setKeepImportFiles = (keep: boolean) => setKeepImportFiles(this.#db, keep, this.#stamp());
  deleteImportFile = (importId: string) => deleteImportFile(this.#db, importId, this.#stamp());
  /** Saved mappings of every workspace on this computer (the catalogue's), and this one's own from before. */
  listProfiles = () => withCatalog((catalog) => listProfiles(this.#db, catalog));
  profileFor = (layout: WorkbookLayout) => withCatalog((catalog) => profileFor(this.#db, layout, catalog));
  saveProfile = (name: string, layout: WorkbookLayout, mapping: ImportMapping): ReturnType<typeof saveProfile> => withCatalog((catalog) => saveProfile(this.#db, name, layout, mapping, this.#stamp(), catalog));
  /** The saved mappings as a JSON file to hand on; logged as an export. */
  profilesFile = async () => profilesFile(await this.listProfiles());
  importProfiles = (bytes: Uint8Array) => withCatalog((catalog) => importProfiles(this.#db, catalog, bytes, this.#stamp()));
  /** The mapping in progress (its file is kept by the worker's `keepDraft`): kept, read back, or let go. */
  hasImportDraft = () => hasDraft(this.#db);
  importDraft = () => draftMapping(this.#db);
  keepImportDraft = (draft: Omit<DraftMapping, 'key'>) => keepDraftMapping(this.#db, draft);
  clearImportDraft = () => clearDraft(this.#db);

  // Screening
  screeningSettings = () => screeningSettings(this.#db);
  saveScreeningSettings = (settings: ScreeningSettings) => saveScreeningSettings(this.#db, settings, this.#stamp());
  chosenScreening = () => chosenScreening(this.#db);
  chooseScreening = (id: string) => chooseScreening(this.#db, id);
  currentScreeningAt = (asOf: string) => currentScreeningAt(this.#db, asOf);
  listScreenings = () => listScreenings(this.#db);
  deleteScreening = (id: string) => deleteScreening(this.#db, id, this.#stamp());
  keepScreenings = () => keepScreenings(this.#db);
  /** Calls `next` with the screening the pages use whenever it changes (a worker or another tab stored one); returns the way to stop. */
  watchChosenScreening(next: (record: ScreeningRecord | undefined) => void): () => void {
    const subscription = liveQuery(() => chosenScreening(this.#db)).subscribe({ next });
    return () => subscription.unsubscribe();
  }
  setKeepScreenings = (keep: number) => setKeepScreenings(this.#db, keep, this.#stamp());

  // Samples
  async drawnBy(): Promise<string> {
    return ((await this.#db.settings.get(DRAWN_BY))?.value as string | undefined) ?? '';
  }
  async setDrawnBy(name: string): Promise<void> {
    await this.#db.settings.put({ key: DRAWN_BY, value: name.trim() });
  }
  listRounds = () => listRounds(this.#db);
  drawRound = (frame: SamplingFrame, request: DrawRequest) => drawRound(this.#db, frame, request, this.#stamp());
  drawCopenhagen = (frame: SamplingFrame, options: CopenhagenOptions & { drawnBy: string }) => drawCopenhagen(this.#db, frame, options, this.#stamp());
  redrawSample = (frame: SamplingFrame, sampleId: string) => redrawSample(this.#db, frame, sampleId);
  extendSample = (frame: SamplingFrame, sampleId: string, size: number) => extendSample(this.#db, frame, sampleId, size, this.#stamp());
  replaceOutOfScope = (frame: SamplingFrame, sampleId: string, caseNumber: string) => replaceOutOfScope(this.#db, frame, sampleId, caseNumber, this.#stamp());

  // Review
  listTemplates = () => listTemplates(this.#db);
  saveTemplate = (template: QuestionTemplate) => saveTemplate(this.#db, template, this.#stamp());
  answersOf = (roundId: string): Promise<ReviewAnswer[]> => answersOf(this.#db, roundId);
  setUpRound = (roundId: string, templateId: string, reviewers: readonly string[]) => setUpRound(this.#db, roundId, templateId, reviewers, this.#stamp());
  /** `reviewer` gives the answer; the log records who is at work as well. */
  saveAnswer = (input: Omit<AnswerInput, 'answer' | 'comment'> & Partial<Pick<AnswerInput, 'answer' | 'comment'>>, reviewer: string) => saveAnswer(this.#db, input, reviewer, this.#stamp());
  applyHandover = (roundId: string, accepted: readonly HandoverChange[]) => applyHandover(this.#db, roundId, accepted, this.#stamp());

  // Sammenlign
  compareRounds = (beforeId: string, afterId: string) => compareRounds(this.#db, beforeId, afterId);

  // Overblik
  heatMapThresholds = () => heatMapThresholds(this.#db);
  setHeatMapThresholds = (thresholds: Thresholds) => setHeatMapThresholds(this.#db, thresholds, this.#stamp());
  latestRoundCompliance = () => latestRoundCompliance(this.#db);

  // Improvement plan
  loadPlan = () => loadPlan(this.#db);
  addFocusArea = (area: Omit<FocusArea, 'id' | 'createdAt'>) => addFocusArea(this.#db, area, this.#stamp());
  focusAreaFromFindings = (title: string, templateId: string, questionId: string, findings: readonly Finding[], round: { id: string; name: string }) =>
    focusAreaFromFindings(this.#db, title, templateId, questionId, findings, round, this.#stamp());
  addAction = (action: Omit<ImprovementAction, 'id' | 'updatedAt' | 'status'>) => addAction(this.#db, action, this.#stamp());
  setActionStatus = (id: string, status: ActionStatus) => setActionStatus(this.#db, id, status, this.#stamp());
  renameFocusArea = (id: string, title: string) => renameFocusArea(this.#db, id, title, this.#stamp());
  deleteFocusArea = (id: string) => deleteFocusArea(this.#db, id, this.#stamp());
  editAction = (id: string, fields: ActionFields) => editAction(this.#db, id, fields, this.#stamp());
  deleteAction = (id: string) => deleteAction(this.#db, id, this.#stamp());

  // Reports
  listReports = () => listReports(this.#db);
  getReport = (id: string) => getReport(this.#db, id);
  storeReport = (report: Report) => storeReport(this.#db, report, this.#stamp());
  deleteReport = (id: string) => deleteReport(this.#db, id, this.#stamp());
}
