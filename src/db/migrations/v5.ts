import type { Transaction } from 'dexie';
import { deflateSync, strToU8 } from 'fflate';

/**
 * Schema version 5, frozen: it moves what versions 1–4 stored into version 5's shapes with its own
 * copy of every encoding it needs, and calls no writer of the live code, so a later change there
 * cannot change what an old database becomes. Do not edit it; a later version adds its own step.
 *
 * - `cases` (one record per case, full or sparse, with `importId` and `missingSince`) and the
 *   copies of versions 2 and 4 (`caseSnapshot`, `caseColumns`) become chunks of 2,000 cases as
 *   JSON lines with a manifest in `meta`, all at data revision 1. The screening's columns are not
 *   made here: a missing derived chunk is made from its chunk when first read.
 * - `rawRows` become one deflated JSON text per import in `importSources`.
 * - A screening not stored completely is removed; the rest are marked complete, with their
 *   results as one result table (version 1 stored result objects in several chunks).
 */

const CASE_FIELDS = ['caseNumber', 'cpr', 'birthDate', 'unit', 'group', 'caseworker', 'openedAt', 'closedAt', 'awareAt'];
const EVENT_FIELDS: Record<string, string[]> = {
  notifications: ['id', 'receivedAt', 'fromProfessional', 'assessedAt', 'acknowledgedAt', 'outcome', 'preventiveConsidered'],
  investigations: ['id', 'startedAt', 'completedAt', 'interimAssessmentAt', 'recommendsPlacement'],
  measures: ['id', 'measureId', 'kind', 'paragraph', 'consent', 'urgent', 'startDate', 'endDate', 'decisionDate', 'childConversationAt', 'conversationWaived', 'supporterOffered', 'parentsInformed', 'placementChoiceJustified', 'contactDecided', 'planSharedWithPlacement', 'managementApproved', 'planNeeded'],
  actionPlans: ['id', 'date', 'measureId', 'filed'],
  followUps: ['id', 'measureId', 'date', 'cadenceMonths'],
  supervisionVisits: ['id', 'date', 'childSeenAlone'],
};
const CHUNK_CASES = 2000;
const REVISION = 1;

type Row = Record<string, unknown>;

function sparse(source: Row, fields: readonly string[]): Row {
  const result: Row = {};
  for (const field of fields) if (source[field] !== null && source[field] !== undefined) result[field] = source[field];
  return result;
}

function line(stored: Row): string {
  const encoded = sparse(stored, CASE_FIELDS);
  const events: Record<string, Row[]> = {};
  const from = (stored.events ?? {}) as Record<string, Row[] | undefined>;
  for (const [table, fields] of Object.entries(EVENT_FIELDS)) if (from[table]?.length) events[table] = from[table]!.map((e) => sparse(e, fields));
  encoded.events = events;
  return JSON.stringify(encoded);
}

async function moveCases(tx: Transaction): Promise<Map<string, Row>> {
  const cases = (await tx.table('cases').toArray()) as Row[];
  const key = (c: Row) => c.caseNumber as string;
  cases.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const entries: { id: number; first: string; count: number; revision: number }[] = [];
  for (let id = 0, from = 0; from < cases.length; id++, from += CHUNK_CASES) {
    const part = cases.slice(from, from + CHUNK_CASES);
    const missing: [number, string][] = [];
    part.forEach((c, i) => typeof c.missingSince === 'string' && missing.push([i, c.missingSince]));
    await tx.table('caseChunks').add({
      id, revision: REVISION, keys: part.map((c) => JSON.stringify(key(c))).join('\n'), lines: part.map(line).join('\n'),
      revisions: new Uint32Array(part.length).fill(REVISION), missing,
    });
    entries.push({ id, first: key(part[0]!), count: part.length, revision: REVISION });
  }
  await tx.table('meta').put({ key: 'cases', revision: cases.length ? REVISION : 0, count: cases.length, chunks: entries });
  return new Map(cases.map((c) => [key(c), c]));
}

async function moveRawRows(tx: Transaction): Promise<void> {
  const sheets = new Map<string, { sheet: string; rows: unknown[] }[]>();
  await tx.table('rawRows').each((chunk: Row) => {
    const list = sheets.get(chunk.importId as string) ?? [];
    const last = list.at(-1);
    if (last && last.sheet === chunk.sheet) last.rows.push(...(chunk.rows as unknown[]));
    else list.push({ sheet: chunk.sheet as string, rows: [...(chunk.rows as unknown[])] });
    sheets.set(chunk.importId as string, list);
  });
  for (const [importId, list] of sheets) {
    const record = (await tx.table('imports').get(importId)) as Row | undefined;
    const text = strToU8(JSON.stringify(list));
    await tx.table('importSources').put({ importId, fileName: (record?.fileName as string | undefined) ?? '', kind: 'rows', deflated: true, size: text.byteLength, bytes: deflateSync(text, { level: 6 }) });
    if (record) await tx.table('imports').update(importId, { sourceKept: true });
  }
}

