/**
 * The `.tilsynsbaenk` backup file (README, "Sikkerhedskopi: filformat"): a plaintext header, then
 * frames. Each frame holds one record (backup-values.ts), compressed (deflate-raw) and sealed:
 * AES-256-GCM with a key from PBKDF2-HMAC-SHA-256 over the passphrase, or, in a backup made
 * "uden adgangskode", followed by a SHA-256 that only detects damage. A frame's additional data is
 * the header's SHA-256, its index and whether it is the last, so a changed header, a frame moved,
 * dropped or repeated, and a file cut short all fail to open. Web Crypto and the compression
 * streams of the platform (browser, worker, Node ≥ 20) do the work.
 */

export const MAGIC = Uint8Array.of(0x89, 0x54, 0x42, 0x4b, 0x0d, 0x0a, 0x1a, 0x0a);
export const FORMAT_VERSION = 1;
/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). */
export const DEFAULT_ITERATIONS = 600_000;
/** A larger count in a header is damage: reading it would keep the machine busy for minutes. */
const MAX_ITERATIONS = 50_000_000;
export const HEADER_SIZE = 92;
const SIGNED_SIZE = 60;
const KEY_CHECK_AT = 44;
const MAX_FRAME = 1 << 30;

export type Kdf = 'none' | 'pbkdf2-sha256';
export interface BackupHeader {
  formatVersion: number;
  /** The workspace database's schema version (src/db/schema.ts) of the data in the file. */
  schemaVersion: number;
  kdf: Kdf;
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  nonceBase: Uint8Array<ArrayBuffer>;
  keyCheck: Uint8Array<ArrayBuffer>;
}

/** Why a file cannot be read; the app says each in Danish. */
export type BackupProblem = 'notBackup' | 'damaged' | 'newer' | 'wrongPassphrase' | 'passphraseNeeded';
export class BackupFileError extends Error {
  constructor(readonly problem: BackupProblem, detail: string = problem) {
    super(detail);
  }
}

const bytesOf = (n: number) => new Uint8Array(n);
const random = (n: number) => crypto.getRandomValues(bytesOf(n));
const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

/** The key for a passphrase (NFC, so «æ» typed on a Mac and on Windows is the same key). */
async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The 12-byte IV of frame `index`: the file's random 8 bytes and the index. */
function ivOf(nonceBase: Uint8Array, index: number): Uint8Array<ArrayBuffer> {
  const iv = bytesOf(12);
  iv.set(nonceBase);
  new DataView(iv.buffer).setUint32(8, index);
  return iv;
}
/** The key check's IV uses an index no frame reaches. */
const KEY_CHECK_INDEX = 0xffffffff;

function writeHeader(header: BackupHeader): Uint8Array<ArrayBuffer> {
  const bytes = bytesOf(HEADER_SIZE);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(8, header.formatVersion);
  view.setUint16(10, header.schemaVersion);
  const sealed = header.kdf === 'pbkdf2-sha256';
  view.setUint8(12, sealed ? 1 : 0); // KDF: 0 none, 1 PBKDF2-HMAC-SHA-256
  view.setUint8(13, sealed ? 1 : 0); // cipher: 0 none (SHA-256 per frame), 1 AES-256-GCM
  view.setUint8(14, 1); // compression: deflate-raw per frame
  view.setUint8(15, 0); // reserved
  view.setUint32(16, header.iterations);
  bytes.set(header.salt, 20);
  bytes.set(header.nonceBase, 36);
  bytes.set(header.keyCheck, KEY_CHECK_AT);
  return bytes;
}

/** A sealed or checked file: its header's bytes, the digest every frame names, and the key. */
export interface BackupCipher {
  header: BackupHeader;
  headerBytes: Uint8Array<ArrayBuffer>;
  digest: Uint8Array<ArrayBuffer>;
  key: CryptoKey | null;
}

async function finishHeader(header: BackupHeader, key: CryptoKey | null): Promise<BackupCipher> {
  const bytes = writeHeader(header);
  if (key) {
    // The key check: GCM's tag over nothing, with the header before it as additional data.
    const check = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ivOf(header.nonceBase, KEY_CHECK_INDEX), additionalData: bytes.slice(0, KEY_CHECK_AT) }, key, bytesOf(0)));
    header.keyCheck.set(check);
    bytes.set(check, KEY_CHECK_AT);
  }
  const digest = await sha256(bytes.slice(0, SIGNED_SIZE));
  bytes.set(digest, SIGNED_SIZE);
  return { header, headerBytes: bytes, digest, key };
}

