import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import-run';
import { openWorkspaceDb } from '../../src/db/workspace-db';
import { valueKey, type ImportMapping } from '../../src/domain/mapping';
import type { SourceCell, SourceWorkbook } from '../../src/domain/source';
import { applyProfile } from '../../src/io/mapping';
import { transformWorkbook } from '../../src/io/transform';
import {
  acceptedReadings, distinctValues, readingLabel, suggestValueReadings, unknownValueLines, valueChoices, type ValueSuggestion,
} from '../../src/io/value-mapping';

const OUTCOME = 'notifications.outcome';
const KIND = 'measures.kind';
const BOOL = 'notifications.fromProfessional';

/** value → [readAs, how] for a column of the given values, one of each. */
function readings(target: string, values: string[]): Record<string, [string | null, ValueSuggestion['how']]> {
  const suggestions = suggestValueReadings(target, values.map((value) => ({ value, count: 1 })));
  return Object.fromEntries(suggestions.map((s) => [s.value, [s.readAs, s.how]]));
}

describe('valueKey', () => {
  it('trims, collapses spaces and lower-cases text; keys TRUE/FALSE as Danish Excel shows them; a blank has no key', () => {
    expect(valueKey('  Ingen   videre Handling ')).toBe('ingen videre handling');
    expect(valueKey('ÆBLE')).toBe('æble');
    expect(valueKey(true)).toBe('sand');
    expect(valueKey(false)).toBe('falsk');
    expect(valueKey(1)).toBe('1');
    expect(valueKey('   ')).toBeNull();
    expect(valueKey(null)).toBeNull();
  });
});

describe('distinctValues', () => {
  it('counts each value once per spelling key, commonest first, and skips blanks', () => {
    const sheet = { rows: (['Ja', 'ja ', null, 'Nej', 'JA', '', true, 'Nej', 'Ja'] as SourceCell[]).map((c, i) => ({ number: i + 2, cells: ['x', c] })) };
    expect(distinctValues(sheet, 1)).toEqual([
      { value: 'Ja', key: 'ja', count: 4 },
      { value: 'Nej', key: 'nej', count: 2 },
      { value: 'SAND', key: 'sand', count: 1 },
    ]);
  });
});

describe('suggestValueReadings for a notification outcome', () => {
  it('reads the case system\'s own words surely when they point to one outcome', () => {
    expect(readings(OUTCOME, [
      'Ingen videre handling', 'Iværksat forebyggende indsats efter § 32', 'Videre til børnefaglig undersøgelse',
      'Indgår i igangværende sag', 'Sagen henlagt', 'Tidlig forebyggende indsats (BL § 30)', 'Ingen undersøgelse – henlagt',
    ])).toEqual({
      'Ingen videre handling': ['none', 'sure'],
      'Iværksat forebyggende indsats efter § 32': ['preventive', 'sure'],
      'Videre til børnefaglig undersøgelse': ['investigation', 'sure'],
      'Indgår i igangværende sag': ['existingCase', 'sure'],
      'Sagen henlagt': ['none', 'sure'],
      'Tidlig forebyggende indsats (BL § 30)': ['preventive', 'sure'],
      'Ingen undersøgelse – henlagt': ['none', 'sure'],
    });
  });

  it('marks the DATA.md spellings as known and a mixed value as unsure with the other reading as an alternative', () => {
    const [known, mixed] = suggestValueReadings(OUTCOME, [{ value: 'Undersøgelse', count: 12 }, { value: 'Forebyggende indsats eller undersøgelse', count: 2 }]);
    expect(known).toEqual({ value: 'Undersøgelse', key: 'undersøgelse', count: 12, readAs: 'investigation', how: 'known', alternatives: [] });
    expect(mixed).toMatchObject({ readAs: 'preventive', how: 'unsure', alternatives: ['investigation'] });
  });

  it('reads words that say unknown as "ukendt" surely, and leaves words it cannot place unknown', () => {
    expect(readings(OUTCOME, ['Ved ikke', '?', 'Ukendt', 'Afventer svar fra skolen'])).toEqual({
      'Ved ikke': [null, 'sure'], '?': [null, 'sure'], Ukendt: [null, 'sure'], 'Afventer svar fra skolen': [null, 'unknown'],
    });
  });
});

describe('suggestValueReadings for a measure kind', () => {
  it('knows the kinds of measure by their usual names', () => {
    expect(readings(KIND, ['Anbringelse i plejefamilie', 'Døgninstitution', 'Familiebehandling', 'Aflastning', 'Fast kontaktperson', 'Sikkerhedsplan ved vold', 'Ungdomssanktion (BL § 157)', 'Støttende indsats § 32', 'Øvrige'])).toEqual({
      'Anbringelse i plejefamilie': ['placement', 'sure'],
      Døgninstitution: ['placement', 'sure'],
      Familiebehandling: ['preventive', 'sure'],
      Aflastning: ['preventive', 'sure'],
      'Fast kontaktperson': ['preventive', 'sure'],
      'Sikkerhedsplan ved vold': ['safetyPlan', 'sure'],
      'Ungdomssanktion (BL § 157)': ['youthSanction', 'sure'],
      'Støttende indsats § 32': ['preventive', 'sure'],
      Øvrige: ['other', 'sure'],
    });
  });
});

