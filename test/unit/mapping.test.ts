import { describe, expect, it } from 'vitest';
import { fieldKey, fieldsOf, TABLES } from '../../src/domain/fields';
import type { TableName } from '../../src/domain/types';
import { applyProfile, headerSignature, mappingProblems, suggestColumns, suggestMapping, suggestRole } from '../../src/io/mapping';
import type { ImportMapping, MappingProfile, SheetMapping, SheetRole, WorkbookLayout } from '../../src/domain/mapping';

/** The workbench's own template: one sheet per table with the DATA.md headers. */
const TEMPLATE: WorkbookLayout = {
  sheets: TABLES.map((t) => ({ name: t.sheet, headers: fieldsOf(t.name).map((f) => f.header) })),
};

const targetOf = (header: string, role: SheetRole) => suggestColumns([header], role)[0]!.target;
const targets = (headers: string[], role: SheetRole) => suggestColumns(headers, role).map((c) => c.target);

/** A sheet mapping written out by hand: `[header, target]` per column, in column order. */
const sheetMapping = (sheet: string, role: SheetRole, columns: [string, string | null][]): SheetMapping => ({
  sheet, role, columns: columns.map(([header, target], column) => ({ column, header, target })),
});

describe('suggestMapping on the canonical template', () => {
  it('gives each template sheet its own table and every column its own field, with nothing left to change', () => {
    const mapping = suggestMapping(TEMPLATE);
    expect(mapping.sheets.map((s) => [s.sheet, s.role])).toEqual([
      ['Sager', 'cases'], ['Underretninger', 'notifications'], ['Undersøgelser', 'investigations'],
      ['Foranstaltninger', 'measures'], ['Handleplaner', 'actionPlans'], ['Opfølgninger', 'followUps'],
      ['Tilsynsbesøg', 'supervisionVisits'],
    ]);
    for (const sheet of mapping.sheets) {
      const expected = fieldsOf(sheet.role as TableName).map((def, column) => ({ column, header: def.header, target: fieldKey(def) }));
      expect(sheet.columns).toEqual(expected);
    }
    expect(mappingProblems(mapping)).toEqual([]);
  });
});

describe('suggestRole', () => {
  it.each<[string, string[], number, SheetRole]>([
    ['Sager', ['Sagsnr'], 7, 'cases'],
    ['SAGER', ['Sagsnr'], 7, 'cases'],
    ['Børnesager', ['Sagsnr'], 2, 'cases'],
    ['Opfoelgning', ['Sagsnr'], 2, 'followUps'],
    ['Tilsynsbesøg', ['Sagsnr'], 2, 'supervisionVisits'],
    ['Barnets plan', ['Sagsnr'], 2, 'actionPlans'],
    ['udtraek', ['Sags nr.', 'Team'], 1, 'wide'],
    ['Ark1', ['Noget', 'Andet'], 1, 'wide'],
    ['Ark2', ['Sagsnr', 'Enhed'], 3, 'wide'],
    ['Noter', ['Noget', 'Andet'], 3, 'ignore'],
    ['Tom', [], 1, 'ignore'],
  ])('reads sheet %j with headers %j (of %d sheets) as %s', (name, headers, count, role) => {
    expect(suggestRole({ name, headers }, count)).toBe(role);
  });
});

describe('header spellings', () => {
  it.each<[string, TableName, string | null]>([
    ['SAGSNR', 'cases', 'cases.caseNumber'],
    ['Sags nr.', 'cases', 'cases.caseNumber'],
    ['sagsnummer', 'cases', 'cases.caseNumber'],
    ['  Sagsnr  ', 'cases', 'cases.caseNumber'],
    ['Journal-nr.', 'cases', 'cases.caseNumber'],
    ['Opmaerksom dato', 'cases', 'cases.awareAt'],
    ['OPMÆRKSOM_DATO', 'cases', 'cases.awareAt'],
    ['Foedselsdato', 'cases', 'cases.birthDate'],
    ['Fødsels-dato', 'cases', 'cases.birthDate'],
    ['Raadgiver', 'cases', 'cases.caseworker'],
    ['Team', 'cases', 'cases.unit'],
    ['CPR nr.', 'cases', 'cases.cpr'],
    ['Paabegyndt', 'investigations', 'investigations.startedAt'],
    ['Kadence (maaneder)', 'followUps', 'followUps.cadenceMonths'],
    ['Sags nr', 'measures', 'measures.caseNumber'],
    // ø is spelled "oe", never dropped to "o": "Fodselsdato" is not recognised.
    ['Fodselsdato', 'cases', null],
    ['Opmarksom dato', 'cases', null],
    ['Modtaget', 'cases', null],
  ])('maps %j in a %s sheet to %s', (header, role, target) => {
    expect(targetOf(header, role)).toBe(target);
  });
});

