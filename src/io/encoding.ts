import { fail, ok, type Result } from '../domain/result';

/**
 * The characters Windows-1252 puts at 0x80–0x9F, where Latin-1 has control codes: Unicode's
 * official table (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined there, so the C1 control codes U+0080–U+009F
 * cannot be written at all.
 */
const EXTRAS: Readonly<Record<number, number>> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e,
  0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
  0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Text as Danish Excel saves "CSV (semikolonsepareret)": one byte per character. ASCII and
 * Latin-1 (æøå, §, é …) keep their code; a character the code page lacks is a failure naming it,
 * never a silent "?".
 */
export function encodeWindows1252(text: string): Result<Uint8Array> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : EXTRAS[code];
    if (byte === undefined) {
      // Control codes and lone surrogate halves cannot be shown, only named.
      const shown = code < 0xa0 || (code >= 0xd800 && code <= 0xdfff) ? '' : `"${String.fromCodePoint(code)}" `;
      return fail(`Tegnet ${shown}(${codePoint(code)}) på plads ${i + 1} findes ikke i Windows-1252 og kan ikke skrives i filen.`);
    }
    bytes[i] = byte;
  }
  return ok(bytes);
}

/** What the first bytes of a file say about how its text is written. */
export type TextKind = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'binary' | 'bytes';

/** Bytes looked at to tell UTF-16 and UTF-32 from binary data without a BOM. */
const SNIFF = 4096;

/**
 * The text's encoding from its BOM or, without one, from where its NUL bytes fall: Latin letters
 * in UTF-16 LE are a letter and a NUL, in UTF-32 LE a letter and three. 'bytes' is UTF-8 or a
 * one-byte code page (no NUL at all); 'binary' has NULs in no text pattern.
 */
export function sniffText(bytes: Uint8Array): TextKind {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8-bom';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const end = Math.min(bytes.length, SNIFF) & ~3;
  const nuls = [0, 0, 0, 0];
  for (let i = 0; i < end; i++) if (bytes[i] === 0) nuls[i & 3]! += 1;
  const [z0, z1, z2, z3] = nuls as [number, number, number, number];
  if (z0 + z1 + z2 + z3 === 0 && !bytes.subarray(end, SNIFF).includes(0)) return 'bytes';
  const groups = end / 4;
  const most = (n: number) => n >= groups * 0.9;
  const few = (n: number) => n <= groups * 0.1;
  if (most(z3) && most(z2) && few(z0)) return 'utf-32le';
  if (most(z0) && most(z1) && few(z3)) return 'utf-32be';
  // UTF-16 of Danish text: ASCII and æøå all have a NUL high byte, so nearly every other byte is NUL.
  if (z1 + z3 >= groups * 1.4 && few(z0 + z2)) return 'utf-16le';
  if (z0 + z2 >= groups * 1.4 && few(z1 + z3)) return 'utf-16be';
  return 'binary';
}

/** Whether bytes[start, end) is valid UTF-8, and whether it holds any character beyond ASCII. */
export function utf8Check(bytes: Uint8Array, start: number, end: number): { valid: boolean; multibyte: boolean } {
  let multibyte = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= end) return { valid: false, multibyte };
    for (let k = 1; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return { valid: false, multibyte };
    i += extra;
    multibyte = true;
  }
  return { valid: true, multibyte };
}