const STATUSES = ['met', 'metWithException', 'breached', 'pending', 'notApplicable', 'unknown'];
const REGIMES = [null, 'SEL', 'BL'];
const NONE = -2_147_483_648;

function dayOf(date: unknown): number {
  if (typeof date !== 'string') return NONE;
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

/** Version 1's result objects as one result table of the layout versions 2–5 store. */
function resultTable(results: Row[]): Row {
  const strings = () => {
    const values: string[] = [];
    const index = new Map<string, number>();
    return { values, id: (v: string) => index.get(v) ?? (index.set(v, values.length), values.push(v) - 1) };
  };
  const [rules, caseNumbers, kinds, legalRefs, missing] = [strings(), strings(), strings(), strings(), strings()];
  missing.id('');
  const n = results.length;
  const columns = {
    rule: new Uint16Array(n), caseIndex: new Uint32Array(n), kind: new Uint8Array(n), status: new Uint8Array(n), regime: new Uint8Array(n),
    legalRef: new Uint16Array(n), missing: new Uint16Array(n), deadline: new Int32Array(n), doneAt: new Int32Array(n), daysLate: new Int32Array(n), trigger: new Int32Array(n),
  };
  const eventIds: string[] = [];
  const basis: [number, string][] = [];
  results.forEach((r, i) => {
    const subject = String(r.subject ?? '');
    const colon = subject.indexOf(':');
    columns.rule[i] = rules.id(String(r.ruleId));
    columns.caseIndex[i] = caseNumbers.id(String(r.caseNumber));
    columns.kind[i] = kinds.id(colon < 0 ? '' : subject.slice(0, colon));
    eventIds.push(colon < 0 ? subject : subject.slice(colon + 1));
    columns.status[i] = Math.max(0, STATUSES.indexOf(String(r.status)));
    columns.regime[i] = Math.max(0, REGIMES.indexOf((r.regime as string | null | undefined) ?? null));
    columns.legalRef[i] = legalRefs.id(String(r.legalRef ?? ''));
    columns.missing[i] = Array.isArray(r.missing) && r.missing.length ? missing.id(r.missing.join(',')) : 0;
    columns.deadline[i] = dayOf(r.deadline);
    columns.doneAt[i] = dayOf(r.doneAt);
    columns.daysLate[i] = typeof r.daysLate === 'number' ? r.daysLate : NONE;
    columns.trigger[i] = dayOf(r.trigger);
    if (r.basis) basis.push([i, String(r.basis)]);
  });
  return {
    length: n, columns, eventIds: JSON.stringify(eventIds), ruleIds: rules.values, caseNumbers: caseNumbers.values,
    kinds: kinds.values, legalRefs: legalRefs.values, missing: missing.values, basis,
  };
}

async function keepCompleteScreenings(tx: Transaction, cases: Map<string, Row>): Promise<void> {
  const imports = (await tx.table('imports').toArray()) as Row[];
  const screenings = (await tx.table('screenings').toArray()) as Row[];
  let latest: Row | undefined;
  for (const screening of screenings) {
    const chunks = (await tx.table('screeningResults').where('screeningId').equals(screening.id as string).toArray()) as Row[];
    if (screening.complete === false || chunks.length === 0) {
      await tx.table('screeningResults').where('screeningId').equals(screening.id as string).delete();
      await tx.table('screenings').delete(screening.id as string);
      continue;
    }
    if (!chunks[0]!.table) {
      const results = chunks.flatMap((c) => (c.results as Row[] | undefined) ?? []);
      const facts = [...new Set(results.map((r) => String(r.caseNumber)))].map((caseNumber) => {
        const c = cases.get(caseNumber);
        return [caseNumber, { unit: c?.unit ?? 'ukendt', group: c?.group ?? null, caseworker: c?.caseworker ?? 'ukendt' }];
      });
      await tx.table('screeningResults').where('screeningId').equals(screening.id as string).delete();
      await tx.table('screeningResults').add({ screeningId: screening.id, table: resultTable(results), cases: facts });
    }
    const createdAt = String(screening.createdAt);
    const before = imports.filter((i) => String(i.importedAt) <= createdAt);
    // The cases are those it screened when no import came after it; otherwise which of them changed is not known.
    const unchangedSince = before.length === imports.length;
    await tx.table('screenings').put({
      ...screening, complete: true, purpose: 'user',
      importedTables: [...new Set(before.flatMap((i) => (i.tables as string[]).filter((t) => t !== 'cases')))],
      ...(unchangedSince && { dataRevision: imports.length ? REVISION : 0 }),
    });
    if (!latest || createdAt > String(latest.createdAt)) latest = screening;
  }
  if (latest) await tx.table('settings').put({ key: 'chosenScreeningId', value: latest.id });
}

export async function upgradeToV5(tx: Transaction): Promise<void> {
  const cases = await moveCases(tx);
  await moveRawRows(tx);
  await keepCompleteScreenings(tx, cases);
}
