import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupWorkspace, inspectBackup, readBackupHeader, restoreBackup, type BackupMade } from '../../src/app/backup';
import { runImport } from '../../src/app/import-run';
import { WorkspaceService } from '../../src/app/workspaces';
import { allCases, caseManifest, eachCaseColumns } from '../../src/db/case-store';
import { CatalogDb } from '../../src/db/catalog';
import { workspaceDbName } from '../../src/db/names';
import { latestVersion, WORKSPACE_SCHEMA } from '../../src/db/schema';

/** The schema version this code writes: the fixture (version 6) is upgraded to it when opened. */
const CURRENT = latestVersion(WORKSPACE_SCHEMA);
import { openWorkspaceDb, WorkspaceDb } from '../../src/db/workspace-db';
import type { Workspace } from '../../src/domain/workspace';
import { HEADER_SIZE } from '../../src/io/backup-file';
import { suggestMapping } from '../../src/io/mapping';
import { dumpDatabase, loadDump, readDump, type DbDump } from './db-dump';

/**
 * Backup and restore of a workspace, against fake-indexeddb. The workspaces are the schema
 * fixtures (every table filled by the app's own code at that version). PBKDF2 runs with few
 * iterations to keep the tests fast; one test checks the count the app uses.
 */

const PASSPHRASE = 'Solsikke i regnvejr 2026';
const FAST = 1000;
const DAMAGED = 'Filen er beskadiget eller ændret, så den kan ikke gendannes. Brug en anden kopi af sikkerhedskopien.';
const WRONG = 'Forkert adgangskode. Prøv igen; der skelnes mellem store og små bogstaver.';

let catalog: CatalogDb;
let service: WorkspaceService;
let counter: number;
const clock = new Date('2026-11-27T08:00:00.000Z');

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  catalog = new CatalogDb();
  counter = 0;
  service = new WorkspaceService(catalog, () => 'Test Fiktiv', () => clock, () => `ws-${++counter}`);
});
afterEach(() => catalog.close());

/** The current version's fixture as a listed workspace «Varde Kommune», its columns up to date. */
async function fixtureWorkspace(): Promise<Workspace> {
  const created = await service.createFilled('Varde Kommune', {}, async (w) => {
    await Dexie.delete(workspaceDbName(w.id));
    await loadDump(readDump('test/unit/fixtures/db-v6.json'), workspaceDbName(w.id));
    const db = await openWorkspaceDb(w.id);
    // The fixture's columns were made by the codec of its day: make them as today's code does.
    await eachCaseColumns(db, () => {});
    db.close();
  });
  if (!created.ok) throw new Error(created.message);
  return created.value;
}

async function backUp(workspace: Workspace, passphrase: string | null = PASSPHRASE): Promise<BackupMade> {
  const db = await openWorkspaceDb(workspace.id);
  try {
    return await backupWorkspace(db, workspace, { passphrase, by: 'Test Fiktiv', iterations: FAST, now: () => new Date('2026-11-28T09:30:00.000Z') });
  } finally {
    db.close();
  }
}

/** Restores `file` as a new listed workspace, as the page does; the Danish refusal when it cannot. */
async function restore(file: Blob, passphrase: string | null = PASSPHRASE, name = 'Gendannet'): Promise<Workspace | string> {
  try {
    const created = await service.createFilled(name, { restored: true }, async (w) => {
      const result = await restoreBackup(file, passphrase, workspaceDbName(w.id), { fileName: 'varde.tilsynsbaenk', by: 'Test Fiktiv', now: () => new Date('2026-11-29T10:00:00.000Z') });
      if (!result.ok) throw new Error(result.message);
    });
    return created.ok ? created.value : created.message;
  } catch (error) {
    return (error as Error).message;
  }
}

async function dumpOf(id: string): Promise<DbDump> {
  const db = await openWorkspaceDb(id);
  try {
    return await dumpDatabase(db, 'test', 'backup.test.ts');
  } finally {
    db.close();
  }
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const blobOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** Where each frame starts: after the header, `u32 length | sealed bytes`. */
function frameStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = HEADER_SIZE; at < bytes.byteLength; at += 4 + view.getUint32(at)) starts.push(at);
  return starts;
}

