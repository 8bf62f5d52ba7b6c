import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupWorkspace, restoreBackup } from '../../src/app/backup';
import { loadDemo } from '../../src/app/demo';
import { loadDemoReviews } from '../../src/app/demo-reviews';
import { runImport } from '../../src/app/import-run';
import { saveProfile } from '../../src/app/import-service';
import { answersOf, saveAnswer, saveTemplate } from '../../src/app/review';
import { listRounds, loadFrame } from '../../src/app/sampling';
import { chosenScreening, loadScreening, runScreening, storeScreening } from '../../src/app/screening';
import { copyWorkspace } from '../../src/app/workspace-copy';
import { composeStoredReport } from '../../src/app/report-compose';
import { storeReport } from '../../src/app/reports';
import { WorkspaceService, type CopyWorkspace } from '../../src/app/workspaces';
import { CatalogDb } from '../../src/db/catalog';
import { newLock } from '../../src/db/passphrase';
import { allCases } from '../../src/db/case-store';
import { workspaceDbName } from '../../src/db/names';
import { openWorkspaceDb, workspaceDbOf, type WorkspaceDb } from '../../src/db/workspace-db';
import { DEMO_REFERENCE_ANCHOR, DEMO_SEED } from '../../src/domain/demo/config';
import { BUILT_IN_TEMPLATES } from '../../src/domain/review/templates';
import type { SourceWorkbook } from '../../src/domain/source';
import { suggestMapping } from '../../src/io/mapping';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => 7 * i + 3);
const AT = '2026-01-05T09:00:00.000Z';

/** Every table of the workspace, read through its connection (decrypted, for a locked one). */
async function tables(db: WorkspaceDb): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of db.tables) all[table.name] = await table.toArray();
  return all;
}

/** Every stored byte of every store as text, read with no key: what another local page or a copied profile shows. */
async function rawText(id: string): Promise<string> {
  const db = new Dexie(workspaceDbName(id));
  await db.open();
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number') parts.push(String(value));
    else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      parts.push(new TextDecoder('latin1').decode(bytes), new TextDecoder().decode(bytes));
    } else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (parts.push(k), visit(v)));
  };
  for (const table of db.tables) visit(await table.toArray());
  db.close();
  return parts.join('\n');
}

/** Timings measure this run, not the data. */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'timings' && !k.endsWith('Ms')).map(([k, v]) => [k, withoutTimings(v)]));
}

/**
 * The whole flow on the small demo kommune, with ids and times fixed so two runs are equal: its
 * import, a screening, the Copenhagen rounds with reviewers and answers, an improvement plan, a
 * mapping profile, an own template, a finding, a stored report, an answer changed, a second import with full CPR
 * numbers kept and a rejected value.
 */
async function workThrough(db: WorkspaceDb): Promise<void> {
  let n = 0;
  const uuid = vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
  try {
    const record = await loadDemo(db, { preset: 'small', seed: DEMO_SEED, anchor: DEMO_REFERENCE_ANCHOR, importId: 'I-1', importedAt: AT, by: 'Test Fiktiv' });
    await storeScreening(db, await runScreening(db, { id: 'S-1', asOf: record.extractDate!, createdAt: AT, purpose: 'user', by: 'Test Fiktiv' }), 'Test Fiktiv');
    await loadDemoReviews(db, { by: 'Test Fiktiv', at: AT }, DEMO_REFERENCE_ANCHOR);
    const [, level2] = await listRounds(db);
    const first = level2!.round.review!.assignments[0]!;
    await saveAnswer(db, { roundId: level2!.round.id, caseNumber: first[0], questionId: 'boernesamtale', answer: 'no', comment: 'Samtalen er ikke journaliseret.' }, first[1], { by: 'Test Fiktiv', at: AT }, 'app');
    const template = { ...BUILT_IN_TEMPLATES[0]!, id: 'eget', name: 'Eget skema', builtIn: false };
    await saveTemplate(db, template, { by: 'Test Fiktiv', at: AT });
    const layout = { sheets: [{ name: 'udtraek', headers: ['Sagsnr', 'CPR-nr'] }] };
    await saveProfile(db, 'DUBU-udtræk', layout, suggestMapping(layout), { by: 'Test Fiktiv', at: AT });
    await db.table('findings').put({ id: 'F-1', roundId: level2!.round.id, caseNumber: first[0], ruleId: 'BFU_4M' });
    const report = await composeStoredReport(db, await loadScreening(db, 'S-1'), {
      id: 'R-1', title: 'Udvalget 4. kvartal', kommune: 'Låst Kommune', createdAt: AT, createdBy: 'Test Fiktiv', demo: false,
      quarters: ['2025 K4'], units: [], today: '2026-01-06', screeningId: 'S-1', roundIds: [level2!.round.id],
    }, 'test');
    await storeReport(db, report, { by: 'Test Fiktiv', at: AT });
    await db.settings.put({ key: 'keepFullCpr', value: true });
  } finally {
    uuid.mockRestore();
  }
}

