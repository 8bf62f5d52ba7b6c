import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionLoss } from '../../src/db/connection';
import { workspaceDbName } from '../../src/db/names';
import { deleteWorkspaceDb, openWorkspaceDb } from '../../src/db/workspace-db';
import { latestVersion } from '../../src/db/schema';
import { TEST_SCHEMA_NEXT } from './fixtures/schema.next';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

/** Opens a raw IndexedDB connection, as an older release in another tab would hold one. */
function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('several tabs on one workspace', () => {
  it('tells this tab when another tab deletes the workspace, and never recreates it empty', async () => {
    const lost: ConnectionLoss[] = [];
    const db = await openWorkspaceDb('shared', { onConnectionLost: (reason) => lost.push(reason) });
    await db.imports.add({ id: 'I-1' } as never);

    await deleteWorkspaceDb('shared'); // as the other tab does

    expect(lost).toEqual(['deleted']);
    expect(db.isOpen()).toBe(false);
    await expect(db.imports.add({ id: 'I-2' } as never)).rejects.toThrow(/closed/i);
    expect(await Dexie.getDatabaseNames()).not.toContain(workspaceDbName('shared'));
  });

  it('tells this tab when another tab upgrades the database to a newer version', async () => {
    const lost: ConnectionLoss[] = [];
    const db = await openWorkspaceDb('shared', { onConnectionLost: (reason) => lost.push(reason) });

    const newer = await openWorkspaceDb('shared', {}, TEST_SCHEMA_NEXT);

    expect(lost).toEqual(['upgraded']);
    expect(db.isOpen()).toBe(false);
    expect(newer.verno).toBe(latestVersion(TEST_SCHEMA_NEXT));
    newer.close();
  });

  it('reports a blocked upgrade while another tab holds the old version, then finishes when it closes', async () => {
    const first = await openWorkspaceDb('shared');
    first.close();
    // A connection that ignores versionchange, like an old release without our handler.
    const stubborn = await rawOpen(workspaceDbName('shared'));
    let blocked = 0;

    const upgrading = openWorkspaceDb('shared', { onBlocked: () => blocked++ }, TEST_SCHEMA_NEXT);
    await vi.waitFor(() => expect(blocked).toBe(1));

    stubborn.close();
    const db = await upgrading;
    expect(db.verno).toBe(latestVersion(TEST_SCHEMA_NEXT));
    db.close();
  });
});

describe('a database that will not open', () => {
  it('explains a database from a newer release, a full disk and anything else in Danish', async () => {
    const { describeOpenError } = await import('../../src/db/connection');
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(describeOpenError(named('VersionError'))).toMatch(/^Dataene er gemt af en nyere udgave/);
    expect(describeOpenError(Object.assign(new Error('x'), { name: 'OpenFailedError', inner: { name: 'VersionError' } }))).toMatch(/nyere udgave/);
    expect(describeOpenError(named('QuotaExceededError'))).toMatch(/ikke mere plads/);
    expect(describeOpenError(named('InvalidStateError'))).toMatch(/privat vindue/);
  });
});