describe('a backup of a workspace', () => {
  it('restores after the workspace is deleted with every table as it was, the log continued by the restore', async () => {
    const workspace = await fixtureWorkspace();
    const before = await dumpOf(workspace.id);
    const made = await backUp(workspace);
    expect(made).toMatchObject({ fileName: 'Varde Kommune 28-11-2026.tilsynsbaenk', encrypted: true, cases: 26, createdAt: '2026-11-28T09:30:00.000Z' });
    expect(made.rows).toEqual({
      auditLog: 13, caseChunks: 1, columnChunks: 1, findings: 0, focusAreas: 1, importSources: 2, imports: 2, improvementActions: 1, mappingProfiles: 1,
      meta: 1, questionTemplates: 0, reports: 0, reviews: 3, rounds: 1, samples: 1, screeningResults: 1, screenings: 1, settings: 3,
    });
    expect(await service.remove(workspace.id, 'Varde Kommune')).toMatchObject({ ok: true });
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName(workspace.id));

    const restored = await restore(made.blob);
    expect(restored).toMatchObject({ id: 'ws-2', name: 'Gendannet', isDemo: false });
    const after = await dumpOf('ws-2');
    expect(after.schemaVersion).toBe(before.schemaVersion);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const table of Object.keys(before.tables)) {
      if (table === 'auditLog') continue;
      expect(after.tables[table], table).toEqual(before.tables[table]);
    }
    expect(after.tables.auditLog!.slice(0, 13)).toEqual(before.tables.auditLog);
    // The restore continues the chain the file brought.
    expect(after.tables.auditLog!.slice(13)).toEqual([{
      id: 14, seq: 14, at: '2026-11-29T10:00:00.000Z', by: 'Test Fiktiv', action: 'backup.restored',
      details: { fileName: 'varde.tilsynsbaenk', encrypted: true, from: 'Varde Kommune', backupCreatedAt: '2026-11-28T09:30:00.000Z', schemaVersion: CURRENT, cases: 26, rows: made.rows },
      prevHash: (before.tables.auditLog!.at(-1) as { hash: string }).hash, hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    }]);
    const db = await openWorkspaceDb('ws-2');
    expect(await allCases(db)).toHaveLength(26);
    db.close();
  });

  it('reads a table whose rows grow in batches that shrink to fit, without losing or repeating a row', async () => {
    const workspace = await fixtureWorkspace();
    const db = await openWorkspaceDb(workspace.id);
    // Tiny rows make the batches large; then rows of a kilobyte make a batch too big, read again smaller.
    await db.table('auditLog').bulkAdd(Array.from({ length: 5100 }, (_, i) => ({ at: `2026-11-28T08:00:00.${String(i % 1000).padStart(3, '0')}Z`, action: 'test', note: i < 10 ? '' : 'x'.repeat(1000) + i })));
    const before = await db.auditLog.toArray();
    db.close();
    const made = await backUp(workspace);
    expect(made.rows.auditLog).toBe(5113);
    expect(await restore(made.blob)).toMatchObject({ name: 'Gendannet' });
    const restored = await openWorkspaceDb('ws-2');
    expect((await restored.auditLog.toArray()).slice(0, -1)).toEqual(before);
    restored.close();
  }, 30_000);

  it('notes itself in the workspace\u2019s audit log with what it holds', async () => {
    const workspace = await fixtureWorkspace();
    const made = await backUp(workspace);
    const db = await openWorkspaceDb(workspace.id);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({
      id: 14, seq: 14, at: '2026-11-28T09:30:00.000Z', by: 'Test Fiktiv', action: 'backup.created', details: { encrypted: true, cases: 26, rows: made.rows, bytes: made.blob.size },
    });
    db.close();
  });

  it('says what the file holds once the passphrase is given, and restores it without one when made «uden adgangskode»', async () => {
    const workspace = await fixtureWorkspace();
    const made = await backUp(workspace);
    expect(await readBackupHeader(made.blob)).toEqual({ ok: true, value: { encrypted: true, schemaVersion: CURRENT, iterations: FAST } });
    expect(await inspectBackup(made.blob, PASSPHRASE)).toMatchObject({
      ok: true, value: { kind: 'manifest', createdAt: '2026-11-28T09:30:00.000Z', cases: 26, schemaVersion: CURRENT, workspace: { id: workspace.id, name: 'Varde Kommune', isDemo: false, createdAt: workspace.createdAt } },
    });
    expect(await inspectBackup(made.blob, null)).toEqual({ ok: false, message: 'Skriv adgangskoden til sikkerhedskopien.' });

    const open = await backUp(workspace, null);
    expect(await readBackupHeader(open.blob)).toEqual({ ok: true, value: { encrypted: false, schemaVersion: CURRENT, iterations: 0 } });
    expect(await restore(open.blob, null)).toMatchObject({ name: 'Gendannet' });
    const db = await openWorkspaceDb('ws-2');
    expect((await caseManifest(db)).count).toBe(26);
    expect((await db.auditLog.toArray()).at(-1)).toMatchObject({ action: 'backup.restored', details: { encrypted: false } });
    db.close();
  });
});

