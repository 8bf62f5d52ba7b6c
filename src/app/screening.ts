import { caseManifest, eachCaseColumns, getCase } from '../db/case-store';
import type { CaseFactColumns, CaseManifest } from '../db/records';
import type { WorkspaceDb } from '../db/workspace-db';
import type { CaseFacts, ScreeningPurpose, ScreeningRecord } from '../domain/records';
import { screenCase, screenColumns } from '../domain/rules/evaluate';
import { ResultTable, type StoredResultTable } from '../domain/rules/result-table';
import { DEFAULT_SETTINGS, ruleSetVersion } from '../domain/rules/settings';
import { groupOf, summariseByRule, summariseGroups, type Grouping, type RuleSummary } from '../domain/rules/summary';
import type { RuleResult, RuleStatus, ScreeningContext, ScreeningSettings } from '../domain/rules/types';
import { compareDanish } from '../domain/format';
import { EVENT_TABLES, type EventTableName, type IsoDate } from '../domain/types';
import { appendAudit } from '../db/audit-log';
import type { Stamp } from '../domain/audit';
import { stampAt } from './audit';
import { asReader } from './locks';
import { overviewFigures } from './overview-figures';
import { settingChanged } from './settings-log';

const SETTINGS_KEY = 'screeningSettings';
const CHOSEN_KEY = 'chosenScreeningId';
const KEEP_KEY = 'keepScreenings';
export const DEFAULT_KEEP_SCREENINGS = 5;

export async function screeningSettings(db: WorkspaceDb): Promise<ScreeningSettings> {
  return { ...DEFAULT_SETTINGS, ...((await db.settings.get(SETTINGS_KEY))?.value as Partial<ScreeningSettings> | undefined) };
}

/** Saves the rule settings; what changed is logged field by field, old → new. */
export async function saveScreeningSettings(db: WorkspaceDb, settings: ScreeningSettings, stamp: Stamp): Promise<void> {
  await settingChanged(db, SETTINGS_KEY, settings, 'settings.screening', stamp, (stored) => ({ ...DEFAULT_SETTINGS, ...(stored as Partial<ScreeningSettings> | undefined) }));
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

export type { CaseFacts };

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
  /** Its cases' facts as `FactColumns[]` JSON: cloning one string took a tenth of the time of 50,000 pairs. */
  cases: string;
}

/** The facts of a chunk's cases, one list per field, as the columns give them. */
type FactColumns = CaseFactColumns & { caseNumbers: string[] };

/**
 * The facts of a screening's cases, gathered as the columns give them and made into a map only
 * when something asks: the page's answer does not wait for 100,000 small objects or for parsing
 * the helper's share (measured: 0.2–0.3 s of a 100,000-case screening).
 */
class ScreenedCases {
  #parts: (FactColumns | string)[] = [];
  #map: Map<string, CaseFacts> | undefined;

  add(part: FactColumns | string): void {
    this.#parts.push(part);
    this.#map = undefined;
  }

