/// <reference lib="webworker" />
import { workspaceDbOf, type DbRef, type WorkspaceDb } from '../db/workspace-db';
import { summariseCase, type CaseSummary } from '../domain/case-list';
import { caseForRules } from '../db/case-codec';
import { eachStoredCase, getCase } from '../db/case-store';
import { readSourceFile } from '../io/read-file';
import { sha256Hex } from '../io/sha256';
import { shapeFile, summaryOf, type ReadFile } from './import-read';
import { keepDraftFile, restoreDraftFile } from './import-draft';
import { templateWorkbook } from '../io/template';
import { issuesWorkbook } from '../io/issues-report';
import { loadDemo } from './demo';
import { loadDemoReviews } from './demo-reviews';
import { runImport } from './import-run';
import { ShrinkNotConfirmed } from '../domain/import-limits';
import { asReader } from './locks';
import { backupWorkspace, inspectBackup, restoreBackup } from './backup';
import { loadFrame } from './sampling';
import { exportHandover, readHandoverFile } from './review';
import { loadPlan } from './improvement';
import { planWorkbook } from '../io/plan-workbook';
import type { RuleStatus } from '../domain/rules/types';
import type { CaseBundle } from '../domain/types';
import { dataQuality } from '../domain/rules/data-quality';
import { deadlineItems } from '../domain/rules/deadlines';
import { selectionText, workList } from '../domain/rules/work-list';
import { ruleName } from '../domain/rules/labels';
import { deadlineWorkbook } from '../io/deadline-workbook';
import { sampleWorkbook } from '../io/sample-workbook';
import { caseScreening, groupsOf, loadScreening, runScreening, runScreeningPart, storeScreening, subjectsOf, type LoadedScreening } from './screening';
import { countTables, storageReport } from './storage-report';
import { overviewFigures, trendOfScreening } from './overview';
import { copyWorkspace } from './workspace-copy';
import type { WorkerJob, WorkerJobResult, WorkerRequest, WorkerResponse } from './worker-protocol';
import { auditLog } from './audit';
import { compareScreenings } from './compare';
import { describeFilter, matchesFilter, newestFirst, searchText } from '../domain/audit-labels';
import { auditWorkbook } from '../io/audit-workbook';
import { reportWorkbook } from '../io/report-workbook';
import { composeStoredReport, reportChoices } from './report-compose';
import { screeningWorkbookOf } from './screening-export';

/**
 * The background thread: reads files, maps and stores imports, writes workbooks. The page never
 * holds a whole extract; this worker keeps the last file read until it is imported.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const CASE_CHUNK = 5000;
/** Log entries carry their details and search text: fewer to a message than case summaries. */
const LOG_CHUNK = 2000;
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'ukendt';
let current: ReadFile | undefined;

/** The last screening run or asked about: a million results stay here, the page asks for what it shows. */
let screening: LoadedScreening | undefined;
/** The screenings this worker is storing, by id: the page waits for them before it lets the worker go. */
const storing = new Map<string, Promise<void>>();

async function screeningFor(ref: DbRef, id: string): Promise<LoadedScreening> {
  if (screening?.record.id === id) return screening;
  return (screening = await withDb(ref, (db) => loadScreening(db, id)));
}

