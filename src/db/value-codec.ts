/**
 * A stored value as bytes and back, synchronously, so that a locked workspace can encrypt it
 * inside an IndexedDB transaction (encryption.ts). Keeps what structured clone keeps and JSON
 * does not, for the values we store: typed arrays, DataView and ArrayBuffer (copied out beside
 * the JSON, not as arrays of numbers), Date, NaN, ±Infinity, -0 and `undefined` in an array.
 * A Map, a Set or another class instance is refused: nothing we store holds one.
 *
 * Layout, little-endian: version (u8 = 1), JSON length (u32), number of tags (u32), number of
 * binary parts (u32), per part its kind (u8) and length (u32), the JSON (UTF-8), the parts.
 * A tag in the JSON is an object with one key that starts with U+0000, which no key of ours does.
 */

const VERSION = 1;
const BINARY = '\u0000b';
const DATE = '\u0000d';
const NUMBER = '\u0000n';
const UNDEFINED = '\u0000u';

const KINDS = [
  ArrayBuffer, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
] as const;

type Part = { kind: number; bytes: Uint8Array };

const bytesOf = (value: ArrayBuffer | ArrayBufferView) =>
  value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

function kindOf(value: ArrayBuffer | ArrayBufferView): number {
  const kind = KINDS.findIndex((k) => value.constructor === k);
  if (kind < 0) throw new TypeError(`Kan ikke gemme ${value.constructor.name}.`);
  return kind;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeValue(value: unknown): Uint8Array {
  const parts: Part[] = [];
  let tags = 0;
  // `this` is the holder: Date.prototype.toJSON has already turned a date into text when the replacer sees it.
  const json = JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, v: unknown) {
    if (typeof v === 'number') {
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      tags++;
      return { [NUMBER]: Object.is(v, -0) ? '-0' : String(v) };
    }
    if (v === undefined && Array.isArray(this)) {
      tags++;
      return { [UNDEFINED]: 1 };
    }
    if (typeof v === 'string' || v === null) {
      const original = this[key];
      if (!(original instanceof Date)) return v;
      tags++;
      return { [DATE]: Number.isNaN(original.getTime()) ? null : original.toISOString() };
    }
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
      tags++;
      parts.push({ kind: kindOf(v), bytes: bytesOf(v) });
      return { [BINARY]: parts.length - 1 };
    }
    if (!isPlain(v)) throw new TypeError(`Kan ikke gemme ${(v as object).constructor?.name ?? 'værdien'}.`);
    return v;
  });
  const text = encoder.encode(json ?? 'null');
  const header = 13 + parts.length * 5;
  const size = parts.reduce((n, p) => n + p.bytes.byteLength, header + text.byteLength);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint8(0, VERSION);
  view.setUint32(1, text.byteLength, true);
  view.setUint32(5, tags, true);
  view.setUint32(9, parts.length, true);
  parts.forEach((p, i) => {
    view.setUint8(13 + i * 5, p.kind);
    view.setUint32(14 + i * 5, p.bytes.byteLength, true);
  });
  out.set(text, header);
  let at = header + text.byteLength;
  for (const p of parts) {
    out.set(p.bytes, at);
    at += p.bytes.byteLength;
  }
  return out;
}

export function decodeValue(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(0) !== VERSION) throw new Error('Ukendt format af gemte data.');
  const length = view.getUint32(1, true);
  const tags = view.getUint32(5, true);
  const count = view.getUint32(9, true);
  const header = 13 + count * 5;
  const parts: unknown[] = [];
  let at = header + length;
  for (let i = 0; i < count; i++) {
    const kind = KINDS[view.getUint8(13 + i * 5)];
    const size = view.getUint32(14 + i * 5, true);
    if (!kind) throw new Error('Ukendt format af gemte data.');
    // A copy of its own: aligned for its type, and it does not keep the rest of the value alive.
    const copy = bytes.slice(at, at + size).buffer;
    parts.push(kind === ArrayBuffer ? copy : kind === DataView ? new DataView(copy) : new (kind as Uint8ArrayConstructor)(copy));
    at += size;
  }
  const value = JSON.parse(decoder.decode(bytes.subarray(header, header + length))) as unknown;
  if (tags === 0) return value;
  let left = tags;
  const untag = (tagged: Record<string, unknown>): { value: unknown } | undefined => {
    for (const key in tagged) {
      if (key.charCodeAt(0) !== 0) return undefined;
      left--;
      const content = tagged[key];
      if (key === BINARY) return { value: parts[content as number] };
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