/** A new file's header: with a passphrase, random salt and nonce base and the derived key; without, no key. */
export async function newCipher(schemaVersion: number, passphrase: string | null, iterations = DEFAULT_ITERATIONS): Promise<BackupCipher> {
  if (passphrase !== null && (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)) throw new Error(`iterations ${iterations} out of range`);
  const header: BackupHeader = {
    formatVersion: FORMAT_VERSION, schemaVersion,
    kdf: passphrase === null ? 'none' : 'pbkdf2-sha256',
    iterations: passphrase === null ? 0 : iterations,
    salt: passphrase === null ? bytesOf(16) : random(16),
    nonceBase: passphrase === null ? bytesOf(8) : random(8),
    keyCheck: bytesOf(16),
  };
  return finishHeader(header, passphrase === null ? null : await deriveKey(passphrase, header.salt, header.iterations));
}

/**
 * The header at the start of `bytes` (at least `HEADER_SIZE` of the file, or all of a shorter
 * one). A newer format is told apart before the digest, as its header may be laid out otherwise.
 */
export async function readHeader(bytes: Uint8Array<ArrayBuffer>, latestSchemaVersion: number): Promise<{ header: BackupHeader; headerBytes: Uint8Array<ArrayBuffer>; digest: Uint8Array<ArrayBuffer> }> {
  if (bytes.byteLength < 10 || !equalBytes(bytes.subarray(0, MAGIC.byteLength), MAGIC)) throw new BackupFileError('notBackup');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const formatVersion = view.getUint16(8);
  if (formatVersion > FORMAT_VERSION) throw new BackupFileError('newer', `format ${formatVersion}`);
  if (bytes.byteLength < HEADER_SIZE || formatVersion < 1) throw new BackupFileError('damaged', 'header');
  const headerBytes = bytes.slice(0, HEADER_SIZE);
  const digest = await sha256(headerBytes.slice(0, SIGNED_SIZE));
  if (!equalBytes(digest, headerBytes.subarray(SIGNED_SIZE))) throw new BackupFileError('damaged', 'header digest');
  const schemaVersion = view.getUint16(10);
  if (schemaVersion > latestSchemaVersion) throw new BackupFileError('newer', `schema ${schemaVersion}`);
  const [kdf, cipher, compression, reserved] = [12, 13, 14, 15].map((at) => view.getUint8(at));
  const iterations = view.getUint32(16);
  const sealed = kdf === 1 && cipher === 1;
  if (!(sealed || (kdf === 0 && cipher === 0)) || compression !== 1 || reserved !== 0 || schemaVersion < 1) throw new BackupFileError('damaged', 'header fields');
  if (sealed && (iterations < 1 || iterations > MAX_ITERATIONS)) throw new BackupFileError('damaged', 'iterations');
  return {
    header: {
      formatVersion, schemaVersion, kdf: sealed ? 'pbkdf2-sha256' : 'none', iterations,
      salt: headerBytes.slice(20, 36), nonceBase: headerBytes.slice(36, 44), keyCheck: headerBytes.slice(KEY_CHECK_AT, SIGNED_SIZE),
    },
    headerBytes, digest,
  };
}

/** The cipher to open a file with: the passphrase is checked against the header's key check. */
export async function openCipher(read: Awaited<ReturnType<typeof readHeader>>, passphrase: string | null): Promise<BackupCipher> {
  const { header, headerBytes, digest } = read;
  if (header.kdf === 'none') return { header, headerBytes, digest, key: null };
  if (passphrase === null || passphrase === '') throw new BackupFileError('passphraseNeeded');
  const key = await deriveKey(passphrase, header.salt, header.iterations);
  try {
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivOf(header.nonceBase, KEY_CHECK_INDEX), additionalData: headerBytes.slice(0, KEY_CHECK_AT) }, key, header.keyCheck);
  } catch {
    throw new BackupFileError('wrongPassphrase');
  }
  return { header, headerBytes, digest, key };
}

function additionalData(digest: Uint8Array, index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const bytes = bytesOf(digest.byteLength + 5);
  bytes.set(digest);
  new DataView(bytes.buffer).setUint32(digest.byteLength, index);
  bytes[digest.byteLength + 4] = last ? 1 : 0;
  return bytes;
}

/** The bytes through a (de)compression stream. Written straight to it: a Blob's stream would go through the browser's blob store. */
async function pipe(bytes: Uint8Array<ArrayBuffer>, through: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const writer = through.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const out = new Uint8Array(await new Response(through.readable).arrayBuffer());
  await written;
  return out;
}

/** Frame `index` of a record: `u32 length | sealed bytes`, the record compressed first. */
export async function sealFrame(cipher: BackupCipher, index: number, last: boolean, record: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = await pipe(record, new CompressionStream('deflate-raw'));
  const ad = additionalData(cipher.digest, index, last);
  let sealed: Uint8Array<ArrayBuffer>;
  if (cipher.key) {
    sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ivOf(cipher.header.nonceBase, index), additionalData: ad }, cipher.key, compressed));
  } else {
    sealed = bytesOf(compressed.byteLength + 32);
    sealed.set(compressed);
    sealed.set(await sha256(concat(ad, compressed)), compressed.byteLength);
  }
  const frame = bytesOf(4 + sealed.byteLength);
  new DataView(frame.buffer).setUint32(0, sealed.byteLength);
  frame.set(sealed, 4);
  return frame;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = bytesOf(a.byteLength + b.byteLength);
  out.set(a);
  out.set(b, a.byteLength);
  return out;
}