/** Opens the workspace's database for one job (a locked one with its key) and closes it again, whatever happens. */
async function withDb<T>(ref: DbRef, work: (db: WorkspaceDb) => Promise<T>): Promise<T> {
  const db = workspaceDbOf(ref);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

async function run(id: number, job: WorkerJob): Promise<WorkerJobResult> {
  const progress = (stage: string, done: number, total: number) => scope.postMessage({ id, type: 'progress', stage, done, total } satisfies WorkerResponse);
  switch (job.kind) {
    case 'sha256':
      return { kind: 'sha256', hex: await sha256Hex(job.bytes) };
    case 'backup':
      // Imports wait while the cases are read, so the file holds one revision of them.
      return withDb(job.db, (db) => asReader(job.db.name, async () => ({
        kind: 'backup', made: await backupWorkspace(db, job.workspace, { passphrase: job.passphrase, by: job.by, onProgress: progress }),
      })));
    case 'inspectBackup':
      return { kind: 'inspectBackup', result: await inspectBackup(job.file, job.passphrase) };
    case 'restoreBackup':
      return { kind: 'restoreBackup', result: await restoreBackup(job.file, job.passphrase, job.dbName, { fileName: job.fileName, by: job.by, onProgress: progress }) };
    case 'read': {
      const started = performance.now();
      const bytes = new Uint8Array(job.bytes);
      // SheetJS reads a workbook in one call: until a reader reports, the bar says "working".
      progress('read', 0, 0);
      const result = readSourceFile(bytes, job.fileName, (done, total) => progress('read', done, total), job.limits);
      if (!result.ok) return { kind: 'read', ok: false, message: result.message };
      // After the checks: a refused file is refused without being hashed first.
      const sha256 = await sha256Hex(bytes);
      const readMs = performance.now() - started;
      current = shapeFile({ original: result.value, bytes, fileName: job.fileName, size: bytes.byteLength, sha256, readMs, headerLines: [] });
      return { kind: 'read', ok: true, summary: summaryOf(current) };
    }
    case 'reshape': {
      if (!current) throw new Error('Ingen fil er læst ind.');
      const headerLines = current.original.sheets.map((_, i) => (i === job.sheet ? job.headerLine : current!.headerLines[i] ?? null));
      current = shapeFile({ ...current, headerLines });
      return { kind: 'read', ok: true, summary: summaryOf(current) };
    }
    case 'keepDraft': {
      const file = current;
      if (!file) throw new Error('Ingen fil er læst ind.');
      await withDb(job.db, (db) => keepDraftFile(db, file));
      return { kind: 'keepDraft' };
    }
    case 'restoreDraft': {
      const restored = await withDb(job.db, (db) => restoreDraftFile(db, (bytes, fileName) => {
        const read = readSourceFile(bytes, fileName);
        return read.ok ? read.value : null;
      }));
      if (!restored) return { kind: 'read', ok: false, message: 'Den påbegyndte import kunne ikke læses igen. Vælg filen igen.' };
      current = restored;
      return { kind: 'read', ok: true, summary: summaryOf(current) };
    }
    case 'import': {
      const read = current;
      if (!read) throw new Error('Ingen fil er læst ind.');
      return withDb(job.db, async (db) => {
        const { workbook, bytes, fileName, size, sha256, readMs } = read;
        try {
          const record = await runImport(db, workbook, { ...job.request, fileName, size, sha256, readMs, ...(bytes && { source: bytes }) }, progress);
          current = undefined;
          return { kind: 'import', record };
        } catch (error) {
          // The file stays here, so the import can run again at once when the user says yes.
          if (error instanceof ShrinkNotConfirmed) return { kind: 'import', confirm: error.message };
          throw error;
        }
      });
    }
    case 'demo': {
      progress('generate', 0, 0);
      return withDb(job.db, async (db) => {
        const record = await loadDemo(db, job.request, progress);
        if (job.request.reviews) {
          progress('reviews', 0, 0);
          // The review work is for the quarter before the extract, as the Samples page suggests it.
          await loadDemoReviews(db, { by: job.request.by, at: job.request.importedAt }, record.extractDate ?? job.request.anchor);
          // The trainer's demo comes screened at its extract's date: every page is full at the first click.
          const asOf = record.extractDate ?? job.request.importedAt.slice(0, 10);
          await storeScreening(db, await runScreening(db, { id: crypto.randomUUID(), asOf, createdAt: job.request.importedAt, purpose: 'user', by: job.request.by }, progress), job.request.by);
        }
        return { kind: 'import', record };
      });
    }
    case 'screen': {
      const db = workspaceDbOf(job.db);
      try {
        screening = await runScreening(db, job.request, progress, job.helper);
      } catch (error) {
        db.close();
        throw error;
      }
      // The page gets its answer now; the results are stored after it (one transaction, so a
      // screening is stored whole or not at all), and questions meanwhile are answered from memory.
      // Storing starts in a task after this one, once the answer is posted: its first step copies the
      // results, which would otherwise run before the answer leaves.
      const loaded = screening;
      const { by } = job.request;
      const stored = new Promise((next) => setTimeout(next, 0)).then(() => storeScreening(db, loaded, by)).finally(() => db.close());
      storing.set(loaded.record.id, stored);
      stored.catch(() => undefined);
      return { kind: 'screen', record: loaded.record };
    }
    case 'screenStored': {
      await storing.get(job.screeningId)?.finally(() => storing.delete(job.screeningId));
      return { kind: 'screenStored' };
    }
    case 'screenPart': {
      return withDb(job.db, async (db) => {
        await runScreeningPart(db, job.port);
        return { kind: 'screenPart' };
      });
    }
    case 'screeningGroups':
      return { kind: 'screeningGroups', groups: groupsOf(await screeningFor(job.db, job.screeningId), job.ruleId, job.by) };
    case 'compareScreenings': {
      // The second is kept, as the one the page is most likely to open cases of.
      const before = job.before === screening?.record.id ? screening : await withDb(job.db, (db) => loadScreening(db, job.before));
      const after = await screeningFor(job.db, job.after);
      return { kind: 'compareScreenings', rules: compareScreenings(before, after) };
    }
    case 'screeningSubjects':
      return { kind: 'screeningSubjects', ...subjectsOf(await screeningFor(job.db, job.screeningId), job.query) };
    case 'deadlines': {
      const loaded = await screeningFor(job.db, job.screeningId);
      return { kind: 'deadlines', items: deadlineItems(loaded.results, loaded.cases, loaded.record.asOf) };
    }
    case 'dataQuality':
      return { kind: 'dataQuality', quality: dataQuality((await screeningFor(job.db, job.screeningId)).results) };
    case 'overview':
      return { kind: 'overview', figures: overviewFigures(await screeningFor(job.db, job.screeningId)) };
    case 'trend':
      return withDb(job.db, async (db) => {
        const record = await db.screenings.get(job.screeningId);
        if (!record) throw new Error('Screeningen findes ikke længere. Kør en ny screening.');
        return { kind: 'trend', trend: await trendOfScreening(db, record, (share) => progress('trend', share, 1)) };
      });
    case 'deadlineWorkbook': {
      // The workbook holds what the page shows: the same selection, made here from the same items.
      const loaded = await screeningFor(job.db, job.screeningId);
      const list = workList(deadlineItems(loaded.results, loaded.cases, loaded.record.asOf), job.options);
      const items = list.items.filter((i) => (!job.unit || i.unit === job.unit) && (!job.caseworker || i.caseworker === job.caseworker));
      return { kind: 'xlsx', bytes: deadlineWorkbook(items, (id) => ruleName(id, loaded.record.settings), loaded.record.asOf, selectionText(list, job.options), job.demo) };
    }
    case 'issuesWorkbook':
      return { kind: 'xlsx', bytes: issuesWorkbook(job.issues, job.demo) };
    case 'template':
      return { kind: 'xlsx', bytes: templateWorkbook() };
    case 'caseView': {
      return withDb(job.db, async (db) => {
        const stored = (await getCase(db, job.caseNumber)) ?? null;
        const explained = stored && job.screeningId ? await caseScreening(db, await screeningFor(job.db, job.screeningId), job.caseNumber) : null;
        return { kind: 'caseView', case: stored, screening: explained };
      });
    }
    case 'storageSize':
      return withDb(job.db, async (db) => ({ kind: 'storageSize', bytes: (await countTables(db)).reduce((n, t) => n + t.bytes, 0) }));
    case 'storageReport':
      return withDb(job.db, async (db) => ({ kind: 'storageReport', report: await storageReport(db) }));
    case 'caseIndex': {
      // Cases are read here, as stored (no nulls restored), so the page never deserialises
      // 100,000 cases with all their events; it gets small summaries, already in case-number
      // order, in chunks each cheap enough not to block it.
      return withDb(job.db, async (db) => {
        const summaries: CaseSummary[] = [];
        // Read as one revision of the data: an import waits until the list is read.
        await asReader(db.name, () => eachStoredCase(db, (cases) => {
          // `caseForRules` fills in the events in place, so the case keeps its missing date.
          for (const c of cases) summaries.push(summariseCase(caseForRules(c) as CaseBundle & Pick<typeof c, 'missingSince'>));
        }));
        summaries.sort((a, b) => (a.numberKey < b.numberKey ? -1 : a.numberKey > b.numberKey ? 1 : 0));
        for (let i = 0; i < summaries.length; i += CASE_CHUNK) scope.postMessage({ id, type: 'chunk', items: summaries.slice(i, i + CASE_CHUNK) } satisfies WorkerResponse);
        return { kind: 'caseIndex', count: summaries.length };
      });
    }
    case 'handoverWorkbook': {
      return withDb(job.db, async (db) => {
        return { kind: 'xlsx', bytes: await exportHandover(db, job.roundId, job.demo) };
      });
    }
    case 'planWorkbook': {
      return withDb(job.db, async (db) => {
        const { areas, actions } = await loadPlan(db);
        return { kind: 'xlsx', bytes: planWorkbook(areas, actions, job.today, job.demo) };
      });
    }
    case 'readHandover': {
      return withDb(job.db, async (db) => {
        return { kind: 'readHandover', reading: await readHandoverFile(db, job.roundId, new Uint8Array(job.bytes)) };
      });
    }
    case 'caseStatuses': {
      const { results } = await screeningFor(job.db, job.screeningId);
      const wanted = new Set(job.caseNumbers);
      const statuses = new Map<string, Map<string, RuleStatus[]>>();
      for (let i = 0; i < results.length; i++) {
        const caseNumber = results.caseNumber(i);
        if (!wanted.has(caseNumber)) continue;
        const byRule = statuses.get(caseNumber) ?? new Map<string, RuleStatus[]>();
        statuses.set(caseNumber, byRule.set(results.ruleId(i), [...(byRule.get(results.ruleId(i)) ?? []), results.status(i)]));
      }
      return { kind: 'caseStatuses', statuses: [...statuses].map(([c, m]) => [c, [...m]]) };
    }
    case 'sampleWorkbook': {
      return withDb(job.db, async (db) => {
        const sample = await db.samples.get(job.sampleId);
        if (!sample) throw new Error('Stikprøven findes ikke længere.');
        return { kind: 'xlsx', bytes: sampleWorkbook(sample, job.demo) };
      });
    }
    case 'auditLog': {
      return withDb(job.db, async (db) => {
        const { entries, chain } = await auditLog(db);
        // Newest first, each with the text the page searches in, made here and not on the page
        // (0.13 s of 12,000 entries); in parts, so that no single message holds the page up.
        const items = entries.sort(newestFirst).map((entry) => ({ entry, text: searchText(entry) }));
        for (let i = 0; i < items.length; i += LOG_CHUNK) scope.postMessage({ id, type: 'chunk', items: items.slice(i, i + LOG_CHUNK) } satisfies WorkerResponse);
        return { kind: 'auditLog', count: entries.length, chain };
      });
    }
    case 'auditWorkbook': {
      return withDb(job.db, async (db) => {
        const { entries, chain } = await auditLog(db);
        const rows = entries.filter((e) => matchesFilter(e, job.filter)).sort(newestFirst);
        return { kind: 'auditWorkbook', bytes: auditWorkbook(rows, chain, describeFilter(job.filter), job.exportedAt, job.demo), rows: rows.length };
      });
    }
    case 'copyWorkspace': {
      return withDb(job.from, (from) => withDb(job.to, async (to) => ({ kind: 'copyWorkspace', records: await copyWorkspace(from, to, progress) })));
    }
    case 'reportChoices': {
      const loaded = job.screeningId ? await screeningFor(job.db, job.screeningId) : null;
      return withDb(job.db, async (db) => ({ kind: 'reportChoices', choices: await reportChoices(db, loaded) }));
    }
    case 'composeReport': {
      const loaded = job.request.screeningId ? await screeningFor(job.db, job.request.screeningId) : null;
      return withDb(job.db, async (db) => ({ kind: 'composeReport', report: await composeStoredReport(db, loaded, job.request, APP_VERSION) }));
    }
    case 'reportWorkbook': {
      return withDb(job.db, async (db) => {
        const report = await db.reports.get(job.reportId);
        if (!report) throw new Error('Rapporten findes ikke længere.');
        return { kind: 'xlsx', bytes: reportWorkbook(report) };
      });
    }
    case 'screeningWorkbook':
      return { kind: 'xlsx', bytes: screeningWorkbookOf(await screeningFor(job.db, job.screeningId), job.demo) };
    case 'sampleFrame': {
      return withDb(job.db, async (db) => {
        const { cases, riskScreening } = await asReader(db.name, () => loadFrame(db));
        for (let i = 0; i < cases.length; i += CASE_CHUNK) scope.postMessage({ id, type: 'chunk', items: cases.slice(i, i + CASE_CHUNK) } satisfies WorkerResponse);
        return { kind: 'sampleFrame', count: cases.length, riskScreening };
      });
    }
  }
}

/** Jobs that write a spreadsheet for the user to take away: a failure is told in Danish, whatever the writer (or SheetJS) threw. */
const WRITES_WORKBOOK: ReadonlySet<WorkerJob['kind']> = new Set(['template', 'issuesWorkbook', 'handoverWorkbook', 'planWorkbook', 'sampleWorkbook', 'deadlineWorkbook', 'auditWorkbook']);

function failureText(job: WorkerJob, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return WRITES_WORKBOOK.has(job.kind)
    ? `Regnearket kunne ikke laves, og der er ikke hentet nogen fil. Prøv igen; sker det igen, så giv fejlteksten til den, der hjælper jer med Tilsynsbænken. Fejltekst: ${message}`
    : message;
}

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const { id, job } = event.data;
  run(id, job).then(
    (result) => scope.postMessage({ id, type: 'done', result } satisfies WorkerResponse),
    (error: unknown) => scope.postMessage({ id, type: 'error', message: failureText(job, error) } satisfies WorkerResponse),
  );
});
