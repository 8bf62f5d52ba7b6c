import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealedDataError } from '../../src/db/encryption';
import { LOCK_ITERATIONS, newLock, openLock } from '../../src/db/passphrase';
import { decodeValue, encodeValue } from '../../src/db/value-codec';
import { openWorkspaceDb, type WorkspaceDb } from '../../src/db/workspace-db';
import { workspaceDbName } from '../../src/db/names';
import type { ReviewAnswer } from '../../src/domain/review/answers';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const OTHER_KEY = Uint8Array.from({ length: 32 }, (_, i) => 100 + i);

/** The workspace's database read with the plain IndexedDB API: what another page on the same origin sees. */
async function rawRecords(id: string, table: string): Promise<Record<string, unknown>[]> {
  const db = new Dexie(workspaceDbName(id));
  await db.open();
  const records = (await db.table(table).toArray()) as Record<string, unknown>[];
  db.close();
  return records;
}

async function rawPut(id: string, table: string, record: Record<string, unknown>): Promise<void> {
  const db = new Dexie(workspaceDbName(id));
  await db.open();
  await db.table(table).put(record);
  db.close();
}

const answer = (roundId: string, caseNumber: string, questionId: string, reviewer: string, value: ReviewAnswer['answer'] = 'yes'): ReviewAnswer => ({
  id: `${roundId}|${caseNumber}|${questionId}`, roundId, caseNumber, questionId, reviewer, answer: value, comment: '', updatedAt: '2026-01-05T09:00:00.000Z', updatedBy: reviewer, history: [],
} as unknown as ReviewAnswer);

let db: WorkspaceDb;
beforeEach(async () => {
  for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
  db = await openWorkspaceDb('laast', {}, undefined, KEY);
});
afterEach(() => db.close());

describe('the stored form of a value', () => {
  it('keeps typed arrays, buffers, dates, NaN, infinities, -0 and holes the way IndexedDB does', () => {
    const value = {
      text: 'Sagsnr DEMO-1 «æøå»', n: 1.5, nan: NaN, inf: -Infinity, zero: -0, none: null, list: [1, undefined, 'x'],
      revisions: Uint32Array.from([1, 2, 4_000_000_000]), days: Int32Array.from([-2_147_483_648, 0, 7]), bytes: Uint8Array.from([0, 255]),
      buffer: Uint16Array.from([9, 10]).buffer, when: new Date('2026-01-05T09:00:00.000Z'), nested: { deep: [{ f: Float64Array.from([0.5]) }] },
    };
    const back = decodeValue(encodeValue(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.revisions).toBeInstanceOf(Uint32Array);
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back.list).toHaveLength(3);
    expect(back.when).toBeInstanceOf(Date);
    expect(new Uint16Array(back.buffer)).toEqual(Uint16Array.from([9, 10]));
  });

  it('keeps long texts beside the JSON and deflates a large value: a chunk of similar cases takes a fraction of its size', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ caseNumber: `SAG-${i}`, unit: 'Børnefamilieenhed Nord', note: 'æøå "citat" \\ linje' })).join('\n');
    const chunk = { id: 4, lines, revisions: Uint32Array.from({ length: 2000 }, (_, i) => i), missing: [[3, '2025-12-31']] };
    const stored = encodeValue(chunk);
    expect(stored[0]).toBe(2);
    expect(stored.length).toBeLessThan(lines.length / 5);
    expect(decodeValue(stored)).toEqual(chunk);
    const small = encodeValue({ key: 'x', value: 'y'.repeat(5_000) });
    expect(small[0]).toBe(1);
    expect(decodeValue(small)).toEqual({ key: 'x', value: 'y'.repeat(5_000) });
  });

  it('refuses a Map, which nothing stored holds, instead of losing its entries', () => {
    expect(() => encodeValue({ m: new Map([[1, 2]]) })).toThrow('Kan ikke gemme Map.');
  });
});

