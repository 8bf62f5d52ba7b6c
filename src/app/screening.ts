import { caseForRules, type EncodedCase } from '../db/case-codec';
import type { ScreeningRecord, StoredCase } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { screenCases } from '../domain/rules/evaluate';
import { DEFAULT_SETTINGS, ruleSetVersion } from '../domain/rules/settings';
import { quarterOf, summariseByRule, summariseGroups, type Grouping, type RuleSummary } from '../domain/rules/summary';
import type { RuleResult, RuleStatus, ScreeningContext, ScreeningSettings } from '../domain/rules/types';
import { EVENT_TABLES, type Case, type EventTableName, type IsoDate } from '../domain/types';

const SETTINGS_KEY = 'screeningSettings';
const CASE_CHUNK = 5000;
const RESULT_CHUNK = 20_000;

export async function screeningSettings(db: WorkspaceDb): Promise<ScreeningSettings> {
  return { ...DEFAULT_SETTINGS, ...((await db.settings.get(SETTINGS_KEY))?.value as Partial<ScreeningSettings> | undefined) };
}

export async function saveScreeningSettings(db: WorkspaceDb, settings: ScreeningSettings): Promise<void> {
  await db.settings.put({ key: SETTINGS_KEY, value: settings });
}

/** The event tables any import of the workspace delivered: only there does a missing event mean "not done". */
export async function importedTables(db: WorkspaceDb): Promise<Set<EventTableName>> {
  const tables = new Set<EventTableName>();
  await db.imports.each((record) => record.tables.forEach((t) => (EVENT_TABLES as string[]).includes(t) && tables.add(t as EventTableName)));
  return tables;
}

export async function screeningContext(db: WorkspaceDb, asOf: IsoDate, explain: boolean): Promise<ScreeningContext> {
  return { asOf, settings: await screeningSettings(db), importedTables: await importedTables(db), explain };
}

/** A screening held in memory by the worker, for the page's questions about it. */
export interface LoadedScreening {
  record: ScreeningRecord;
  results: RuleResult[];
  cases: Map<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>;
}

type Progress = (stage: string, done: number, total: number) => void;

/** Screens every case of the workspace at `asOf`; `storeScreening` keeps it. */
export async function runScreening(db: WorkspaceDb, request: { id: string; asOf: IsoDate; createdAt: string }, progress: Progress = () => {}): Promise<LoadedScreening> {
  const ctx = await screeningContext(db, request.asOf, false);
  const total = await db.cases.count();
  const results: RuleResult[] = [];
  const cases = new Map<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>();
  const started = performance.now();
  // Read as stored (raw: no reading hook); the rules treat an absent field as empty.
  const read = async (after?: string) =>
    ((after === undefined ? await db.cases.orderBy(':id').limit(CASE_CHUNK).raw().toArray() : await db.cases.where(':id').above(after).limit(CASE_CHUNK).raw().toArray()) as unknown as EncodedCase[]).map(caseForRules);
  let page: StoredCase[] = await read();
  while (page.length) {
    for (const r of screenCases(page, ctx)) results.push(r);
    for (const c of page) cases.set(c.caseNumber, { unit: c.unit, group: c.group, caseworker: c.caseworker });
    progress('screen', cases.size, total);
    page = await read(page[page.length - 1]!.caseNumber);
  }
  const screenMs = performance.now() - started;
  const record: ScreeningRecord = {
    id: request.id, asOf: request.asOf, createdAt: request.createdAt, ruleSetVersion: ruleSetVersion(ctx.settings),
    settings: ctx.settings, caseCount: cases.size, summary: summariseByRule(results), timings: { screenMs, storeMs: 0 },
  };
  return { record, results, cases };
}

/**
 * Stores a screening and all its results in one transaction. The worker does this after the page
 * has its answer: storing a million results takes longer than screening them.
 */
export async function storeScreening(db: WorkspaceDb, screening: LoadedScreening, progress: Progress = () => {}): Promise<void> {
  const { record, results } = screening;
  const storeStarted = performance.now();
  // The record first, marked incomplete, so the other pages see the new date and rules at once;
  // the results and the mark come in one transaction: a closed tab leaves an incomplete record.
  await db.screenings.add({ ...record, complete: false });
  await db.transaction('rw', [db.screenings, db.screeningResults, db.auditLog], async () => {
    for (let i = 0; i < results.length; i += RESULT_CHUNK) {
      await db.screeningResults.add({ screeningId: record.id, results: results.slice(i, i + RESULT_CHUNK) });
      progress('store', Math.min(i + RESULT_CHUNK, results.length), results.length);
    }
    record.timings.storeMs = performance.now() - storeStarted;
    await db.screenings.put({ ...record, complete: true });
    await db.auditLog.add({ at: record.createdAt, action: 'screening', asOf: record.asOf, cases: record.caseCount });
  });
}

/** Reads a stored screening back, for questions about an earlier one. */
export async function loadScreening(db: WorkspaceDb, id: string): Promise<LoadedScreening | undefined> {
  const record = await db.screenings.get(id);
  if (!record) return undefined;
  if (record.complete === false) throw new Error('Screeningen blev ikke gemt færdig (fanen blev måske lukket). Kør den igen.');
  const results: RuleResult[] = [];
  await db.screeningResults.where('screeningId').equals(id).each((chunk) => void results.push(...chunk.results));
  const cases = new Map<string, Pick<Case, 'unit' | 'group' | 'caseworker'>>();
  await db.cases.each((c) => void cases.set(c.caseNumber, { unit: c.unit, group: c.group, caseworker: c.caseworker }));
  return { record, results, cases };
}

export interface SubjectQuery {
  ruleId: string;
  status?: RuleStatus;
  by?: Grouping;
  group?: string;
  limit?: number;
}

export function groupsOf(screening: LoadedScreening, ruleId: string, by: Grouping): (RuleSummary & { group: string })[] {
  return summariseGroups(screening.results, ruleId, by, screening.cases);
}

/** The results behind a number on the screening page, with the total when more exist than shown. */
export function subjectsOf(screening: LoadedScreening, query: SubjectQuery): { total: number; results: RuleResult[] } {
  const inGroup = (r: RuleResult) => {
    if (!query.by || query.group === undefined) return true;
    if (query.by === 'quarter') return (r.trigger ? quarterOf(r.trigger) : 'ukendt') === query.group;
    return (screening.cases.get(r.caseNumber)?.[query.by] ?? 'ukendt') === query.group;
  };
  const matching = screening.results.filter((r) => r.ruleId === query.ruleId && (!query.status || r.status === query.status) && inGroup(r));
  matching.sort((a, b) => (b.daysLate ?? -1) - (a.daysLate ?? -1) || a.caseNumber.localeCompare(b.caseNumber));
  return { total: matching.length, results: matching.slice(0, query.limit ?? 500) };
}
