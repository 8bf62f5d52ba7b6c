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