describe('a single wide sheet', () => {
  const WIDE = [
    'Sags nr.', 'Team', 'Rådgiver', 'Underretning modtaget', 'Foranstaltning iværksat', 'Handleplan dato',
    'Opfølgning dato', 'Tilsyn dato', 'Undersøgelse påbegyndt', 'Modtaget', 'Ydelses-id',
  ];

  it('maps qualified headers to the field of the table the qualifier names', () => {
    const mapping = suggestMapping({ sheets: [{ name: 'udtraek', headers: WIDE }] });
    expect(mapping.sheets[0]!.role).toBe('wide');
    expect(mapping.sheets[0]!.columns.map((c) => c.target)).toEqual([
      'cases.caseNumber', 'cases.unit', 'cases.caseworker', 'notifications.receivedAt', 'measures.startDate', 'actionPlans.date',
      'followUps.date', 'supervisionVisits.date', 'investigations.startedAt', null, 'measures.measureId',
    ]);
  });

  it('maps a plain header that only one field has', () => {
    expect(targetOf('Modtaget', 'wide')).toBe('notifications.receivedAt');
    expect(targetOf('Fra fagperson', 'wide')).toBe('notifications.fromProfessional');
  });

  it.each([
    ['Dato', 'action plans, follow-ups and visits'],
    ['Startdato', 'investigations and measures'],
    ['Slutdato', 'investigations and measures'],
  ])('leaves the ambiguous plain header %j (used by %s) unmapped', (header) => {
    expect(targetOf(header, 'wide')).toBeNull();
  });

  it('gives a plain "Foranstaltnings-id" to the measure: plans and follow-ups only refer to it', () => {
    expect(targetOf('Foranstaltnings-id', 'wide')).toBe('measures.measureId');
    expect(targetOf('Handleplan foranstaltnings-id', 'wide')).toBe('actionPlans.measureId');
  });

  it('reads a lone CSV named "Sager" as a wide extract when its columns say so', () => {
    expect(suggestRole({ name: 'Sager', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Underretning modtaget', 'Foranstaltning iværksat'] }, 1)).toBe('wide');
    expect(suggestRole({ name: 'Sager', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler'] }, 1)).toBe('cases');
    expect(suggestRole({ name: 'Sager', headers: ['Sagsnr', 'Enhed', 'Sagsbehandler', 'Underretning modtaget'] }, 2)).toBe('cases');
  });

  it('never offers the case number of an event table: every event belongs to the row\'s case', () => {
    expect(targetOf('Sagsnr', 'wide')).toBe('cases.caseNumber');
    expect(targetOf('Underretning sagsnr', 'wide')).toBeNull();
  });
});

describe('suggestColumns', () => {
  it('uses a target once per sheet: a second case-number column stays unmapped', () => {
    expect(targets(['Sagsnr', 'Enhed', 'Sagsnr'], 'cases')).toEqual(['cases.caseNumber', 'cases.unit', null]);
    expect(targets(['Sags nr.', 'Sagsnummer', 'Team', 'Afdeling'], 'wide')).toEqual(['cases.caseNumber', null, 'cases.unit', null]);
  });

  it.each<SheetRole>(['cases', 'notifications', 'wide', 'ignore'])('gives __proto__, constructor and toString no target in a %s sheet', (role) => {
    const headers = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    expect(targets(headers, role)).toEqual([null, null, null, null, null]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives sheets named __proto__ or constructor a role without throwing', () => {
    const mapping = suggestMapping({ sheets: [{ name: '__proto__', headers: ['Sagsnr'] }, { name: 'constructor', headers: ['x'] }] });
    expect(mapping.sheets.map((s) => s.role)).toEqual(['wide', 'ignore']);
  });
});

describe('applyProfile', () => {
  const saved: WorkbookLayout = { sheets: [{ name: 'DUBU 2024', headers: ['Sagsnr', 'Afd.', 'Ansvarlig', 'Modt. dato', 'Fagp.'] }] };
  const profile: MappingProfile = {
    id: 'p1', name: 'DUBU-udtræk', signature: headerSignature(saved), createdAt: '2026-11-01T08:00:00.000Z',
    mapping: {
      sheets: [{
        sheet: 'DUBU 2024', role: 'wide',
        columns: [
          { column: 0, header: 'Sagsnr', target: 'cases.caseNumber' },
          { column: 1, header: 'Afd.', target: 'cases.unit' },
          { column: 2, header: 'Ansvarlig', target: 'cases.caseworker' },
          { column: 3, header: 'Modt. dato', target: 'notifications.receivedAt' },
          { column: 4, header: 'Fagp.', target: 'notifications.fromProfessional', blankMeansNo: true },
        ],
      }],
    },
  };

  it('finds only the case number surely and "Ansvarlig" as an unsure caseworker for the unusual headers on its own', () => {
    expect(suggestMapping(saved).sheets[0]!.columns.map((c) => [c.target, c.confidence])).toEqual([
      ['cases.caseNumber', undefined], [null, undefined], ['cases.caseworker', 'unsure'], [null, undefined], [null, undefined],
    ]);
  });

  it('restores the saved choices by header text when columns are reordered, renamed in case and one is added', () => {
    const newer: WorkbookLayout = { sheets: [{ name: 'DUBU 2025', headers: ['FAGP.', 'Gruppe', 'Modt. dato', 'Sagsnr', 'ansvarlig', 'Afd.'] }] };
    expect(applyProfile(newer, profile)).toEqual({
      sheets: [{
        sheet: 'DUBU 2025', role: 'wide',
        columns: [
          { column: 0, header: 'FAGP.', target: 'notifications.fromProfessional', blankMeansNo: true },
          { column: 1, header: 'Gruppe', target: 'cases.group' },
          { column: 2, header: 'Modt. dato', target: 'notifications.receivedAt', blankMeansNo: undefined },
          { column: 3, header: 'Sagsnr', target: 'cases.caseNumber', blankMeansNo: undefined },
          { column: 4, header: 'ansvarlig', target: 'cases.caseworker', blankMeansNo: undefined },
          { column: 5, header: 'Afd.', target: 'cases.unit', blankMeansNo: undefined },
        ],
      }],
    });
  });

  it('keeps the suggestion for sheets of a multi-sheet workbook that the profile does not name', () => {
    const book: WorkbookLayout = { sheets: [{ name: 'Sager', headers: ['Sagsnr', 'Afd.'] }, { name: 'Andet', headers: ['Sagsnr'] }] };
    const multi: MappingProfile = { ...profile, mapping: { sheets: [sheetMapping('SAGER', 'cases', [['Afd.', 'cases.unit']])] } };
    const applied = applyProfile(book, multi);
    expect(applied.sheets[0]!.columns.map((c) => c.target)).toEqual(['cases.caseNumber', 'cases.unit']);
    expect(applied.sheets[1]).toEqual(suggestMapping(book).sheets[1]);
  });
});

describe('headerSignature', () => {
  const layout: WorkbookLayout = { sheets: [{ name: 'Udtræk', headers: ['Sagsnr', 'Opmærksom dato', 'Enhed'] }] };

  it('is the same for the same layout spelled with other spacing and case', () => {
    const respelled: WorkbookLayout = { sheets: [{ name: ' UDTRÆK ', headers: ['SAGSNR ', 'opmærksom  dato', ' enhed'] }] };
    expect(headerSignature(respelled)).toBe(headerSignature(layout));
  });

  it('ignores the name of a lone sheet, which is the CSV file name and changes with every extract', () => {
    const renamed: WorkbookLayout = { sheets: [{ name: 'udtraek-2025-01-31', headers: ['Sagsnr', 'Opmærksom dato', 'Enhed'] }] };
    expect(headerSignature(renamed)).toBe(headerSignature(layout));
  });

  it('tells sheets of a workbook apart by name', () => {
    const book = (second: string): WorkbookLayout => ({ sheets: [{ name: 'Sager', headers: ['Sagsnr'] }, { name: second, headers: ['Sagsnr', 'Dato'] }] });
    expect(headerSignature(book('Handleplaner'))).not.toBe(headerSignature(book('Opfølgninger')));
  });

  it.each<[string, WorkbookLayout]>([
    ['a column added', { sheets: [{ name: 'Udtræk', headers: ['Sagsnr', 'Opmærksom dato', 'Enhed', 'Gruppe'] }] }],
    ['a header changed', { sheets: [{ name: 'Udtræk', headers: ['Sagsnr', 'Oprettet', 'Enhed'] }] }],
    ['the columns in another order', { sheets: [{ name: 'Udtræk', headers: ['Enhed', 'Sagsnr', 'Opmærksom dato'] }] }],
    ['a second sheet', { sheets: [{ name: 'Udtræk', headers: ['Sagsnr', 'Opmærksom dato', 'Enhed'] }, { name: 'Ark2', headers: [] }] }],
  ])('differs for %s', (_name, other) => {
    expect(headerSignature(other)).not.toBe(headerSignature(layout));
  });
});

describe('mappingProblems', () => {
  it('returns no problems for a good mapping', () => {
    const mapping: ImportMapping = { sheets: [sheetMapping('udtraek', 'wide', [['Sagsnr', 'cases.caseNumber'], ['Team', 'cases.unit'], ['Rådgiver', 'cases.caseworker'], ['Modtaget', 'notifications.receivedAt']])] };
    expect(mappingProblems(mapping)).toEqual([]);
  });

  it('names each missing required field with its sheet', () => {
    const mapping: ImportMapping = {
      sheets: [
        sheetMapping('Sager', 'cases', [['Sagsnr', 'cases.caseNumber'], ['Note', null]]),
        sheetMapping('Underretninger', 'notifications', [['Sagsnr', 'notifications.caseNumber']]),
        sheetMapping('Noter', 'ignore', []),
      ],
    };
    expect(mappingProblems(mapping)).toEqual([
      'Arket "Sager": vælg kolonnen med "Enhed" (Sager).',
      'Arket "Sager": vælg kolonnen med "Sagsbehandler" (Sager).',
      'Arket "Underretninger": vælg kolonnen med "Modtaget" (Underretninger).',
    ]);
  });

  it('asks a wide sheet for the case fields and the required date of each table it fills, but not for an event case number', () => {
    const mapping: ImportMapping = { sheets: [sheetMapping('udtraek', 'wide', [['Sagsnr', 'cases.caseNumber'], ['Type', 'measures.kind']])] };
    expect(mappingProblems(mapping)).toEqual([
      'Arket "udtraek": vælg kolonnen med "Enhed" (Sager).',
      'Arket "udtraek": vælg kolonnen med "Sagsbehandler" (Sager).',
      'Arket "udtraek": vælg kolonnen med "Iværksat" (Foranstaltninger).',
    ]);
  });

  it('reports a target chosen for two columns', () => {
    const mapping: ImportMapping = { sheets: [sheetMapping('Sager', 'cases', [['Sagsnr', 'cases.caseNumber'], ['Team', 'cases.unit'], ['Afdeling', 'cases.unit'], ['Rådgiver', 'cases.caseworker']])] };
    expect(mappingProblems(mapping)).toEqual(['Arket "Sager": "Enhed" er valgt til flere kolonner.']);
  });

  it('reports a column tied to another table in a one-table sheet', () => {
    const mapping: ImportMapping = { sheets: [sheetMapping('Opfølgninger', 'followUps', [['Sagsnr', 'followUps.caseNumber'], ['Dato', 'followUps.date'], ['Enhed', 'cases.unit']])] };
    expect(mappingProblems(mapping)).toEqual(['Arket "Opfølgninger": kolonner kan kun knyttes til felter i Opfølgninger.']);
  });

  it('asks for at least one sheet when every sheet is ignored', () => {
    const mapping: ImportMapping = { sheets: [sheetMapping('Sager', 'ignore', [['Sagsnr', 'cases.caseNumber']]), sheetMapping('Noter', 'ignore', [])] };
    expect(mappingProblems(mapping)).toEqual(['Vælg mindst ét ark, der skal importeres.']);
  });
});
