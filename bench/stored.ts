/**
 * Reads the benchmark's workspace database from the page with the plain IndexedDB API: the import
 * record, the manifest and the screenings, whose timings the app stores. A locked workspace's
 * records are opened here with WebCrypto, as src/db/encryption.ts seals them (PBKDF2 → HKDF →
 * AES-256-GCM with the table and primary key as additional data; the value as
 * src/db/value-codec.ts lays it out: only its JSON part is read), which also shows that the
 * stored format is plain AES-GCM. In-page code is passed as strings (see probes.ts).
 */
import type { Page } from 'playwright-core';

const READER = `(passphrase) => {
  const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const openDb = (name) => done(indexedDB.open(name));
  let key;
  async function dataKey(id) {
    if (key) return key;
    const catalog = await openDb('tilsynsbaenk-catalog');
    const entry = await done(catalog.transaction('workspaces').objectStore('workspaces').get(id));
    catalog.close();
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
    const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: entry.locked.salt, iterations: entry.locked.iterations }, material, 256);
    const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
    key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('tilsynsbaenk/records/aes-256-gcm') },
      hkdf, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    return key;
  }
  async function open(id, store, record) {
    if (!passphrase) return record;
    const sealed = record.sealed;
    const keyPath = store === 'meta' || store === 'settings' ? 'key' : 'id';
    const aad = new TextEncoder().encode(store + '\\u0000' + JSON.stringify(record[keyPath]));
    const stored = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: aad }, await dataKey(id), sealed.subarray(12)));
    // 1: as it is; 2: its length (4 bytes), then raw DEFLATE.
    const plain = stored[0] === 2
      ? new Uint8Array(await new Response(new Blob([stored.subarray(5)]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer())
      : stored.subarray(1);
    const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
    const length = view.getUint32(0, true);
    const count = view.getUint32(8, true);
    const header = 12 + count * 5;
    // Long texts (kind 255) are kept beside the JSON; binary parts are not needed here.
    const parts = [];
    for (let i = 0, at = header + length; i < count; i++) {
      const size = view.getUint32(13 + i * 5, true);
      parts.push(view.getUint8(12 + i * 5) === 255 ? new TextDecoder().decode(plain.subarray(at, at + size)) : null);
      at += size;
    }
    const restore = (v) => {
      if (!v || typeof v !== 'object') return v;
      if ('\u0000p' in v) return parts[v['\u0000p']];
      for (const k of Object.keys(v)) v[k] = restore(v[k]);
      return v;
    };
    return restore(JSON.parse(new TextDecoder().decode(plain.subarray(header, header + length))));
  }
  /** Every record of each store, opened: { store: records }. */
  window.__benchRead = async (stores) => {
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n && n.startsWith('tilsynsbaenk-workspace-'));
    if (names.length !== 1) throw new Error('expected one workspace database, found ' + names.length);
    const db = await openDb(names[0]);
    const id = names[0].slice('tilsynsbaenk-workspace-'.length);
    const tx = db.transaction(stores, 'readonly');
    const raw = await Promise.all(stores.map((s) => done(tx.objectStore(s).getAll())));
    db.close();
    const out = {};
    for (let i = 0; i < stores.length; i++) out[stores[i]] = await Promise.all(raw[i].map((r) => open(id, stores[i], r)));
    return out;
  };
}`;

/** Installs `window.__benchRead` in the page: with the passphrase of a locked workspace, it opens its records. */
export async function installReader(page: Page, passphrase?: string): Promise<void> {
  await page.evaluate(`(${READER})(${JSON.stringify(passphrase ?? null)})`);
}

/** The import records and the number of stored cases. */
export const READ_RECORD = `(async () => {
  const { imports, meta } = await window.__benchRead(['imports', 'meta']);
  imports.sort((a, b) => (a.importedAt < b.importedAt ? -1 : 1));
  const manifest = meta.find((m) => m.key === 'cases');
  return { imports: imports.length, record: imports[imports.length - 1], cases: manifest ? manifest.count : 0 };
})()`;

/** The workspace's newest stored screening at `asOf`, or null: `(asOf) => …` as page code. */
export const STORED_SCREENING = `async (asOf) => {
  const { screenings: all } = await window.__benchRead(['screenings']);
  const s = all.filter((x) => x.asOf === asOf && x.complete === true).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  return s ? { kept: all.length, timings: s.timings, results: s.summary.reduce((n, r) => n + r.met + r.metWithException + r.breached + r.pending + r.notApplicable + r.unknown, 0) } : null;
}`;
