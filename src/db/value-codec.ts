import { deflateSync, inflateSync } from 'fflate';

/**
 * A stored value as bytes and back, synchronously, so that a locked workspace can encrypt it
 * inside an IndexedDB transaction (encryption.ts). Keeps what structured clone keeps and JSON
 * does not, for the values we store: typed arrays, DataView and ArrayBuffer, Date, NaN,
 * ±Infinity, -0 and `undefined` in an array. A Map, a Set or another class instance is refused:
 * nothing we store holds one.
 *
 * Binary data and long texts (a chunk's JSON lines) are not put through JSON: they go beside it as
 * parts, bytes as they are and texts as UTF-8, which is several times faster both ways than
 * escaping them into the JSON and parsing them out again. A large value is deflated: the JSON of
 * cases compresses about sixfold, so there is far less to encrypt and decrypt, and a locked
 * workspace takes about as much disk as an open one (ciphertext does not compress; the browser
 * compresses what it stores).
 *
 * Layout: one byte, 1 (as it is) or 2 (deflated: the length before deflating (u32, little-endian),
 * then the rest deflated; inflating into a buffer of the right size is ten times faster than letting
 * fflate grow one), then, little-endian: JSON length (u32),
 * number of tags (u32), number of parts (u32), per part its kind (u8) and byte length (u32), the
 * JSON (UTF-8), the parts. A tag is an object with one key that starts with U+0000 (no key of ours does).
 */

const PLAIN = 1;
const DEFLATED = 2;
/** Smaller values are stored as they are: deflating them saves nothing worth the time. */
const DEFLATE_FROM = 16 * 1024;
/** Texts at least this long go beside the JSON. */
const LONG_TEXT = 4096;

const PART = '\u0000p';
const DATE = '\u0000d';
const NUMBER = '\u0000n';
const UNDEFINED = '\u0000u';

const TEXT_KIND = 255;
const KINDS = [
  ArrayBuffer, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
] as const;

type Part = { kind: number; bytes: Uint8Array };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function binaryKind(value: ArrayBuffer | ArrayBufferView): number {
  const kind = KINDS.findIndex((k) => value.constructor === k);
  if (kind < 0) throw new TypeError(`Kan ikke gemme ${value.constructor.name}.`);
  return kind;
}

/**
 * The value with every part and special value replaced by its tag, copying only the objects and
 * arrays on the way to one; `parts` collects the parts. Returns the number of tags.
 */
function tagged(value: unknown, parts: Part[]): { value: unknown; tags: number } {
  let tags = 0;
  const part = (kind: number, bytes: Uint8Array) => {
    tags++;
    parts.push({ kind, bytes });
    return { [PART]: parts.length - 1 };
  };
  const visit = (v: unknown, inArray: boolean): unknown => {
    switch (typeof v) {
      case 'string':
        return v.length >= LONG_TEXT ? part(TEXT_KIND, encoder.encode(v)) : v;
      case 'number':
        if (Number.isFinite(v) && !Object.is(v, -0)) return v;
        tags++;
        return { [NUMBER]: Object.is(v, -0) ? '-0' : String(v) };
      case 'undefined':
        if (!inArray) return v;
        tags++;
        return { [UNDEFINED]: 1 };
      case 'object':
        break;
      default:
        return v;
    }
    if (v === null) return v;
    if (v instanceof ArrayBuffer) return part(binaryKind(v), new Uint8Array(v));
    if (ArrayBuffer.isView(v)) return part(binaryKind(v), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    if (v instanceof Date) {
      tags++;
      return { [DATE]: Number.isNaN(v.getTime()) ? null : v.toISOString() };
    }
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        const next = visit(item, true);
        if (next !== item) (copy ??= v.slice())[i] = next;
      }
      return copy ?? v;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`Kan ikke gemme ${(v as object).constructor?.name ?? 'værdien'}.`);
    let copy: Record<string, unknown> | undefined;
    for (const key in v) {
      const item = (v as Record<string, unknown>)[key];
      const next = visit(item, false);
      if (next !== item) (copy ??= { ...(v as Record<string, unknown>) })[key] = next;
    }
    return copy ?? v;
  };
  return { value: visit(value, false), tags };
}

