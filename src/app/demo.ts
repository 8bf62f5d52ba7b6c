import type { ImportRecord } from '../domain/records';
import type { WorkspaceDb } from '../db/workspace-db';
import { DEMO_PRESETS, type DemoPreset } from '../domain/demo/config';
import { generateDemo } from '../domain/demo/generate';
import { canonicalWorkbook } from '../io/canonical-sheets';
import { suggestMapping } from '../io/mapping';
import { sha256Hex } from '../io/sha256';
import { runImport, type ImportProgress } from './import-run';

export interface DemoRequest {
  preset: DemoPreset;
  seed: number;
  importId: string;
  importedAt: string;
  /** Also the review work (rounds, answers, an improvement plan): what the app's demo gets, not the tests' plain kommune. */
  reviews?: boolean;
}

/**
 * Fills a workspace with a fictitious kommune. The data goes through the real importer as the
 * canonical template would, so a demo workspace is exactly what an import of that file gives.
 */
export async function loadDemo(db: WorkspaceDb, request: DemoRequest, progress: ImportProgress = () => {}): Promise<ImportRecord> {
  const workbook = canonicalWorkbook(generateDemo({ ...DEMO_PRESETS[request.preset], seed: request.seed }));
  const fileName = `Demodata (${request.preset}, frø ${request.seed})`;
  return runImport(db, workbook, {
    importId: request.importId,
    importedAt: request.importedAt,
    fileName,
    size: 0,
    sha256: await sha256Hex(new TextEncoder().encode(fileName)),
    readMs: 0,
    mapping: suggestMapping(workbook),
    keepFullCpr: false,
  }, progress);
}
