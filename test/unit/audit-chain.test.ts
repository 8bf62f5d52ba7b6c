import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, sha256Text } from '../../src/db/audit-log';
import { workspaceDbName } from '../../src/db/names';
import { latestVersion, WORKSPACE_SCHEMA } from '../../src/db/schema';
import { openWorkspaceDb, WorkspaceDb } from '../../src/db/workspace-db';
import {
  canonicalJson, chainEntry, describeChain, GENESIS_HASH, hashedText, settingChanges, validateUserName, verifyChain, type AuditEntry, type AuditInput,
} from '../../src/domain/audit';

/**
 * The audit log's hash chain: its serialisation and hash (checked against `sha256sum`), what
 * verification finds when stored rows are edited, deleted or inserted behind the app's back,
 * appends from two connections at once, and the upgrade that chains a log written before.
 */

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const IMPORT: AuditInput = { at: '2026-01-05T09:00:00.000Z', by: 'Anne Fiktiv', action: 'import', details: { fileName: 'udtræk.csv', cases: 3 } };
const SCREENING: AuditInput = { at: '2026-01-05T09:05:00.000Z', by: 'Bo Opdigtet', action: 'screening', details: { asOf: '2025-12-31' } };

describe('the serialisation and hash of an entry', () => {
  it('writes JSON with sorted keys at every level, leaving out undefined values as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'æ' }, u: undefined })).toBe('{"a":{"c":"æ","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([undefined, 'x'])).toBe('[null,"x"]');
  });

  it('hashes the entry with the previous hash and without its storage key, as sha256sum computes it', () => {
    const first = chainEntry(IMPORT, undefined, sha256Text);
    expect(hashedText({ ...first, id: 99 } as AuditEntry)).toBe(
      '{"action":"import","at":"2026-01-05T09:00:00.000Z","by":"Anne Fiktiv","details":{"cases":3,"fileName":"udtræk.csv"},"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1}',
    );
    // printf '%s' '<the text above>' | sha256sum
    expect(first).toEqual({ ...IMPORT, seq: 1, prevHash: GENESIS_HASH, hash: '5fb052b6909f87acad2423dfdc85da5c7cd9dd7fc082f153975e8643c10118d7' });
    const second = chainEntry(SCREENING, first, sha256Text);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, hash: '306b42b5255976b91383abf609abf1813b453978938ad7db74f784e5221ede32' });
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('verifying a chain', () => {
  let db: WorkspaceDb;
  beforeEach(async () => {
    db = await openWorkspaceDb('chain');
    for (let i = 1; i <= 6; i++) await appendAudit(db, { ...IMPORT, details: { fileName: `udtraek-${i}.csv`, cases: i } });
  });
  afterEach(() => db.close());

  const report = async () => verifyChain(await db.auditLog.toArray(), sha256Text);
  const idOf = async (seq: number) => (await db.auditLog.where('seq').equals(seq).first())!.id!;

  it('finds a log written by the app whole, with its last entry as the head', async () => {
    const whole = await report();
    expect(whole).toEqual({ entries: 6, problems: [], head: { seq: 6, hash: (await db.auditLog.get(await idOf(6)))!.hash } });
    expect(describeChain(whole)).toBe('Loggen er hel (6 poster)');
    expect(describeChain(verifyChain([], sha256Text))).toBe('Loggen er hel (0 poster)');
  });

  it('names an entry whose stored row was edited', async () => {
    await db.auditLog.update(await idOf(3), { details: { fileName: 'udtraek-3.csv', cases: 300 } });
    const found = await report();
    expect(found.problems).toEqual([{ kind: 'edited', seq: 3 }]);
    expect(describeChain(found)).toBe('Loggen er ændret: post 3 passer ikke med sin kontrolsum (posten er ændret).');
    // Its user or time changed is found the same way.
    await db.auditLog.update(await idOf(5), { by: 'En Anden' });
    expect((await report()).problems).toEqual([{ kind: 'edited', seq: 3 }, { kind: 'edited', seq: 5 }]);
  });

  it('finds an edited entry whose hash was made again, at the entry after it', async () => {
    const row = (await db.auditLog.get(await idOf(4)))!;
    const forged = { ...row, by: 'En Anden' };
    await db.auditLog.put({ ...forged, hash: sha256Text(hashedText(forged)) });
    const found = await report();
    expect(found.problems).toEqual([{ kind: 'broken', seq: 5, after: 4 }]);
    expect(describeChain(found)).toContain('post 5 passer ikke med post 4 før den');
  });

  it('names deleted entries by the gap in the numbers', async () => {
    await db.auditLog.delete(await idOf(2));
    expect((await report()).problems).toEqual([{ kind: 'deleted', from: 2, to: 2 }]);
    await db.auditLog.bulkDelete([await idOf(4), await idOf(5)]);
    const found = await report();
    expect(found.problems).toEqual([{ kind: 'deleted', from: 2, to: 2 }, { kind: 'deleted', from: 4, to: 5 }]);
    expect(describeChain(found)).toBe('Loggen er ændret: post 2 mangler (slettet) og post 4–5 mangler (slettet).');
    await db.auditLog.delete(await idOf(1));
    expect((await report()).problems[0]).toEqual({ kind: 'deleted', from: 1, to: 2 });
  });

  it('names inserted entries: one with a number already taken, one without a hash', async () => {
    const copy = (await db.auditLog.get(await idOf(2)))!;
    const { id: _, ...rest } = copy;
    await db.auditLog.add({ ...rest, details: { fileName: 'falsk.csv', cases: 1 } });
    await db.auditLog.add({ at: '2026-01-06T09:00:00.000Z', action: 'import' } as AuditEntry);
    const found = await report();
    expect(found.problems).toEqual([{ kind: 'inserted', seq: null }, { kind: 'inserted', seq: 2 }]);
    expect(found.entries).toBe(8);
    expect(describeChain(found)).toContain('post 2 findes mere end én gang');
    // The original is recognised whichever of the two comes first.
    expect(verifyChain([...(await db.auditLog.toArray())].reverse(), sha256Text).problems).toEqual(found.problems);
  });

  it('names at most ten problems and counts the rest', () => {
    const entries = Array.from({ length: 15 }, (_, i) => ({ seq: 2 * i + 1, at: 'x', by: '', action: 'import', details: {}, prevHash: 'p', hash: 'h' }));
    // Entries 1, 3, …, 29 each fail their hash, and the 14 even numbers between them are missing: 29 problems.
    const text = describeChain(verifyChain(entries, sha256Text));
    expect(text).toMatch(/^Loggen er ændret: post 1 passer ikke med sin kontrolsum \(posten er ændret\), post 2 mangler \(slettet\), /);
    expect(text).toMatch(/, post 10 mangler \(slettet\) og 19 andre fejl\.$/);
  });
});

describe('appending', () => {
  it('keeps one chain when two connections (two tabs, or a tab and the worker) append at once', async () => {
    const first = await openWorkspaceDb('busy');
    const second = await openWorkspaceDb('busy');
    const append = (db: WorkspaceDb, who: string) => Promise.all(Array.from({ length: 40 }, (_, i) => appendAudit(db, { ...IMPORT, by: who, details: { n: i } })));
    await Promise.all([append(first, 'Fane 1'), append(second, 'Fane 2')]);
    const entries = await first.auditLog.toArray();
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(verifyChain(entries, sha256Text).problems).toEqual([]);
    first.close();
    second.close();
  });

  it('is part of the caller\u2019s transaction: a change that fails leaves no entry', async () => {
    const db = await openWorkspaceDb('atomic');
    await expect(db.transaction('rw', [db.settings, db.auditLog], async () => {
      await db.settings.put({ key: 'x', value: 1 });
      await appendAudit(db, IMPORT);
      throw new Error('afbrudt');
    })).rejects.toThrow('afbrudt');
    expect(await db.auditLog.count()).toBe(0);
    expect(await db.settings.get('x')).toBeUndefined();
    // A transaction that leaves the log out cannot write to it by mistake.
    await expect(db.transaction('rw', [db.settings], () => appendAudit(db, IMPORT))).rejects.toThrow();
    db.close();
  });
});

describe('a log written before the chain (schema version 5)', () => {
  it('is chained by the upgrade in the order it was written, each line kept with its fields as details', async () => {
    const v5 = new WorkspaceDb(workspaceDbName('old-log'), WORKSPACE_SCHEMA.filter((v) => v.version <= 5));
    await v5.open();
    const old = [
      { at: '2024-06-01T08:00:00.000Z', action: 'import', fileName: 'a.csv', extractDate: '2024-05-31', cases: 26, errors: 0 },
      { at: '2024-07-01T09:00:00.000Z', action: 'screening', asOf: '2024-06-30', cases: 26, purpose: 'user' },
      { at: '2024-06-15T08:00:00.000Z', action: 'plan.status', text: 'Tjekliste', from: 'notStarted', to: 'done' },
    ];
    for (const line of old) await v5.table('auditLog').add({ ...line });
    v5.close();

    const db = await openWorkspaceDb('old-log');
    expect(db.verno).toBe(latestVersion(WORKSPACE_SCHEMA));
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.map(({ id, seq, at, by, action, details }) => ({ id, seq, at, by, action, details }))).toEqual(
      old.map(({ at, action, ...details }, i) => ({ id: i + 1, seq: i + 1, at, by: '', action, details })),
    );
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(entries, sha256Text)).toMatchObject({ entries: 3, problems: [] });
    // New entries go on from the last one.
    const next = await appendAudit(db, IMPORT);
    expect(next).toMatchObject({ id: 4, seq: 4, prevHash: entries[2]!.hash });
    expect(verifyChain(await db.auditLog.toArray(), sha256Text).problems).toEqual([]);
    db.close();
  });
});

describe('what goes into entries', () => {
  it('lists a setting\u2019s changes by path, old → new', () => {
    expect(settingChanges({ enabled: { A: false }, params: { B: { days: 7 } }, list: [1] }, { enabled: {}, params: { B: { days: 14 } }, list: [1, 2] })).toEqual([
      { field: 'enabled.A', from: false, to: null },
      { field: 'list', from: [1], to: [1, 2] },
      { field: 'params.B.days', from: 7, to: 14 },
    ]);
    expect(settingChanges(5, 3)).toEqual([{ field: '', from: 5, to: 3 }]);
    expect(settingChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('asks for a name of some kind, trimmed', () => {
    expect(validateUserName('  Anne   Fiktiv ')).toEqual({ ok: true, value: 'Anne Fiktiv' });
    expect(validateUserName('   ')).toMatchObject({ ok: false, message: expect.stringContaining('Skriv dit navn') });
    expect(validateUserName('x'.repeat(81))).toMatchObject({ ok: false });
  });
});
