import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProfiles, listProfiles, profileFor, profilesFile, saveProfile } from '../../src/app/import-service';
import { CatalogDb } from '../../src/db/catalog';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { suggestMapping } from '../../src/io/mapping';

/** Saved mappings are offered in every workspace on the computer, and travel as a file. */

const stamp = { by: 'Bo Opdigtet', at: '2026-03-01T09:00:00.000Z' };
const layout = { sheets: [{ name: 'udtraek', headers: ['Sagsnr', 'Enhed', 'Resultat'] }] };

let a: WorkspaceDb;
let b: WorkspaceDb;
let catalog: CatalogDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  [a, b] = await Promise.all([openWorkspaceDb('a'), openWorkspaceDb('b')]);
  catalog = new CatalogDb();
  await catalog.open();
});
afterEach(() => {
  a.close();
  b.close();
  catalog.close();
});

describe('mapping profiles in the catalogue', () => {
  it('offers a profile saved in one workspace in another, recognised by its headers', async () => {
    const saved = await saveProfile(a, 'DUBU-udtræk', layout, suggestMapping(layout), stamp, catalog);
    expect(saved.ok).toBe(true);
    expect((await listProfiles(b, catalog)).map((p) => p.name)).toEqual(['DUBU-udtræk']);
    expect((await profileFor(b, layout, catalog))?.name).toBe('DUBU-udtræk');
    // Saving the same name again replaces it, in the catalogue as in the workspace.
    await saveProfile(b, 'DUBU-udtræk', layout, suggestMapping(layout), { ...stamp, at: '2026-03-02T09:00:00.000Z' }, catalog);
    expect(await catalog.profiles.count()).toBe(1);
    expect((await catalog.profiles.toArray())[0]!.createdAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('copies a workspace profile from before the catalogue had them, and keeps it in the workspace', async () => {
    await saveProfile(a, 'Gammel', layout, suggestMapping(layout), stamp);
    expect(await catalog.profiles.count()).toBe(0);
    expect((await listProfiles(a, catalog)).map((p) => p.name)).toEqual(['Gammel']);
    expect((await listProfiles(b, catalog)).map((p) => p.name)).toEqual(['Gammel']);
    expect(await a.mappingProfiles.count()).toBe(1);
  });

  it('exports profiles as a file and imports them in another browser profile, logged', async () => {
    await saveProfile(a, 'DUBU-udtræk', layout, suggestMapping(layout), stamp, catalog);
    const file = profilesFile(await listProfiles(a, catalog));
    await catalog.profiles.clear();
    const imported = await importProfiles(b, catalog, file, stamp);
    expect(imported.ok && imported.value.map((p) => p.name)).toEqual(['DUBU-udtræk']);
    expect((await profileFor(b, layout, catalog))?.mapping).toEqual(suggestMapping(layout));
    expect(await b.auditLog.orderBy('seq').last()).toMatchObject({ action: 'profile.saved', details: { name: 'DUBU-udtræk', replaced: false, source: 'fil' } });
    const refused = await importProfiles(b, catalog, new TextEncoder().encode('{"format":"x"}'), stamp);
    expect(refused).toEqual({ ok: false, message: 'Filen er ikke en fil med kortlægninger fra Tilsynsbænken.' });
  });
});
