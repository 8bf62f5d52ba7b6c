import { formatNumber, joinDanish } from './format';
import { fail, ok, type Result } from './result';

/**
 * The audit log: who did what, when, with which counts, each entry chained to the one before by
 * SHA-256, so an entry edited, deleted or inserted behind the app's back shows. The hash itself is
 * passed in (`HashText`): this layer stays free of crypto libraries and the clock.
 */

/**
 * What was done. Open: a later feature adds its name here and its Danish label in
 * `audit-labels.ts`; names already written are never renamed (old logs hold them).
 */
export type AuditAction =
  | 'workspace.created' | 'workspace.renamed' | 'workspace.deleted' | 'workspace.demoReset'
  | 'import' | 'import.fileDeleted' | 'profile.saved'
  | 'screening' | 'screening.deleted'
  | 'sample.drawn' | 'sample.extend' | 'sample.outOfScope'
  | 'template.saved' | 'round.setUp' | 'answer.saved' | 'handover.applied' | 'handover.exported'
  | 'plan.focusArea' | 'plan.action' | 'plan.status' | 'plan.focusArea.edited' | 'plan.focusArea.deleted' | 'plan.action.edited' | 'plan.action.deleted'
  | 'settings.screening' | 'settings.keepScreenings' | 'settings.keepImportFiles' | 'settings.keepFullCpr' | 'settings.heatMapThresholds'
  | 'export'
  | (string & {});

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditDetails = { [key: string]: AuditValue };

/** An entry as a writer gives it. `by` is the name the user gave for this browser session. */
export interface AuditInput {
  at: string;
  by: string;
  action: AuditAction;
  details: AuditDetails;
}

