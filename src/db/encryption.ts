import { cmp, type DBCore, type DBCoreCursor, type DBCoreIndex, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreQueryRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { aessiv, gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeValue, encodeValue } from './value-codec';

/**
 * A locked workspace's data at rest: every record keeps in clear only its primary key and the
 * fields of its indexes; the whole value is encrypted (AES-256-GCM, a random 12-byte IV per
 * write, the table and the primary key as additional data, so a ciphertext moved to another
 * record or table does not open) into one field, `sealed`. Key and index fields that can hold
 * case data are stored as tokens (`TOKENISED`): equal values give equal tokens, so equality
 * lookups work and nothing else about the value shows.
 *
 * The crypto is synchronous (@noble/ciphers): IndexedDB commits a transaction as soon as it has
 * no request pending, so awaiting WebCrypto inside one would end it half-way. The stored bytes are
 * plain AES-GCM (IV, then ciphertext and tag, as WebCrypto writes them).
 */

/** Key and index fields that can hold case data, per table; all other key and index fields are ids, dates or names of actions. */
export const TOKENISED: Readonly<Record<string, readonly string[]>> = {
  // `${roundId}|${caseNumber}|${questionId}`
  reviews: ['id', 'caseNumber', 'reviewer'],
  findings: ['id', 'caseNumber'],
};

export const SEALED_FIELD = 'sealed';

/** The keys one passphrase gives a workspace: one for the records, one for the tokens. */
export interface WorkspaceKeys {
  data: Uint8Array;
  tokens: Uint8Array;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();

/** Subkeys from the key the passphrase gave (PBKDF2, passphrase.ts), each for one use. */
export function workspaceKeys(master: Uint8Array): WorkspaceKeys {
  if (master.length !== 32) throw new Error('Nøglen til arbejdsområdet har forkert længde.');
  return {
    data: hkdf(sha256, master, undefined, utf8.encode('tilsynsbaenk/records/aes-256-gcm'), 32),
    tokens: hkdf(sha256, master, undefined, utf8.encode('tilsynsbaenk/tokens/aes-256-siv'), 64),
  };
}

/** Data that does not open with the workspace's key: changed, moved between records, or of another key. */
export class SealedDataError extends Error {
  constructor() {
    super('Data i arbejdsområdet kan ikke læses med denne nøgle: de er ændret uden om Tilsynsbænken eller låst med en anden adgangskode.');
  }
}

/** IV, then AES-256-GCM ciphertext and tag. */
export function seal(key: Uint8Array, aad: Uint8Array, plain: Uint8Array): Uint8Array {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = gcm(key, iv, aad).encrypt(plain);
  const out = new Uint8Array(12 + cipher.length);
  out.set(iv);
  out.set(cipher, 12);
  return out;
}

export function unseal(key: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
  try {
    return gcm(key, sealed.subarray(0, 12), aad).decrypt(sealed.subarray(12));
  } catch {
    throw new SealedDataError();
  }
}

const recordAad = (table: string, key: unknown) => utf8.encode(`${table}\u0000${JSON.stringify(key)}`);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const RANGE_EQUAL = 1;
const RANGE_RANGE = 2;
const RANGE_ANY = 3;

interface TableInfo {
  name: string;
  keyPath: string;
  autoIncrement: boolean;
  /** Fields stored in clear beside the sealed value: the primary key and every index's fields. */
  clear: string[];
  tokenised: ReadonlySet<string>;
}

function tableInfo(table: DBCoreTable): TableInfo {
  const { primaryKey, indexes } = table.schema;
  if (typeof primaryKey.keyPath !== 'string' || primaryKey.outbound) throw new Error(`The encryption needs an inbound primary key of one field: ${table.name}`);
  const clear = new Set([primaryKey.keyPath]);
  for (const index of indexes) for (const path of [index.keyPath ?? []].flat()) clear.add(path);
  for (const path of clear) if (path.includes('.')) throw new Error(`The encryption does not handle nested key paths: ${table.name}.${path}`);
  return { name: table.name, keyPath: primaryKey.keyPath, autoIncrement: primaryKey.autoIncrement === true, clear: [...clear], tokenised: new Set(TOKENISED[table.name] ?? []) };
}

/** The Dexie middleware that encrypts a workspace's records with `keys` (installed by `openWorkspaceDb`). */
export function encryptionMiddleware(keys: WorkspaceKeys): Middleware<DBCore> {
  const tokenCipher = (table: string, field: string) => aessiv(keys.tokens, utf8.encode(`${table}.${field}`));
  const toToken = (table: string, field: string, value: unknown) =>
    typeof value === 'string' ? toBase64(tokenCipher(table, field).encrypt(utf8.encode(value))) : value;
  const fromToken = (table: string, field: string, value: unknown) => {
    if (typeof value !== 'string') return value;
    try {
      return text.decode(tokenCipher(table, field).decrypt(fromBase64(value)));
    } catch {
      throw new SealedDataError();
    }
  };

  return {
    stack: 'dbcore',
    name: 'encryption',
    // Below Dexie's own middlewares (caching, observing changes, hooks): they all see plain records.
    level: -10,
    create: (down) => {
      const tables = new Map<string, DBCoreTable>();
      return {
        ...down,
        table: (name) => tables.get(name) ?? tables.set(name, wrapTable(down.table(name))).get(name)!,
      };
    },
  };

  function wrapTable(table: DBCoreTable): DBCoreTable {
    const info = tableInfo(table);
    const { name, keyPath, tokenised } = info;
    const pkTokenised = tokenised.has(keyPath);
    const tokenPk = (key: unknown) => (pkTokenised ? toToken(name, keyPath, key) : key);
    const plainPk = (key: unknown) => (pkTokenised ? fromToken(name, keyPath, key) : key);
    const fieldsOf = (index: DBCoreIndex): string[] => [index.keyPath ?? keyPath].flat();
    const touchesTokens = (index: DBCoreIndex) => fieldsOf(index).some((f) => tokenised.has(f));

    /** A key of `index` as stored: its case-data parts as tokens. */
    function tokenKey(index: DBCoreIndex, key: unknown): unknown {
      const fields = fieldsOf(index);
      if (!Array.isArray(index.keyPath)) return tokenised.has(fields[0]!) ? toToken(name, fields[0]!, key) : key;
      return Array.isArray(key) ? key.map((part, i) => (i < fields.length && tokenised.has(fields[i]!) ? toToken(name, fields[i]!, part) : part)) : key;
    }

    function plainKey(index: DBCoreIndex, key: unknown): unknown {
      const fields = fieldsOf(index);
      if (!Array.isArray(index.keyPath)) return tokenised.has(fields[0]!) ? fromToken(name, fields[0]!, key) : key;
      return Array.isArray(key) ? key.map((part, i) => (i < fields.length && tokenised.has(fields[i]!) ? fromToken(name, fields[i]!, part) : part)) : key;
    }

    /** Tokens keep equality only: a range over a token's field is refused, unless it is one value (or the bounds there are Dexie's min and max keys). */
    function storedRange(index: DBCoreIndex, range: DBCoreKeyRange): DBCoreKeyRange {
      if (!touchesTokens(index) || (range.type !== RANGE_EQUAL && range.type !== RANGE_RANGE)) return range;
      const lower = tokenKey(index, range.lower);
      const upper = tokenKey(index, range.upper);
      if (range.type === RANGE_RANGE) {
        const fields = fieldsOf(index);
        const parts = (key: unknown) => (Array.isArray(index.keyPath) ? (key as unknown[]) : [key]);
        fields.forEach((field, i) => {
          const [low, high] = [parts(range.lower)[i], parts(range.upper)[i]];
          if (tokenised.has(field) && (typeof low === 'string' || typeof high === 'string') && low !== high) {
            throw new Error(`Et låst arbejdsområde kan kun slå ${name}.${field} op på lighed.`);
          }
        });
      }
      return { ...range, lower, upper };
    }

    function sealRecord(value: Record<string, unknown>): Record<string, unknown> {
      const stored: Record<string, unknown> = {};
      for (const field of info.clear) {
        const v = value[field];
        if (v !== undefined) stored[field] = tokenised.has(field) ? toToken(name, field, v) : v;
      }
      stored[SEALED_FIELD] = seal(keys.data, recordAad(name, value[keyPath]), encodeValue(value));
      return stored;
    }

    function openRecord(stored: unknown): unknown {
      if (stored === undefined || stored === null) return stored;
      const sealed = (stored as Record<string, unknown>)[SEALED_FIELD];
      // A record in clear in a locked workspace was not written by it: refused like a changed one.
      if (!(sealed instanceof Uint8Array)) throw new SealedDataError();
      return decodeValue(unseal(keys.data, recordAad(name, plainPk((stored as Record<string, unknown>)[keyPath])), sealed));
    }

    /**
     * Records in the order of their plain keys, as without tokens: IndexedDB sorts by the stored
     * keys, here tokens. Not for a query with a limit, which got the first records in token order.
     */
    function inPlainOrder(req: DBCoreQueryRequest, values: unknown[]): unknown[] {
      if (!(pkTokenised || touchesTokens(req.query.index)) || values.length < 2 || (req.limit !== undefined && req.limit < values.length + 1)) return values;
      const keyOf = (v: unknown) => fieldsOf(req.query.index).map((f) => (v as Record<string, unknown>)[f]);
      const pkOf = (v: unknown) => (v as Record<string, unknown>)[keyPath];
      const sorted = values.slice().sort((a, b) => cmp(keyOf(a), keyOf(b)) || cmp(pkOf(a), pkOf(b)));
      return req.direction?.startsWith('prev') ? sorted.reverse() : sorted;
    }

    /** Auto-incremented keys are given here, before sealing: the key is part of the ciphertext's additional data. */
    const adding = new WeakMap<DBCoreTransaction, Promise<unknown>>();
    async function lastKey(trans: DBCoreTransaction): Promise<number> {
      const cursor = await table.openCursor({ trans, values: false, reverse: true, query: { index: table.schema.primaryKey, range: { type: RANGE_ANY, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false } } });
      return typeof cursor?.primaryKey === 'number' ? cursor.primaryKey : 0;
    }

    function write(req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>) {
      const store = (values: readonly Record<string, unknown>[]) =>
        table.mutate({ ...req, values: values.map(sealRecord), ...(req.keys && { keys: req.keys.map(tokenPk) }) }).then((res) =>
          pkTokenised ? { ...res, ...(res.results && { results: res.results.map(plainPk) }), lastResult: plainPk(res.lastResult) } : res);
      const values = req.values as Record<string, unknown>[];
      if (!info.autoIncrement || values.every((v) => v[keyPath] !== undefined)) return store(values);
      // One adding write at a time per transaction, so each reads the key the one before it wrote.
      const previous = adding.get(req.trans) ?? Promise.resolve();
      const next = previous.then(() => lastKey(req.trans)).then((last) => {
        let key = last;
        return store(values.map((v) => (v[keyPath] === undefined ? { ...v, [keyPath]: ++key } : v)));
      });
      adding.set(req.trans, next.catch(() => undefined));
      return next;
    }

    function wrapCursor(cursor: DBCoreCursor, index: DBCoreIndex): DBCoreCursor {
      let raw: unknown;
      let opened: unknown;
      return Object.create(cursor, {
        key: { get: () => plainKey(index, cursor.key) },
        primaryKey: { get: () => plainPk(cursor.primaryKey) },
        value: {
          get: () => {
            const value = cursor.value;
            if (value !== raw) [raw, opened] = [value, openRecord(value)];
            return opened;
          },
        },
        continue: { value: (key?: unknown) => (key === undefined ? cursor.continue() : cursor.continue(tokenKey(index, key))) },
        continuePrimaryKey: { value: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(tokenKey(index, key), tokenPk(primaryKey)) },
      }) as DBCoreCursor;
    }

    return {
      ...table,
      mutate: (req) => {
        switch (req.type) {
          case 'add':
          case 'put':
            return write(req);
          case 'delete':
            return table.mutate({ ...req, keys: req.keys.map(tokenPk) });
          case 'deleteRange':
            return table.mutate({ ...req, range: storedRange(table.schema.primaryKey, req.range) });
        }
      },
      get: (req) => table.get({ ...req, key: tokenPk(req.key) }).then(openRecord),
      getMany: (req) => table.getMany({ ...req, keys: req.keys.map(tokenPk) }).then((values) => values.map(openRecord)),
      query: (req) => {
        const { index, range } = req.query;
        return table.query({ ...req, query: { index, range: storedRange(index, range) } }).then((res) => ({
          ...res,
          result: req.values ? inPlainOrder(req, res.result.map(openRecord)) : res.result.map(plainPk),
        }));
      },
      count: (req) => table.count({ ...req, query: { ...req.query, range: storedRange(req.query.index, req.query.range) } }),
      openCursor: (req) => {
        const { index, range } = req.query;
        return table.openCursor({ ...req, query: { index, range: storedRange(index, range) } }).then((cursor) => cursor && wrapCursor(cursor, index));
      },
    };
  }
}
