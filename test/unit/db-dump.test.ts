import Dexie from 'dexie';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeValue, dumpDatabase, dumpFromJson, dumpToJson, encodeValue, loadDump, readDump, rowsOf } from './db-dump';

beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const STORES = { columns: 'id', log: '++id, at', answers: 'id, roundId, [roundId+caseNumber]' };

async function original(): Promise<Dexie> {
  const db = new Dexie('dump-original');
  db.version(3).stores(STORES);
  await db.open();
  const ints = new Int32Array([1, -2, 2147483647]);
  await db.table('columns').bulkAdd([
    {
      id: 1,
      numbers: { size: 3, awareAt: ints, deadlines: new Uint32Array([0, 4294967295]), codes: new Uint16Array([7, 65535]), flags: new Uint8Array([0, 1, 255]) },
      // A view of part of a larger buffer: its own bytes are kept.
      part: new Float64Array(new Float64Array([9, 1.5, -0.25, Number.NaN]).buffer, 8, 3),
      buffer: new Uint8Array([1, 2, 3]).buffer,
      nested: { a: { b: [1, null, { c: 'd' }] }, empty: {}, list: [] },
      strings: JSON.stringify({ caseNumbers: ['S-1'] }),
    },
    { id: 2, numbers: null, missing: undefined, odd: [undefined, -0, Number.POSITIVE_INFINITY], when: new Date('2024-06-01T08:00:00.000Z') },
    { id: 3, map: new Map<string, unknown>([['a', new Set([1, 2])]]), big: 12345678901234567890n },
  ]);
  await db.table('log').bulkAdd([{ at: '2024-06-01', action: 'import' }, { at: '2024-06-02', action: 'screening', cases: 26 }]);
  await db.table('answers').add({ id: 'R|S-1|q', roundId: 'R', caseNumber: 'S-1', answer: null, comment: '', $typed: 'Int32Array', base64: 'AAAA', meta: { $date: 'x', $$odd: 1 } });
  return db;
}

