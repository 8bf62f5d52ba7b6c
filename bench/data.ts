/**
 * Deterministic synthetic extracts for the import benchmark: one wide row per case, 20 columns with
 * the app's canonical headers, as a semicolon CSV (UTF-8, dd-mm-åååå) and as an .xlsx with real
 * Excel date cells. Same seed and row count → byte-identical files, so they are reused.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';

export const HEADERS = [
  'Sagsnr', 'CPR-nr', 'Enhed', 'Gruppe', 'Sagsbehandler', 'Oprettet', 'Lukket', 'Opmærksom dato',
  'Underretning modtaget', 'Underretning fra fagperson', 'Underretning kvitteret',
  'Undersøgelse påbegyndt', 'Undersøgelse afsluttet',
  'Foranstaltning type', 'Foranstaltning iværksat', 'Foranstaltning afgørelse', 'Foranstaltning børnesamtale', 'Foranstaltning bisidder vejledt',
  'Handleplan dato', 'Opfølgning dato',
] as const;

const UNITS = ['Børnefamilieenhed Nord', 'Børnefamilieenhed Syd', 'Børnefamilieenhed Øst', 'Børnefamilieenhed Vest', 'Ungeenheden', 'Handicapteamet Åbyhøj'];
const GROUPS = ['Myndighed 0-6 år', 'Myndighed 7-13 år', 'Ungegruppen', 'Anbringelser', 'Forebyggelse'];
const FIRST = ['Søren', 'Mette', 'Åse', 'Jørgen', 'Birthe', 'Ærtebjørn', 'Bodil', 'Kåre', 'Lærke', 'Mads', 'Signe', 'Øjvind'];
const LAST = ['Højgaard', 'Kjær', 'Ærø', 'Sørensen', 'Møller', 'Brøndum', 'Ågård', 'Nørgaard', 'Dahl', 'Lund'];
/** 60 distinct names: 12 first names × the first 5 surnames. */
const CASEWORKERS = Array.from({ length: 60 }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length)]}`);

/** mulberry32: a tiny seeded PRNG, so the files never depend on Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A date as a day number since 1970-01-01 (UTC), so no time zone ever touches it. */
type Day = { day: number };
type Cell = string | Day | null;
const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): Day => ({ day: Date.UTC(y, m - 1, d) / DAY_MS });
const plus = (a: Day, n: number): Day => ({ day: a.day + n });
const pad = (n: number) => String(n).padStart(2, '0');
const dmy = (d: Day) => { const t = new Date(d.day * DAY_MS); return `${pad(t.getUTCDate())}-${pad(t.getUTCMonth() + 1)}-${t.getUTCFullYear()}`; };

export function generateRows(count: number, seed = 20260101): Cell[][] {
  const rnd = prng(seed ^ count);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const birth = plus(dayOf(2006, 1, 1), int(0, 18 * 365));
    const b = new Date(birth.day * DAY_MS);
    // A 7th digit of 4–8 with yy ≤ 36 means born in the 2000s (CPR-kontoret's table).
    const cpr = `${pad(b.getUTCDate())}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCFullYear() % 100)}-${int(4, 8)}${String(int(0, 999)).padStart(3, '0')}`;
    const cw = int(0, CASEWORKERS.length - 1);
    const opened = plus(dayOf(2018, 1, 1), int(0, 7 * 365));
    const aware = plus(opened, -int(0, 30));
    const notified = chance(0.85) ? plus(aware, int(0, 5)) : null;
    const investigated = chance(0.6) ? plus(opened, int(0, 20)) : null;
    const measure = chance(0.5) ? plus(opened, int(30, 200)) : null;
    rows.push([
      `BS-${String(i + 1).padStart(7, '0')}`,
      chance(0.02) ? null : cpr,
      UNITS[cw % UNITS.length]!,
      chance(0.1) ? null : pick(GROUPS),
      CASEWORKERS[cw]!,
      opened,
      chance(0.4) ? plus(opened, int(60, 900)) : null,
      chance(0.1) ? null : aware,
      notified,
      notified && !chance(0.05) ? (chance(0.7) ? 'Ja' : 'Nej') : null,
      notified && chance(0.8) ? plus(notified, int(0, 10)) : null,
      investigated,
      investigated && chance(0.7) ? plus(investigated, int(20, 140)) : null,
      measure ? (chance(0.3) ? 'anbringelse' : 'forebyggende') : null,
      measure,
      measure ? plus(measure, -int(0, 14)) : null,
      measure && chance(0.8) ? plus(measure, -int(0, 30)) : null,
      measure ? (chance(0.6) ? 'Ja' : 'Nej') : null,
      chance(0.45) ? plus(opened, int(10, 120)) : null,
      chance(0.4) ? plus(opened, int(90, 400)) : null,
    ]);
  }
  return rows;
}

function csvText(rows: Cell[][]): string {
  const text = (c: Cell) => (c === null ? '' : typeof c === 'string' ? c : dmy(c));
  return [HEADERS.join(';'), ...rows.map((r) => r.map(text).join(';'))].join('\r\n') + '\r\n';
}

function xlsxBytes(rows: Cell[][]): Buffer {
  // Excel serial = days since 1970 + 25569 (valid after 1900-03-01).
  const cell = (c: Cell) => (c === null ? null : typeof c === 'string' ? { t: 's', v: c } : { t: 'n', v: c.day + 25569, z: 'dd-mm-yyyy' });
  const sheet = XLSX.utils.aoa_to_sheet([[...HEADERS], ...rows.map((r) => r.map(cell))], { dense: true });
  const book = XLSX.utils.book_new();
  // Not "Sager": that name would make the app read the sheet as the cases table, not as wide.
  XLSX.utils.book_append_sheet(book, sheet, 'Udtræk');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer;
}

/**
 * The next week's extract of the same cases: every 20th case (5 %) changed as a case system
 * changes them from week to week: another caseworker, and a follow-up or a closing date added.
 */
export function weeklyRows(rows: readonly Cell[][]): Cell[][] {
  return rows.map((row, i) => {
    if (i % 20 !== 7) return row;
    const next = [...row];
    next[4] = CASEWORKERS[(CASEWORKERS.indexOf(row[4] as string) + 1) % CASEWORKERS.length]!;
    const opened = row[5] as Day;
    if (next[19] === null) next[19] = plus(opened, 120);
    else if (next[6] === null) next[6] = plus(opened, 700);
    return next;
  });
}

/** Writes (or reuses) bench-data/udtraek-v1-<rows>-uge2.csv, the weekly re-import of `ensureData`'s cases. */
export function ensureWeekly(dir: string, count: number): string {
  const path = join(dir, `udtraek-v1-${count}-uge2.csv`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, csvText(weeklyRows(generateRows(count))), 'utf8');
  return path;
}

/** Writes (or reuses) bench-data/udtraek-v1-<rows>.csv and .xlsx; bump v1 when the generator changes. */
export function ensureData(dir: string, count: number): { csv: string; xlsx: string } {
  const base = join(dir, `udtraek-v1-${count}`);
  const paths = { csv: `${base}.csv`, xlsx: `${base}.xlsx` };
  if (existsSync(paths.csv) && existsSync(paths.xlsx)) return paths;
  mkdirSync(dir, { recursive: true });
  const rows = generateRows(count);
  writeFileSync(paths.csv, csvText(rows), 'utf8');
  writeFileSync(paths.xlsx, xlsxBytes(rows));
  return paths;
}
