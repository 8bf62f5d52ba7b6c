/**
 * Hostile and broken files (issue 14, point 7): each is made here, read through readSourceFile,
 * and must be refused (or read) with a Danish message that says what is wrong and where, within
 * 2 s and without the memory growing past about twice the file.
 */
import { deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Result } from '../../src/domain/result';
import type { SourceWorkbook } from '../../src/domain/source';
import { DEFAULT_IMPORT_LIMITS } from '../../src/domain/import-limits';
import { readSourceFile } from '../../src/io/read-file';
import { bombStream, MB, rawZip, type RawEntry } from './fixtures/hostile-zip';

const SECONDS = 2_000;

/** Reads a file and measures the time and what the heap and buffers grew by (garbage included, so generous). */
function timedRead(bytes: Uint8Array, fileName: string): { result: Result<SourceWorkbook>; ms: number; grown: number } {
  const memory = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const before = memory();
  const started = performance.now();
  const result = readSourceFile(bytes, fileName);
  const ms = performance.now() - started;
  return { result, ms, grown: memory() - before };
}

/** A refusal: its message, after checking it came quickly and within about twice the file in memory. */
function refused(bytes: Uint8Array, fileName: string): string {
  const { result, ms, grown } = timedRead(bytes, fileName);
  expect(result.ok).toBe(false);
  expect(ms).toBeLessThan(SECONDS);
  // Twice the file, and 32 MB for the runtime's own churn (a small file must not get a giant string either).
  expect(grown).toBeLessThan(2 * bytes.length + 32 * MB);
  return result.ok ? '' : result.message;
}

function read(bytes: Uint8Array, fileName: string): SourceWorkbook {
  const { result, ms } = timedRead(bytes, fileName);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  expect(ms).toBeLessThan(SECONDS);
  return result.value;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}
function utf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const chars = [...(bom ? '\ufeff' : ''), ...text];
  const bytes = new Uint8Array(chars.length * 4);
  const view = new DataView(bytes.buffer);
  chars.forEach((ch, i) => view.setUint32(i * 4, ch.codePointAt(0)!, littleEndian));
  return bytes;
}

const CSV = 'Sagsnr;Sagsbehandler\nS-1;Søren Ærø\nS-2;Åse Øberg\n';

const BOMB_MB = 1_100;
const bomb = bombStream(BOMB_MB);

function xlsx(sheet: XLSX.WorkSheet, name = 'Sager'): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, name);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** An xlsx with one of its parts rewritten. */
function rewritten(bytes: Uint8Array, path: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[path] = strToU8(change(strFromU8(files[path]!)));
  return zipSync(files);
}

describe('zip bombs', () => {
  it('refuses a small zip that declares more than 1 GB unpacked, naming both sizes', () => {
    const bytes = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declared: BOMB_MB * MB }]);
    expect(bytes.length).toBeLessThan(2 * MB);
    const message = refused(bytes, 'bombe.xlsx');
    expect(message).toMatch(/^Filen fylder 1,\d\sMB, men pakket ud ville den fylde 1,1\sGB; grænsen er 1\sGB\./);
    expect(message).toContain('zip-bombe');
  });

  it('refuses an entry that packs more than 200 to 1, though the total is under the limit', () => {
    const small = bombStream(50);
    const bytes = rawZip([{ name: 'xl/sharedStrings.xml', data: small, method: 8, declared: 50 * MB }]);
    const message = refused(bytes, 'bombe.xlsx');
    expect(message).toContain('Delen "xl/sharedStrings.xml" fylder');
    expect(message).toContain('udpakket');
    expect(message).toContain('grænsen er 200 gange');
  });

  it('stops unpacking an entry whose header understates it (a lying header), in both headers', () => {
    const bytes = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declared: 2_000 }]);
    const message = refused(bytes, 'løgn.xlsx');
    expect(message).toContain('Delen "xl/worksheets/sheet1.xml" pakker sig ud til mere end de 2\u00a0kB, filen selv oplyser.');
  });

  it('stops at the larger of the two declared sizes, not the smaller', () => {
    const bytes = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, declared: 2_000, centralDeclared: 2_000_000 }]);
    expect(refused(bytes, 'løgn.xlsx')).toContain('mere end de 2\u00a0MB, filen selv oplyser');
  });
});

