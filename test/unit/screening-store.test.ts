import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import-run';
import { drawRound, loadFrame } from '../../src/app/sampling';
import {
  caseScreening, chooseScreening, chosenScreening, currentScreeningAt, deleteScreening, listScreenings, loadScreening, runScreening,
  setKeepScreenings, storeScreening, type LoadedScreening,
} from '../../src/app/screening';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import type { ScreeningPurpose } from '../../src/domain/records';
import type { SourceCell, SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';
import { riskBasedDesign } from '../../src/domain/sampling/presets';

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('store');
});
afterEach(() => db.close());

const HEADERS = ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Undersøgelse påbegyndt', 'Undersøgelse afsluttet'];
async function importRows(rows: SourceCell[][], at = '2026-11-01T08:00:00.000Z') {
  const workbook: SourceWorkbook = { format: 'csv', sheets: [{ name: 'x', headers: HEADERS, emptyRows: 0, rows: rows.map((cells, i) => ({ number: i + 2, cells })) }] };
  return runImport(db, workbook, { importId: crypto.randomUUID(), importedAt: at, fileName: 'x.csv', size: 1, sha256: 'x', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: false, by: 'Test Fiktiv' });
}
// S-1: started 01-02-2024 → due 01-06-2024, completed 03-06-2024: breached by 2 days.
const FIRST: SourceCell[][] = [['S-1', 'Nord', 'AB', '01-02-2024', '03-06-2024'], ['S-2', 'Syd', 'CD', '01-03-2024', null]];

let clock = 0;
async function screen(asOf: string, purpose: ScreeningPurpose = 'user'): Promise<LoadedScreening> {
  const run = await runScreening(db, { id: `S-${++clock}`, asOf, createdAt: `2026-11-${String(clock).padStart(2, '0')}T09:00:00.000Z`, purpose, by: 'Test Fiktiv' });
  await storeScreening(db, run, 'Test Fiktiv');
  return run;
}

describe('a screening is stored whole or not at all', () => {
  it('leaves no record when its results cannot be stored, and never reads a record without results', async () => {
    await importRows(FIRST);
    const run = await runScreening(db, { id: 'broken', asOf: '2024-06-30', createdAt: '2026-11-29T09:00:00.000Z', purpose: 'user', by: 'Test Fiktiv' });
    const unclonable = { ...run, results: { toStored: () => ({ fn: () => 1 }) } } as unknown as LoadedScreening;
    await expect(storeScreening(db, unclonable, 'Test Fiktiv')).rejects.toThrow();
    expect(await db.screenings.count()).toBe(0);
    expect(await db.screeningResults.count()).toBe(0);
    expect(await chosenScreening(db)).toBeUndefined();
    await storeScreening(db, run, 'Test Fiktiv');
    expect((await loadScreening(db, 'broken')).record).toMatchObject({ complete: true, dataRevision: 1 });
  });
});

describe('the screening the pages use', () => {
  it('is the one the user ran or chose: Frister\u2019s own screening at today never replaces it', async () => {
    await importRows(FIRST);
    const user = await screen('2025-06-30');
    const deadlines = await screen('2026-11-28', 'deadlines');
    expect((await chosenScreening(db))!.id).toBe(user.record.id);
    expect((await currentScreeningAt(db, '2026-11-28'))!.id).toBe(deadlines.record.id);
    expect((await loadFrame(db)).riskScreening).toEqual({ id: user.record.id, asOf: '2025-06-30' });
    const later = await screen('2025-12-31');
    expect((await chosenScreening(db))!.id).toBe(later.record.id);
    await chooseScreening(db, user.record.id);
    expect((await chosenScreening(db))!.id).toBe(user.record.id);
  });

  it('is run again for Frister when the data, the rules or the date changed since', async () => {
    await importRows(FIRST);
    await screen('2026-11-28', 'deadlines');
    expect(await currentScreeningAt(db, '2026-11-28')).toBeDefined();
    expect(await currentScreeningAt(db, '2026-11-29')).toBeUndefined();
    await importRows([...FIRST, ['S-3', 'Syd', 'CD', null, null]]);
    expect(await currentScreeningAt(db, '2026-11-28')).toBeUndefined();
  });
});

