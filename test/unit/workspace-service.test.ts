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
  service = new WorkspaceService(catalog, () => 'Anne Fiktiv', () => clock, () => `ws-${++counter}`);
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
    expect(await db.auditLog.toArray()).toEqual([expect.objectContaining({ id: 1, seq: 1, at: '2026-11-27T08:00:00.000Z', by: 'Anne Fiktiv', action: 'workspace.created', details: { name: 'Varde Kommune' } })]);
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
    await db.imports.add({ id: 'I-1' } as never);
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
    expect((await new WorkspaceService(reopened, () => 'Anne Fiktiv').list()).map((w) => w.id)).toEqual(['ws-1']);
    reopened.close();
  });
});

describe('a workspace filled before it is listed (the demo kommune)', () => {
  const fillWith = (imports: string[]) => async (w: { id: string }) => {
    // What is listed at this moment is what another tab, or a reload, would see.
    expect((await service.list()).map((x) => x.id)).not.toContain(w.id);
    const db = await openWorkspaceDb(w.id);
    for (const id of imports) await db.imports.add({ id } as never);
    db.close();
  };
  const importsOf = async (id: string) => {
    const db = await openWorkspaceDb(id);
    const ids = await db.imports.toCollection().primaryKeys();
    db.close();
    return ids;
  };

  it('lists it only once its data is complete', async () => {
    const result = await service.createFilled('Demokommune', { isDemo: true }, fillWith(['I-1']));
    expect(result).toMatchObject({ ok: true, value: { id: 'ws-1', name: 'Demokommune', isDemo: true } });
    expect((await service.list()).map((w) => w.id)).toEqual(['ws-1']);
    expect(await importsOf('ws-1')).toEqual(['I-1']);
  });

  it('lists nothing and leaves no database when the filling fails', async () => {
    await expect(service.createFilled('Demokommune', { isDemo: true }, async () => { throw new Error('fanen blev lukket'); })).rejects.toThrow('fanen blev lukket');
    expect(await service.list()).toEqual([]);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-1'));
  });

  it('refills it in a new database and moves the entry in one step; a failed refill leaves the old data as it was', async () => {
    await service.createFilled('Demokommune', { isDemo: true }, fillWith(['I-1']));
    await expect(service.refill('ws-1', async () => { throw new Error('genindlæsning afbrudt'); })).rejects.toThrow('genindlæsning afbrudt');
    expect((await service.list()).map((w) => [w.id, w.name])).toEqual([['ws-1', 'Demokommune']]);
    expect(await importsOf('ws-1')).toEqual(['I-1']);

    const refilled = await service.refill('ws-1', fillWith(['I-2']));
    expect(refilled).toMatchObject({ id: 'ws-3', name: 'Demokommune', isDemo: true });
    expect((await service.list()).map((w) => [w.id, w.name])).toEqual([['ws-3', 'Demokommune']]);
    expect(await importsOf('ws-3')).toEqual(['I-2']);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('ws-1'));
  });

  it('deletes the databases no entry points at, as a tab closed while filling leaves them', async () => {
    await service.create('Varde Kommune');
    (await openWorkspaceDb('left-behind')).close();
    expect(await service.removeOrphans()).toEqual(['left-behind']);
    expect(await Dexie.getDatabaseNames()).toEqual(expect.arrayContaining([workspaceDbName('ws-1')]));
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('left-behind'));
  });
});