describe('broken and locked spreadsheets', () => {
  const good = xlsx(XLSX.utils.aoa_to_sheet([['Sagsnr', 'Sagsbehandler'], ['S-1', 'Søren Ærø']]));

  it('still reads an ordinary xlsx', () => {
    expect(read(good, 'sager.xlsx').sheets[0]!.rows[0]!.cells).toEqual(['S-1', 'Søren Ærø']);
  });

  it('calls a truncated zip damaged, not password-protected', () => {
    const message = refused(good.subarray(0, Math.floor(good.length / 2)), 'afbrudt.xlsx');
    expect(message).toContain('Filen er en beskadiget zip-fil');
    expect(message).not.toContain('adgangskode');
  });

  it('calls a zip with a damaged entry damaged, naming the entry', () => {
    const files = unzipSync(good);
    const path = 'xl/worksheets/sheet1.xml';
    const entries: RawEntry[] = Object.entries(files).map(([name, data]) => ({ name, data: name === path ? new Uint8Array([0xff, 0xff, 0xff, 0xff]) : deflateRawSync(data), method: 8, declared: data.length }));
    const message = refused(rawZip(entries), 'skadet.xlsx');
    expect(message).toContain(`delen "${path}" kan ikke pakkes ud`);
    expect(message).not.toContain('adgangskode');
  });

  it('recognises an encrypted xlsx (an OLE2 container with EncryptionInfo) as password-protected', () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, 'EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array(200).fill(0)]));
    XLSX.CFB.utils.cfb_add(container, 'EncryptedPackage', new Uint8Array(4096).fill(0x5a));
    const bytes = new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as number[]);
    expect(refused(bytes, 'hemmelig.xlsx')).toBe('Regnearket er beskyttet med adgangskode. Gem en kopi uden adgangskode i Excel, og vælg den i stedet.');
  });
});

