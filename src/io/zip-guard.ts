import { Inflate } from 'fflate';
import { bytesText, RATIO_FLOOR_BYTES, type ImportLimits } from '../domain/import-limits';
import { formatNumber } from '../domain/format';
import { fail, ok, type Result } from '../domain/result';
import { columnLetter } from './csv';

export const CORRUPT_ZIP =
  'Filen er en beskadiget zip-fil (xlsx og ods er zip-filer): dens indholdsfortegnelse kan ikke læses. Den er måske ' +
  'kun delvist hentet eller kopieret. Hent udtrækket igen, eller åbn det i Excel og gem det på ny.';
const ENCRYPTED_ZIP = 'Filen er en zip-fil, hvis indhold er låst med adgangskode. Et regneark låses ikke sådan; pak filen ud, eller gem regnearket fra Excel uden adgangskode.';

/** One file inside the zip, as the central directory and its local header declare it. */
interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  /** Packed bytes as the local header says (what SheetJS trusts), or the directory's when the header leaves it to a data descriptor. */
  packed: number;
  /** The larger of the unpacked sizes the directory and the local header declare. */
  unpacked: number;
  dataStart: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** ZIP64 sizes (extra field 0x0001) replace the 32-bit ones that are 0xFFFFFFFF, in that order. */
function zip64Sizes(b: Uint8Array, start: number, length: number, sizes: { unpacked: number; packed: number }): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(b, at);
    const size = u16(b, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (sizes.unpacked === 0xffffffff && field + 8 <= at + 4 + size) (sizes.unpacked = u64(b, field)), (field += 8);
      if (sizes.packed === 0xffffffff && field + 8 <= at + 4 + size) sizes.packed = u64(b, field);
    }
    at += 4 + size;
  }
}

/** The entries from the central directory, each checked against its local header; undefined when either cannot be read. */
function readDirectory(b: Uint8Array): ZipEntry[] | undefined {
  // The end record is in the last 22 bytes plus at most a 65,535-byte comment.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(b, eocd + 10);
  let at = u32(b, eocd + 16);
  if (count === 0 || at >= b.length) return undefined;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) return undefined;
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const sizes = { packed: u32(b, at + 20), unpacked: u32(b, at + 24) };
    zip64Sizes(b, at + 46 + nameLength, extraLength, sizes);
    const offset = u32(b, at + 42);
    const flags = u16(b, at + 8);
    const name = decoder.decode(b.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + u16(b, at + 32);
    if (offset + 30 > b.length || u32(b, offset) !== 0x04034b50) return undefined;
    const local = { packed: u32(b, offset + 18), unpacked: u32(b, offset + 22) };
    const localName = u16(b, offset + 26);
    const localExtra = u16(b, offset + 28);
    zip64Sizes(b, offset + 30 + localName, localExtra, local);
    const dataStart = offset + 30 + localName + localExtra;
    const packed = local.packed || sizes.packed;
    if (dataStart + packed > b.length) return undefined;
    entries.push({ name, flags: flags | u16(b, offset + 6), method: u16(b, offset + 8), packed, unpacked: Math.max(sizes.unpacked, local.unpacked), dataStart });
  }
  return entries;
}

const LT = 0x3c;
const GT = 0x3e;
/** ' r="' as bytes: the cell reference attribute. */
const REF = [0x20, 0x72, 0x3d, 0x22];
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Finds a worksheet's widest row in its XML as it is unpacked, a chunk at a time: the largest
 * column letter in a cell's `r="XFD1"`, or the count of cells in a row where cells leave `r` out.
 * A byte-level state machine, so chunk borders need no carried text.
 */
class ColumnScanner {
  maxColumn = 0;
  declared = 0;
  #head = '';
  #state = 0; // 0 text, 1 '<', 2 '<c', 3 in a c tag, 4 column letters, 5 '<r', 6 '<ro', 7 '<row'
  #match = 0; // progress through ' r="' inside a c tag
  #column = 0;
  #inRow = 0;

