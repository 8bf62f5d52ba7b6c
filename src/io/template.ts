import { FIELDS, MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS, TABLES, type FieldType } from '../domain/fields';
import { writeWorkbook, type OutSheet } from './xlsx-write';

const TYPE_TEXT: Record<FieldType, string> = {
  string: 'tekst',
  date: 'dato (dd-mm-åååå)',
  datetime: 'dato og evt. klokkeslæt (dd-mm-åååå tt:mm)',
  bool: 'Ja / Nej (tomt = ukendt)',
  months: 'helt antal måneder, 1–120',
  cpr: 'CPR-nummer (ddmmåå-xxxx)',
  measureKind: `en af: ${Object.values(MEASURE_KIND_SYNONYMS).map((s) => s[0]).join(', ')}`,
  outcome: `en af: ${Object.values(OUTCOME_SYNONYMS).map((s) => s[0]).join(', ')}`,
};

/** The sheets of the import template: instructions, then one sheet per table with its Danish headers. */
export function templateSheets(): OutSheet[] {
  const instructions: OutSheet = {
    name: 'Vejledning',
    widths: [18, 34, 36, 10, 70],
    rows: [
      ['Skabelon til import i Tilsynsbænken'],
      ['Udfyld et ark pr. tabel. Alle ark knyttes sammen med Sagsnr. Lad en celle stå tom, hvis oplysningen ikke findes – tom betyder "ukendt", aldrig "nej".'],
      ['Datoer skrives dd-mm-åååå (fx 05-03-2024) eller som Excel-datoer. Overskrifterne må ikke ændres; så importeres arket uden at vælge kolonner.'],
      [],
      ['Ark', 'Kolonne', 'Type', 'Påkrævet', 'Bemærkning'],
      ...FIELDS.map((f) => [TABLES.find((t) => t.name === f.table)!.sheet, f.header, TYPE_TEXT[f.type], f.required ? 'Ja' : '', f.note ?? '']),
    ],
  };
  const tables = TABLES.map((table): OutSheet => {
    const fields = FIELDS.filter((f) => f.table === table.name);
    return { name: table.sheet, rows: [fields.map((f) => f.header)], widths: fields.map((f) => Math.max(12, f.header.length + 2)) };
  });
  return [instructions, ...tables];
}

export function templateWorkbook(): Uint8Array {
  return writeWorkbook(templateSheets(), 'Skabelon til import i Tilsynsbænken');
}