describe('sheets wider than 1,000 columns', () => {
  const narrow = () => XLSX.utils.aoa_to_sheet([['Sagsnr', 'Sagsbehandler'], ['S-1', 'Søren Ærø']]);

  it('refuses a declared dimension to XFD', () => {
    // Written small and then given the dimension: SheetJS would write every cell of such a range.
    const bytes = rewritten(xlsx(narrow(), 'Udtræk'), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    expect(refused(bytes, 'bred.xlsx')).toBe(
      'Arket "Udtræk" oplyser, at det fylder 16.384 kolonner (til kolonne XFD); grænsen er 1.000 kolonner. Gem kun tabellen i et nyt ark.');
  });

  it('refuses a lone cell in XFD1 even when the dimension claims two columns', () => {
    const sheet = narrow();
    sheet.XFD1 = { t: 's', v: 'x' };
    sheet['!ref'] = 'A1:XFD2';
    const bytes = rewritten(xlsx(sheet, 'Ark1'), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:B2"/>'));
    expect(bytes.length).toBeLessThan(20_000);
    expect(refused(bytes, 'xfd1.xlsx')).toBe(
      'Arket "Ark1" har en celle i kolonne XFD (kolonne nr. 16.384); grænsen er 1.000 kolonner. Slet de tomme kolonner til højre i Excel, eller gem kun tabellen i et nyt ark.');
  });

  it('counts cells without a reference by their place in the row', () => {
    const cells = Array.from({ length: 1_001 }, () => '<c t="inlineStr"><is><t>x</t></is></c>').join('');
    const bytes = rewritten(xlsx(narrow(), 'Ark1'), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<dimension ref="[^"]+"\/>/, '').replace(/<sheetData>.*<\/sheetData>/s, `<sheetData><row r="1">${cells}</row></sheetData>`));
    expect(refused(bytes, 'uden-ref.xlsx')).toContain('har en celle i kolonne ALM (kolonne nr. 1.001)');
  });

  it('reads a sheet of exactly 1,000 columns', () => {
    const header = Array.from({ length: 1_000 }, (_, i) => `K${i + 1}`);
    expect(read(xlsx(XLSX.utils.aoa_to_sheet([header, header])), 'tusind.xlsx').sheets[0]!.headers).toHaveLength(1_000);
  });
});

describe('CSV shapes', () => {
  const columns = (n: number) => Array.from({ length: n }, (_, i) => `K${i + 1}`).join(';');

  it('refuses a header of 10,000 columns', () => {
    expect(refused(utf8(`${columns(10_000)}\n${columns(10_000)}\n`), 'bred.csv')).toBe('Overskriften (linje 1) har 10.000 kolonner; grænsen er 1.000.');
  });

  it('refuses 1,001 columns and reads 1,000', () => {
    expect(refused(utf8(`${columns(1_001)}\n`), 'bred.csv')).toBe('Overskriften (linje 1) har 1.001 kolonner; grænsen er 1.000.');
    expect(read(utf8(`${columns(1_000)}\n${columns(1_000)}\n`), 'tusind.csv').sheets[0]!.headers).toHaveLength(1_000);
  });

  it('refuses a data line wider than the limit, naming it', () => {
    expect(refused(utf8(`Sagsnr;Navn\nS-1;A\n${columns(2_000)}\n`), 'bred.csv')).toBe('Linje 3 har 2.000 kolonner; grænsen er 1.000.');
  });

  it('refuses a header of 2.6 million columns in a 5 MB file', () => {
    const bytes = new Uint8Array(5_200_000).fill(0x3b);
    bytes[bytes.length - 1] = 0x0a;
    expect(refused(bytes, 'semikolon.csv')).toBe('Linje 1 er 5,2\u00a0MB lang; grænsen er 1\u00a0MB. Filen ligner ikke et udtræk med én sag eller hændelse pr. linje.');
  });

  it('refuses a 52 MB line, naming its length', () => {
    const head = utf8('Sagsnr;Navn\nS-1;');
    const bytes = new Uint8Array(head.length + 52 * MB + 1).fill(0x78);
    bytes.set(head);
    bytes[bytes.length - 1] = 0x0a;
    expect(refused(bytes, 'lang.csv')).toBe('Linje 2 er 52\u00a0MB lang; grænsen er 1\u00a0MB. Filen ligner ikke et udtræk med én sag eller hændelse pr. linje.');
  });

  it('refuses a cell of 33,000 characters, naming line and column', () => {
    expect(refused(utf8(`Sagsnr;Navn\nS-1;${'x'.repeat(33_000)}\n`), 'celle.csv')).toBe('Linje 2, kolonne B: en celle har 33.000 tegn; grænsen er 32.767 tegn (Excels egen grænse).');
  });

  it('counts characters, not bytes: 20,000 × æ in UTF-8 is read', () => {
    const name = 'æ'.repeat(20_000);
    expect(read(utf8(`Sagsnr;Navn\nS-1;${name}\n`), 'æ.csv').sheets[0]!.rows[0]!.cells).toEqual(['S-1', name]);
  });

  it('counts a quoted cell over several lines as one cell', () => {
    const text = `Sagsnr;Note\nS-1;"${'x'.repeat(20_000)}\n${'y'.repeat(20_000)}"\n`;
    expect(refused(utf8(text), 'note.csv')).toBe('Linje 2, kolonne B: en celle har 40.001 tegn; grænsen er 32.767 tegn (Excels egen grænse).');
  });
});

describe('text encodings', () => {
  const rows = [['S-1', 'Søren Ærø'], ['S-2', 'Åse Øberg']];

  it.each([['LE', true], ['BE', false]] as const)('reads UTF-16 %s without a BOM', (_name, little) => {
    const workbook = read(utf16(CSV, little), 'utf16.csv');
    expect(workbook.encoding).toBe(little ? 'utf-16le' : 'utf-16be');
    expect(workbook.sheets[0]!.rows.map((r) => r.cells)).toEqual(rows);
  });

  it.each([['LE', true, true], ['LE', true, false], ['BE', false, true], ['BE', false, false]] as const)('refuses UTF-32 %s (little-endian: %s, BOM: %s)', (_name, little, bom) => {
    expect(refused(utf32(CSV, little, bom), 'utf32.csv')).toBe('Filen er skrevet i tegnsættet UTF-32, som Tilsynsbænken ikke læser. Åbn den i Excel eller Notesblok, og gem den som "CSV UTF-8" eller "CSV (semikolonsepareret)".');
  });

  it('reads a UTF-8 file with one Latin-1 line line by line, keeping æøå in the UTF-8 lines and naming the other line', () => {
    const bytes = new Uint8Array([...utf8('Sagsnr;Sagsbehandler\nS-1;Søren Ærø\n'), ...latin1('S-2;Åse Øberg\n'), ...utf8('S-3;Bjørn Æbelø\n')]);
    const workbook = read(bytes, 'blandet.csv');
    expect(workbook.encoding).toBe('utf-8');
    expect(workbook.sheets[0]!.rows.map((r) => r.cells)).toEqual([['S-1', 'Søren Ærø'], ['S-2', 'Åse Øberg'], ['S-3', 'Bjørn Æbelø']]);
    expect(workbook.notes).toEqual(['Linje 3 er ikke skrevet i UTF-8 som resten af filen og er læst som Windows-1252. Kontrollér navne med æ, ø og å på den linje.']);
  });

  it('reads a file with no UTF-8 beyond ASCII as Windows-1252, without a note', () => {
    const workbook = read(latin1(CSV), 'ansi.csv');
    expect(workbook.encoding).toBe('windows-1252');
    expect(workbook.sheets[0]!.rows.map((r) => r.cells)).toEqual(rows);
    expect(workbook.notes).toBeUndefined();
  });
});

describe('limits as settings', () => {
  it('refuses a file larger than the size limit before reading it', () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 100 };
    const result = readSourceFile(utf8(CSV.repeat(10)), 'sager.csv', undefined, limits);
    expect(result).toEqual({ ok: false, message: 'Filen fylder 540\u00a0B; grænsen er 100\u00a0B. Er det et rigtigt udtræk, kan grænsen hæves under Indstillinger → Grænser for importfiler.' });
  });

  it('uses a changed column limit', () => {
    const result = readSourceFile(utf8('a;b;c\n1;2;3\n'), 'sager.csv', undefined, { ...DEFAULT_IMPORT_LIMITS, maxColumns: 2 });
    expect(result).toEqual({ ok: false, message: 'Overskriften (linje 1) har 3 kolonner; grænsen er 2.' });
  });
});