describe('restoring over an existing workspace', () => {
  it('happens only after its name is typed; the name stays, the data is the backup\u2019s, the old database is gone', async () => {
    const made = await backUp(await fixtureWorkspace());
    expect(await service.create('Esbjerg')).toMatchObject({ ok: true, value: { id: 'ws-2' } });
    const fill = async (w: Workspace) => {
      const result = await restoreBackup(made.blob, PASSPHRASE, workspaceDbName(w.id), { fileName: 'varde.tilsynsbaenk', by: 'Test Fiktiv' });
      if (!result.ok) throw new Error(result.message);
    };
    expect(await service.replace('ws-2', 'Varde Kommune', false, fill)).toEqual({ ok: false, message: 'Skriv arbejdsområdets navn, "Esbjerg", for at bekræfte, at dets data erstattes.' });
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-3'));

    expect(await service.replace('ws-2', ' Esbjerg ', true, fill)).toMatchObject({ ok: true, value: { id: 'ws-3', name: 'Esbjerg', isDemo: true } });
    expect((await service.list()).map((w) => [w.id, w.name])).toEqual([['ws-3', 'Esbjerg'], ['ws-1', 'Varde Kommune']]);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-2'));
    const db = await openWorkspaceDb('ws-3');
    expect((await caseManifest(db)).count).toBe(26);
    db.close();
  });

  it('notes the backup it came from as the workspace\u2019s last, and keeps the reminder setting', async () => {
    const workspace = await fixtureWorkspace();
    await service.markBackedUp(workspace.id, '2026-11-28T09:30:00.000Z');
    expect((await service.list())[0]).toMatchObject({ lastBackupAt: '2026-11-28T09:30:00.000Z' });
    expect(await service.backupReminderDays()).toBe(7);
    expect(await service.setBackupReminderDays(0)).toEqual({ ok: false, message: 'Skriv et helt antal dage fra 1 til 365.' });
    expect(await service.setBackupReminderDays(14)).toEqual({ ok: true, value: 14 });
    expect(await service.backupReminderDays()).toBe(14);
  });
});