describe('suggestValueReadings for a yes/no field', () => {
  it('knows J/Ja/X/1/Sand and Nej, reads a leading Ja or Nej surely, and a pair "X" / "Ikke X" surely', () => {
    expect(readings(BOOL, ['J', 'Ja', 'X', '1', 'Sand', 'N', 'Ja, se notat', 'Nej – ikke relevant', 'Godkendt', 'Ikke godkendt'])).toEqual({
      J: ['true', 'known'], Ja: ['true', 'known'], X: ['true', 'known'], 1: ['true', 'known'], Sand: ['true', 'known'], N: ['false', 'known'],
      'Ja, se notat': ['true', 'sure'], 'Nej – ikke relevant': ['false', 'sure'], Godkendt: ['true', 'sure'], 'Ikke godkendt': ['false', 'sure'],
    });
  });

  it('guesses only when the column does not pair a word with its negation', () => {
    expect(readings(BOOL, ['Ikke sendt', 'Afholdt'])).toEqual({ 'Ikke sendt': ['false', 'unsure'], Afholdt: [null, 'unknown'] });
  });

  it('gives nothing for a field that is not a choice', () => {
    expect(suggestValueReadings('cases.unit', [{ value: 'Nord', count: 1 }])).toEqual([]);
  });
});

describe('acceptedReadings, valueChoices and readingLabel', () => {
  it('keeps the sure readings only by default, never the known ones', () => {
    const suggestions = suggestValueReadings(OUTCOME, [{ value: 'Ingen', count: 1 }, { value: 'Ingen videre handling', count: 3 }, { value: 'Ved ikke', count: 1 }, { value: 'Forebyggende eller undersøgelse', count: 1 }]);
    expect(acceptedReadings(suggestions)).toEqual({ 'ingen videre handling': 'none', 'ved ikke': null });
    expect(acceptedReadings(suggestions, ['sure', 'unsure'])).toEqual({ 'ingen videre handling': 'none', 'ved ikke': null, 'forebyggende eller undersøgelse': 'preventive' });
  });

  it('lists the codes in Danish, with "ukendt" for null', () => {
    expect(valueChoices(OUTCOME)).toEqual([
      { code: 'investigation', label: 'undersøgelse' }, { code: 'preventive', label: 'forebyggende' },
      { code: 'existingCase', label: 'eksisterende sag' }, { code: 'none', label: 'ingen' },
    ]);
    expect(valueChoices(BOOL)).toEqual([{ code: 'true', label: 'Ja' }, { code: 'false', label: 'Nej' }]);
    expect(readingLabel(KIND, 'placement')).toBe('anbringelse');
    expect(readingLabel(KIND, null)).toBe('ukendt');
  });
});