export function encodeValue(value: unknown): Uint8Array {
  const parts: Part[] = [];
  const { value: json, tags } = tagged(value, parts);
  const text = encoder.encode(JSON.stringify(json) ?? 'null');
  const header = 12 + parts.length * 5;
  const size = parts.reduce((n, p) => n + p.bytes.byteLength, header + text.byteLength);
  const out = new Uint8Array(1 + size);
  const view = new DataView(out.buffer, 1);
  out[0] = PLAIN;
  view.setUint32(0, text.byteLength, true);
  view.setUint32(4, tags, true);
  view.setUint32(8, parts.length, true);
  parts.forEach((p, i) => {
    view.setUint8(12 + i * 5, p.kind);
    view.setUint32(13 + i * 5, p.bytes.byteLength, true);
  });
  out.set(text, 1 + header);
  let at = 1 + header + text.byteLength;
  for (const p of parts) {
    out.set(p.bytes, at);
    at += p.bytes.byteLength;
  }
  if (out.length < DEFLATE_FROM) return out;
  const deflated = deflateSync(out.subarray(1), { level: 1 });
  const packed = new Uint8Array(5 + deflated.length);
  packed[0] = DEFLATED;
  new DataView(packed.buffer).setUint32(1, size, true);
  packed.set(deflated, 5);
  return packed;
}

export function decodeValue(stored: Uint8Array): unknown {
  if (stored[0] !== PLAIN && stored[0] !== DEFLATED) throw new Error('Ukendt format af gemte data.');
  const bytes = stored[0] === DEFLATED
    ? inflateSync(stored.subarray(5), { out: new Uint8Array(new DataView(stored.buffer, stored.byteOffset + 1, 4).getUint32(0, true)) })
    : stored.subarray(1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true);
  const tags = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const header = 12 + count * 5;
  const parts: unknown[] = [];
  let at = header + length;
  for (let i = 0; i < count; i++) {
    const code = view.getUint8(12 + i * 5);
    const size = view.getUint32(13 + i * 5, true);
    const kind = KINDS[code];
    if (code === TEXT_KIND) parts.push(decoder.decode(bytes.subarray(at, at + size)));
    else if (!kind) throw new Error('Ukendt format af gemte data.');
    else {
      // A copy of its own: aligned for its type, and it does not keep the rest of the value alive.
      const copy = bytes.slice(at, at + size).buffer;
      parts.push(kind === ArrayBuffer ? copy : kind === DataView ? new DataView(copy) : new (kind as Uint8ArrayConstructor)(copy));
    }
    at += size;
  }
  const value = JSON.parse(decoder.decode(bytes.subarray(header, header + length))) as unknown;
  if (tags === 0) return value;
  let left = tags;
  const untag = (tag: Record<string, unknown>): { value: unknown } | undefined => {
    for (const key in tag) {
      if (key.charCodeAt(0) !== 0) return undefined;
      left--;
      const content = tag[key];
      if (key === PART) return { value: parts[content as number] };
      if (key === DATE) return { value: new Date(content === null ? NaN : (content as string)) };
      if (key === NUMBER) return { value: content === '-0' ? -0 : Number(content) };
      return { value: undefined };
    }
    return undefined;
  };
  // Walks until every tag is found: the large lists stored after the tagged fields are not visited.
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const found = untag(node as Record<string, unknown>);
    if (found) return found.value;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && left > 0; i++) if (node[i] !== null && typeof node[i] === 'object') node[i] = walk(node[i]);
    } else {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        if (left === 0) break;
        const child = record[key];
        if (child !== null && typeof child === 'object') record[key] = walk(child);
      }
    }
    return node;
  };
  return walk(value);
}
