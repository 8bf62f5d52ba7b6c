import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../src/app/workspaces';
import { CatalogDb } from '../../src/db/catalog';
import { workspaceDbName } from '../../src/db/names';
import { openWorkspaceDb } from '../../src/db/workspace-db';

let catalog: CatalogDb;
let service: WorkspaceService;
let clock: Date;
let counter: number;

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  catalog = new CatalogDb();
  clock = new Date('2026-11-27T08:00:00.000Z');
  counter = 0;
  service = new WorkspaceService(catalog, () => clock, () => `ws-${++counter}`);
});

afterEach(() => catalog.close());

const advance = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('workspaces', () => {
  it('creates a workspace with its own prefixed database and lists it in the catalogue', async () => {
    const result = await service.create('Varde Kommune');
    expect(result).toEqual({
      ok: true,
      value: { id: 'ws-1', name: 'Varde Kommune', createdAt: '2026-11-27T08:00:00.000Z', lastOpenedAt: '2026-11-27T08:00:00.000Z', isDemo: false },
    });
    expect(await Dexie.getDatabaseNames()).toContain('tilsynsbaenk-workspace-ws-1');
    expect((await service.list()).map((w) => w.name)).toEqual(['Varde Kommune']);
    const db = await openWorkspaceDb('ws-1');
    expect(await db.auditLog.toArray()).toEqual([{ id: 1, at: '2026-11-27T08:00:00.000Z', action: 'workspace.created', name: 'Varde Kommune' }]);
    db.close();
  });

  it('refuses a duplicate name and creates no database for it', async () => {
    await service.create('Varde Kommune');
    const result = await service.create('varde kommune');
    expect(result.ok).toBe(false);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-2'));
  });

  it('renames a workspace but not onto another workspace\u2019s name', async () => {
    await service.create('Varde');
    await service.create('Esbjerg');
    expect(await service.rename('ws-1', 'Varde Kommune')).toMatchObject({ ok: true, value: { name: 'Varde Kommune' } });
    expect(await service.rename('ws-1', 'ESBJERG')).toMatchObject({ ok: false });
    expect(await service.rename('ws-1', 'varde kommune')).toMatchObject({ ok: true, value: { name: 'varde kommune' } });
    expect(await service.rename('missing', 'X')).toEqual({ ok: false, message: 'Arbejdsområdet findes ikke længere.' });
  });

  it('opens the workspace used last on start', async () => {
    await service.create('Varde');
    advance(1);
    await service.create('Esbjerg');
    advance(1);
    await service.touch('ws-1');
    expect((await service.mostRecent())?.name).toBe('Varde');
  });

  it('deletes a workspace and its data only when its exact name is typed', async () => {
    await service.create('Varde Kommune');
    const db = await openWorkspaceDb('ws-1');
    await db.table('cases').add({ caseNumber: 'S-1', unit: 'Nord', caseworker: 'AB' });
    db.close();

    expect(await service.remove('ws-1', 'Varde')).toEqual({ ok: false, message: 'Skriv arbejdsområdets navn, "Varde Kommune", for at bekræfte sletningen.' });
    expect(await Dexie.getDatabaseNames()).toContain('tilsynsbaenk-workspace-ws-1');

    expect(await service.remove('ws-1', 'Varde Kommune')).toMatchObject({ ok: true });
    expect(await service.list()).toEqual([]);
    expect(await Dexie.getDatabaseNames()).not.toContain('tilsynsbaenk-workspace-ws-1');
  });

  it('keeps the catalogue across a reopen, as after closing the browser', async () => {
    await service.create('Varde Kommune');
    catalog.close();
    const reopened = new CatalogDb();
    expect((await new WorkspaceService(reopened).list()).map((w) => w.id)).toEqual(['ws-1']);
    reopened.close();
  });
});
