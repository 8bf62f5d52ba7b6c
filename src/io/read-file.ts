import { maskCprLike } from '../domain/cpr';
import { fail, type Result } from '../domain/result';
import { readCsv } from './csv';
import type { SourceWorkbook } from '../domain/source';
import { isOle2, isZip, readSpreadsheet } from './spreadsheet';

const CHOOSE = 'Vælg et udtræk i formatet .xlsx, .xls, .ods eller .csv.';
const NOT_A_SHEET_IMAGE = `Filen er ikke et regneark eller en CSV-fil (den ligner et billede/en PDF). ${CHOOSE}`;
const NOT_A_SHEET_BINARY = `Filen er ikke et regneark eller en CSV-fil (den indeholder binære data). ${CHOOSE}`;
const NOT_A_SHEET_MARKUP =
  'Filen er en webside eller XML-fil, ikke et regneark eller en CSV-fil. Nogle systemer gemmer sådan en fil ' +
  `med endelsen .xls: åbn den i Excel, gem den som .xlsx, og vælg den igen. ${CHOOSE}`;

/** Signatures of common files picked by mistake (PNG, JPEG, GIF, PDF). */
const NOT_SPREADSHEETS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, i) => bytes[i] === byte);

const isUtf16 = (bytes: Uint8Array): boolean =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** Text files never hold NUL bytes; UTF-16 text does (every other byte for Latin letters). */
const hasNulBytes = (bytes: Uint8Array): boolean => bytes.subarray(0, 4096).includes(0);

/** HTML or XML (also Excel 2003 "XML-regneark"): the first character after a BOM and spaces is '<'. */
function isMarkup(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/**
 * Reads an uploaded file into a SourceWorkbook. The kind of file is decided by its first bytes,
 * not by its extension: users rename files, and systems save CSV or HTML with the ending .xls.
 */
export function readSourceFile(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): Result<SourceWorkbook> {
  const read = readAny(bytes, fileName, onProgress);
  // A file without a header row has its first row read as headers, and headers are shown, kept
  // with the mapping and in saved profiles: a CPR number among them is masked, whatever the workspace keeps.
  if (read.ok) for (const sheet of read.value.sheets) sheet.headers = sheet.headers.map((header) => maskCprLike(header));
  return read;
}

function readAny(bytes: Uint8Array, fileName: string, onProgress?: (done: number, total: number) => void): Result<SourceWorkbook> {
  if (bytes.length === 0) return fail('Filen er tom (0 byte).');
  if (isZip(bytes) || isOle2(bytes)) return readSpreadsheet(bytes, fileName);
  if (NOT_SPREADSHEETS.some((signature) => startsWith(bytes, signature))) return fail(NOT_A_SHEET_IMAGE);
  if (!isUtf16(bytes) && hasNulBytes(bytes)) return fail(NOT_A_SHEET_BINARY);
  if (isMarkup(bytes)) return fail(NOT_A_SHEET_MARKUP);
  return readCsv(bytes, fileName, onProgress);
}
