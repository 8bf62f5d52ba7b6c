/**
 * Stored rows as bytes for a backup, and back: a record is `u32 JSON length | JSON (UTF-8) |
 * binary part`, all integers big-endian. The JSON keeps what structured clone keeps and JSON does
 * not with the tags of test/unit/db-dump.ts (Date, Map, Set, NaN/±Infinity/-0, bigint, `undefined`
 * in an array; a key of the data starting with `$` gets one `$` more), except typed arrays,
 * DataView and ArrayBuffer: their bytes go to the binary part, not into the JSON as base64, so the
 * screening's typed columns cost a copy and not a text encoding. Their tag is
 * `{ "$bin": "Uint32Array", "at": offset in the binary part, "n": byte length }` (the bytes in
 * this machine's order: little-endian everywhere we run, as IndexedDB keeps them). A long text
 * (a chunk's 2,000 cases as JSON lines) goes there too, as UTF-8 with `"$bin": "text"`: escaping
 * it inside JSON and parsing it out again costs more than the bytes.
 */

const VIEWS = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView', 'ArrayBuffer',
] as const;
type View = (typeof VIEWS)[number];
type BinaryKind = View | 'text';
const utf8 = new TextEncoder();
/** Texts from this length on go to the binary part. */
const LONG_TEXT = 16 * 1024;
const wellFormed = (text: string) => (text as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/\p{Cs}/u.test(text);

/** A record's JSON refers to a binary part that is not there, or the record is cut short. */
export class RecordFormatError extends Error {}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

class Encoder {
  readonly parts: Uint8Array[] = [];
  size = 0;

  value(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
        // A lone surrogate would not survive UTF-8; JSON keeps it.
        return value.length >= LONG_TEXT && wellFormed(value) ? this.binary('text', utf8.encode(value)) : value;
      case 'boolean':
        return value;
      case 'number':
        return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: Object.is(value, -0) ? '-0' : String(value) };
      case 'bigint':
        return { $bigint: value.toString() };
      case 'undefined':
        return { $undefined: true };
      case 'object':
        break;
      default:
        throw new Error(`A ${typeof value} cannot be stored in IndexedDB or backed up.`);
    }
    if (value === null) return null;
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value instanceof ArrayBuffer) return this.binary('ArrayBuffer', new Uint8Array(value));
    if (ArrayBuffer.isView(value)) {
      const kind = value.constructor.name as View;
      if (!VIEWS.includes(kind)) throw new Error(`Unknown kind of typed array ${kind}.`);
      return this.binary(kind, new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
    if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
    if (value instanceof Map) return { $map: [...value].map(([k, v]) => [this.value(k), this.value(v)]) };
    if (value instanceof Set) return { $set: [...value].map((v) => this.value(v)) };
    if (!isPlain(value)) throw new Error(`A ${value.constructor?.name ?? 'value'} is not plain data; a backup cannot keep it.`);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key.startsWith('$') ? `$${key}` : key] = this.value(item);
    }
    return out;
  }

  binary(kind: BinaryKind, bytes: Uint8Array): { $bin: BinaryKind; at: number; n: number } {
    const tag = { $bin: kind, at: this.size, n: bytes.byteLength };
    this.parts.push(bytes);
    this.size += bytes.byteLength;
    return tag;
  }
}

/** One record's bytes: `value` as JSON with its binary data after it. */
export function encodeRecord(value: unknown): Uint8Array<ArrayBuffer> {
  const encoder = new Encoder();
  const json = new TextEncoder().encode(JSON.stringify(encoder.value(value)));
  const out = new Uint8Array(4 + json.byteLength + encoder.size);
  new DataView(out.buffer).setUint32(0, json.byteLength);
  out.set(json, 4);
  let at = 4 + json.byteLength;
  for (const part of encoder.parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

function decodeTag(tag: string, object: Record<string, unknown>, binary: Uint8Array): unknown {
  const payload = object[tag];
  switch (tag) {
    case '$bin': {
      const at = object.at as number;
      const n = object.n as number;
      if (!Number.isInteger(at) || !Number.isInteger(n) || at < 0 || n < 0 || at + n > binary.byteLength) throw new RecordFormatError('binary part out of range');
      if (payload === 'text') return new TextDecoder().decode(binary.subarray(at, at + n));
      // A copy: a view must start at a multiple of its element size, and the record's buffer is let go.
      const buffer = binary.slice(at, at + n).buffer;
      if (payload === 'ArrayBuffer') return buffer;
      if (!VIEWS.includes(payload as View)) throw new RecordFormatError(`unknown binary kind ${String(payload)}`);
      const View = (globalThis as unknown as Record<string, new (buffer: ArrayBuffer) => unknown>)[payload as string]!;
      return new View(buffer);
    }
    case '$date':
      return new Date(payload === 'Invalid Date' ? Number.NaN : (payload as string));
    case '$map':
      return new Map((payload as [unknown, unknown][]).map(([k, v]) => [decode(k, binary), decode(v, binary)]));
    case '$set':
      return new Set((payload as unknown[]).map((v) => decode(v, binary)));
    case '$number':
      return Number(payload);
    case '$bigint':
      return BigInt(payload as string);
    case '$undefined':
      return undefined;
    default:
      throw new RecordFormatError(`unknown tag ${tag}`);
  }
}

/** Turns parsed JSON back into stored values, in place where nothing is tagged. */
function decode(json: unknown, binary: Uint8Array): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) {
    for (let i = 0; i < json.length; i++) json[i] = decode(json[i], binary);
    return json;
  }
  const object = json as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (key.startsWith('$$')) {
      const value = object[key];
      delete object[key];
      object[key.slice(1)] = decode(value, binary);
    } else if (key.startsWith('$')) {
      return decodeTag(key, object, binary);
    } else {
      object[key] = decode(object[key], binary);
    }
  }
  return object;
}

/** The value of one record's bytes (see `encodeRecord`). */
export function decodeRecord(bytes: Uint8Array): unknown {
  if (bytes.byteLength < 4) throw new RecordFormatError('record shorter than its length');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + length > bytes.byteLength) throw new RecordFormatError('record shorter than its JSON');
  const json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + length))) as unknown;
  return decode(json, bytes.subarray(4 + length));
}
