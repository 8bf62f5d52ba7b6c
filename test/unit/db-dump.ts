/**
 * A database as JSON, for fixtures of the workspace database as each released schema version
 * wrote it (test/unit/fixtures/README.md). `dumpDatabase` reads every row raw (no Dexie reading
 * hooks); `loadDump` writes them back raw into a database at the dump's version, with its stores
 * and nothing else, so that opening it with a later schema runs that schema's upgrades exactly
 * as it would for a real old database.
 *
 * The JSON encodes what structured clone keeps and JSON does not: typed arrays, DataView and
 * ArrayBuffer as `{ "$typed": "Int32Array", "base64": "…" }` (the view's own bytes, in this
 * machine's byte order: little-endian everywhere we run), Date as `{ "$date": "…ISO…" }`, Map as
 * `{ "$map": [[k, v], …] }`, Set as `{ "$set": […] }`, numbers JSON lacks (NaN, ±Infinity, -0) as
 * `{ "$number": "NaN" }`, bigint as `{ "$bigint": "…" }`, and `undefined` inside an array as
 * `{ "$undefined": true }`; an `undefined` property is dropped, as IndexedDB readers cannot tell
 * the difference. A tag is an object with one key starting with one `$`. A key of the data that
 * starts with `$` is written with one `$` more (`$typed` as `$$typed`), so it is never read as a tag.
 * Anything else that is not plain data (a Blob, a class instance) is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import Dexie, { type Table } from 'dexie';

export interface DbDump {
  format: 'tilsynsbaenk-db-dump/1';
  /** The Dexie version of the database (`db.verno`). */
  schemaVersion: number;
  /** The commit whose code wrote the database. */
  commit: string;
  /** The command that made the dump. */
  madeBy: string;
  /** Dexie store spec per table, as the database holds it: primary key first (`++id` when auto-incremented), then indexes by name. */
  stores: Record<string, string>;
  /** Every row of every table, in primary-key order, as stored, in the JSON encoding above. */
  tables: Record<string, unknown[]>;
}

const FORMAT = 'tilsynsbaenk-db-dump/1';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const VIEWS = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView',
] as const;
type ViewName = (typeof VIEWS)[number];

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A stored value as JSON (see the file's comment). `path` names the value in an error. */
export function encodeValue(value: unknown, path = '$'): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { $number: String(Object.is(value, -0) ? '-0' : value) };
    case 'bigint':
      return { $bigint: value.toString() };
    case 'undefined':
      return { $undefined: true };
    case 'object':
      break;
    default:
      throw new Error(`${path}: a ${typeof value} cannot be stored in IndexedDB or dumped.`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (let i = 0; i < value.length; i++) out.push(encodeValue(value[i], `${path}[${i}]`));
    return out;
  }
  if (value instanceof ArrayBuffer) return { $typed: 'ArrayBuffer', base64: toBase64(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as ViewName;
    if (!VIEWS.includes(name)) throw new Error(`${path}: unknown kind of typed array ${name}.`);
    return { $typed: name, base64: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (value instanceof Map) return { $map: [...value].map(([k, v], i) => [encodeValue(k, `${path}<key ${i}>`), encodeValue(v, `${path}<value ${i}>`)]) };
  if (value instanceof Set) return { $set: [...value].map((v, i) => encodeValue(v, `${path}<${i}>`)) };
  if (!isPlain(value)) throw new Error(`${path}: a ${value.constructor?.name ?? 'value'} is not plain data; the dump cannot keep it.`);
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key.startsWith('$') ? `$${key}` : key] = encodeValue(item, `${path}.${key}`);
  }
  return out;
}

function decodeTag(tag: string, object: { [key: string]: Json }, path: string): unknown {
  const payload = object[tag];
  switch (tag) {
    case '$typed': {
      const buffer = fromBase64(String(object.base64));
      const name = payload as string;
      if (name === 'ArrayBuffer') return buffer;
      if (!VIEWS.includes(name as ViewName)) throw new Error(`${path}: unknown kind of typed array ${name}.`);
      const View = (globalThis as unknown as Record<string, new (buffer: ArrayBuffer) => unknown>)[name]!;
      return new View(buffer);
    }
    case '$date':
      return new Date(payload === 'Invalid Date' ? Number.NaN : (payload as string));
    case '$map':
      return new Map((payload as [Json, Json][]).map(([k, v]) => [decodeValue(k, path), decodeValue(v, path)]));
    case '$set':
      return new Set((payload as Json[]).map((v) => decodeValue(v, path)));
    case '$number':
      return Number(payload);
    case '$bigint':
      return BigInt(payload as string);
    case '$undefined':
      return undefined;
    default:
      throw new Error(`${path}: unknown tag ${tag}.`);
  }
}

/** The stored value a JSON value of `encodeValue` stands for. */
export function decodeValue(json: Json, path = '$'): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((item, i) => decodeValue(item, `${path}[${i}]`));
  const keys = Object.keys(json);
  const tag = keys.find((k) => k.startsWith('$') && !k.startsWith('$$'));
  if (tag) return decodeTag(tag, json, path);
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key.startsWith('$$') ? key.slice(1) : key] = decodeValue(json[key]!, `${path}.${key}`);
  return out;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The store spec of a table: primary key (its `src` has `++` when auto-incremented), then the
 * indexes in IndexedDB's order (by name, as `indexNames` lists them), so the spec is the same
 * whether the database was opened with its declared schema or without one.
 */
