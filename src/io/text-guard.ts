import { bytesText, type ImportLimits } from '../domain/import-limits';
import { formatNumber } from '../domain/format';
import { fail, ok, type Result } from '../domain/result';
import { columnLetter } from './csv';
import type { TextKind } from './encoding';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DELIMITERS = [0x3b, 0x09, 0x2c] as const; // ';', tab, ',' — ties go to the first, as in detectDelimiter

/**
 * Checks a CSV file's shape on its bytes, before it is decoded or parsed: lines, columns and cells
 * within the limits. One pass, no strings and no copies, so a 50 MB line or a header of millions
 * of columns is refused in milliseconds instead of being split into millions of cells. Line
 * numbers are physical lines, as a text editor counts them.
 */
export function checkCsvShape(bytes: Uint8Array, kind: Exclude<TextKind, 'utf-32le' | 'utf-32be' | 'binary'>, limits: ImportLimits): Result<void> {
  const wide = kind === 'utf-16le' || kind === 'utf-16be';
  const step = wide ? 2 : 1;
  const unit = kind === 'utf-16le' ? (i: number) => bytes[i]! | (bytes[i + 1]! << 8)
    : kind === 'utf-16be' ? (i: number) => (bytes[i]! << 8) | bytes[i + 1]!
      : (i: number) => bytes[i]!;
  const begin = kind === 'utf-8-bom' ? 3 : wide && (unit(0) === 0xfeff) ? 2 : 0;
  const end = bytes.length - ((bytes.length - begin) % step);
  // UTF-8 continuation bytes are part of the character before them; a code page's bytes are each a character.
  const countsChar = wide ? () => true : (b: number) => (b & 0xc0) !== 0x80;
  const maxLine = limits.maxLineBytes;

  /** The byte length of the line starting at `start`, to name it in full when it is too long. */
  const lineLength = (start: number): number => {
    if (!wide) {
      const at = bytes.indexOf(LF, start);
      return (at < 0 ? end : at) - start;
    }
    let i = start;
    while (i < end && unit(i) !== LF) i += step;
    return i - start;
  };
  const tooLong = (line: number, start: number) => fail<void>(`Linje ${formatNumber(line)} er ${bytesText(lineLength(start))} lang; grænsen er ${bytesText(maxLine)}. Filen ligner ikke et udtræk med én sag eller hændelse pr. linje.`);

  let delimiter = -1;
  let line = 1;
  let lineStart = begin;
  let headerDone = false;
  let quoted = false;
  let fields = 1;
  let cellChars = 0;
  let cellLine = 1;
  const counts = [0, 0, 0];

  const cellEnds = (): Result<void> | undefined => {
    if (cellChars <= limits.maxCellChars) return undefined;
    return fail(`Linje ${formatNumber(cellLine)}, kolonne ${columnLetter(headerDone ? fields - 1 : Math.max(...counts))}: en celle har ${formatNumber(cellChars)} tegn; grænsen er ${formatNumber(limits.maxCellChars)} tegn (Excels egen grænse).`);
  };
  const recordEnds = (): Result<void> | undefined => {
    if (!headerDone) {
      // The header decides the delimiter, as detectDelimiter does when the file is parsed.
      const best = counts.indexOf(Math.max(...counts));
      delimiter = DELIMITERS[best]!;
      fields = counts[best]! + 1;
    }
    if (fields > limits.maxColumns) {
      const what = headerDone ? `Linje ${formatNumber(cellLine)}` : `Overskriften (linje ${formatNumber(cellLine)})`;
      return fail(`${what} har ${formatNumber(fields)} kolonner; grænsen er ${formatNumber(limits.maxColumns)}.`);
    }
    return undefined;
  };

  for (let i = begin; i < end; i += step) {
    const c = unit(i);
    if (i - lineStart > maxLine) return tooLong(line, lineStart);
    if (c === QUOTE) {
      quoted = !quoted;
      continue;
    }
    if (c === LF || (c === CR && (i + step >= end || unit(i + step) !== LF))) {
      line += 1;
      lineStart = i + step;
      if (quoted) {
        cellChars += 1;
        continue;
      }
      const blank = !headerDone && fields === 1 && cellChars === 0 && counts.every((n) => n === 0);
      const refused = cellEnds() ?? (blank ? undefined : recordEnds());
      if (refused) return refused;
      if (!blank) headerDone = true;
      fields = 1;
      cellChars = 0;
      cellLine = line;
      continue;
    }
    if (c === CR || quoted) {
      if (quoted && countsChar(c)) cellChars += 1;
      continue;
    }
    if (!headerDone) {
      const d = DELIMITERS.indexOf(c as (typeof DELIMITERS)[number]);
      if (d >= 0) {
        counts[d]! += 1;
        // Each candidate's cells are as long as the longest stretch between any two candidates, at most.
        cellChars = 0;
        continue;
      }
    } else if (c === delimiter) {
      const refused = cellEnds();
      if (refused) return refused;
      fields += 1;
      cellChars = 0;
      continue;
    }
    if (countsChar(c)) cellChars += 1;
    if (cellChars > limits.maxCellChars && !headerDone) return cellEnds()!;
  }
  if (end - lineStart > maxLine) return tooLong(line, lineStart);
  return cellEnds() ?? (headerDone || fields > 1 || counts.some((n) => n > 0) || cellChars > 0 ? recordEnds() : undefined) ?? ok(undefined);
}
