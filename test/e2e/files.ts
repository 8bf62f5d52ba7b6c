import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { templateSheets } from '../../src/io/template';

/** Fictitious cases written out by hand: the same 50 cases in every file of these tests. */
export interface TestCase {
  caseNumber: string;
  unit: string;
  caseworker: string;
  group: string;
  /** dd-mm-åååå */
  received: string;
  fromProfessional: 'Ja' | 'Nej';
}

const UNITS = ['Børnefamilieenhed Nord', 'Børnefamilieenhed Syd', 'Døgnvagten'];
const CASEWORKERS = ['Søren Ærø', 'Åse Ødegård', 'Bjørn Å. Æbelø', 'Mette Fiktiv'];
const GROUPS = ['Undersøgelse', 'Børn', 'Unge'];

export const CASES: TestCase[] = Array.from({ length: 50 }, (_, i) => ({
  caseNumber: `DEMO-${String(i + 1).padStart(3, '0')}`,
  unit: UNITS[i % 3]!,
  caseworker: CASEWORKERS[i % 4]!,
  group: GROUPS[i % 3]!,
  received: `${String((i % 28) + 1).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-2024`,
  fromProfessional: i % 2 === 0 ? 'Ja' : 'Nej',
}));

export const tempDir = () => mkdtempSync(join(tmpdir(), 'tilsynsbaenk-files-'));

/** The workbench's own template with the 50 cases and one notification each. */
export function filledTemplate(dir: string): string {
  const workbook = XLSX.utils.book_new();
  for (const sheet of templateSheets()) {
    const rows: unknown[][] = [...sheet.rows];
    if (sheet.name === 'Sager') for (const c of CASES) rows.push([c.caseNumber, null, null, c.unit, c.group, c.caseworker]);
    if (sheet.name === 'Underretninger') for (const c of CASES) rows.push([c.caseNumber, c.received, c.fromProfessional]);
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), sheet.name);
  }
  const path = join(dir, 'skabelon-50-sager.xlsx');
  writeFileSync(path, new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return path;
}

/** Windows-1252 agrees with Latin-1 for ASCII and æøåÆØÅ, which is all these files contain. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    if (char.charCodeAt(0) > 0xff) throw new Error(`not in the test encoder: ${char}`);
    return char.charCodeAt(0);
  });
}

/** A case system's wide extract: semicolons, Windows-1252, its own header spellings, dd.mm.åååå dates. */
export function dubuExtract(dir: string, name = 'dubu-udtraek.csv'): string {
  const lines = [
    'Sags nr.;Team;Rådgiver;Faggruppe;Underretning modtaget;Underretning fra fagperson;Bemærkning',
    ...CASES.map((c) => [c.caseNumber, c.unit, c.caseworker, c.group, c.received.replaceAll('-', '.'), c.fromProfessional, 'Fiktiv; kun til test'].map((v) => (v.includes(';') ? `"${v}"` : v)).join(';')),
  ];
  const path = join(dir, name);
  writeFileSync(path, windows1252(lines.join('\r\n') + '\r\n'));
  return path;
}

export function writeFile(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
