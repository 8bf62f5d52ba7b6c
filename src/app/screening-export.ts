import { formatNumber } from '../domain/format';
import { ruleName } from '../domain/rules/labels';
import { screeningWorkbook } from '../io/screening-workbook';
import type { LoadedScreening } from './screening';

/** An Excel sheet holds 1,048,576 rows; the header and the DEMO line take two. */
export const SHEET_ROWS = 1_048_574;

/**
 * A stored screening as the workbook the headless command writes, for the page's download. A
 * national screening can have more results than a sheet holds: then the "ikke relevant" ones are
 * left out of the results sheet (they are still counted in the summary), and the sheet says so.
 */
export function screeningWorkbookOf(loaded: LoadedScreening, demo: boolean, rowLimit = SHEET_ROWS): Uint8Array {
  const { record } = loaded;
  let results = loaded.results.all();
  let note: string | undefined;
  if (results.length > rowLimit) {
    const all = results.length;
    results = results.filter((r) => r.status !== 'notApplicable');
    if (results.length > rowLimit) throw new Error(`Screeningen har ${formatNumber(results.length)} resultater, flere end et Excel-ark kan rumme. Brug npm run screen med --out result.json i stedet.`);
    note = `Arket Resultater viser ${formatNumber(results.length)} af ${formatNumber(all)} resultater: dem med status Ikke relevant er udeladt, da et Excel-ark ikke kan rumme alle. De tæller med i oversigten.`;
  }
  const ruleNames = new Map(record.summary.map((s) => [s.ruleId, ruleName(s.ruleId, record.settings)]));
  return screeningWorkbook({ asOf: record.asOf, ruleSetVersion: record.ruleSetVersion, results, summaries: record.summary, ruleNames, demo, ...(note && { note }) });
}
