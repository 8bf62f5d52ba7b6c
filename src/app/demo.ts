import type { ImportRecord } from '../domain/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { DEMO_PRESETS, demoPeriod, type DemoPreset } from '../domain/demo/config';
import { generateDemo } from '../domain/demo/generate';
import { formatDate } from '../domain/format';
import type { IsoDate } from '../domain/types';
import { canonicalWorkbook } from '../io/canonical-sheets';
import { suggestMapping, workbookLayout } from '../io/mapping';
import { sha256Hex } from '../io/sha256';
import { runImport, type ImportProgress } from './import-run';

export interface DemoRequest {
  preset: DemoPreset;
  seed: number;
  /** The day the demo is made for, today in the app: its extract is from a few days before (`demoPeriod`). */
  anchor: IsoDate;
  importId: string;
  importedAt: string;
  /** Also the review work (rounds, answers, an improvement plan): what the app's demo gets, not the tests' plain kommune. */
  reviews?: boolean;
  /** Who loads it, for the audit log. */
  by: string;
}

/**
 * Fills a workspace with a fictitious kommune. The data goes through the real importer as the
 * canonical template would, so a demo workspace is exactly what an import of that file gives.
 */
export async function loadDemo(db: WorkspaceDb, request: DemoRequest, progress: ImportProgress = () => {}): Promise<ImportRecord> {
  const { anchor } = request;
  const extractDate = demoPeriod(anchor).to;
  const workbook = canonicalWorkbook(generateDemo({ ...DEMO_PRESETS[request.preset], seed: request.seed, anchor }));
  const fileName = `Demodata (${request.preset}, frø ${request.seed}, udtræk ${formatDate(extractDate)})`;
  return runImport(db, workbook, {
    importId: request.importId,
    importedAt: request.importedAt,
    fileName,
    size: 0,
    sha256: await sha256Hex(new TextEncoder().encode(fileName)),
    readMs: 0,
    mapping: suggestMapping(workbookLayout(workbook)),
    keepFullCpr: false,
    extractDate,
    by: request.by,
  }, progress);
}