  push(chunk: Uint8Array): void {
    if (this.#head.length < 4096) this.#head += new TextDecoder('latin1').decode(chunk.subarray(0, 4096 - this.#head.length));
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.#state) {
        case 0:
          if (c === LT) this.#state = 1;
          break;
        case 1:
          this.#state = c === 0x63 ? 2 : c === 0x72 ? 5 : c === LT ? 1 : 0;
          break;
        case 2:
          if (c === GT || c === 0x2f) this.#cellEnds();
          if (isSpace(c)) {
            this.#state = 3;
            this.#match = 1;
          } else this.#state = 0;
          break;
        case 3:
          if (c === GT) {
            this.#cellEnds();
            this.#state = 0;
          } else if (isSpace(c)) this.#match = 1;
          else if (this.#match > 0 && c === REF[this.#match]) {
            this.#match += 1;
            if (this.#match === REF.length) {
              this.#state = 4;
              this.#column = 0;
            }
          } else this.#match = 0;
          break;
        case 4:
          if (c >= 0x41 && c <= 0x5a && this.#column < 1e6) this.#column = this.#column * 26 + (c - 0x40);
          else {
            if (this.#column > 0) this.#inRow = this.#column - 1;
            this.#state = c === GT ? 0 : 3;
            this.#match = 0;
            if (c === GT) this.#cellEnds();
          }
          break;
        case 5:
          this.#state = c === 0x6f ? 6 : 0;
          break;
        case 6:
          this.#state = c === 0x77 ? 7 : 0;
          break;
        case 7:
          if (c === GT || isSpace(c)) this.#inRow = 0;
          this.#state = 0;
          break;
      }
    }
  }

  /** A cell tag closed: it is in column `r` when it gave one, else the one after the cell before it. */
  #cellEnds(): void {
    this.#inRow += 1;
    if (this.#inRow > this.maxColumn) this.maxColumn = this.#inRow;
  }

  /** The widest column `<dimension ref="A1:XFD1048576"/>` declares (0 when there is none). */
  finish(): void {
    const ref = /<dimension\s+ref="([A-Z]+)\d+(?::([A-Z]+)\d+)?"/.exec(this.#head);
    const letters = ref?.[2] ?? ref?.[1] ?? '';
    this.declared = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  }
}

/**
 * Compressed bytes go to the inflater in steps sized to give about 1 MB each at the ratio seen so
 * far: a bomb (1,000 to 1) gets 1 kB steps and is stopped after a megabyte or two, an ordinary
 * sheet (5–50 to 1) 20–64 kB steps. fflate is slow when one push gives many megabytes.
 */
const OUT_PER_PUSH = 1_000_000;
const PUSH_MIN = 1_024;
const PUSH_MAX = 65_536;

type Unpacked = { ok: true } | { ok: false; lying: boolean };

/**
 * Unpacks one entry without keeping it, stopping as soon as it gives more than it declares: a
 * header that lies about the size cannot make this (or SheetJS after it) unpack a gigabyte.
 */
function unpack(b: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): Unpacked {
  if (entry.method === 0) {
    if (entry.packed > entry.unpacked) return { ok: false, lying: true };
    onChunk(b.subarray(entry.dataStart, entry.dataStart + entry.packed));
    return { ok: true };
  }
  if (entry.method !== 8) return { ok: false, lying: false };
  let out = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    out += chunk.length;
    if (out > entry.unpacked) over = true;
    else onChunk(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < entry.packed && !over;) {
      // Nothing seen yet: the smallest step, as if the entry were a bomb.
      const ratio = at === 0 ? OUT_PER_PUSH / PUSH_MIN : Math.max(1, out / at);
      const step = Math.min(PUSH_MAX, Math.max(PUSH_MIN, Math.floor(OUT_PER_PUSH / ratio)));
      const next = Math.min(entry.packed, at + step);
      inflater.push(b.subarray(entry.dataStart + at, entry.dataStart + next), next === entry.packed);
      at = next;
    }
  } catch {
    return { ok: false, lying: false };
  }
  if (over) return { ok: false, lying: true };
  return ended ? { ok: true } : { ok: false, lying: false };
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Worksheet paths to sheet names, from the workbook and its relations (for messages only). */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) names.set(path.toLowerCase(), name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return names;
}

/**
 * Checks an xlsx or ods before SheetJS reads it: the central directory must be readable, the
 * declared sizes within the limits, every entry must unpack to no more than it declares, and no
 * worksheet may be wider than the column limit, declared (`<dimension>`) or real (a lone cell in XFD1).
 */
export function checkZip(b: Uint8Array, limits: ImportLimits): Result<void> {
  const entries = readDirectory(b);
  if (!entries) return fail(CORRUPT_ZIP);
  if (entries.some((e) => e.flags & 0x41)) return fail(ENCRYPTED_ZIP);
  const total = entries.reduce((n, e) => n + e.unpacked, 0);
  const bomb = (what: string) => fail<void>(`${what} Filen ligner en såkaldt zip-bombe og læses ikke. Er det et rigtigt udtræk, kan grænsen hæves under Indstillinger → Grænser for importfiler.`);
  if (total > limits.maxUnpackedBytes) {
    return bomb(`Filen fylder ${bytesText(b.length)}, men pakket ud ville den fylde ${bytesText(total)}; grænsen er ${bytesText(limits.maxUnpackedBytes)}.`);
  }
  for (const e of entries) {
    if (e.unpacked > RATIO_FLOOR_BYTES && e.unpacked > e.packed * limits.maxPackRatio) {
      return bomb(`Delen "${e.name}" fylder ${bytesText(e.packed)} pakket og ${bytesText(e.unpacked)} udpakket (${formatNumber(e.unpacked / Math.max(1, e.packed))} gange så meget); grænsen er ${formatNumber(limits.maxPackRatio)} gange.`);
    }
  }
  const text = new TextDecoder('utf-8');
  let workbook = '';
  let rels = '';
  const wide: { path: string; declared: number; real: number }[] = [];
  for (const e of entries) {
    const scanner = SHEET.test(e.name) ? new ColumnScanner() : undefined;
    const keep = /^xl\/workbook\.xml$/i.test(e.name) || /^xl\/_rels\/workbook\.xml\.rels$/i.test(e.name);
    let kept = '';
    const result = unpack(b, e, (chunk) => {
      scanner?.push(chunk);
      if (keep && kept.length < 1_000_000) kept += text.decode(chunk, { stream: true });
    });
    if (!result.ok) {
      return result.lying
        ? fail(`Delen "${e.name}" pakker sig ud til mere end de ${bytesText(e.unpacked)}, filen selv oplyser. Filen er beskadiget eller lavet til at fylde hukommelsen op og læses ikke.`)
        : fail(`${CORRUPT_ZIP.replace('dens indholdsfortegnelse kan ikke læses', `delen "${e.name}" kan ikke pakkes ud`)}`);
    }
    if (/workbook\.xml$/i.test(e.name) && keep) workbook = kept;
    else if (keep) rels = kept;
    if (scanner) {
      scanner.finish();
      if (scanner.declared > limits.maxColumns || scanner.maxColumn > limits.maxColumns) wide.push({ path: e.name, declared: scanner.declared, real: scanner.maxColumn });
    }
  }
  const first = wide[0];
  if (!first) return ok(undefined);
  const name = sheetNames(workbook, rels).get(first.path.toLowerCase());
  const sheet = name === undefined ? 'Et ark' : `Arket "${name}"`;
  const limit = `grænsen er ${formatNumber(limits.maxColumns)} kolonner`;
  return fail(first.real > limits.maxColumns
    ? `${sheet} har en celle i kolonne ${columnLetter(first.real - 1)} (kolonne nr. ${formatNumber(first.real)}); ${limit}. Slet de tomme kolonner til højre i Excel, eller gem kun tabellen i et nyt ark.`
    : `${sheet} oplyser, at det fylder ${formatNumber(first.declared)} kolonner (til kolonne ${columnLetter(first.declared - 1)}); ${limit}. Gem kun tabellen i et nyt ark.`);
}