describe('bounded storage', () => {
  it('keeps the newest of the user\u2019s screenings up to the setting, the newest of Frister\u2019s, and any a sample names', async () => {
    await importRows(FIRST);
    await setKeepScreenings(db, 2, { by: 'Test Fiktiv' });
    const first = await screen('2024-06-30');
    const { sample } = await drawRound(db, await loadFrame(db), { round: 'Risiko', level: null, period: null, design: riskBasedDesign(3), seed: 1, selection: { filter: {}, excludeClosed: false, reviewedWithinMonths: null, asOf: '2024-06-30', parentSampleId: null }, drawnBy: 'AB' }, { by: 'Test Fiktiv' });
    expect(sample.protocol.riskScreening?.id).toBe(first.record.id);
    const second = await screen('2024-09-30');
    await screen('2026-11-20', 'deadlines');
    const third = await screen('2024-12-31');
    const fourth = await screen('2025-03-31');
    const lastDeadlines = await screen('2026-11-21', 'deadlines');
    const kept = (await listScreenings(db)).map((s) => s.id).sort();
    expect(kept).toEqual([first.record.id, third.record.id, fourth.record.id, lastDeadlines.record.id].sort());
    expect(kept).not.toContain(second.record.id);
    expect(await db.screeningResults.count()).toBe(4);

    await expect(deleteScreening(db, first.record.id, { by: 'Test Fiktiv' })).rejects.toThrow('bruges af stikprøven «Risiko» og kan ikke slettes');
    await deleteScreening(db, third.record.id, { by: 'Test Fiktiv' });
    expect((await listScreenings(db)).map((s) => s.id)).not.toContain(third.record.id);
    expect(await db.screeningResults.where('screeningId').equals(third.record.id).count()).toBe(0);
    expect(await db.auditLog.where('action').equals('screening.deleted').count()).toBe(1);
    await expect(setKeepScreenings(db, 0, { by: 'Test Fiktiv' })).rejects.toThrow('helt tal fra 1 til 100');
  });
});

describe('a case explained from a stored screening', () => {
  it('gives the stored results with the dates used, as long as the case is as it was screened', async () => {
    await importRows(FIRST);
    const screening = await screen('2024-06-30');
    const view = await caseScreening(db, await loadScreening(db, screening.record.id), 'S-1');
    expect(view.explanation).toBe('explained');
    expect(view.now).toBeUndefined();
    expect(view.results.find((r) => r.ruleId === 'BFU_4M')).toMatchObject({
      status: 'breached', deadline: '2024-06-01', doneAt: '2024-06-03', daysLate: 2, basis: 'Påbegyndt 01-02-2024; frist 01-06-2024; afsluttet 03-06-2024.',
    });
  });

  it('says so when the case changed after the screening, showing the stored results and the case as it is now', async () => {
    await importRows(FIRST);
    const screening = await screen('2024-06-30');
    // The case system now says S-1 was completed on the deadline day; S-2 is unchanged.
    await importRows([['S-1', 'Nord', 'AB', '01-02-2024', '01-06-2024'], FIRST[1]!], '2026-11-02T08:00:00.000Z');
    const loaded = await loadScreening(db, screening.record.id);
    const changed = await caseScreening(db, loaded, 'S-1');
    expect(changed.explanation).toBe('caseChanged');
    expect(changed.results.find((r) => r.ruleId === 'BFU_4M')).toMatchObject({ status: 'breached', daysLate: 2, basis: '' });
    expect(changed.now!.find((r) => r.ruleId === 'BFU_4M')).toMatchObject({ status: 'met', doneAt: '2024-06-01', basis: 'Påbegyndt 01-02-2024; frist 01-06-2024; afsluttet 01-06-2024.' });
    expect((await caseScreening(db, loaded, 'S-2')).explanation).toBe('explained');
  });

  it('cannot tell for a screening stored before revisions were kept, with an import after it', async () => {
    await importRows(FIRST);
    const screening = await screen('2024-06-30');
    const { dataRevision: _, ...legacy } = screening.record;
    await db.screenings.put(legacy);
    const view = await caseScreening(db, await loadScreening(db, screening.record.id), 'S-2');
    expect(view.explanation).toBe('unknownRevision');
    expect(view.now!.length).toBe(view.results.length);
  });
});