describe('a locked workspace database', () => {
  it('reads back what it wrote, keeping only keys and index fields in clear and case data as tokens', async () => {
    const a = answer('R-1', 'SAG-0042', 'q1', 'Leder Fiktiv');
    await db.reviews.put(a);
    expect(await db.reviews.get(a.id)).toEqual(a);
    const [raw] = await rawRecords('laast', 'reviews');
    expect(Object.keys(raw!).sort()).toEqual(['caseNumber', 'id', 'reviewer', 'roundId', 'sealed']);
    expect(raw!.roundId).toBe('R-1');
    expect(JSON.stringify(raw)).not.toMatch(/SAG-0042|Leder Fiktiv|q1/);
    expect(raw!.sealed).toBeInstanceOf(Uint8Array);
  });

  it('finds answers by round, case number, reviewer and the compound index, in the order of their plain keys', async () => {
    const answers = [
      answer('R-1', 'SAG-3', 'q1', 'Åse'), answer('R-1', 'SAG-1', 'q2', 'Bo'), answer('R-1', 'SAG-1', 'q1', 'Åse'),
      answer('R-2', 'SAG-1', 'q1', 'Bo'), answer('R-1', 'SAG-2', 'q1', 'Bo'),
    ];
    await db.reviews.bulkPut(answers);
    expect((await db.reviews.where('roundId').equals('R-1').toArray()).map((r) => r.id)).toEqual(['R-1|SAG-1|q1', 'R-1|SAG-1|q2', 'R-1|SAG-2|q1', 'R-1|SAG-3|q1']);
    expect((await db.reviews.where('caseNumber').equals('SAG-1').toArray()).map((r) => r.id)).toEqual(['R-1|SAG-1|q1', 'R-1|SAG-1|q2', 'R-2|SAG-1|q1']);
    expect(await db.reviews.where('reviewer').equals('Bo').count()).toBe(3);
    expect((await db.reviews.where({ roundId: 'R-1', caseNumber: 'SAG-1' }).toArray()).map((r) => r.questionId)).toEqual(['q1', 'q2']);
    expect((await db.reviews.where('[roundId+caseNumber]').between(['R-1', Dexie.minKey], ['R-1', Dexie.maxKey]).primaryKeys()).sort()).toEqual(['R-1|SAG-1|q1', 'R-1|SAG-1|q2', 'R-1|SAG-2|q1', 'R-1|SAG-3|q1']);
    expect(await db.reviews.toCollection().primaryKeys()).toHaveLength(5);
    expect((await db.reviews.orderBy(':id').toArray()).map((r) => r.id)).toEqual(answers.map((a) => a.id).sort());
    // Through a cursor (a filter makes Dexie walk one), values and keys come back plain.
    expect((await db.reviews.where('roundId').equals('R-2').filter((r) => r.reviewer === 'Bo').toArray()).map((r) => r.caseNumber)).toEqual(['SAG-1']);
    await db.reviews.where('caseNumber').equals('SAG-1').modify({ comment: 'Set igen' });
    expect((await db.reviews.get('R-2|SAG-1|q1'))?.comment).toBe('Set igen');
    await db.reviews.where('roundId').equals('R-1').delete();
    expect((await db.reviews.toArray()).map((r) => r.id)).toEqual(['R-2|SAG-1|q1']);
    await db.reviews.delete('R-2|SAG-1|q1');
    expect(await db.reviews.count()).toBe(0);
  });

  it('refuses a range over a tokenised field: tokens keep equality, not order', async () => {
    await expect(db.reviews.where('caseNumber').between('SAG-1', 'SAG-9').toArray()).rejects.toThrow('kun slå reviews.caseNumber op på lighed');
  });

  it('finds findings by case number', async () => {
    await db.table('findings').bulkPut([{ id: 'F-1', roundId: 'R-1', caseNumber: 'SAG-7', ruleId: 'BFU_4M' }, { id: 'F-2', roundId: 'R-1', caseNumber: 'SAG-8', ruleId: null }]);
    expect(await db.table('findings').where('caseNumber').equals('SAG-7').toArray()).toEqual([{ id: 'F-1', roundId: 'R-1', caseNumber: 'SAG-7', ruleId: 'BFU_4M' }]);
    expect(JSON.stringify(await rawRecords('laast', 'findings'))).not.toContain('SAG-7');
  });

  it('gives auto-incremented keys itself, one after another, also for several adds in one transaction', async () => {
    await db.table('auditLog').add({ at: '2026-01-01T00:00:00.000Z', action: 'a' });
    await db.transaction('rw', db.table('auditLog'), async () => {
      await Promise.all([db.table('auditLog').add({ at: '2026-01-02T00:00:00.000Z', action: 'b' }), db.table('auditLog').add({ at: '2026-01-03T00:00:00.000Z', action: 'c' })]);
      await db.table('auditLog').bulkAdd([{ at: '2026-01-04T00:00:00.000Z', action: 'd' }, { at: '2026-01-05T00:00:00.000Z', action: 'e' }]);
    });
    expect((await db.table('auditLog').toArray()).map((e) => [e.id, e.action])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']]);
    expect((await db.table('auditLog').where('action').equals('c').first())?.id).toBe(3);
  });

  it('refuses a record whose ciphertext was moved to another key or table, or written in clear', async () => {
    await db.settings.bulkPut([{ key: 'a', value: 'SAG-1' }, { key: 'b', value: 'SAG-2' }]);
    const [a] = await rawRecords('laast', 'settings');
    await rawPut('laast', 'settings', { key: 'b', sealed: a!.sealed });
    await expect(db.settings.get('b')).rejects.toThrow(SealedDataError);
    expect(await db.settings.get('a')).toEqual({ key: 'a', value: 'SAG-1' });
    await rawPut('laast', 'meta', { key: 'a', sealed: a!.sealed });
    await expect(db.meta.get('a' as 'cases')).rejects.toThrow(SealedDataError);
    await rawPut('laast', 'settings', { key: 'c', value: 'forfalsket' });
    await expect(db.settings.get('c')).rejects.toThrow('kan ikke læses med denne nøgle');
  });

  it('does not open with another key', async () => {
    await db.settings.put({ key: 'a', value: 1 });
    db.close();
    db = await openWorkspaceDb('laast', {}, undefined, OTHER_KEY);
    await expect(db.settings.get('a')).rejects.toThrow(SealedDataError);
  });
});

describe('the passphrase', () => {
  it('derives the key with PBKDF2-SHA-256, 600,000 iterations and a random 16-byte salt, and tells a wrong passphrase by the check alone', async () => {
    const { lock, key } = await newLock('en lang adgangskode');
    expect(lock.iterations).toBe(LOCK_ITERATIONS);
    expect(LOCK_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(lock.salt).toHaveLength(16);
    expect(key).toHaveLength(32);
    expect(await openLock(lock, 'en lang adgangskode')).toEqual(key);
    expect(await openLock(lock, 'en lang adgangskodE')).toBeUndefined();
    const again = await newLock('en lang adgangskode');
    expect(again.lock.salt).not.toEqual(lock.salt);
    expect(again.key).not.toEqual(key);
  });
});
