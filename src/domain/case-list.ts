import { MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS } from './fields';
import type { CaseBundle, IsoDate, IsoDateTime } from './types';

export type CaseStatus = 'active' | 'closed' | 'missing';

/** A case as one row of the case list: small enough to hold 100,000 of in the page. */
export interface CaseSummary {
  caseNumber: string;
  unit: string;
  group: string | null;
  caseworker: string;
  openedAt: IsoDate | null;
  closedAt: IsoDate | null;
  status: CaseStatus;
  events: number;
  /** `sortKey(caseNumber)`, made where the summary is made (in the worker), not on the page. */
  numberKey: string;
}

export const STATUS_LABEL: Record<CaseStatus, string> = { active: 'Aktiv', closed: 'Lukket', missing: 'Ikke længere i udtrækket' };

export function summariseCase(c: CaseBundle & { missingSince: IsoDate | null }): CaseSummary {
  const events = Object.values(c.events).reduce((n, list) => n + list.length, 0);
  const status: CaseStatus = c.missingSince ? 'missing' : c.closedAt ? 'closed' : 'active';
  // `?? null`: a case read as stored has no empty fields at all.
  return { caseNumber: c.caseNumber, unit: c.unit, group: c.group ?? null, caseworker: c.caseworker, openedAt: c.openedAt ?? null, closedAt: c.closedAt ?? null, status, events, numberKey: naturalKey(c.caseNumber) };
}

export interface CaseFilter {
  unit: string;
  caseworker: string;
  group: string;
  status: CaseStatus | '';
  /** Part of a case number, any case. */
  text: string;
}

export const NO_FILTER: CaseFilter = { unit: '', caseworker: '', group: '', status: '', text: '' };

export function filterCases(list: readonly CaseSummary[], filter: CaseFilter): CaseSummary[] {
  const text = filter.text.trim().toLocaleLowerCase('da');
  return list.filter(
    (c) =>
      (!filter.unit || c.unit === filter.unit) &&
      (!filter.caseworker || c.caseworker === filter.caseworker) &&
      (!filter.group || c.group === filter.group) &&
      (!filter.status || c.status === filter.status) &&
      (!text || c.caseNumber.toLocaleLowerCase('da').includes(text)),
  );
}

export type SortKey = 'caseNumber' | 'unit' | 'group' | 'caseworker' | 'openedAt' | 'closedAt' | 'status' | 'events';

const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });

/**
 * A key whose plain string order is Danish natural order: case ignored, accents dropped, æ ø å
 * after z, and digit runs padded so "S-2" comes before "S-10". Comparing such keys is about ten
 * times faster than Intl.Collator, which kept a 100,000-case sort on the page for most of a second.
 */
export function sortKey(text: string): string {
  let key = sortKeys.get(text);
  if (key === undefined) {
    key = naturalKey(text);
    if (sortKeys.size > 1_000_000) sortKeys.clear();
    sortKeys.set(text, key);
  }
  return key;
}

/** Keys of values seen before: a list is sorted again on every click, its values do not change. */
const sortKeys = new Map<string, string>();

function naturalKey(text: string): string {
  return text
    .toLocaleLowerCase('da')
    .replace(/æ|ø|å/g, (letter) => (letter === 'æ' ? '{' : letter === 'ø' ? '|' : '}'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(12, '0'));
}

/** Sorts a copy; case numbers naturally ("S-2" before "S-10"), Danish letters in Danish order, blanks last. */
export function sortCases(list: readonly CaseSummary[], key: SortKey, direction: 'ascending' | 'descending'): CaseSummary[] {
  // The worker sends the list in case-number order: the page's first view needs no sort at all.
  if (key === 'caseNumber' && direction === 'ascending' && list.every((c, i) => i === 0 || list[i - 1]!.numberKey <= c.numberKey)) return [...list];
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = list.map((c) => {
    const value = c[key];
    const k = key === 'caseNumber' ? c.numberKey : value === null ? null : typeof value === 'number' ? value : sortKey(value);
    return { c, k, n: c.numberKey };
  });
  keyed.sort((a, b) => {
    if (a.k === b.k) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
    if (a.k === null) return 1;
    if (b.k === null) return -1;
    return sign * (a.k < b.k ? -1 : 1);
  });
  return keyed.map((e) => e.c);
}

/** The distinct non-empty values of a column, sorted, for the filter lists. */
export function distinctValues(list: readonly CaseSummary[], key: 'unit' | 'caseworker' | 'group'): string[] {
  return [...new Set(list.map((c) => c[key]).filter((v): v is string => !!v))].sort(collator.compare);
}

export interface TimelineEntry {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  at: IsoDateTime;
  label: string;
  details: string[];
}

const yesNo = (value: boolean | null) => (value === null ? 'ukendt' : value ? 'ja' : 'nej');

/** Every dated step of a case in date order, in Danish, for the case view. */
export function caseTimeline(c: CaseBundle): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (at: IsoDateTime | null, label: string, details: string[] = []) => at && entries.push({ at, label, details });
  add(c.awareAt, 'Kommunen opmærksom på barnet');
  add(c.openedAt, 'Sagen oprettet');
  add(c.closedAt, 'Sagen lukket');
  for (const n of c.events.notifications) {
    add(n.receivedAt, 'Underretning modtaget', [`fra fagperson: ${yesNo(n.fromProfessional)}`, `udfald: ${n.outcome ? OUTCOME_SYNONYMS[n.outcome][0] : 'ukendt'}`]);
    add(n.assessedAt, 'Underretning vurderet');
    add(n.acknowledgedAt, 'Kvittering sendt til underretter');
  }
  for (const i of c.events.investigations) {
    add(i.startedAt, 'Børnefaglig undersøgelse påbegyndt');
    add(i.interimAssessmentAt, 'Foreløbig vurdering');
    add(i.completedAt, 'Børnefaglig undersøgelse afsluttet', [`peger på anbringelse: ${yesNo(i.recommendsPlacement)}`]);
  }
  for (const m of c.events.measures) {
    const kind = m.kind ? MEASURE_KIND_SYNONYMS[m.kind][0]! : 'foranstaltning af ukendt type';
    add(m.childConversationAt, `Børnesamtale (${kind})`);
    add(m.decisionDate, `Afgørelse om ${kind}`, [m.paragraph ?? '', `børnesamtale fravalgt med begrundelse: ${yesNo(m.conversationWaived)}`, `bisidder vejledt: ${yesNo(m.supporterOffered)}`].filter(Boolean));
    add(m.startDate, `${kind[0]!.toLocaleUpperCase('da')}${kind.slice(1)} iværksat`, [`id ${m.measureId}`, `akut: ${yesNo(m.urgent)}`, `samtykke: ${yesNo(m.consent)}`]);
    add(m.endDate, `${kind[0]!.toLocaleUpperCase('da')}${kind.slice(1)} ophørt`, [`id ${m.measureId}`]);
  }
  for (const p of c.events.actionPlans) add(p.date, 'Handleplan', [`journaliseret: ${yesNo(p.filed)}`, ...(p.measureId ? [`foranstaltning ${p.measureId}`] : [])]);
  for (const f of c.events.followUps) add(f.date, 'Opfølgning', f.cadenceMonths ? [`næste inden ${f.cadenceMonths} måneder`] : []);
  for (const v of c.events.supervisionVisits) add(v.date, 'Personrettet tilsyn', [`samtale med barnet alene: ${yesNo(v.childSeenAlone)}`]);
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
