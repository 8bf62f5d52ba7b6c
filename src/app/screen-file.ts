/**
 * Headless screening (RULES.md "Headless screening"): file bytes and options in, the screening
 * JSON out. The same import and screening code the app runs, with no Node or browser API, so the
 * CLI (`scripts/screen.ts`) and a browser can both use it.
 */
import { maskCprLike } from '../domain/cpr';
import { fieldByKey } from '../domain/fields';
import { fail, ok, type Result } from '../domain/result';
import { RULES } from '../domain/rules/catalog';
import { screenTable } from '../domain/rules/evaluate';
import { DEFAULT_SETTINGS, ruleSetVersion } from '../domain/rules/settings';
import { summariseByRule, type RuleSummary } from '../domain/rules/summary';
import type { RuleResult, RuleStatus, ScreeningSettings } from '../domain/rules/types';
import { bundleCases, EVENT_TABLES, type EventTableName, type IsoDate } from '../domain/types';
import { applyProfile, headerSignature, mappingProblems, suggestMapping, workbookLayout } from '../io/mapping';
import { unknownValueLines, withSuggestedReadings } from '../io/value-mapping';
import { describeMapping, sureOnly, unsureHints } from './headless-mapping';
import type { ImportMapping, MappingProfile, SheetRole } from '../domain/mapping';
import { readSourceFile } from '../io/read-file';
import { transformWorkbook } from '../io/transform';
import type { ImportIssue } from '../domain/records';

/** One result as RULES.md writes it: dates ISO, absent values null. */
export interface ScreeningJsonResult {
  caseNumber: string;
  ruleId: string;
  subject: string;
  status: RuleStatus;
  deadline: IsoDate | null;
  doneAt: IsoDate | null;
  daysLate: number | null;
  regime: 'SEL' | 'BL' | null;
  legalRef: string;
  basis: string;
}

