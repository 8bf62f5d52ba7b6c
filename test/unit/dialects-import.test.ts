import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { completeReadings } from '../../src/app/import-service';
import { shapeFile, summaryOf } from '../../src/app/import-read';
import { runImport } from '../../src/app/import-run';
import { allCases } from '../../src/db/case-store';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { suggestMapping } from '../../src/io/mapping';
import { readSourceFile } from '../../src/io/read-file';
import { DIALECT_DIR, listDialects } from '../../scripts/dialects/measure';

/**
 * The dialects of test/fixtures/dialects through the app's own import (issue 14, point 6), as the
 * Import page does it: read and shaped in the worker's code, the suggested mapping taken as it is
 * pre-selected (sure and unsure columns), the value readings as the value-mapping step shows them,
 * stored with runImport. Each dialect must store exactly the cases its canonical twin stores.
 */
const opened: WorkspaceDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function importAsThePageDoes(fileName: string, name: string) {
  const bytes = new Uint8Array(readFileSync(join(DIALECT_DIR, fileName)));
  const read = readSourceFile(bytes, fileName);
  if (!read.ok) throw new Error(read.message);
  const file = shapeFile({ original: read.value, bytes, fileName, size: bytes.byteLength, sha256: 'ab', readMs: 1, headerLines: [] });
  const summary = summaryOf(file);
  const mapping = completeReadings(suggestMapping(summary), summary);
  const db = await openWorkspaceDb(name);
  opened.push(db);
  const record = await runImport(db, file.workbook, {
    importId: `I-${name}`, importedAt: '2026-11-29T08:00:00.000Z', fileName, size: bytes.byteLength, sha256: 'ab', readMs: 1,
    mapping, keepFullCpr: false, by: 'Test Fiktiv',
  });
  const cases = (await allCases(db)).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  return { record, cases };
}

// dialects.json names each dialect's file beside its truth.
const dialects = listDialects() as unknown as { name: string; file: string }[];

describe('the extract dialects through the import', () => {
  it.each(dialects)('$name: stores the same cases and events as its canonical twin', async (dialect) => {
    const twinFile = dialect.file.replace(/\.\w+$/, '.kanonisk.xlsx');
    const imported = await importAsThePageDoes(dialect.file, `dialekt-${dialect.name}`);
    const twin = await importAsThePageDoes(twinFile, `tvilling-${dialect.name}`);
    expect(imported.record.counts.cases).toBe(250);
    expect(imported.cases).toHaveLength(twin.cases.length);
    expect(imported.cases).toEqual(twin.cases);
  }, 60_000);
});
