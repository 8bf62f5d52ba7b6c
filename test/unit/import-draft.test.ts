import Dexie from 'dexie';
import { inflateSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftMapping, hasDraft, keepDraftFile, keepDraftMapping, restoreDraftFile } from '../../src/app/import-draft';
import { shapeFile } from '../../src/app/import-read';
import { runImport } from '../../src/app/import-run';
import { workspaceDbName } from '../../src/db/names';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';

/** A mapping in progress survives a reload, kept masked, and goes when the import lands. */

const WORKBOOK: SourceWorkbook = {
  format: 'csv',
  sheets: [{
    name: 'udtraek', emptyRows: 0, headers: ['Udtræk pr. 01-06-2025'],
    rows: [
      { number: 2, cells: ['Sagsnr', 'CPR-nr', 'Enhed'] },
      { number: 3, cells: ['S-1', '0503244234', 'Nord'] },
    ],
  }],
};
const bytes = new TextEncoder().encode('Udtræk pr. 01-06-2025\nSagsnr;CPR-nr;Enhed\nS-1;0503244234;Nord\n');
const file = () => shapeFile({ original: WORKBOOK, bytes, fileName: 'udtraek 0503244234.csv', size: bytes.length, sha256: 'ab', readMs: 1, headerLines: [] });

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('draft');
});
afterEach(() => db.close());

describe('the import draft', () => {
  it('keeps the file masked for CPR, with its mapping, and reads both back', async () => {
    await keepDraftFile(db, file());
    const stored = (await db.table('meta').get('importDraft.file')) as { kind: string; fileName: string; bytes: Uint8Array };
    expect(stored.kind).toBe('rows');
    expect(stored.fileName).toBe('udtraek 050324-xxxx.csv');
    const text = strFromU8(inflateSync(stored.bytes));
    expect(text).not.toContain('4234');
    expect(text).toContain('050324-xxxx');

    const mapping = suggestMapping(file().workbook);
    await keepDraftMapping(db, { mapping, extractDate: '2025-06-01', keepFullCpr: false, savedAt: '2026-03-01T09:00:00.000Z' });
    const restored = await restoreDraftFile(db, () => null);
    expect(restored?.workbook.sheets[0]!.headers).toEqual(['Sagsnr', 'CPR-nr', 'Enhed']);
    expect(restored?.workbook.sheets[0]!.rows[0]!.cells).toEqual(['S-1', '050324-xxxx', 'Nord']);
    expect(restored?.bytes).toBeUndefined();
    expect((await draftMapping(db))?.mapping).toEqual(mapping);
  });

  it('keeps the file itself when the workspace keeps full CPR numbers', async () => {
    await db.settings.put({ key: 'keepFullCpr', value: true });
    await keepDraftFile(db, file());
    const restored = await restoreDraftFile(db, (b) => (strFromU8(b).includes('0503244234') ? WORKBOOK : null));
    expect(restored?.workbook.sheets[0]!.rows[0]!.cells[1]).toBe('0503244234');
    expect(restored?.bytes).toEqual(bytes);
  });

  it('is cleared when the import lands, and when the user cancels', async () => {
    const read = file();
    await keepDraftFile(db, read);
    expect(await hasDraft(db)).toBe(true);
    await runImport(db, read.workbook, { importId: 'I-1', importedAt: '2026-03-01T09:00:00.000Z', fileName: 'x.csv', size: 1, sha256: 'ab', readMs: 1, mapping: suggestMapping(read.workbook), keepFullCpr: false, by: 'Bo' });
    expect(await hasDraft(db)).toBe(false);
    // A mapping saved after the import landed finds no file and is not kept.
    await keepDraftMapping(db, { mapping: suggestMapping(read.workbook), extractDate: '2025-06-01', keepFullCpr: false, savedAt: '' });
    expect(await draftMapping(db)).toBeUndefined();
    await keepDraftFile(db, read);
    await clearDraft(db);
    expect(await hasDraft(db)).toBe(false);
  });

  it('is encrypted in a locked workspace: neither the file nor the mapping is readable without the key', async () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => 5 * i + 1);
    const locked = await openWorkspaceDb('laast', {}, undefined, key);
    await locked.settings.put({ key: 'keepFullCpr', value: true });
    await keepDraftFile(locked, file());
    await keepDraftMapping(locked, { mapping: suggestMapping(file().workbook), extractDate: '2025-06-01', keepFullCpr: true, savedAt: '2026-03-01T09:00:00.000Z' });
    expect((await restoreDraftFile(locked, () => WORKBOOK))?.bytes).toEqual(bytes);
    locked.close();
    const raw = new Dexie(workspaceDbName('laast'));
    await raw.open();
    const stored = JSON.stringify(await raw.table('meta').toArray(), (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v));
    raw.close();
    expect(stored).not.toContain('0503244234');
    expect(stored).not.toContain('udtraek');
    expect(stored).not.toContain('Sagsnr');
  });
});