  toJson(): string {
    return JSON.stringify(this.#parts);
  }

  get map(): Map<string, CaseFacts> {
    if (this.#map) return this.#map;
    const map = new Map<string, CaseFacts>();
    const addColumns = (f: FactColumns) =>
      f.caseNumbers.forEach((n, c) => map.set(n, { unit: f.unit[c]!, group: f.group[c]!, caseworker: f.caseworker[c]!, closedAt: f.closedAt[c]!, missing: f.missing[c]! }));
    for (const part of this.#parts) {
      if (typeof part === 'string') (JSON.parse(part) as FactColumns[]).forEach(addColumns);
      else addColumns(part);
    }
    return (this.#map = map);
  }
}
type HelperMessage = { type: 'progress'; share: number } | { type: 'done'; part: ScreeningPart } | { type: 'error'; message: string };
/** What the keeping worker tells the helper first: the rules and the data (manifest) it screens, so both shares are of one screening. */
type ContextMessage = { type: 'context'; ctx: ScreeningContext; manifest: CaseManifest };

/**
 * The keeping worker's share of the cases when a helper screens the rest. The helper's results
 * must still be handed over when its share is done, so the keeper takes a little more: with an
 * even split they arrived 0.1–0.3 s after the keeper had finished its half (100,000 cases); with
 * 60 % of the chunks, 0.08–0.19 s, now that every rule lists every subject.
 */
const KEEPER_SHARE = 0.6;

/** Screens the cases from `range[0]` to `range[1]` of the whole, in case-number order; `onShare` hears how much of it is done (0–1). */
async function screenShare(db: WorkspaceDb, ctx: ScreeningContext, manifest: CaseManifest, range: readonly [number, number], onShare: (share: number) => void) {
  const results = new ResultTable();
  const cases = new ScreenedCases();
  await eachCaseColumns(db, (columns, facts, share) => {
    screenColumns(columns, ctx, results);
    cases.add({ caseNumbers: columns.caseNumbers, unit: facts.unit, group: facts.group, caseworker: facts.caseworker, closedAt: facts.closedAt, missing: facts.missing });
    onShare(share);
  }, range, manifest);
  // A share with no chunk (a small workspace) is done too.
  onShare(1);
  return { results, cases };
}

export interface ScreeningRequest {
  id: string;
  asOf: IsoDate;
  createdAt: string;
  purpose: ScreeningPurpose;
  /** Who screens: the name the user gave for the session, for the audit log. */
  by: string;
}

/**
 * Screens every case of the workspace at `asOf`; `storeScreening` keeps it. With a `helper` port,
 * a second worker (`runScreeningPart`) screens the last cases at the same time: measured on two
 * cores, 100,000 cases took a third less time. Imports wait while the cases are read.
 */
export async function runScreening(db: WorkspaceDb, request: ScreeningRequest, progress: Progress = () => {}, helper?: MessagePort): Promise<LoadedScreening> {
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
  return asReader(db.name, async () => {
    const manifest = await caseManifest(db);
    helper?.postMessage({ type: 'context', ctx, manifest } satisfies ContextMessage);
    const { results, cases } = await screenShare(db, ctx, manifest, ranges[0]!, (share) => report(0, share));
    const own = performance.now();
    const part = fromHelper && (await fromHelper.finally(() => helper!.close()));
    const helped = performance.now();
    if (part) {
      results.append(part.table);
      cases.add(part.cases);
    }
    const joined = performance.now();
    const summary = summariseByRule(results);
    const done = performance.now();
    const record: ScreeningRecord = {
      id: request.id, asOf: request.asOf, createdAt: request.createdAt, ruleSetVersion: ruleSetVersion(ctx.settings), settings: ctx.settings,
      caseCount: manifest.count, summary,
      timings: { screenMs: done - started, storeMs: 0, parts: { own: own - started, helper: helped - own, join: joined - helped, summary: done - joined } },
      complete: true, purpose: request.purpose, dataRevision: manifest.revision, importedTables: [...ctx.importedTables],
    };
    return { record, results, get cases() { return cases.map; } };
  });
}

/**
 * The helper's side of `runScreening`: screens the last cases and sends them through `port`, with
 * the settings, tables and data the keeping worker read: a change between two reads could
 * otherwise screen the shares under different rules or of different imports.
 */
export async function runScreeningPart(db: WorkspaceDb, port: MessagePort): Promise<void> {
  try {
    const { ctx, manifest } = await new Promise<ContextMessage>((resolve) => {
      port.onmessage = (event: MessageEvent<ContextMessage>) => {
        if (event.data.type === 'context') resolve(event.data);
      };
    });
    const { results, cases } = await screenShare(db, ctx, manifest, [KEEPER_SHARE, 1], (share) => port.postMessage({ type: 'progress', share } satisfies HelperMessage));
    const table = results.toStored();
    port.postMessage({ type: 'done', part: { table, cases: cases.toJson() } } satisfies HelperMessage, ResultTable.transferables(table));
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies HelperMessage);
  } finally {
    port.close();
  }
}

/** How many of the user's screenings a workspace keeps (besides those something refers to). */
const keptCount = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_KEEP_SCREENINGS);

export async function keepScreenings(db: WorkspaceDb): Promise<number> {
  return keptCount((await db.settings.get(KEEP_KEY))?.value);
}

export async function setKeepScreenings(db: WorkspaceDb, keep: number, stamp: Stamp): Promise<void> {
  if (!(Number.isInteger(keep) && keep >= 1 && keep <= 100)) throw new Error('Antallet af screeninger, der gemmes, skal være et helt tal fra 1 til 100.');
  await settingChanged(db, KEEP_KEY, keep, 'settings.keepScreenings', stamp, keptCount);
}

/**
 * Stores a screening whole, in one transaction: its record (complete), its results and its log
 * line, and makes a user's screening the one the pages use. Screenings beyond what the workspace
 * keeps go in the same transaction. The worker does this after the page has its answer, and the
 * page lets it finish before it lets the worker go.
 */
export async function storeScreening(db: WorkspaceDb, screening: LoadedScreening, by: string): Promise<void> {
  const { record, results, cases } = screening;
  // Overblik's figures, made here where the results are: the page then reads them with the record.
  record.figures = overviewFigures(screening);
  const storeStarted = performance.now();
  await db.transaction('rw', [db.screenings, db.screeningResults, db.samples, db.settings, db.auditLog], async () => {
    await db.screeningResults.add({ screeningId: record.id, table: results.toStored(), cases: [...cases] });
    record.timings.storeMs = performance.now() - storeStarted;
    await db.screenings.put({ ...record, complete: true });
    if (record.purpose === 'user') await db.settings.put({ key: CHOSEN_KEY, value: record.id });
    const breached = record.summary.reduce((n, rule) => n + rule.breached, 0);
    await appendAudit(db, { at: record.createdAt, by, action: 'screening', details: { asOf: record.asOf, purpose: record.purpose ?? 'user', cases: record.caseCount, breached } });
    await pruneScreenings(db, record.id);
  });
}

const purposeOf = (record: ScreeningRecord) => record.purpose ?? 'user';
const newestFirst = (a: ScreeningRecord, b: ScreeningRecord) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);