describe('a database dump', () => {
  it('comes back the same after JSON and a load into a new database', async () => {
    const db = await original();
    const dump = await dumpDatabase(db, 'abc1234', 'test');
    db.close();
    expect(dump).toMatchObject({ format: 'tilsynsbaenk-db-dump/1', schemaVersion: 3, commit: 'abc1234', madeBy: 'test' });
    // Indexes in IndexedDB's order, by name.
    expect(dump.stores).toEqual({ ...STORES, answers: 'id, [roundId+caseNumber], roundId' });
    expect(dump.tables.log).toEqual([{ at: '2024-06-01', action: 'import', id: 1 }, { at: '2024-06-02', action: 'screening', cases: 26, id: 2 }]);

    const json = dumpToJson(dump);
    await loadDump(dumpFromJson(json), 'dump-copy');
    const copy = new Dexie('dump-copy');
    await copy.open();
    const again = await dumpDatabase(copy, 'abc1234', 'test');
    expect(again).toEqual(dump);
    expect(dumpToJson(again)).toBe(json);

    // The rows themselves, as IndexedDB holds them.
    const [first, second, third] = (await copy.table('columns').toArray()) as Record<string, any>[];
    expect(first!.numbers.awareAt).toEqual(new Int32Array([1, -2, 2147483647]));
    expect(first!.numbers.deadlines).toBeInstanceOf(Uint32Array);
    expect(first!.numbers.codes).toEqual(new Uint16Array([7, 65535]));
    expect(first!.numbers.flags).toEqual(new Uint8Array([0, 1, 255]));
    expect(first!.part).toEqual(new Float64Array([1.5, -0.25, Number.NaN]));
    expect(new Uint8Array(first!.buffer)).toEqual(new Uint8Array([1, 2, 3]));
    expect(first!.buffer).toBeInstanceOf(ArrayBuffer);
    expect(first!.nested).toEqual({ a: { b: [1, null, { c: 'd' }] }, empty: {}, list: [] });
    expect('missing' in second!).toBe(false);
    expect(second!.odd).toEqual([undefined, -0, Number.POSITIVE_INFINITY]);
    expect(Object.is(second!.odd[1], -0)).toBe(true);
    expect(second!.when).toEqual(new Date('2024-06-01T08:00:00.000Z'));
    expect(third!.map).toEqual(new Map([['a', new Set([1, 2])]]));
    expect(third!.big).toBe(12345678901234567890n);
    // The auto-increment table goes on counting after the loaded rows.
    expect(await copy.table('log').add({ at: '2024-06-03', action: 'x' })).toBe(3);
    expect(await copy.table('answers').where('[roundId+caseNumber]').equals(['R', 'S-1']).count()).toBe(1);
    copy.close();
  });

  it('keeps a key of the data named like a tag', async () => {
    const db = await original();
    const dump = await dumpDatabase(db, 'abc1234', 'test');
    db.close();
    expect(dump.tables.answers![0]).toMatchObject({ $$typed: 'Int32Array', base64: 'AAAA', meta: { $$date: 'x', $$$odd: 1 } });
    await loadDump(dumpFromJson(dumpToJson(dump)), 'dump-copy');
    const copy = new Dexie('dump-copy');
    await copy.open();
    expect(await copy.table('answers').get('R|S-1|q')).toEqual({ id: 'R|S-1|q', roundId: 'R', caseNumber: 'S-1', answer: null, comment: '', $typed: 'Int32Array', base64: 'AAAA', meta: { $date: 'x', $$odd: 1 } });
    copy.close();
    expect(rowsOf(dump, 'answers')[0]).toMatchObject({ $typed: 'Int32Array' });
  });

  it('loads at exactly the dump\u2019s version, so a later schema\u2019s upgrade runs on it', async () => {
    const db = await original();
    const dump = await dumpDatabase(db, 'abc1234', 'test');
    db.close();
    await loadDump(dump, 'dump-copy');
    await expect(loadDump(dump, 'dump-copy')).rejects.toThrow('exists already');
    const later = new Dexie('dump-copy');
    later.version(3).stores(STORES);
    later.version(4).stores({ log: null, extra: 'id' }).upgrade(async (tx) => {
      await tx.table('extra').add({ id: 'upgraded', rows: await tx.table('log').count() });
    });
    await later.open();
    expect(later.verno).toBe(4);
    expect(await later.table('extra').get('upgraded')).toEqual({ id: 'upgraded', rows: 2 });
    expect(await later.table('columns').count()).toBe(3);
    later.close();
  });

  it('refuses what it cannot keep', () => {
    expect(() => encodeValue({ a: [{ f: () => 1 }] })).toThrow('$.a[0].f: a function');
    expect(() => encodeValue({ b: new (class Thing {})() })).toThrow('$.b: a Thing is not plain data');
    expect(decodeValue(encodeValue({ $set: 1, x: new Set(['$set']) }))).toEqual({ $set: 1, x: new Set(['$set']) });
  });
});

// The fixtures of the released schema versions (fixtures/README.md): each loads into a database
// that dumps back to the same file.
describe.each([1, 2, 3, 4, 5, 6, 7])('the fixture of schema version %i', (version) => {
  it('loads into a database at its version that dumps back the same', async () => {
    const path = fileURLToPath(new URL(`./fixtures/db-v${version}.json`, import.meta.url));
    const fixture = readDump(path);
    expect(fixture.schemaVersion).toBe(version);
    // From version 5 the 26 cases are lines of one chunk; before, a record each.
    if (version < 5) expect(fixture.tables.cases).toHaveLength(26);
    else expect(fixture.tables.meta).toEqual([expect.objectContaining({ key: 'cases', count: 26 })]);
    await loadDump(fixture, 'fixture-copy');
    const copy = new Dexie('fixture-copy');
    await copy.open();
    expect(copy.verno).toBe(version);
    const again = await dumpDatabase(copy, fixture.commit, fixture.madeBy);
    copy.close();
    expect(again).toEqual(fixture);
    expect(dumpToJson(again)).toBe(dumpToJson(fixture));
  });
});
