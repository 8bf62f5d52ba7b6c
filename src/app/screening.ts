import type { ScreeningRecord } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { screenColumns } from '../domain/rules/evaluate';
import { ResultTable, type StoredResultTable } from '../domain/rules/result-table';
import { eachCaseColumns } from '../db/case-snapshot';
import { DEFAULT_SETTINGS, ruleSetVersion } from '../domain/rules/settings';
import { groupOf, summariseByRule, summariseGroups, type Grouping, type RuleSummary } from '../domain/rules/summary';
import type { RuleResult, RuleStatus, ScreeningContext, ScreeningSettings } from '../domain/rules/types';
import { EVENT_TABLES, type Case, type EventTableName, type IsoDate } from '../domain/types';

const SETTINGS_KEY = 'screeningSettings';

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

/** What grouping needs of a case; kept with the screening so that reading it back needs no case. */
export type CaseFacts = Pick<Case, 'unit' | 'group' | 'caseworker'>;

/** A screening held in memory by the worker, for the page's questions about it. */
export interface LoadedScreening {
  record: ScreeningRecord;
  results: ResultTable;
  cases: Map<string, CaseFacts>;
}

type Progress = (stage: string, done: number, total: number) => void;

/** A share of a screening, screened by a helper worker and sent to the one that keeps the screening. */
export interface ScreeningPart {
  table: StoredResultTable;
  /** `[caseNumber, CaseFacts][]` as JSON: cloning one string took a tenth of the time of 50,000 pairs. */
  cases: string;
}
type HelperMessage = { type: 'progress'; share: number } | { type: 'done'; part: ScreeningPart } | { type: 'error'; message: string };
/** What the keeping worker tells the helper first: the rules it screens with, so both shares use the same ones. */
type ContextMessage = { type: 'context'; ctx: ScreeningContext };

/**
 * The keeping worker's share of the cases when a helper screens the rest. The helper's results
 * must still be handed over when its share is done, so the keeper takes a little more: with an
 * even split they arrived 0.1–0.3 s after the keeper had finished its half (100,000 cases).
 */
const KEEPER_SHARE = 0.55;

/** Screens the cases from `range[0]` to `range[1]` of the whole, in case-number order; `onShare` hears how much of it is done (0–1). */
async function screenShare(db: WorkspaceDb, ctx: ScreeningContext, range: readonly [number, number], onShare: (share: number) => void) {
  const results = new ResultTable();
  const cases = new Map<string, CaseFacts>();
  await eachCaseColumns(db, (columns, facts, share) => {
    screenColumns(columns, ctx, results);
    columns.caseNumbers.forEach((caseNumber, c) => cases.set(caseNumber, { unit: facts.unit[c]!, group: facts.group[c]!, caseworker: facts.caseworker[c]! }));
    onShare(share);
  }, range);
  // A share with no chunk (a small workspace) is done too.
  onShare(1);
  return { results, cases };
}

/**
 * Screens every case of the workspace at `asOf`; `storeScreening` keeps it. With a `helper` port,
 * a second worker (`runScreeningPart`) screens the last cases at the same time: measured on two
 * cores, 100,000 cases took a third less time.
 */
export async function runScreening(
  db: WorkspaceDb, request: { id: string; asOf: IsoDate; createdAt: string }, progress: Progress = () => {}, helper?: MessagePort,
): Promise<LoadedScreening> {
  const started = performance.now();
  const ctx = await screeningContext(db, request.asOf, false);
  const ranges: [number, number][] = helper ? [[0, KEEPER_SHARE], [KEEPER_SHARE, 1]] : [[0, 1]];
  const shares = [0, 0];
  const report = (part: number, share: number) => {
    shares[part] = share;
    progress('screen', ranges.reduce((done, [from, to], i) => done + shares[i]! * (to - from), 0), 1);
  };
  const fromHelper = helper && new Promise<ScreeningPart>((resolve, reject) => {
    helper.onmessage = (event: MessageEvent<HelperMessage>) => {
      const message = event.data;
      if (message.type === 'progress') report(1, message.share);
      else if (message.type === 'done') resolve(message.part);
      else reject(new Error(message.message));
    };
  });
  helper?.postMessage({ type: 'context', ctx } satisfies ContextMessage);
  const { results, cases } = await screenShare(db, ctx, ranges[0]!, (share) => report(0, share));
  if (fromHelper) {
    const part = await fromHelper.finally(() => helper!.close());
    results.append(part.table);
    for (const [caseNumber, facts] of JSON.parse(part.cases) as [string, CaseFacts][]) cases.set(caseNumber, facts);
  }
  const record: ScreeningRecord = {
    id: request.id, asOf: request.asOf, createdAt: request.createdAt, ruleSetVersion: ruleSetVersion(ctx.settings),
    settings: ctx.settings, caseCount: cases.size, summary: summariseByRule(results), timings: { screenMs: performance.now() - started, storeMs: 0 },
  };
  return { record, results, cases };
}

/**
 * The helper's side of `runScreening`: screens the last cases and sends them through `port`, with
 * the settings and tables the keeping worker read: a settings change between two reads could
 * otherwise screen the shares under different rules.
 */
export async function runScreeningPart(db: WorkspaceDb, port: MessagePort): Promise<void> {
  try {
    const ctx = await new Promise<ScreeningContext>((resolve) => {
      port.onmessage = (event: MessageEvent<ContextMessage>) => {
        if (event.data.type === 'context') resolve(event.data.ctx);
      };
    });
    const { results, cases } = await screenShare(db, ctx, [KEEPER_SHARE, 1], (share) => port.postMessage({ type: 'progress', share } satisfies HelperMessage));
    const table = results.toStored();
    port.postMessage({ type: 'done', part: { table, cases: JSON.stringify([...cases]) } } satisfies HelperMessage, ResultTable.transferables(table));
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies HelperMessage);
  } finally {
    port.close();
  }
}

/**
 * Stores a screening and its results in one transaction. The worker does this after the page
 * has its answer, so that storing never delays it.
 */
export async function storeScreening(db: WorkspaceDb, screening: LoadedScreening): Promise<void> {
  const { record, results, cases } = screening;
  const storeStarted = performance.now();
  // The record first, marked incomplete, so the other pages see the new date and rules at once;
  // the results and the mark come in one transaction: a closed tab leaves an incomplete record.
  await db.screenings.add({ ...record, complete: false });
  await db.transaction('rw', [db.screenings, db.screeningResults, db.auditLog], async () => {
    await db.screeningResults.add({ screeningId: record.id, table: results.toStored(), cases: [...cases] });
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
  const stored = await db.screeningResults.where('screeningId').equals(id).first();
  if (!stored) throw new Error('Screeningens resultater findes ikke. Kør den igen.');
  return { record, results: new ResultTable(stored.table), cases: new Map(stored.cases) };
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
  const { results, cases } = screening;
  const rule = results.ruleIndex(query.ruleId);
  const matching = results.where((i) =>
    results.ruleIndexAt(i) === rule && (!query.status || results.status(i) === query.status)
    && (!query.by || query.group === undefined || groupOf(results, i, query.by, cases) === query.group));
  const late = (i: number) => results.daysLate(i) ?? -1;
  matching.sort((a, b) => late(b) - late(a) || results.caseNumber(a).localeCompare(results.caseNumber(b)));
  return { total: matching.length, results: matching.slice(0, query.limit ?? 500).map((i) => results.at(i)) };
}