/** An entry as stored: numbered from 1 without gaps, with the previous entry's hash and its own. */
export interface AuditEntry extends AuditInput {
  id?: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/** Who does something and, where a test or a frozen step fixes it, when (ISO datetime; now when left out). */
export interface Stamp {
  by: string;
  at?: string;
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export type HashText = (text: string) => string;

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with every object's keys sorted (by UTF-16 code units, as `Array.prototype.sort` does) and
 * no white space; keys whose value is undefined are left out, as JSON.stringify leaves them out.
 * The same value always gives the same text, whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The text an entry's hash is taken of: everything it says and the hash before it, not its storage key. */
export const hashedText = (entry: Omit<AuditEntry, 'hash' | 'id'>): string =>
  canonicalJson({ seq: entry.seq, at: entry.at, by: entry.by, action: entry.action, details: entry.details, prevHash: entry.prevHash });

/** The entry that follows `last` (undefined: the first one), with its hash. */
export function chainEntry(input: AuditInput, last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, hash: HashText): AuditEntry {
  const linked = { seq: (last?.seq ?? 0) + 1, at: input.at, by: input.by, action: input.action, details: input.details, prevHash: last?.hash ?? GENESIS_HASH };
  return { ...linked, hash: hash(hashedText(linked)) };
}

/** What verification found; `seq` numbers are the entries' own ("post 17"). */
export type ChainProblem =
  /** The entry no longer matches its hash. */
  | { kind: 'edited'; seq: number }
  /** Entries `from`–`to` are missing. */
  | { kind: 'deleted'; from: number; to: number }
  /** An entry that is not part of the chain: a second entry with a number, or one without a valid number or hash. */
  | { kind: 'inserted'; seq: number | null }
  /** The entry does not name the one before it: one of them was changed and its hash made again, or one was put between. */
  | { kind: 'broken'; seq: number; after: number };

export interface ChainReport {
  entries: number;
  problems: ChainProblem[];
  /** The last entry of the chain, to compare with a number written down or printed earlier. */
  head: { seq: number; hash: string } | null;
}

const isChained = (e: Partial<AuditEntry>): e is AuditEntry =>
  typeof e.seq === 'number' && Number.isInteger(e.seq) && e.seq >= 1 && typeof e.hash === 'string' && typeof e.prevHash === 'string';

const bySeqThenId = (a: AuditEntry, b: AuditEntry) => a.seq - b.seq || (a.id ?? 0) - (b.id ?? 0);

/**
 * Checks a log as stored, in any order. Each entry must match its own hash, carry the next number,
 * and name the hash of the entry before it. Without a secret a hash chain cannot stop someone from
 * rewriting every entry after the one they change, nor show that the newest entries were
 * removed: for that, compare `head` with a copy taken earlier (the export holds it).
 */
export function verifyChain(entries: readonly Partial<AuditEntry>[], hash: HashText): ChainReport {
  const problems: ChainProblem[] = [];
  const chained: AuditEntry[] = [];
  for (const e of entries) {
    if (isChained(e)) chained.push(e);
    else problems.push({ kind: 'inserted', seq: null });
  }
  chained.sort(bySeqThenId);
  const checked = new Map<AuditEntry, boolean>();
  const matches = (e: AuditEntry) => {
    let ok = checked.get(e);
    if (ok === undefined) {
      try {
        ok = hash(hashedText(e)) === e.hash;
      } catch {
        ok = false;
      }
      checked.set(e, ok);
    }
    return ok;
  };
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let head: ChainReport['head'] = null;
  for (let i = 0; i < chained.length; ) {
    const seq = chained[i]!.seq;
    let end = i;
    while (end < chained.length && chained[end]!.seq === seq) end++;
    const group = chained.slice(i, end);
    i = end;
    const adjacent = seq === prev.seq + 1;
    if (!adjacent) problems.push({ kind: 'deleted', from: prev.seq + 1, to: seq - 1 });
    const links = (e: AuditEntry) => !adjacent || e.prevHash === prev.hash;
    // Of two entries with one number, the one that fits the chain is the original.
    const genuine = group.find((e) => links(e) && matches(e)) ?? group.find(links) ?? group[0]!;
    for (const other of group) if (other !== genuine) problems.push({ kind: 'inserted', seq });
    if (!matches(genuine)) problems.push({ kind: 'edited', seq });
    else if (!links(genuine)) problems.push({ kind: 'broken', seq, after: prev.seq });
    prev = { seq, hash: genuine.hash };
    head = prev;
  }
  return { entries: entries.length, problems, head };
}

/** One problem in Danish, naming the entries ("post 17 passer ikke med sin kontrolsum"). */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'edited':
      return `post ${formatNumber(problem.seq)} passer ikke med sin kontrolsum (posten er ændret)`;
    case 'deleted':
      return problem.from === problem.to
        ? `post ${formatNumber(problem.from)} mangler (slettet)`
        : `post ${formatNumber(problem.from)}–${formatNumber(problem.to)} mangler (slettet)`;
    case 'inserted':
      return problem.seq === null
        ? 'en post uden gyldigt nummer eller kontrolsum er sat ind uden om Tilsynsbænken'
        : `post ${formatNumber(problem.seq)} findes mere end én gang (en post er sat ind)`;
    case 'broken':
      return `post ${formatNumber(problem.seq)} passer ikke med post ${formatNumber(problem.after)} før den (en af dem er ændret, eller en post er slettet eller sat ind imellem)`;
  }
}

const SHOWN_PROBLEMS = 10;

/** The chain's state in one Danish sentence: whole with its count, or changed with the entries named. */
export function describeChain(report: ChainReport): string {
  if (report.problems.length === 0) return `Loggen er hel (${formatNumber(report.entries)} ${report.entries === 1 ? 'post' : 'poster'})`;
  const named = report.problems.slice(0, SHOWN_PROBLEMS).map(describeChainProblem);
  const more = report.problems.length - named.length;
  return `Loggen er ændret: ${joinDanish(more > 0 ? [...named, `${formatNumber(more)} andre fejl`] : named)}.`;
}

const MAX_NAME = 80;

/** The name a user gives for the session, trimmed; a Danish message when it will not do. */
export function validateUserName(name: string): Result<string> {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) return fail('Skriv dit navn, så loggen kan vise, hvem der har gjort hvad.');
  if (trimmed.length > MAX_NAME) return fail(`Navnet må højst være ${MAX_NAME} tegn.`);
  return ok(trimmed);
}

/** A setting's change field by field, old → new: nested values by their path (`params.BFU_4M.toleranceDays`). */
export function settingChanges(before: unknown, after: unknown, path = ''): { field: string; from: AuditValue; to: AuditValue }[] {
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => settingChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const value = (v: unknown) => JSON.parse(canonicalJson(v)) as AuditValue;
  return [{ field: path, from: value(before), to: value(after) }];
}
