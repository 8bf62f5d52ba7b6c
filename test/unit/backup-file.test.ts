import { describe, expect, it } from 'vitest';
import { BackupFileError, BackupWriter, DEFAULT_ITERATIONS, HEADER_SIZE, MAGIC, newCipher, openCipher, readFrames, readHeader } from '../../src/io/backup-file';
import { decodeRecord, encodeRecord } from '../../src/io/backup-values';
import { backupFileName, backupReminder, reminderText, restoredName, validatePassphrase, validateReminderDays } from '../../src/domain/backup';

/** The `.tilsynsbaenk` format below the use cases: records, header and frames. */

const text = (record: Uint8Array) => new TextDecoder().decode(record);

async function fileOf(records: string[], passphrase: string | null = 'en lang nok adgangskode'): Promise<Uint8Array<ArrayBuffer>> {
  const writer = new BackupWriter(await newCipher(5, passphrase, 1000));
  for (const record of records) await writer.push(new TextEncoder().encode(record));
  return new Uint8Array(await (await writer.finish()).arrayBuffer());
}

async function readAll(bytes: Uint8Array<ArrayBuffer>, passphrase: string | null = 'en lang nok adgangskode'): Promise<string[]> {
  const cipher = await openCipher(await readHeader(bytes.slice(0, HEADER_SIZE), 5), passphrase);
  const out: string[] = [];
  for await (const record of readFrames(new Blob([bytes]), cipher)) out.push(text(record));
  return out;
}

const problemOf = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof BackupFileError ? error.problem : String(error)));

describe('a record of stored rows', () => {
  it('comes back with typed arrays, buffers, dates, maps, sets, odd numbers and keys that look like tags', () => {
    const backing = new Float64Array([9, 1.5, -0.25, Number.NaN]);
    const value = {
      kind: 'rows', table: 'columnChunks',
      rows: [{
        id: 3,
        numbers: { size: 2, awareAt: new Int32Array([1, -2]), codes: new Uint16Array([7, 65535]), flags: new Uint8Array([0, 255]), deadlines: new Uint32Array([4294967295]) },
        part: new Float64Array(backing.buffer, 8, 3),
        buffer: Uint8Array.of(1, 2, 3).buffer,
        when: new Date('2024-06-01T08:00:00.000Z'),
        map: new Map<string, unknown>([['a', new Set([1, 2])]]),
        odd: [undefined, -0, Number.POSITIVE_INFINITY, Number.NaN],
        big: 12345678901234567890n,
        $bin: 'Int32Array', at: 0, n: 4,
        nested: { $$odd: 1, list: [], empty: {} },
      }],
    };
    const back = decodeRecord(encodeRecord(value)) as typeof value;
    const row = back.rows[0]!;
    expect(row.numbers.awareAt).toEqual(new Int32Array([1, -2]));
    expect(row.numbers.codes).toEqual(new Uint16Array([7, 65535]));
    expect(row.numbers.flags).toEqual(new Uint8Array([0, 255]));
    expect(row.numbers.deadlines).toEqual(new Uint32Array([4294967295]));
    expect(row.part).toEqual(new Float64Array([1.5, -0.25, Number.NaN]));
    expect(row.buffer).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(row.buffer)).toEqual(Uint8Array.of(1, 2, 3));
    expect(row.when).toEqual(new Date('2024-06-01T08:00:00.000Z'));
    expect(row.map).toEqual(new Map([['a', new Set([1, 2])]]));
    expect(row.odd).toEqual([undefined, -0, Number.POSITIVE_INFINITY, Number.NaN]);
    expect(Object.is(row.odd[1], -0)).toBe(true);
    expect(row.big).toBe(12345678901234567890n);
    expect(row).toMatchObject({ $bin: 'Int32Array', at: 0, n: 4, nested: { $$odd: 1, list: [], empty: {} } });
  });

  it('keeps typed arrays out of the JSON: their bytes follow it', () => {
    const record = encodeRecord({ columns: new Uint32Array(1000).fill(7) });
    const length = new DataView(record.buffer).getUint32(0);
    expect(text(record.subarray(4, 4 + length))).toBe('{"columns":{"$bin":"Uint32Array","at":0,"n":4000}}');
    expect(record.byteLength).toBe(4 + length + 4000);
  });

  it('keeps a long text out of the JSON as UTF-8, unless it holds a lone surrogate', () => {
    const lines = `{"caseNumber":"S-1","unit":"Børn og Unge Ærø"}\n`.repeat(500);
    const broken = `${'x'.repeat(20_000)}\ud800`;
    const record = encodeRecord({ lines, broken, short: 'Ærø' });
    const length = new DataView(record.buffer).getUint32(0);
    const json = text(record.subarray(4, 4 + length));
    expect(json).toBe(`{"lines":{"$bin":"text","at":0,"n":${new TextEncoder().encode(lines).byteLength}},"broken":${JSON.stringify(broken)},"short":"Ærø"}`);
    expect(decodeRecord(record)).toEqual({ lines, broken, short: 'Ærø' });
  });
});

