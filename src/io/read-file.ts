import { maskCprLike } from '../domain/cpr';
import { fail, type Result } from '../domain/result';
import { readCsv } from './csv';
import type { SourceWorkbook } from '../domain/source';
import { isOle2, isZip, PROTECTED, readSpreadsheet } from './spreadsheet';
import { DEFAULT_IMPORT_LIMITS, tooLarge, type ImportLimits } from '../domain/import-limits';
import { sniffText } from './encoding';
import { checkCsvShape } from './text-guard';
import { checkZip } from './zip-guard';

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

const UTF32 = 'Filen er skrevet i tegnsættet UTF-32, som Tilsynsbænken ikke læser. Åbn den i Excel eller Notesblok, og gem den som "CSV UTF-8" eller "CSV (semikolonsepareret)".';

/** "EncryptionInfo" in UTF-16 LE: the stream an encrypted xlsx keeps in its OLE2 container, beside the encrypted package. */
const ENCRYPTION_INFO = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const first = ENCRYPTION_INFO[0]!;
  for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
    if (ENCRYPTION_INFO.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}


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
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Result<SourceWorkbook> {
  const read = readAny(bytes, fileName, limits, onProgress);
  // A file without a header row has its first row read as headers, and headers are shown, kept
  // with the mapping and in saved profiles: a CPR number among them is masked, whatever the workspace keeps.
  if (read.ok) for (const sheet of read.value.sheets) sheet.headers = sheet.headers.map((header) => maskCprLike(header));
  return read;
}

/**
 * Every check that needs no parsing runs first, on the bytes: a file that would take the page
 * minutes or gigabytes to parse is refused in milliseconds with what is wrong and where.
 */
function readAny(bytes: Uint8Array, fileName: string, limits: ImportLimits, onProgress?: (done: number, total: number) => void): Result<SourceWorkbook> {
  if (bytes.length === 0) return fail('Filen er tom (0 byte).');
  const large = tooLarge(bytes.length, limits);
  if (large) return fail(large);
  if (isZip(bytes)) {
    const checked = checkZip(bytes, limits);
    return checked.ok ? readSpreadsheet(bytes, fileName) : checked;
  }
  if (isOle2(bytes)) return hasEncryptionInfo(bytes) ? fail(PROTECTED) : readSpreadsheet(bytes, fileName);
  if (NOT_SPREADSHEETS.some((signature) => startsWith(bytes, signature))) return fail(NOT_A_SHEET_IMAGE);
  const kind = sniffText(bytes);
  if (kind === 'utf-32le' || kind === 'utf-32be') return fail(UTF32);
  if (kind === 'binary') return fail(NOT_A_SHEET_BINARY);
  if (isMarkup(bytes)) return fail(NOT_A_SHEET_MARKUP);
  const shape = checkCsvShape(bytes, kind, limits);
  return shape.ok ? readCsv(bytes, fileName, onProgress) : shape;
}