describe('the transform with value readings', () => {
  const book = (values: SourceCell[], fromProfessional: SourceCell[]): SourceWorkbook => ({
    format: 'csv',
    sheets: [{ name: 'U', headers: ['Sagsnr', 'Modtaget', 'Resultat', 'Fagperson'], rows: values.map((v, i) => ({ number: i + 2, cells: [`S-${i}`, '01-02-2024', v, fromProfessional[i] ?? null] })), emptyRows: 0 }],
  });
  const mapping = (values?: Record<string, string | null>, bool?: Record<string, string | null>): ImportMapping => ({
    sheets: [{ sheet: 'U', role: 'notifications', columns: [
      { column: 0, header: 'Sagsnr', target: 'notifications.caseNumber' },
      { column: 1, header: 'Modtaget', target: 'notifications.receivedAt' },
      { column: 2, header: 'Resultat', target: 'notifications.outcome', values },
      { column: 3, header: 'Fagperson', target: 'notifications.fromProfessional', values: bool },
    ] }],
  });
  const known = new Set(['S-0', 'S-1', 'S-2', 'S-3', 'S-4']);

  it('reads a value in `values` as given, the parser\'s own spellings as before, and counts what is read as ukendt', () => {
    const result = transformWorkbook(
      book(['Ingen videre handling', 'ingen  videre handling', 'Undersøgelse', 'Afventer', 'Ved ikke'], ['J', 'Ja, se notat', 'Afventer', null, 'Afventer']),
      mapping({ 'ingen videre handling': 'none', 'ved ikke': null }, { 'ja, se notat': 'true' }),
      { keepFullCpr: false, knownCaseNumbers: known },
    );
    expect(result.data.notifications.map((n) => [n.outcome, n.fromProfessional])).toEqual([
      ['none', true], ['none', true], ['investigation', null], [null, null], [null, null],
    ]);
    expect(result.unknownValues).toEqual([
      { sheet: 'U', column: 'Resultat', target: 'notifications.outcome', value: 'Afventer', count: 1, chosen: false },
      { sheet: 'U', column: 'Resultat', target: 'notifications.outcome', value: 'Ved ikke', count: 1, chosen: true },
      { sheet: 'U', column: 'Fagperson', target: 'notifications.fromProfessional', value: 'Afventer', count: 2, chosen: false },
    ]);
    // A value read as ukendt on purpose is no row warning; an unrecognised one still is.
    expect(result.issues.map((i) => [i.row, i.column, i.value])).toEqual([[4, 'Fagperson', 'Afventer'], [5, 'Resultat', 'Afventer'], [6, 'Fagperson', 'Afventer']]);
    expect(unknownValueLines(result.unknownValues)).toEqual([
      "2 værdier i 'Resultat' læst som ukendt (1 × «Afventer», 1 × «Ved ikke»)",
      "2 værdier i 'Fagperson' læst som ukendt (2 × «Afventer»)",
    ]);
  });

  it('ignores a saved code that does not belong to the field, reading the value as the parser would', () => {
    const result = transformWorkbook(book(['Forebyggende'], ['J']), mapping({ forebyggende: 'placement' }, { j: 'maybe' }), { keepFullCpr: false, knownCaseNumbers: known });
    expect(result.data.notifications.map((n) => [n.outcome, n.fromProfessional])).toEqual([['preventive', true]]);
    expect(result.unknownValues).toEqual([]);
  });

  it('masks a CPR-like value in the counts unless full numbers are kept', () => {
    const result = transformWorkbook(book(['050324-4234'], [null]), mapping(), { keepFullCpr: false, knownCaseNumbers: known });
    expect(result.unknownValues.map((u) => u.value)).toEqual(['050324-xxxx']);
  });
});

describe('applyProfile with value readings', () => {
  it('carries a saved column\'s value readings to the same header in a new extract', () => {
    const layout = { sheets: [{ name: 'udtraek', headers: ['Sagsnr', 'Resultat'] }] };
    const mapping = applyProfile(layout, {
      id: 'p', name: 'P', signature: '', createdAt: '',
      mapping: { sheets: [{ sheet: 'gammel', role: 'notifications', columns: [{ column: 1, header: 'Resultat', target: 'notifications.outcome', values: { 'ingen videre handling': 'none' } }] }] },
    });
    expect(mapping.sheets[0]!.columns[1]).toEqual({ column: 1, header: 'Resultat', target: 'notifications.outcome', values: { 'ingen videre handling': 'none' } });
  });
});

describe('the import record', () => {
  it('keeps the counts of values read as ukendt, for the import report', async () => {
    for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
    const db = await openWorkspaceDb('value-mapping');
    const workbook: SourceWorkbook = {
      format: 'csv',
      sheets: [{ name: 'u', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Modtaget', 'Resultat'], emptyRows: 0, rows: [
        { number: 2, cells: ['S-1', 'Nord', 'AB', '01-02-2024', 'Afventer'] },
        { number: 3, cells: ['S-2', 'Nord', 'AB', '01-02-2024', 'Ingen videre handling'] },
        { number: 4, cells: ['S-3', 'Nord', 'AB', '01-02-2024', 'afventer'] },
      ] }],
    };
    const mapping: ImportMapping = { sheets: [{ sheet: 'u', role: 'wide', columns: [
      { column: 0, header: 'Sagsnr', target: 'cases.caseNumber' }, { column: 1, header: 'Enhed', target: 'cases.unit' },
      { column: 2, header: 'Sagsbehandler', target: 'cases.caseworker' }, { column: 3, header: 'Modtaget', target: 'notifications.receivedAt' },
      { column: 4, header: 'Resultat', target: 'notifications.outcome', values: { 'ingen videre handling': 'none' } },
    ] }] };
    const record = await runImport(db, workbook, { importId: 'I-1', importedAt: '2026-11-27T08:00:00.000Z', fileName: 'u.csv', size: 1, sha256: 'ab', readMs: 1, mapping, keepFullCpr: false, by: 'Test Fiktiv' });
    expect(record.unknownValues).toEqual([{ sheet: 'u', column: 'Resultat', target: 'notifications.outcome', value: 'Afventer', count: 2, chosen: false }]);
    expect(unknownValueLines(record.unknownValues!)).toEqual(["2 værdier i 'Resultat' læst som ukendt (2 × «Afventer»)"]);
    db.close();
  });
});
