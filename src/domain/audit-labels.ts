import type { AuditEntry, AuditValue } from './audit';
import { formatDate, formatDateTime, formatNumber } from './format';
import { ACTION_STATUS_LABEL, type ActionStatus } from './review/plan';
import { ANSWERS } from './review/templates';
import type { IsoDate } from './types';

/** The audit log in Danish: what each action is called, how its details read, and the page's filter. */

/** A new action gets its label here; an action without one is shown by its name. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'workspace.created': 'Arbejdsområde oprettet',
  'workspace.renamed': 'Arbejdsområde omdøbt',
  'workspace.deleted': 'Arbejdsområde slettet',
  'workspace.demoReset': 'Demo nulstillet',
  'workspace.locked': 'Arbejdsområde låst',
  'workspace.unlocked': 'Lås fjernet fra arbejdsområde',
  'workspace.passphraseChanged': 'Adgangskode skiftet',
  import: 'Import',
  'import.fileDeleted': 'Importeret fil slettet',
  'profile.saved': 'Kortlægning gemt',
  screening: 'Screening',
  'screening.deleted': 'Screening slettet',
  'sample.drawn': 'Stikprøve trukket',
  'sample.extend': 'Stikprøve udvidet',
  'sample.outOfScope': 'Sag uden for målgruppen',
  'template.saved': 'Spørgeskema gemt',
  'round.setUp': 'Runde sat op',
  'answer.saved': 'Svar ændret',
  'handover.applied': 'Overdragelsesark læst ind',
  'handover.exported': 'Overdragelsesark hentet',
  'plan.focusArea': 'Fokusområde oprettet',
  'plan.action': 'Handling oprettet',
  'plan.status': 'Handlingens status ændret',
  'plan.focusArea.edited': 'Fokusområde omdøbt',
  'plan.focusArea.deleted': 'Fokusområde slettet',
  'plan.action.edited': 'Handling ændret',
  'plan.action.deleted': 'Handling slettet',
  'settings.screening': 'Regler i screeningen ændret',
  'settings.keepScreenings': 'Antal gemte screeninger ændret',
  'settings.keepImportFiles': 'Gem importerede filer ændret',
  'settings.keepFullCpr': 'Behold fulde CPR-numre ændret',
  'settings.heatMapThresholds': 'Grænser for varmekortets farver ændret',
  export: 'Eksport',
  'backup.created': 'Sikkerhedskopi taget',
  'backup.restored': 'Sikkerhedskopi gendannet',
  'report.stored': 'Rapport gemt',
  'report.deleted': 'Rapport slettet',
};

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/** What an `export` entry exported (its `kind`). */
export const EXPORT_LABELS: Record<string, string> = {
  auditLog: 'Loggen (xlsx)',
  validationReport: 'Valideringsrapport (xlsx)',
  deadlines: 'Frister pr. sagsbehandler (xlsx)',
  sample: 'Stikprøveliste (xlsx)',
  handover: 'Overdragelsesark (xlsx)',
  plan: 'Udviklingsplan (xlsx)',
  report: 'Lovoverholdelsesrapport (xlsx)',
  screening: 'Screening (xlsx)',
  csv: 'Tabel (CSV)',
  mappingProfiles: 'Kortlægninger (json)',
};

const DETAIL_LABELS: Record<string, string> = {
  kind: 'Hvad', fileName: 'Fil', extractDate: 'Udtræk pr.', cases: 'Sager', rowsRead: 'Rækker læst', added: 'Nye', changed: 'Ændrede',
  noLongerPresent: 'Ikke længere i udtrækket', errors: 'Fejl', warnings: 'Advarsler', asOf: 'Skæringsdato', purpose: 'Formål',
  createdAt: 'Kørt', round: 'Runde', seed: 'Frø', caseNumber: 'Sag', template: 'Spørgeskema', templateId: 'Skema',
  questions: 'Spørgsmål', question: 'Spørgsmål', reviewers: 'Gennemgåere', reviewer: 'Gennemgåer', unassignable: 'Kunne ikke fordeles',
  answers: 'Svar', comment: 'Bemærkning', rows: 'Rækker', filter: 'Udvalg', title: 'Titel', text: 'Handling', owner: 'Ansvarlig',
  deadline: 'Frist', status: 'Status', actions: 'Handlinger', name: 'Navn', changes: 'Ændringer', roundId: 'Runde', source: 'Kilde',
  population: 'Population', drawnBy: 'Trukket af', replacement: 'Erstattet af', breached: 'Overskredne resultater', sheets: 'Ark',
  replaced: 'Erstattede en tidligere', importedAt: 'Importeret', demo: 'Demo', workspaceId: 'Arbejdsområdets id',
  quarters: 'Kvartaler', units: 'Enheder', rounds: 'Runder', table: 'Tabel',
};