/** The screenings that are stored whole, newest first. */
export async function listScreenings(db: WorkspaceDb): Promise<ScreeningRecord[]> {
  return (await db.screenings.toArray()).filter((s) => s.complete === true).sort(newestFirst);
}

/** Screenings a sample names as the source of its risk bands: kept as long as the sample is. */
async function referencedScreenings(db: WorkspaceDb): Promise<Map<string, string>> {
  const used = new Map<string, string>();
  await db.samples.each((s) => s.protocol.riskScreening && used.set(s.protocol.riskScreening.id, s.protocol.round));
  return used;
}

/**
 * Deletes the screenings a workspace no longer keeps: beyond the newest `keepScreenings` of the
 * user's, every one of Frister's but the newest, and what was never stored whole — never one a
 * sample refers to, nor the one the pages use, nor `keep`.
 */
async function pruneScreenings(db: WorkspaceDb, keep: string): Promise<void> {
  const all = (await db.screenings.toArray()).sort(newestFirst);
  const used = await referencedScreenings(db);
  const chosen = (await db.settings.get(CHOSEN_KEY))?.value;
  const limit = await keepScreenings(db);
  const user = all.filter((s) => s.complete === true && purposeOf(s) === 'user').slice(0, limit).map((s) => s.id);
  const deadlines = all.filter((s) => s.complete === true && purposeOf(s) === 'deadlines').slice(0, 1).map((s) => s.id);
  const kept = new Set([keep, ...user, ...deadlines, ...used.keys(), ...(typeof chosen === 'string' ? [chosen] : [])]);
  const gone = all.filter((s) => !kept.has(s.id)).map((s) => s.id);
  if (!gone.length) return;
  await db.screeningResults.where('screeningId').anyOf(gone).delete();
  await db.screenings.bulkDelete(gone);
}

/** Deletes one screening the user chose to delete; refuses one a sample refers to. */
export async function deleteScreening(db: WorkspaceDb, id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.screenings, db.screeningResults, db.samples, db.settings, db.auditLog], async () => {
    const record = await db.screenings.get(id);
    if (!record) return;
    const round = (await referencedScreenings(db)).get(id);
    if (round) throw new Error(`Screeningen pr. ${record.asOf.split('-').reverse().join('-')} bruges af stikprøven «${round}» og kan ikke slettes, så længe stikprøven findes.`);
    await db.screeningResults.where('screeningId').equals(id).delete();
    await db.screenings.delete(id);
    if ((await db.settings.get(CHOSEN_KEY))?.value === id) await db.settings.delete(CHOSEN_KEY);
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action: 'screening.deleted', details: { asOf: record.asOf, createdAt: record.createdAt, cases: record.caseCount } });
  });
}

/** The screening the pages and the sample presets use: the one the user ran or chose last; else the newest of the user's. */
export async function chosenScreening(db: WorkspaceDb): Promise<ScreeningRecord | undefined> {
  const chosen = (await db.settings.get(CHOSEN_KEY))?.value;
  const record = typeof chosen === 'string' ? await db.screenings.get(chosen) : undefined;
  if (record?.complete === true) return record;
  return (await listScreenings(db)).find((s) => purposeOf(s) === 'user');
}