/** A second extract with full CPR numbers kept, and one CPR-like value rejected. */
const FULL_CPR: SourceWorkbook = {
  format: 'csv',
  sheets: [{
    name: 'udtraek', headers: ['Sagsnr', 'CPR-nr', 'Enhed', 'Sagsbehandler'], emptyRows: 0,
    rows: [
      { number: 2, cells: ['SAG-774411', '0503244234', 'Nord', 'Karen Hemmelig'] },
      { number: 3, cells: ['SAG-774412', '3102241234', 'Nord', 'Karen Hemmelig'] },
    ],
  }],
};

async function importFullCpr(db: WorkspaceDb): Promise<void> {
  const source = new TextEncoder().encode('Sagsnr;CPR-nr\nSAG-774411;0503244234\n');
  await runImport(db, FULL_CPR, { importId: 'I-2', importedAt: '2026-01-06T09:00:00.000Z', fileName: 'udtraek.csv', size: source.length, sha256: 'ab', readMs: 1, mapping: suggestMapping(FULL_CPR), keepFullCpr: true, source, by: 'Test Fiktiv', confirmedShrink: true });
}

let open: WorkspaceDb;
let locked: WorkspaceDb;

beforeAll(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  open = await openWorkspaceDb('aaben');
  locked = await openWorkspaceDb('laast', {}, undefined, KEY);
  await workThrough(open);
  await workThrough(locked);
}, 240_000);

describe('a locked workspace', () => {
  it('runs the import → screening → sample → review flow exactly as an open one: every table the same', async () => {
    const [plain, sealed] = await Promise.all([tables(open), tables(locked)]);
    for (const name of Object.keys(plain)) expect(withoutTimings(sealed[name]), name).toEqual(withoutTimings(plain[name]));
    expect((await allCases(locked)).length).toBe(1_000);
    const rounds = await listRounds(locked);
    expect(rounds).toHaveLength(4);
    expect(await answersOf(locked, rounds[1]!.round.id)).toEqual(await answersOf(open, rounds[1]!.round.id));
    const [a, b] = await Promise.all([loadScreening(open, 'S-1'), loadScreening(locked, 'S-1')]);
    expect(b.record.summary).toEqual(a.record.summary);
    expect(b.results.length).toBeGreaterThan(10_000);
    expect(b.results.length).toBe(a.results.length);
    expect((await chosenScreening(locked))?.id).toBe('S-1');
    expect((await loadFrame(locked)).cases).toEqual((await loadFrame(open)).cases);
  }, 60_000);

  it('stores no case number, CPR number, caseworker, reviewer or comment in clear: an open workspace does', async () => {
    await importFullCpr(open);
    await importFullCpr(locked);
    const someCase = (await allCases(open))[0]!;
    const secrets = ['DEMO-000001', someCase.caseworker!, someCase.cpr!, 'SAG-774411', '050324-4234', '0503244234', 'Karen Hemmelig', 'Leder Demo Fiktiv', 'Samtalen er ikke journaliseret.', 'Ikke dokumenteret i journalen.'];
    const inOpen = await rawText('aaben');
    const inLocked = await rawText('laast');
    expect(secrets.filter((s) => !inOpen.includes(s))).toEqual(['0503244234']);
    expect(secrets.filter((s) => inLocked.includes(s))).toEqual([]);
    expect(inLocked.length).toBeGreaterThan(1_000_000);
    // The full number was read and kept, encrypted.
    expect((await allCases(locked)).find((c) => c.caseNumber === 'SAG-774411')?.cpr).toBe('050324-4234');
  }, 60_000);
});

describe('a backup of a locked workspace', () => {
  it('is read with its key: restored, every table is what the locked workspace holds, and the file holds none of it in clear', async () => {
    const before = await tables(locked);
    const made = await backupWorkspace(locked, { id: 'laast', name: 'Låst Kommune', createdAt: AT, lastOpenedAt: AT, isDemo: false }, { passphrase: 'Backup af et låst område', by: 'Test Fiktiv', iterations: 1_000 });
    const text = new TextDecoder('latin1').decode(new Uint8Array(await made.blob.arrayBuffer()));
    for (const secret of ['DEMO-000001', 'SAG-774411', 'Karen Hemmelig']) expect(text, secret).not.toContain(secret);
    const restored = await restoreBackup(made.blob, 'Backup af et låst område', workspaceDbName('gendannet'), { fileName: 'laast.tilsynsbaenk', by: 'Test Fiktiv' });
    expect(restored.ok).toBe(true);
    const db = await openWorkspaceDb('gendannet');
    const after = await tables(db);
    db.close();
    for (const name of Object.keys(before)) {
      // The log goes on with the backup (in the locked workspace) and the restore (in the new one).
      if (name === 'auditLog') continue;
      expect(after[name], name).toEqual(before[name]);
    }
    expect((after.auditLog as { action: string }[]).at(-1)?.action).toBe('backup.restored');
  }, 60_000);
});