/** One rule's counts; rate and interval null when no subject counted (RULES.md "Results"). */
export interface ScreeningJsonSummary {
  ruleId: string;
  met: number;
  metWithException: number;
  breached: number;
  pending: number;
  notApplicable: number;
  unknown: number;
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ScreeningJson {
  asOf: IsoDate;
  ruleSetVersion: string;
  results: ScreeningJsonResult[];
  summary: ScreeningJsonSummary[];
}

export interface ScreenFileOptions {
  fileName: string;
  asOf: IsoDate;
  /**
   * A saved profile or a bare mapping; without one, the matcher's sure matches and sure value
   * readings are used (an unsure match is not: no one is there to check it).
   */
  mapping?: MappingProfile | ImportMapping | null;
  settings?: ScreeningSettings;
  /** Told the mapping that will be used before it is checked, so it can be saved even when it is refused. */
  onMapping?: (mapping: ImportMapping, signature: string) => void;
  /** Screen an extract with no cases at all (only headers): refused unless asked for, as it is most likely a broken export. */
  allowEmpty?: boolean;
}

export const EMPTY_EXTRACT = 'Udtrækket har ingen sager (kun overskrifter eller tomme rækker). Det er sandsynligvis et afbrudt eller forkert udtræk. Skal det alligevel screenes, så angiv --allow-empty.';

export interface ScreenFileReport {
  json: ScreeningJson;
  /** The domain values behind the JSON, for the workbook. */
  results: RuleResult[];
  summaries: RuleSummary[];
  mapping: ImportMapping;
  /** What the mapping used, in Danish: column → field, value → reading. */
  mappingLines: string[];
  issues: ImportIssue[];
  /** The import report's lines on values read as "ukendt". */
  unknownValueLines: string[];
  rowsRead: number;
  rowsRejected: number;
  caseCount: number;
  importedTables: EventTableName[];
  /** What the reader decided that the user should check (lines read in another encoding), in Danish. */
  notes: string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `åååå-mm-dd` (2024-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ROLES: readonly SheetRole[] = ['wide', 'ignore', 'cases', ...EVENT_TABLES];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a mapping read from JSON, so a hand-edited file gets a Danish message, not a crash. */
function checkMapping(value: unknown): Result<ImportMapping> {
  if (!isObject(value) || !Array.isArray(value.sheets)) return fail('Kortlægningen skal have en liste "sheets".');
  for (const [index, sheet] of value.sheets.entries()) {
    const where = `Ark nr. ${index + 1} i kortlægningen`;
    if (!isObject(sheet) || typeof sheet.sheet !== 'string') return fail(`${where} mangler sit navn ("sheet").`);
    if (!ROLES.includes(sheet.role as SheetRole)) return fail(`${where} ("${sheet.sheet}") har en ukendt rolle "${String(sheet.role)}". Brug en af: ${ROLES.join(', ')}.`);
    if (!Array.isArray(sheet.columns)) return fail(`${where} ("${sheet.sheet}") mangler sine kolonner ("columns").`);
    for (const column of sheet.columns) {
      if (!isObject(column) || typeof column.header !== 'string') return fail(`${where} ("${sheet.sheet}"): hver kolonne skal have en overskrift ("header").`);
      if (column.target !== null && column.target !== undefined && !(typeof column.target === 'string' && fieldByKey.has(column.target))) {
        return fail(`${where} ("${sheet.sheet}"): kolonnen "${column.header}" peger på et ukendt felt "${String(column.target)}".`);
      }
    }
  }
  return ok(value as unknown as ImportMapping);
}

/** A mapping file's text: a profile as the app saves it (`{ name, mapping: { sheets } }`) or a bare `{ sheets }`. */
export function parseMappingFile(text: string): Result<MappingProfile | ImportMapping> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('Kortlægningsfilen er ikke gyldig JSON.');
  }
  if (isObject(value) && 'mapping' in value) {
    const mapping = checkMapping(value.mapping);
    return mapping.ok ? ok({ ...(value as unknown as MappingProfile), mapping: mapping.value }) : mapping;
  }
  return checkMapping(value);
}

const asProfile = (mapping: MappingProfile | ImportMapping): MappingProfile =>
  'mapping' in mapping ? mapping : { id: 'kommandolinje', name: 'Kommandolinje', signature: '', mapping, createdAt: '' };

function summaryJson(summary: RuleSummary): ScreeningJsonSummary {
  const { ruleId, met, metWithException, breached, pending, notApplicable, unknown, rate, ci } = summary;
  return { ruleId, met, metWithException, breached, pending, notApplicable, unknown, rate, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null };
}

const resultJson = (r: RuleResult): ScreeningJsonResult => ({
  caseNumber: r.caseNumber, ruleId: r.ruleId, subject: r.subject, status: r.status, deadline: r.deadline, doneAt: r.doneAt,
  daysLate: r.daysLate, regime: r.regime, legalRef: r.legalRef, basis: r.basis,
});

/** Catalog order first, local standards after, so the summary reads the same for every file. */
const catalogIndex = (ruleId: string) => {
  const index = RULES.findIndex((r) => r.id === ruleId);
  return index === -1 ? RULES.length : index;
};

/**
 * Reads, maps, imports and screens one file. Refusals (unreadable file, bad date, a mapping with
 * problems) are a failed Result with a Danish message; unusable rows are reported in `issues`
 * and the rest is screened.
 */
export function screenFile(bytes: Uint8Array, options: ScreenFileOptions): Result<ScreenFileReport> {
  if (!isCalendarDate(options.asOf)) return fail(`Skæringsdatoen "${options.asOf}" er ikke en gyldig dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2024-06-30.`);
  // Output may be kept in logs: a file named after a child is not named in full.
  const name = maskCprLike(options.fileName);
  const read = readSourceFile(bytes, options.fileName);
  if (!read.ok) return fail(`Filen "${name}" kan ikke læses: ${read.message}`);
  const workbook = read.value;
  const layout = workbookLayout(workbook);
  const suggested = options.mapping ? applyProfile(layout, asProfile(options.mapping)) : suggestMapping(layout);
  const mapping = options.mapping ? suggested : withSuggestedReadings(sureOnly(suggested), workbook);
  options.onMapping?.(mapping, headerSignature(layout));
  const problems = mappingProblems(mapping);
  if (problems.length) {
    const hints = options.mapping ? [] : unsureHints(suggested, mapping);
    return fail(`Kortlægningen af "${name}" kan ikke bruges:\n${[...problems, ...hints].map((p) => `- ${p}`).join('\n')}`);
  }

  const imported = transformWorkbook(workbook, mapping, { keepFullCpr: false });
  const importedTables = EVENT_TABLES.filter((t) => imported.tables.includes(t));
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const cases = bundleCases(imported.data);
  if (cases.length === 0 && !options.allowEmpty) return fail(`"${name}": ${EMPTY_EXTRACT}`);
  const table = screenTable(cases, { asOf: options.asOf, settings, importedTables: new Set(importedTables), explain: true });
  const results = table.all();
  const summaries = summariseByRule(table).sort((a, b) => catalogIndex(a.ruleId) - catalogIndex(b.ruleId));
  return ok({
    json: { asOf: options.asOf, ruleSetVersion: ruleSetVersion(settings), results: results.map(resultJson), summary: summaries.map(summaryJson) },
    results, summaries, mapping, mappingLines: describeMapping(mapping, Boolean(options.mapping)), issues: imported.issues, unknownValueLines: unknownValueLines(imported.unknownValues), rowsRead: imported.rowsRead, rowsRejected: imported.rowsRejected,
    caseCount: cases.length, importedTables, notes: workbook.notes ?? [],
  });
}