describe('a backup that cannot be restored', () => {
  let made: BackupMade;
  let bytes: Uint8Array;
  beforeEach(async () => {
    made = await backUp(await fixtureWorkspace());
    bytes = await bytesOf(made.blob);
  });

  /** The refusal, and no workspace listed or database left behind for it. */
  async function refused(file: Blob, passphrase: string | null = PASSPHRASE): Promise<string> {
    const result = await restore(file, passphrase);
    expect(typeof result).toBe('string');
    expect((await service.list()).map((w) => w.name)).toEqual(['Varde Kommune']);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-2'));
    return result as string;
  }

  it('is refused with a wrong passphrase', async () => {
    expect(await refused(made.blob, 'Solsikke i regnvejr 2025')).toBe(WRONG);
    expect(await inspectBackup(made.blob, 'forkert')).toEqual({ ok: false, message: WRONG });
  });

  it('is refused when one byte of the header is changed', async () => {
    for (const at of [9, 11, 17, 25, 40, 50, 70]) {
      const changed = bytes.slice();
      changed[at]! ^= 0x01;
      expect(await refused(blobOf(changed)), `byte ${at}`).toBe(DAMAGED);
    }
  });

  it('is refused when one byte of a frame is changed, wherever it is', async () => {
    const starts = frameStarts(bytes);
    expect(starts.length).toBeGreaterThan(5);
    for (const at of [starts[0]! + 4, starts[1]! + 20, starts.at(-1)! + 10, bytes.length - 1, starts[2]! + 1]) {
      const changed = bytes.slice();
      changed[at]! ^= 0x80;
      expect(await refused(blobOf(changed)), `byte ${at}`).toBe(DAMAGED);
    }
  });

  it('is refused when cut short, in a frame or between two', async () => {
    const starts = frameStarts(bytes);
    for (const end of [bytes.length - 1, starts.at(-1)!, starts[3]!, HEADER_SIZE, HEADER_SIZE - 1]) {
      expect(await refused(blobOf(bytes.slice(0, end))), `cut at ${end}`).toBe(DAMAGED);
    }
  });

  it('is refused when frames are swapped, dropped or repeated', async () => {
    const starts = [...frameStarts(bytes), bytes.length];
    const frame = (i: number) => bytes.slice(starts[i]!, starts[i + 1]!);
    const header = bytes.slice(0, HEADER_SIZE);
    const join = (...parts: Uint8Array[]) => new Blob([header, ...parts] as Uint8Array<ArrayBuffer>[]);
    const all = starts.slice(0, -1).map((_, i) => frame(i));
    expect(await refused(join(all[0]!, all[2]!, all[1]!, ...all.slice(3)))).toBe(DAMAGED);
    expect(await refused(join(all[0]!, ...all.slice(2)))).toBe(DAMAGED);
    expect(await refused(join(all[0]!, all[1]!, ...all.slice(1)))).toBe(DAMAGED);
  });

  it('is refused when it is not a backup', async () => {
    const message = 'Filen er ikke en sikkerhedskopi fra Tilsynsbænken. Vælg en fil, der ender på .tilsynsbaenk.';
    expect(await refused(new Blob(['Sagsnr;Enhed\nS-1;Nord\n']))).toBe(message);
    expect(await refused(new Blob([]))).toBe(message);
    expect(await readBackupHeader(new Blob(['PK\u0003\u0004 et regneark']))).toEqual({ ok: false, message });
  });
});