const PURPOSE_LABELS: Record<string, string> = { user: 'Screening', deadlines: 'Frister' };
const ANSWER_ACTIONS = new Set(['answer.saved', 'handover.applied']);

/** A stored value as Danish text: dates dd-mm-åååå, counts with thousands separators, codes by their labels. */
function valueText(value: AuditValue | undefined, action: string, key: string): string {
  if (value === null || value === undefined || value === '') return '(intet)';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (ANSWER_ACTIONS.has(action) && (key === 'from' || key === 'to')) return ANSWERS.find((a) => a.value === value)?.label ?? value;
    if (action === 'plan.status' && (key === 'from' || key === 'to')) return ACTION_STATUS_LABEL[value as ActionStatus] ?? value;
    if (key === 'purpose') return PURPOSE_LABELS[value] ?? value;
    if (key === 'kind' && action === 'export') return EXPORT_LABELS[value] ?? value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? changeText(v, action) : valueText(v, action, key))).join('; ');
  return changeText(value, action);
}

/** One changed thing: `{ field?, caseNumber?, question?, from, to }` → `frist: 30-09-2024 → 31-10-2024`. */
function changeText(value: { [key: string]: AuditValue }, action: string): string {
  const { from, to, field, ...rest } = value;
  const what = [typeof field === 'string' ? (DETAIL_LABELS[field]?.toLocaleLowerCase('da') ?? field) : '', ...Object.entries(rest).map(([k, v]) => valueText(v, action, k))].filter(Boolean).join(' ');
  const change = 'from' in value || 'to' in value ? `${valueText(from, action, 'from')} → ${valueText(to, action, 'to')}` : '';
  return [what, change].filter(Boolean).join(': ');
}

/** The entry's details in one line: `Fil: x.csv · Sager: 1.234 · Nej → Ja`. */
export function describeDetails(entry: Pick<AuditEntry, 'action' | 'details'>): string {
  const details = entry.details ?? {};
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'to' && 'from' in details) continue;
    if (key === 'from' && 'to' in details) {
      parts.push(`${valueText(details.from, entry.action, 'from')} → ${valueText(details.to, entry.action, 'to')}`);
      continue;
    }
    parts.push(`${DETAIL_LABELS[key] ?? key}: ${valueText(value, entry.action, key)}`);
  }
  return parts.join(' · ');
}

/** The Log page's filter: empty fields filter nothing; the period is in local days, both ends included. */
export interface AuditFilter {
  action: string;
  by: string;
  from: IsoDate | '';
  to: IsoDate | '';
  text: string;
}

export const NO_FILTER: AuditFilter = { action: '', by: '', from: '', to: '', text: '' };

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of an ISO datetime, as the user's clock shows it. */
export function localDay(at: string): IsoDate {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Everything the free-text search looks in, in lower case. */
export const searchText = (entry: AuditEntry) =>
  [String(entry.seq), formatDateTime(new Date(entry.at)), entry.by, actionLabel(entry.action), describeDetails(entry)].join(' ').toLocaleLowerCase('da');

/** `text` is the entry's `searchText`, when it was made already (the page keeps it with each entry). */
export function matchesFilter(entry: AuditEntry, filter: AuditFilter, text?: string): boolean {
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.by && entry.by !== filter.by) return false;
  if (filter.from || filter.to) {
    const day = localDay(entry.at);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
  }
  const words = filter.text.trim().toLocaleLowerCase('da').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = text ?? searchText(entry);
  return words.every((w) => haystack.includes(w));
}

/** Newest first: by number, the order the chain gives them. */
export const newestFirst = (a: AuditEntry, b: AuditEntry) => (b.seq ?? 0) - (a.seq ?? 0) || (b.id ?? 0) - (a.id ?? 0);

/** The filter in words, for the export's heading. */
export function describeFilter(filter: AuditFilter): string {
  const parts = [
    filter.action && `handling: ${actionLabel(filter.action)}`,
    filter.by && `bruger: ${filter.by}`,
    (filter.from || filter.to) && `periode: ${filter.from ? formatDate(filter.from) : '…'} – ${filter.to ? formatDate(filter.to) : '…'}`,
    filter.text.trim() && `søgning: «${filter.text.trim()}»`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'alle poster';
}
