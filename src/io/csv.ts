import Papa from 'papaparse';
import { fail, ok, type Result } from '../domain/result';
import type { SourceCell, SourceRow, SourceSheet, SourceWorkbook } from '../domain/source';
import { sniffText, utf8Check } from './encoding';
import { formatNumber, joinDanish } from '../domain/format';

type Encoding = NonNullable<SourceWorkbook['encoding']>;
type Delimiter = NonNullable<SourceWorkbook['delimiter']>;

/** Progress is reported every this many records; the numbers are characters of the decoded text. */
const PROGRESS_EVERY = 10_000;

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** A UTF-8 file with lines in another encoding: those lines (1-based), read as Windows-1252. */
  otherLines?: number[];
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const kind = sniffText(bytes);
  if (kind === 'utf-8-bom') return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  // Excel's "Unicode-tekst" is UTF-16 LE with a BOM; TextDecoder drops the BOM itself. Some systems leave the BOM out.
  if (kind === 'utf-16le' || kind === 'utf-16be') return { text: new TextDecoder(kind).decode(bytes), encoding: kind };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeMixed(bytes);
  }
}

/**
 * Not valid UTF-8 as a whole. Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252, where
 * any byte sequence decodes, so æøå survive. But a UTF-8 file with one line pasted in from a
 * Windows-1252 file would then have æøå mangled in every other line: when some lines hold valid
 * UTF-8 beyond ASCII, each line is read in the encoding it is valid in, and the others are named.
 */
function decodeMixed(bytes: Uint8Array): DecodedText {
  const bad: number[] = [];
  const ends: number[] = [];
  let utf8Seen = false;
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const check = utf8Check(bytes, start, end);
    if (!check.valid) bad.push(line);
    else utf8Seen ||= check.multibyte;
    ends.push(end);
    start = end + 1;
  }
  const cp1252 = new TextDecoder('windows-1252');
  if (!utf8Seen) return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  let start = 0;
  let next = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    parts.push((bad[next] === i + 1 ? (next++, cp1252) : utf8).decode(bytes.subarray(start, end)));
    start = end + 1;
  }
  return { text: parts.join('\n'), encoding: 'utf-8', otherLines: bad };
}

/**
 * Counts candidates in the header line only: data lines hold Danish decimal commas ("2,5"), which
 * would fool a guess over the whole file (and papaparse's own guess). Ties go to ';', then tab.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === '\t' || char === ',')) counts[char] += 1;
  }
  const order: Delimiter[] = [';', '\t', ','];
  return order.reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best));
}

/** The first non-blank line, ending at the first line break outside double quotes. */
function headerLineOf(text: string): string {
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      const line = text.slice(start, i);
      if (line.trim() !== '') return line;
      start = i + 1;
    }
  }
  return text.slice(start);
}

/** The spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const emptyHeaderName = (index: number): string => `Kolonne ${columnLetter(index)}`;

/** The sheet name of a CSV file: its name without folders and without the last extension. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  return name.replace(/\.[^.]*$/, '') || name || 'CSV';
}

/**
 * Collects the rows of one sheet, shared by the CSV and spreadsheet readers so both treat headers
 * and blank rows alike. The first non-empty row is the header (rows above it, such as blank lines
 * before the table, are not part of the table and not counted). Blank rows are counted only when
 * a data row follows them, so a trailing line break or formatted-but-empty rows at the bottom of a
 * sheet are not reported as empty rows. Cells must already be normalised ('' → null).
 */
export class SheetBuilder {
  readonly #name: string;
  #headers: string[] | null = null;
  readonly #rows: SourceRow[] = [];
  #emptyRows = 0;
  #pendingEmpty = 0;

  constructor(name: string) {
    this.#name = name;
  }

  get hasHeader(): boolean {
    return this.#headers !== null;
  }

  add(number: number, cells: SourceCell[]): void {
    let filled = cells.length;
    while (filled > 0 && cells[filled - 1] == null) filled -= 1;
    if (filled === 0) {
      if (this.#headers) this.#pendingEmpty += 1;
      return;
    }
    if (!this.#headers) {
      // Trailing empty headers are dropped (Excel's CSV export often ends every line with ';').
      this.#headers = cells.slice(0, filled).map((cell, i) => (cell == null ? emptyHeaderName(i) : String(cell)));
      return;
    }
    this.#emptyRows += this.#pendingEmpty;
    this.#pendingEmpty = 0;
    // Short rows are padded; non-empty cells beyond the header are kept for the caller to report.
    const width = Math.max(this.#headers.length, filled);
    const row: SourceCell[] = new Array<SourceCell>(width);
    for (let i = 0; i < width; i++) row[i] = cells[i] ?? null;
    this.#rows.push({ number, cells: row });
  }

  finish(): SourceSheet {
    return { name: this.#name, headers: this.#headers ?? [], rows: this.#rows, emptyRows: this.#emptyRows };
  }
}

/** How many line numbers a note names before it only counts the rest. */
const NAMED_LINES = 10;

function otherEncodingNote(lines: readonly number[]): string {
  const named = lines.slice(0, NAMED_LINES).map(String);
  const list = lines.length > NAMED_LINES ? `${named.join(', ')} … (${formatNumber(lines.length)} linjer i alt)` : joinDanish(named);
  return `${lines.length === 1 ? 'Linje' : 'Linjerne'} ${list} er ikke skrevet i UTF-8 som resten af filen og er læst som Windows-1252. Kontrollér navne med æ, ø og å på ${lines.length === 1 ? 'den linje' : 'de linjer'}.`;
}

const textCell = (value: string): SourceCell => value.trim() || null;

export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): Result<SourceWorkbook> {
  const { text, encoding, otherLines } = decodeText(bytes);
  if (text.trim() === '') return fail('Filen er tom.');
  const delimiter = detectDelimiter(headerLineOf(text));
  const sheet = new SheetBuilder(baseName(fileName));
  // A row's number is its record number, as Excel numbers the rows when it opens the file: a
  // quoted cell spanning several lines is one record, so physical line numbers are not used.
  let record = 0;
  let unterminatedAt = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    header: false,
    step: (result, parser) => {
      record += 1;
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        unterminatedAt = record;
        parser.abort();
        return;
      }
      sheet.add(record, result.data.map(textCell));
      if (onProgress && record % PROGRESS_EVERY === 0) onProgress(result.meta.cursor, text.length);
    },
  });
  if (unterminatedAt > 0) {
    // Papaparse would read the rest of the file into this one cell; rows must never vanish silently.
    return fail(
      `Række ${unterminatedAt}: et felt begynder med et citationstegn (") der aldrig afsluttes, så resten af filen ` +
        'ville blive læst som én celle. Ret citationstegnet i filen, eller gem den igen fra Excel.',
    );
  }
  if (!sheet.hasHeader) return fail('Filen er tom.');
  onProgress?.(text.length, text.length);
  const notes = otherLines?.length ? [otherEncodingNote(otherLines)] : [];
  return ok({ format: 'csv', sheets: [sheet.finish()], encoding, delimiter, ...(notes.length && { notes }) });
}