/** The record in a frame's sealed bytes; any change to them, the header or the frame's place is `damaged`. */
export async function openFrame(cipher: BackupCipher, index: number, last: boolean, sealed: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const ad = additionalData(cipher.digest, index, last);
  let compressed: Uint8Array<ArrayBuffer>;
  if (cipher.key) {
    try {
      compressed = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ivOf(cipher.header.nonceBase, index), additionalData: ad }, cipher.key, sealed));
    } catch {
      throw new BackupFileError('damaged', `frame ${index}`);
    }
  } else {
    if (sealed.byteLength < 32) throw new BackupFileError('damaged', `frame ${index}`);
    compressed = sealed.slice(0, sealed.byteLength - 32);
    if (!equalBytes(await sha256(concat(ad, compressed)), sealed.subarray(sealed.byteLength - 32))) throw new BackupFileError('damaged', `frame ${index}`);
  }
  try {
    return await pipe(compressed, new DecompressionStream('deflate-raw'));
  } catch {
    throw new BackupFileError('damaged', `frame ${index} compression`);
  }
}

/**
 * Writes a backup as a Blob: the header, then each record pushed as a frame. A record is sealed
 * when the next one arrives (or at `finish`), so the last frame carries the last flag. The frames
 * are folded into a Blob every few dozen megabytes, so the browser can keep them out of the heap.
 */
export class BackupWriter {
  #pending: Uint8Array<ArrayBuffer> | undefined;
  #index = 0;
  #parts: BlobPart[] = [];
  #partBytes = 0;
  #blob: Blob;
  bytes = HEADER_SIZE;

  constructor(private readonly cipher: BackupCipher) {
    this.#blob = new Blob([cipher.headerBytes]);
  }

  async push(record: Uint8Array<ArrayBuffer>): Promise<void> {
    if (this.#pending) await this.#seal(this.#pending, false);
    this.#pending = record;
  }

  async finish(type = 'application/octet-stream'): Promise<Blob> {
    if (!this.#pending) throw new Error('A backup holds at least one record.');
    await this.#seal(this.#pending, true);
    this.#pending = undefined;
    return new Blob([this.#blob, ...this.#parts], { type });
  }

  async #seal(record: Uint8Array<ArrayBuffer>, last: boolean): Promise<void> {
    const frame = await sealFrame(this.cipher, this.#index++, last, record);
    this.#parts.push(frame);
    this.#partBytes += frame.byteLength;
    this.bytes += frame.byteLength;
    if (this.#partBytes > 32 * 1024 * 1024) {
      this.#blob = new Blob([this.#blob, ...this.#parts]);
      this.#parts = [];
      this.#partBytes = 0;
    }
  }
}

/** Reads a Blob front to back in large slices: each slice is one trip to the browser's blob store. */
class BlobReader {
  #buffer = new Uint8Array(0);
  #start = 0;
  at = 0;

  constructor(private readonly blob: Blob, private readonly slice = 8 * 1024 * 1024) {}

  /** The next `n` bytes, or fewer at the end of the blob. */
  async read(n: number): Promise<Uint8Array<ArrayBuffer>> {
    const end = Math.min(this.at + n, this.blob.size);
    if (end > this.#start + this.#buffer.byteLength) {
      const kept = this.#buffer.subarray(this.at - this.#start);
      const more = new Uint8Array(await this.blob.slice(this.at + kept.byteLength, Math.max(end, Math.min(this.at + this.slice, this.blob.size))).arrayBuffer());
      const joined = new Uint8Array(kept.byteLength + more.byteLength);
      joined.set(kept);
      joined.set(more, kept.byteLength);
      this.#buffer = joined;
      this.#start = this.at;
    }
    const out = this.#buffer.slice(this.at - this.#start, end - this.#start);
    this.at = end;
    return out;
  }
}

/** The records of a file, in order, each checked; `onRead` gets the bytes read so far. */
export async function* readFrames(file: Blob, cipher: BackupCipher, onRead: (bytes: number) => void = () => {}): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const reader = new BlobReader(file);
  reader.at = HEADER_SIZE;
  let index = 0;
  if (reader.at >= file.size) throw new BackupFileError('damaged', 'no frames');
  while (reader.at < file.size) {
    const prefix = await reader.read(4);
    if (prefix.byteLength < 4) throw new BackupFileError('damaged', 'cut in a frame length');
    const length = new DataView(prefix.buffer).getUint32(0);
    if (length > MAX_FRAME || reader.at + length > file.size) throw new BackupFileError('damaged', `frame ${index} cut short`);
    const sealed = await reader.read(length);
    const record = await openFrame(cipher, index++, reader.at === file.size, sealed);
    onRead(reader.at);
    yield record;
  }
}