describe('a backup file', () => {
  it('starts with the documented header', async () => {
    const bytes = await fileOf(['a']);
    const view = new DataView(bytes.buffer);
    expect(bytes.subarray(0, 8)).toEqual(MAGIC);
    expect(new TextDecoder('latin1').decode(bytes.subarray(1, 4))).toBe('TBK');
    expect([view.getUint16(8), view.getUint16(10), bytes[12], bytes[13], bytes[14], bytes[15], view.getUint32(16)]).toEqual([1, 5, 1, 1, 1, 0, 1000]);
    expect(bytes.subarray(60, 92)).toEqual(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.slice(0, 60))));
    // The salt and the nonce base are random: two files of the same records share neither.
    const other = await fileOf(['a']);
    expect(other.subarray(20, 36)).not.toEqual(bytes.subarray(20, 36));
    expect(other.subarray(36, 44)).not.toEqual(bytes.subarray(36, 44));
    expect(other.subarray(HEADER_SIZE)).not.toEqual(bytes.subarray(HEADER_SIZE));
  });

  it('uses at least 600,000 PBKDF2 iterations by default', async () => {
    expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { header } = await readHeader((await newCipher(5, 'en lang nok adgangskode')).headerBytes, 5);
    expect(header).toMatchObject({ kdf: 'pbkdf2-sha256', iterations: 600_000 });
  });

  it('gives back its records in order, with or without a passphrase', async () => {
    const records = ['første', 'anden', 'x'.repeat(100_000), 'sidste'];
    expect(await readAll(await fileOf(records))).toEqual(records);
    expect(await readAll(await fileOf(records, null), null)).toEqual(records);
  });

  it('is not read when cut between two frames: the last frame left does not say it is the last', async () => {
    const bytes = await fileOf(['første', 'anden']);
    const first = HEADER_SIZE + 4 + new DataView(bytes.buffer).getUint32(HEADER_SIZE);
    expect(await problemOf(readAll(bytes.slice(0, first)))).toBe('damaged');
    const open = await fileOf(['første', 'anden'], null);
    expect(await problemOf(readAll(open.slice(0, HEADER_SIZE + 4 + new DataView(open.buffer).getUint32(HEADER_SIZE)), null))).toBe('damaged');
  });

  it('tells a wrong passphrase from a damaged file', async () => {
    const bytes = await fileOf(['første']);
    expect(await problemOf(readAll(bytes, 'en anden adgangskode'))).toBe('wrongPassphrase');
    const changed = bytes.slice();
    changed[HEADER_SIZE + 6]! ^= 1;
    expect(await problemOf(readAll(changed))).toBe('damaged');
  });

  it('refuses a header whose digest was made again over a changed iteration count or salt: the key check fails', async () => {
    const bytes = await fileOf(['første']);
    const changed = bytes.slice();
    new DataView(changed.buffer).setUint32(16, 1001);
    changed.set(new Uint8Array(await crypto.subtle.digest('SHA-256', changed.slice(0, 60))), 60);
    expect(await problemOf(readAll(changed))).toBe('wrongPassphrase');
  });
});

describe('the rules around a backup', () => {
  it('wants a passphrase of at least 12 characters, typed the same twice', () => {
    expect(validatePassphrase('kort', 'kort')).toEqual({ ok: false, message: 'Adgangskoden skal være mindst 12 tegn. Brug gerne en sætning, du kan huske.' });
    expect(validatePassphrase('en lang nok adgangskode', 'en lang nok adgangskodE')).toEqual({ ok: false, message: 'De to adgangskoder er ikke ens. Skriv den samme adgangskode i begge felter.' });
    expect(validatePassphrase('ærø æbleskiver', 'ærø æbleskiver')).toEqual({ ok: true, value: 'ærø æbleskiver' });
  });

  it('names the file by the workspace and the day, without characters file systems refuse', () => {
    expect(backupFileName('Varde Kommune', new Date(2026, 10, 28, 9, 30))).toBe('Varde Kommune 28-11-2026.tilsynsbaenk');
    expect(backupFileName('Analyse: 2/3 "A"?', new Date(2026, 0, 5))).toBe('Analyse_ 2_3 _A__ 05-01-2026.tilsynsbaenk');
  });

  it('names a restored workspace «<navn> (gendannet dd-mm-åååå)», free and at most 80 characters', () => {
    const at = new Date(2026, 10, 29, 10);
    expect(restoredName('Varde Kommune', at, ['Varde Kommune'])).toBe('Varde Kommune (gendannet 29-11-2026)');
    expect(restoredName('Varde Kommune', at, ['Varde Kommune (gendannet 29-11-2026)'])).toBe('Varde Kommune (gendannet 29-11-2026) 2');
    const long = restoredName('x'.repeat(80), at, []);
    expect(long).toBe(`${'x'.repeat(54)} (gendannet 29-11-2026)`);
    expect(long.length).toBeLessThanOrEqual(80);
  });

  it('reminds when there is no backup or the last is older than the setting, never for the demo', () => {
    const now = new Date('2026-11-29T12:00:00.000Z');
    expect(backupReminder({ isDemo: false }, now, 7)).toEqual({ kind: 'none' });
    expect(backupReminder({ isDemo: false, lastBackupAt: '2026-11-22T12:00:00.000Z' }, now, 7)).toBeNull();
    expect(backupReminder({ isDemo: false, lastBackupAt: '2026-11-21T12:00:00.000Z' }, now, 7)).toEqual({ kind: 'old', days: 8 });
    expect(backupReminder({ isDemo: false, lastBackupAt: '2026-11-21T12:00:00.000Z' }, now, 14)).toBeNull();
    expect(backupReminder({ isDemo: true }, now, 7)).toBeNull();
    expect(reminderText({ kind: 'old', days: 8 })).toBe('Den seneste sikkerhedskopi er 8 dage gammel. Tag en ny.');
    expect(reminderText({ kind: 'none' })).toBe('Der er ikke taget en sikkerhedskopi af arbejdsområdet endnu.');
  });

  it('takes a reminder of 1 to 365 whole days', () => {
    expect(validateReminderDays(7)).toEqual({ ok: true, value: 7 });
    for (const days of [0, 366, 2.5, Number.NaN]) expect(validateReminderDays(days)).toEqual({ ok: false, message: 'Skriv et helt antal dage fra 1 til 365.' });
  });
});
