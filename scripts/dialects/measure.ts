// Measures the matcher on the dialect test set: how many columns it maps right by itself, how
// many wrong, and how many screening results differ from the canonical twin's after the
// suggested (sure) value readings are accepted. Used by test/unit/dialects.test.ts and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenFile } from '../../src/app/screen-file';
import { DEMO_REFERENCE_ANCHOR, demoPeriod } from '../../src/domain/demo/config';
import { suggestMapping, workbookLayout } from '../../src/io/mapping';
import { readSourceFile } from '../../src/io/read-file';
import { withSuggestedReadings } from '../../src/io/value-mapping';
import type { ImportMapping } from '../../src/domain/mapping';
import type { DialectTruth } from './write';

export const DIALECT_DIR = join(import.meta.dirname, '../../test/fixtures/dialects');
/** The day the fictitious extract was taken; the screening is as of it. */
export const DIALECT_AS_OF = demoPeriod(DEMO_REFERENCE_ANCHOR).to;

export interface DialectFigures {
  name: string;
  untuned: boolean;
  /** Columns with a field in the true mapping. */
  columns: number;
  /** Of those, pre-selected (sure or unsure) with the right field. */
  right: number;
  /** Any column (also one with no field) pre-selected with a wrong field. */
  wrong: number;
  sureWrong: number;
  unsure: number;
  /** Screening results that differ from (or are missing in) the canonical twin's. */
  resultDiffs: number;
  results: number;
  /** Columns not matched right, "header → suggested (true)", for the report. */
  misses: string[];
}

export function listDialects(): DialectTruth[] {
  return (JSON.parse(readFileSync(join(DIALECT_DIR, 'dialects.json'), 'utf8')) as { dialects: DialectTruth[] }).dialects;
}

const resultKey = (r: { caseNumber: string; ruleId: string; subject: string }) => `${r.caseNumber}\u0000${r.ruleId}\u0000${r.subject}`;

/** `readings: false` leaves the value readings out, to show what they are worth. */
export function measureDialect(truth: DialectTruth & { file: string }, options: { readings?: boolean } = {}): DialectFigures {
  const bytes = new Uint8Array(readFileSync(join(DIALECT_DIR, truth.file)));
  const read = readSourceFile(bytes, truth.file);
  if (!read.ok) throw new Error(`${truth.file}: ${read.message}`);
  const workbook = read.value;
  const plain = suggestMapping(workbookLayout(workbook));
  const suggested: ImportMapping = options.readings === false ? plain : withSuggestedReadings(plain, workbook);
  const figures: DialectFigures = { name: truth.name, untuned: truth.untuned, columns: 0, right: 0, wrong: 0, sureWrong: 0, unsure: 0, resultDiffs: 0, results: 0, misses: [] };
  truth.sheets.forEach((sheet, index) => {
    const mapped = suggested.sheets[index]!;
    sheet.columns.forEach((column, at) => {
      const got = mapped.columns[at]!;
      const target = mapped.role === sheet.role ? got.target : got.target === null ? null : `${mapped.role}?${got.target}`;
      if (column.target !== null) figures.columns += 1;
      if (got.confidence === 'unsure') figures.unsure += 1;
      if (target !== null && target === column.target) figures.right += 1;
      else if (target !== null) {
        figures.wrong += 1;
        if (got.confidence !== 'unsure') figures.sureWrong += 1;
      }
      if (target !== column.target) figures.misses.push(`${sheet.sheet}: "${column.header}" → ${target ?? '–'}${got.confidence ? ` (${got.confidence})` : ''}, ret: ${column.target ?? '–'}`);
    });
  });
  const screened = screenFile(bytes, { fileName: truth.file, asOf: DIALECT_AS_OF, mapping: suggested });
  const twin = screenFile(new Uint8Array(readFileSync(join(DIALECT_DIR, truth.file.replace(/\.\w+$/, '.kanonisk.xlsx')))), { fileName: 'kanonisk.xlsx', asOf: DIALECT_AS_OF });
  if (!twin.ok) throw new Error(`${truth.name} twin: ${twin.message}`);
  const expected = new Map(twin.value.json.results.map((r) => [resultKey(r), JSON.stringify(r)]));
  figures.results = expected.size;
  if (!screened.ok) {
    figures.resultDiffs = expected.size;
    figures.misses.push(`Screening afvist: ${screened.message}`);
    return figures;
  }
  const actual = new Map(screened.value.json.results.map((r) => [resultKey(r), JSON.stringify(r)]));
  for (const [key, value] of expected) if (actual.get(key) !== value) figures.resultDiffs += 1;
  for (const key of actual.keys()) if (!expected.has(key)) figures.resultDiffs += 1;
  return figures;
}

const pct = (n: number, d: number) => `${d === 0 ? '–' : ((100 * n) / d).toFixed(1).replace('.', ',')} %`;

/** The figures as a table, per dialect and in total. */
export function dialectTable(all: readonly DialectFigures[]): string {
  const total = all.reduce((t, f) => ({ ...t, columns: t.columns + f.columns, right: t.right + f.right, wrong: t.wrong + f.wrong, sureWrong: t.sureWrong + f.sureWrong, unsure: t.unsure + f.unsure, resultDiffs: t.resultDiffs + f.resultDiffs, results: t.results + f.results }),
    { name: 'I alt', untuned: false, columns: 0, right: 0, wrong: 0, sureWrong: 0, unsure: 0, resultDiffs: 0, results: 0, misses: [] } as DialectFigures);
  const line = (f: DialectFigures) => `${(f.name + (f.untuned ? ' (utunet)' : '')).padEnd(26)} ${String(f.columns).padStart(4)} kolonner  ret ${pct(f.right, f.columns).padStart(7)}  forkert ${String(f.wrong).padStart(2)} (sikre ${f.sureWrong})  usikre ${String(f.unsure).padStart(2)}  resultater ${String(f.results).padStart(5)}, afvigende ${f.resultDiffs}`;
  return [...all.map(line), line(total)].join('\n');
}
