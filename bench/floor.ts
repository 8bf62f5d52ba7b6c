/**
 * The physical floor of the import stack in the browser, with nothing of the app around it: the
 * bare parse of the file (papaparse on the decoded text, or SheetJS dense) and one Dexie bulkPut
 * of as many flat 20-field objects into an unindexed table of a fresh database. Driven by
 * scripts/bench.ts through `window.floor`; the file comes in through the page's <input type=file>.
 */
import Dexie from 'dexie';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';

type Row = unknown[];

let rows: Row[] = [];

async function fileBytes(): Promise<Uint8Array> {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no file chosen');
  return new Uint8Array(await file.arrayBuffer());
}

/** Parses the chosen file `times` times and returns the fastest parse; keeps the data rows. */
async function parse(kind: 'csv' | 'xlsx', times: number): Promise<{ ms: number; rows: number }> {
  const bytes = await fileBytes();
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    rows = [];
    const started = performance.now();
    if (kind === 'csv') {
      const text = new TextDecoder('utf-8').decode(bytes);
      rows = Papa.parse<string[]>(text, { header: false, delimiter: ';', skipEmptyLines: true }).data;
    } else {
      const book = XLSX.read(bytes, { type: 'array', dense: true });
      rows = (book.Sheets[book.SheetNames[0]!]!['!data'] ?? []) as Row[];
    }
    best = Math.min(best, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  rows = rows.slice(1); // the header
  return { ms: best, rows: rows.length };
}

/** One bulkPut of the kept rows as flat objects into a fresh database; the fastest of `times`. */
async function bulkPut(times: number): Promise<{ ms: number; stored: number }> {
  const objects = rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let c = 0; c < 20; c++) {
      const cell = row[c] as { v?: unknown } | string | undefined | null;
      object[`c${c}`] = cell !== null && typeof cell === 'object' ? (cell.v ?? null) : (cell || null);
    }
    return object;
  });
  let best = Infinity;
  let stored = 0;
  for (let i = 0; i < times; i++) {
    await Dexie.delete('bench-floor');
    const db = new Dexie('bench-floor');
    db.version(1).stores({ rows: '++id' });
    await db.open();
    const started = performance.now();
    await db.table('rows').bulkPut(objects);
    best = Math.min(best, performance.now() - started);
    stored = await db.table('rows').count();
    db.close();
  }
  await Dexie.delete('bench-floor');
  return { ms: best, stored };
}

(window as unknown as { floor: unknown }).floor = { parse, bulkPut };