export async function chooseScreening(db: WorkspaceDb, id: string): Promise<ScreeningRecord> {
  const record = await db.screenings.get(id);
  if (record?.complete !== true) throw new Error('Screeningen findes ikke længere.');
  await db.settings.put({ key: CHOSEN_KEY, value: id });
  return record;
}

/**
 * A stored screening that tells today's deadlines as well as a new one would: at `asOf`, of the
 * data as it is now, under today's rules and tables. Frister runs its own only when there is none.
 */
export async function currentScreeningAt(db: WorkspaceDb, asOf: IsoDate): Promise<ScreeningRecord | undefined> {
  const [{ revision }, ctx] = await Promise.all([caseManifest(db), screeningContext(db, asOf, false)]);
  const version = ruleSetVersion(ctx.settings);
  const tables = [...ctx.importedTables].sort().join();
  return (await listScreenings(db)).find((s) =>
    s.asOf === asOf && s.dataRevision === revision && s.ruleSetVersion === version && [...(s.importedTables ?? [])].sort().join() === tables);
}

/** Reads a stored screening back, for questions about an earlier one. Never one that was not stored whole. */
export async function loadScreening(db: WorkspaceDb, id: string): Promise<LoadedScreening> {
  const record = await db.screenings.get(id);
  if (!record) throw new Error('Screeningen findes ikke længere. Kør en ny screening.');
  if (record.complete !== true) throw new Error('Screeningen blev ikke gemt færdig (fanen blev måske lukket). Kør den igen.');
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
  matching.sort((a, b) => late(b) - late(a) || compareDanish(results.caseNumber(a), results.caseNumber(b)));
  return { total: matching.length, results: matching.slice(0, query.limit ?? 500).map((i) => results.at(i)) };
}

/** How the stored results of a case relate to the case as it is now. */
export type CaseExplanation =
  /** The case is as it was screened: the results are explained with the dates then. */
  | 'explained'
  /** The case changed after the screening (a later import): the stored results stand, `now` shows the case today under the screening's rules. */
  | 'caseChanged'
  /** A screening stored before revisions were kept, with imports after it: whether the case changed is not known. */
  | 'unknownRevision'
  /** The case is unchanged, but screening it again gives other results: the rules have changed since (a newer version of the app). */
  | 'rulesChanged'
  /** The case is no longer in the workspace. */
  | 'caseGone';

export interface CaseScreening {
  record: ScreeningRecord;
  /** The stored results of the case, with their basis sentences when `explanation` is 'explained'. */
  results: RuleResult[];
  explanation: CaseExplanation;
  /** The case as it is now, screened at the screening's date under its rules, when the case changed or its revision is not known. */
  now?: RuleResult[];
}

const resultKey = (r: Pick<RuleResult, 'ruleId' | 'subject'>) => `${r.ruleId}\u0000${r.subject}`;
const sameOutcome = (a: RuleResult, b: RuleResult) =>
  a.status === b.status && a.deadline === b.deadline && a.doneAt === b.doneAt && a.daysLate === b.daysLate && a.legalRef === b.legalRef;

/**
 * One case's results in a stored screening, explained: screening is deterministic, so the case as
 * it was screened, under the screening's rules and tables, gives the same results with their
 * basis sentences. When the case has changed since, the stored results are shown as stored and
 * the case as it is now beside them.
 */
export async function caseScreening(db: WorkspaceDb, screening: LoadedScreening, caseNumber: string): Promise<CaseScreening> {
  const { record, results } = screening;
  const stored = results.where((i) => results.caseNumber(i) === caseNumber).map((i) => results.at(i));
  const current = await getCase(db, caseNumber);
  if (!current) return { record, results: stored, explanation: 'caseGone' };
  const ctx: ScreeningContext = { asOf: record.asOf, settings: record.settings, importedTables: new Set(record.importedTables ?? (await importedTables(db))), explain: true };
  const again = screenCase(current, ctx);
  if (record.dataRevision === undefined) return { record, results: stored, explanation: 'unknownRevision', now: again };
  if (current.revision > record.dataRevision) return { record, results: stored, explanation: 'caseChanged', now: again };
  const byKey = new Map(again.map((r) => [resultKey(r), r]));
  const same = again.length === stored.length && stored.every((r) => byKey.has(resultKey(r)) && sameOutcome(r, byKey.get(resultKey(r))!));
  if (!same) return { record, results: stored, explanation: 'rulesChanged', now: again };
  return { record, results: stored.map((r) => ({ ...r, basis: byKey.get(resultKey(r))!.basis })), explanation: 'explained' };
}