describe('copying a workspace between open and locked', () => {
  let copy: WorkspaceDb;
  let back: WorkspaceDb;
  beforeEach(async () => {
    copy = await openWorkspaceDb('kopi', {}, undefined, KEY);
    back = await openWorkspaceDb('tilbage');
  });
  afterEach(() => {
    copy.close();
    back.close();
  });

  it('writes every record of every table through the encryption and reads each back equal, and back again', async () => {
    const progress: number[] = [];
    const copied = await copyWorkspace(open, copy, (_, done) => progress.push(done));
    const before = await tables(open);
    expect(Object.entries(before).filter(([, records]) => records.length === 0).map(([name]) => name)).toEqual([]);
    expect(copied).toBe(Object.values(before).reduce((n, r) => n + r.length, 0));
    expect(progress.at(-1)).toBe(copied);
    expect(await tables(copy)).toEqual(before);
    await copyWorkspace(copy, back);
    expect(await tables(back)).toEqual(before);
    expect(await rawText('kopi')).not.toContain('DEMO-000001');
  }, 120_000);
});

describe('locked workspaces in the catalogue', () => {
  let catalog: CatalogDb;
  let service: WorkspaceService;
  let counter = 0;
  const copy: CopyWorkspace = async (from, to) => {
    const [a, b] = [workspaceDbOf(from), workspaceDbOf(to)];
    await copyWorkspace(a, b);
    a.close();
    b.close();
  };
  beforeEach(async () => {
    catalog = new CatalogDb();
    service = new WorkspaceService(catalog, () => 'Test Fiktiv', () => new Date(AT), () => `ws-${++counter}`);
  });
  afterEach(() => catalog.close());

  it('creates a locked workspace whose entry keeps salt, iterations and check, never the key, and opens only with the right passphrase', async () => {
    const secured = await newLock('Varde 2026 sommer', 1_000);
    const created = await service.create('Varde Kommune', { secured });
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    expect(created.value.locked).toEqual(secured.lock);
    const stored = JSON.stringify(await catalog.workspaces.toArray(), (_, v: unknown) => (v instanceof Uint8Array ? [...v] : v));
    expect(stored).not.toContain(JSON.stringify([...secured.key]).slice(1, -1));
    expect(await service.unlock(id, 'Varde 2026 vinter')).toEqual({ ok: false, message: 'Forkert adgangskode. Prøv igen.' });
    const unlocked = await service.unlock(id, 'Varde 2026 sommer');
    expect(unlocked).toEqual({ ok: true, value: secured.key });
    const db = await openWorkspaceDb(id, {}, undefined, secured.key);
    expect(await db.auditLog.toArray()).toMatchObject([{ id: 1, seq: 1, at: AT, by: 'Test Fiktiv', action: 'workspace.created', details: { name: 'Varde Kommune' } }]);
    db.close();
    expect(await rawText(id)).not.toContain('Varde Kommune');
  });

  it('locks an open workspace with every record, and opens it for good again, each time in a new database under a new id', async () => {
    const created = await service.create('Esbjerg Kommune');
    if (!created.ok) throw new Error(created.message);
    const first = await openWorkspaceDb(created.value.id);
    await importFullCpr(first);
    const before = await tables(first);
    first.close();
    const secured = await newLock('en lang adgangskode', 1_000);
    const lockedNow = await service.changeLock(created.value.id, { to: secured }, copy);
    if (!lockedNow.ok) throw new Error(lockedNow.message);
    expect(lockedNow.value).toMatchObject({ name: 'Esbjerg Kommune', locked: secured.lock });
    expect((await service.list()).filter((w) => w.name === 'Esbjerg Kommune').map((w) => w.id)).toEqual([lockedNow.value.id]);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName(created.value.id));
    expect(await rawText(lockedNow.value.id)).not.toContain('SAG-774411');
    const second = await openWorkspaceDb(lockedNow.value.id, {}, undefined, secured.key);
    const after = await tables(second);
    second.close();
    expect({ ...after, auditLog: after.auditLog!.slice(0, -1) }).toEqual(before);
    expect(after.auditLog!.at(-1)).toMatchObject({ at: AT, action: 'workspace.locked' });

    expect(await service.changeLock(lockedNow.value.id, {}, copy)).toEqual({ ok: false, message: 'Lås arbejdsområdet op først.' });
    const opened = await service.changeLock(lockedNow.value.id, { key: secured.key }, copy);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.value.locked).toBeUndefined();
    expect(await rawText(opened.value.id)).toContain('SAG-774411');
  });

  it('keeps the demo kommune open', async () => {
    const secured = await newLock('en lang adgangskode', 1_000);
    expect(await service.create('Demokommune', { isDemo: true, secured })).toEqual({ ok: false, message: 'Demo-arbejdsområdet kan ikke låses: dets data er fiktive.' });
    const demo = await service.create('Demokommune', { isDemo: true });
    if (!demo.ok) throw new Error(demo.message);
    expect(await service.changeLock(demo.value.id, { to: secured }, copy)).toEqual({ ok: false, message: 'Demo-arbejdsområdet kan ikke låses: dets data er fiktive.' });
  });

  it('remembers the minutes before a locked workspace locks itself: 15 until set', async () => {
    expect(await service.autoLockMinutes()).toBe(15);
    await service.setAutoLockMinutes(0.5);
    expect(await service.autoLockMinutes()).toBe(0.5);
  });
});