describe('a backup from another version of Tilsynsbænken', () => {
  it('is refused when a newer version made it', async () => {
    const made = await backUp(await fixtureWorkspace());
    const bytes = await bytesOf(made.blob);
    // The next schema version, the header's digest made again: a real file of a newer version.
    new DataView(bytes.buffer).setUint16(10, CURRENT + 1);
    bytes.set(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice(0, 60))), 60);
    const newer = 'Sikkerhedskopien er lavet af en nyere udgave af Tilsynsbænken. Åbn den nyeste udgave af filen fra fællesdrevet, og gendan den dér.';
    expect(await restore(blobOf(bytes))).toBe(newer);
    // A newer format of the file itself.
    const format = (await bytesOf(made.blob)).slice();
    new DataView(format.buffer).setUint16(8, 2);
    expect(await readBackupHeader(blobOf(format))).toEqual({ ok: false, message: newer });
  });

  it('is migrated when an older version made it: written at its schema version, then upgraded', async () => {
    // A workspace as schema version 4 held it, backed up by code at that version.
    const dump = readDump('test/unit/fixtures/db-v4.json');
    await loadDump(dump, workspaceDbName('old'));
    const old = new WorkspaceDb(workspaceDbName('old'), WORKSPACE_SCHEMA.slice(0, 4));
    await old.open();
    const made = await backupWorkspace(old, { id: 'old', name: 'Esbjerg', createdAt: '2024-06-01T08:00:00.000Z', lastOpenedAt: '2024-07-02T08:00:00.000Z', isDemo: false }, { passphrase: PASSPHRASE, by: 'Test Fiktiv', iterations: FAST });
    old.close();
    expect(made.cases).toBe(26);
    expect(await readBackupHeader(made.blob)).toMatchObject({ ok: true, value: { schemaVersion: 4 } });

    expect(await restore(made.blob)).toMatchObject({ name: 'Gendannet' });
    // The same as the version 4 database upgraded in place.
    await Dexie.delete(workspaceDbName('old'));
    await loadDump(dump, workspaceDbName('old'));
    const [restored, upgraded] = [await dumpOf('ws-1'), await dumpOf('old')];
    expect(restored.schemaVersion).toBe(CURRENT);
    for (const table of Object.keys(upgraded.tables)) {
      if (table === 'auditLog') continue;
      expect(restored.tables[table], table).toEqual(upgraded.tables[table]);
    }
    expect(restored.tables.auditLog!.at(-1)).toMatchObject({ action: 'backup.restored', details: { schemaVersion: 4, cases: 26 } });
    const db = await openWorkspaceDb('ws-1');
    expect(await allCases(db)).toHaveLength(26);
    let screened = 0;
    await eachCaseColumns(db, (columns) => (screened += columns.size));
    expect(screened).toBe(26);
    db.close();
  });
});

describe('the backup file\u2019s bytes', () => {
  it('hold no case number, name or CPR number of the data in plain text', async () => {
    const created = await service.createFilled('Ribe', {}, async (w) => {
      const db = await openWorkspaceDb(w.id);
      const headers = ['Sagsnr', 'CPR-nr', 'Enhed', 'Sagsbehandler', 'Underretning modtaget'];
      const workbook = { format: 'csv' as const, sheets: [{ name: 'udtraek', headers, emptyRows: 0, rows: [{ number: 2, cells: ['HEMMELIG-4711', '0503244234', 'Nord', 'Gertrud Hemmeligsen', '01-02-2024'] }] }] };
      await runImport(db, workbook, { importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', fileName: 'udtraek.csv', size: 60, sha256: 'ab', readMs: 0, mapping: suggestMapping(workbook), keepFullCpr: true, by: 'Test Fiktiv' });
      db.close();
    });
    if (!created.ok) throw new Error(created.message);
    const made = await backUp(created.value);
    const text = new TextDecoder('latin1').decode(await bytesOf(made.blob));
    for (const secret of ['HEMMELIG-4711', 'HEMMELIG', 'Gertrud Hemmeligsen', 'Hemmeligsen', '0503244234', '050324-4234', '050324', 'Ribe']) expect(text, secret).not.toContain(secret);
    // The data held them: the restored workspace has the full CPR number the workspace kept.
    await restore(made.blob);
    const db = await openWorkspaceDb('ws-2');
    expect(await allCases(db)).toMatchObject([{ caseNumber: 'HEMMELIG-4711', caseworker: 'Gertrud Hemmeligsen', cpr: '050324-4234' }]);
    db.close();
  });

  it('name PBKDF2 with 600,000 iterations unless a test asks for fewer', async () => {
    const workspace = await fixtureWorkspace();
    const db = await openWorkspaceDb(workspace.id);
    const made = await backupWorkspace(db, workspace, { passphrase: PASSPHRASE, by: 'Test Fiktiv' });
    db.close();
    const bytes = await bytesOf(made.blob);
    expect(new DataView(bytes.buffer).getUint32(16)).toBe(600_000);
    expect(await readBackupHeader(made.blob)).toMatchObject({ ok: true, value: { encrypted: true, iterations: 600_000 } });
    expect(await inspectBackup(made.blob, PASSPHRASE)).toMatchObject({ ok: true, value: { cases: 26 } });
  });
});