function storeSpec(table: Table): string {
  const { primKey, indexes } = table.schema;
  if (!primKey.keyPath) throw new Error(`Table ${table.name} has keys outside its rows; a dump cannot keep them.`);
  return [primKey.src, ...indexes.map((index) => index.src).sort(byCodeUnits)].join(', ');
}

/** Every table of an open database, rows raw and in primary-key order, with the stores and version. */
export async function dumpDatabase(db: Dexie, commit: string, madeBy: string): Promise<DbDump> {
  if (!db.isOpen()) await db.open();
  const tables = [...db.tables].sort((a, b) => byCodeUnits(a.name, b.name));
  const dump: DbDump = { format: FORMAT, schemaVersion: db.verno, commit, madeBy, stores: {}, tables: {} };
  await db.transaction('r', tables, async () => {
    for (const table of tables) {
      dump.stores[table.name] = storeSpec(table);
      const rows = await table.toCollection().raw().toArray();
      dump.tables[table.name] = rows.map((row, i) => encodeValue(row, `${table.name}[${i}]`));
    }
  });
  return dump;
}

/**
 * Creates database `name` (the full IndexedDB name, e.g. `workspaceDbName(id)`) at exactly the
 * dump's version and stores, with no upgrade function and no hook, writes every row raw, and
 * closes it. Refuses when a database of that name exists.
 */
export async function loadDump(dump: DbDump, name: string): Promise<void> {
  if (dump.format !== FORMAT) throw new Error(`Not a database dump of format ${FORMAT}: ${String(dump.format)}.`);
  if (await Dexie.exists(name)) throw new Error(`The database ${name} exists already; delete it before loading a dump.`);
  const db = new Dexie(name);
  db.version(dump.schemaVersion).stores(dump.stores);
  try {
    await db.open();
    const names = Object.keys(dump.stores);
    await db.transaction('rw', names.map((n) => db.table(n)), async () => {
      for (const table of names) {
        const rows = rowsOf(dump, table);
        if (rows.length) await db.table(table).bulkAdd(rows);
      }
    });
  } finally {
    db.close();
  }
}

/** JSON with two-space indents, an array of numbers, strings, booleans and nulls on one line. */
function stringify(value: Json, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${stringify(value[k]!, inner)}`).join(',\n')}\n${indent}}`;
}

/** The rows of one table of a dump, decoded to what IndexedDB holds (typed arrays, dates …). */
export function rowsOf(dump: DbDump, table: string): unknown[] {
  return (dump.tables[table] ?? []).map((row, i) => decodeValue(row as Json, `${table}[${i}]`));
}

export function dumpToJson(dump: DbDump): string {
  return `${stringify(dump as unknown as Json)}\n`;
}

export function dumpFromJson(text: string): DbDump {
  const dump = JSON.parse(text) as DbDump;
  if (dump.format !== FORMAT) throw new Error(`Not a database dump of format ${FORMAT}.`);
  return dump;
}

export function writeDump(path: string, dump: DbDump): void {
  writeFileSync(path, dumpToJson(dump));
}

export function readDump(path: string): DbDump {
  return dumpFromJson(readFileSync(path, 'utf8'));
}
