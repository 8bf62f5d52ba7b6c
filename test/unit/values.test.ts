import { describe, expect, it } from 'vitest';
import { MEASURE_KIND_SYNONYMS, OUTCOME_SYNONYMS } from '../../src/domain/fields';
import type { SourceCell } from '../../src/domain/source';
import {
  excelSerialToIso, normaliseText, parseBool, parseCell, parseCpr, parseDate, parseDateTime, parseEnum, parseNumber, parseText,
} from '../../src/io/values';

const BLANKS: SourceCell[] = [null, '', '   ', '\t'];

describe('normaliseText', () => {
  it.each([
    ['Sags nr.', 'sagsnr'],
    ['SAGSNR', 'sagsnr'],
    ['Opmærksom dato', 'opmaerksomdato'],
    ['§ 11, stk. 3', '11stk3'],
    ['Åbenrå', 'aabenraa'],
    ['Aabenraa', 'aabenraa'],
    ['Fødselsdato', 'foedselsdato'],
    ['ÆBLE', 'aeble'],
    ['Café Müller', 'cafemuller'],
    ['Kadence (måneder)', 'kadencemaaneder'],
  ])('turns %j into %j', (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });
});

describe('excelSerialToIso', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45356, '2024-03-05'],
    [45351, '2024-02-29'],
    [2958465, '9999-12-31'],
    [45356.5, '2024-03-05T12:00'],
    [45356.25, '2024-03-05T06:00'],
    [45356 + (14 * 60 + 30) / 1440, '2024-03-05T14:30'],
    [45356.9999999, '2024-03-06T00:00'],
    [59.9999999, '1900-03-01T00:00'],
  ])('reads serial %d as %s', (serial, expected) => {
    expect(excelSerialToIso(serial)).toEqual({ ok: true, value: expected });
  });

  it('rejects serial 60, the 29-02-1900 that Excel inherited from Lotus 1-2-3', () => {
    const result = excelSerialToIso(60);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/findes ikke.*"60".*Lotus 1-2-3/);
  });

  it.each([0, 0.5, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY])('rejects serial %d as outside 1 to 2958465', (serial) => {
    expect(excelSerialToIso(serial)).toEqual({ ok: false, message: `Excel-datonummeret skal ligge mellem 1 og 2958465: "${serial}".` });
  });
});

describe('parseDate', () => {
  it.each<[SourceCell, string]>([
    ['31-10-2023', '2023-10-31'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['05/03/2024', '2024-03-05'],
    ['5-3-2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['  05-03-2024  ', '2024-03-05'],
    ['29-02-2024', '2024-02-29'],
    ['29-02-2000', '2000-02-29'],
    ['01-01-1900', '1900-01-01'],
    ['31-12-2100', '2100-12-31'],
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05T14:30', '2024-03-05'],
    ['2024-03-05T14:30:15', '2024-03-05'],
    ['2024-03-05T14:30:15.250Z', '2024-03-05'],
    ['05-03-2024 14:30', '2024-03-05'],
    ['05.03.2024 kl. 14.30', '2024-03-05'],
    [45356, '2024-03-05'],
    [45356.75, '2024-03-05'],
    [1, '1900-01-01'],
    [61, '1900-03-01'],
    ['45356', '2024-03-05'],
    ['45356,5', '2024-03-05'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseDate(cell)).toEqual({ ok: true, value: null });
  });

  it.each<[SourceCell, RegExp]>([
    ['05-03-24', /^Årstal skal have fire cifre: "05-03-24"\.$/],
    ['5/3/24 14:30', /fire cifre/],
    ['31-02-2024', /^Datoen findes ikke: "31-02-2024"\.$/],
    ['29-02-2023', /findes ikke/],
    ['29-02-1900', /findes ikke/],
    ['31-04-2024', /findes ikke/],
    ['00-01-2024', /findes ikke/],
    ['05-13-2024', /findes ikke/],
    ['2023-02-29', /findes ikke/],
    ['31-12-1899', /mellem 1900 og 2100: "31-12-1899"/],
    ['01-01-2101', /mellem 1900 og 2100/],
    ['05-03-2024 25:00', /^Klokkeslættet findes ikke: "05-03-2024 25:00"\.$/],
    [60, /findes ikke.*Lotus/],
    [0, /mellem 1 og 2958465: "0"/],
    [2958466, /mellem 1 og 2958465/],
    [2958465, /mellem 1900 og 2100: "2958465" er 9999-12-31/],
    ['0', /mellem 1 og 2958465/],
    ['12345678', /^Ukendt datoformat "12345678"\. Brug dd-mm-åååå\.$/],
    ['05-03/2024', /Ukendt datoformat/],
    ['05-03-024', /Ukendt datoformat/],
    ['i går', /Ukendt datoformat "i går"/],
    [true, /^En ja\/nej-værdi er ikke en dato: "SAND"\.$/],
    [false, /"FALSK"/],
  ])('rejects %j', (cell, message) => {
    const result = parseDate(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseDateTime', () => {
  it.each<[SourceCell, string]>([
    ['05-03-2024 14:30', '2024-03-05T14:30'],
    ['5-3-2024 9:05', '2024-03-05T09:05'],
    ['05-03-2024 14:30:59', '2024-03-05T14:30'],
    ['05.03.2024 kl. 14.30', '2024-03-05T14:30'],
    ['05.03.2024 Kl 14.30', '2024-03-05T14:30'],
    ['05/03/2024 00:00', '2024-03-05T00:00'],
    ['2024-03-05 14:30', '2024-03-05T14:30'],
    ['2024-03-05T14:30', '2024-03-05T14:30'],
    ['2024-03-05T14:30:15', '2024-03-05T14:30'],
    ['2024-03-05T14:30:15.250', '2024-03-05T14:30'],
    ['2024-03-05T23:30:00.000Z', '2024-03-05T23:30'],
    ['2024-03-05T23:30:00+01:00', '2024-03-05T23:30'],
    ['05-03-2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    [45356, '2024-03-05'],
    [45356.5, '2024-03-05T12:00'],
    [45356 + (14 * 60 + 30) / 1440, '2024-03-05T14:30'],
    ['45356,5', '2024-03-05T12:00'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseDateTime(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseDateTime(cell)).toEqual({ ok: true, value: null });
  });

  it.each<[SourceCell, RegExp]>([
    ['05-03-2024 25:00', /^Klokkeslættet findes ikke: "05-03-2024 25:00"\.$/],
    ['05-03-2024 24:00', /Klokkeslættet findes ikke/],
    ['05-03-2024 12:60', /Klokkeslættet findes ikke/],
    ['05-03-2024 12:30:60', /Klokkeslættet findes ikke/],
    ['2024-03-05T25:00', /Klokkeslættet findes ikke/],
    ['29-02-2023 12:00', /Datoen findes ikke/],
    ['05-03-24 12:00', /fire cifre/],
    ['05-03-2024 kl. 14', /^Ukendt dato- og tidsformat "05-03-2024 kl\. 14"\. Brug dd-mm-åååå eller dd-mm-åååå tt:mm\.$/],
    [60.5, /Lotus/],
    [true, /ikke en dato/],
  ])('rejects %j', (cell, message) => {
    const result = parseDateTime(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseBool', () => {
  const spellings = (words: string[]) => words.flatMap((word) => [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]);

  it.each(spellings(['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'y']))('reads %j as yes', (cell) => {
    expect(parseBool(cell)).toEqual({ ok: true, value: true });
  });

  it.each(spellings(['nej', 'n', '0', 'falsk', 'false', 'no']))('reads %j as no', (cell) => {
    expect(parseBool(cell)).toEqual({ ok: true, value: false });
  });

  it.each<[SourceCell, boolean]>([
    [true, true],
    [1, true],
    [' Ja ', true],
    [false, false],
    [0, false],
  ])('reads the cell %j as %j', (cell, expected) => {
    expect(parseBool(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[SourceCell, boolean, boolean | null]>([
    ['X', false, true],
    ['X', true, true],
    ['x', true, true],
    [null, false, null],
    ['', false, null],
    ['  ', false, null],
    [null, true, false],
    ['', true, false],
    ['  ', true, false],
    ['nej', true, false],
  ])('reads %j with blankMeansNo %j as %j', (cell, blankMeansNo, expected) => {
    expect(parseBool(cell, blankMeansNo)).toEqual({ ok: true, value: expected });
  });

  it.each<SourceCell>(['måske', 'jo', '2', 2, -1, 'ja nej'])('rejects %j and lists the accepted values', (cell) => {
    expect(parseBool(cell)).toEqual({
      ok: false,
      message: `Ukendt ja/nej-værdi "${String(cell)}". Brug en af: ja, j, x, 1, sand, true, yes, y eller nej, n, 0, falsk, false, no.`,
    });
  });
});

describe('parseNumber', () => {
  it.each<[SourceCell, number]>([
    [3, 3],
    [-2.75, -2.75],
    [0, 0],
    ['3', 3],
    ['-2', -2],
    ['+4', 4],
    [' 12 ', 12],
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['2,5', 2.5],
    ['-0,5', -0.5],
    ['1234,5', 1234.5],
    ['2.5', 2.5],
    ['2.50', 2.5],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['-1.234', -1234],
    ['0.125', 0.125],
    ['1234.567', 1234.567],
    ['1.2345', 1.2345],
  ])('reads %j as %d', (cell, expected) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseNumber(cell)).toEqual({ ok: true, value: null });
  });

  it.each<[SourceCell, string]>([
    ['abc', 'abc'],
    ['1,2,3', '1,2,3'],
    ['1.23,5', '1.23,5'],
    ['1.2.3', '1.2.3'],
    ['3 måneder', '3 måneder'],
    [',5', ',5'],
    ['1e5', '1e5'],
    [Number.NaN, 'NaN'],
    [true, 'SAND'],
  ])('rejects %j', (cell, quoted) => {
    expect(parseNumber(cell)).toEqual({ ok: false, message: `Ikke et tal: "${quoted}".${typeof cell === 'number' ? '' : ' Skriv fx 1.234,5.'}` });
  });
});

describe('parseEnum', () => {
  it.each<[SourceCell, string]>([
    ['anbringelse', 'placement'],
    ['  Anbringelse ', 'placement'],
    ['Døgnanbringelse', 'placement'],
    ['DOEGNANBRINGELSE', 'placement'],
    ['FOREBYGGENDE INDSATS', 'preventive'],
    ['forebyggende-indsats', 'preventive'],
    ['Sikkerheds plan', 'safetyPlan'],
    ['safetyPlan', 'safetyPlan'],
    ['Ungdomssanktionen', 'youthSanction'],
    ['Anden', 'other'],
  ])('reads the measure kind %j as %s', (cell, expected) => {
    expect(parseEnum(cell, MEASURE_KIND_SYNONYMS)).toEqual({ ok: true, value: expected });
  });

  it.each<[SourceCell, string]>([
    ['Undersøgelse', 'investigation'],
    ['BFU', 'investigation'],
    ['§ 50', 'investigation'],
    [50, 'investigation'],
    ['§ 11, stk. 3', 'preventive'],
    ['Forebyggende', 'preventive'],
    ['Eksisterende  sag', 'existingCase'],
    ['existing case', 'existingCase'],
    ['Henlagt', 'none'],
    ['INGEN', 'none'],
  ])('reads the notification outcome %j as %s', (cell, expected) => {
    expect(parseEnum(cell, OUTCOME_SYNONYMS)).toEqual({ ok: true, value: expected });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseEnum(cell, MEASURE_KIND_SYNONYMS)).toEqual({ ok: true, value: null });
  });

  it('rejects an unknown value and lists the first spelling of each value', () => {
    expect(parseEnum('xyz', MEASURE_KIND_SYNONYMS)).toEqual({
      ok: false,
      message: 'Ukendt værdi "xyz". Brug en af: anbringelse, forebyggende, sikkerhedsplan, ungdomssanktion, andet.',
    });
    expect(parseEnum('§', OUTCOME_SYNONYMS)).toEqual({
      ok: false,
      message: 'Ukendt værdi "§". Brug en af: undersøgelse, forebyggende, eksisterende sag, ingen.',
    });
    expect(parseEnum(true, OUTCOME_SYNONYMS).ok).toBe(false);
  });

  it('treats synonym tables in which one spelling means two values as a bug', () => {
    expect(() => parseEnum('a', { one: ['Sag'], two: ['SAG'] })).toThrow(/also means one/);
  });
});

describe('parseCpr', () => {
  it.each<[SourceCell, boolean, string, string]>([
    ['0503241234', true, '050324-1234', '1924-03-05'],
    ['0503241234', false, '050324-xxxx', '1924-03-05'],
    ['050324-1234', true, '050324-1234', '1924-03-05'],
    ['050324 - 1234', true, '050324-1234', '1924-03-05'],
    ['050336-3234', true, '050336-3234', '1936-03-05'],
    ['050324-4234', true, '050324-4234', '2024-03-05'],
    ['050337-4234', true, '050337-4234', '1937-03-05'],
    ['050324-9234', false, '050324-xxxx', '2024-03-05'],
    ['050399-9234', false, '050399-xxxx', '1999-03-05'],
    ['050357-5234', true, '050357-5234', '2057-03-05'],
    ['050312-8234', true, '050312-8234', '2012-03-05'],
    ['290200-5234', true, '290200-5234', '2000-02-29'],
    [503241234, true, '050324-1234', '1924-03-05'],
    [503241234, false, '050324-xxxx', '1924-03-05'],
    [1103154321, true, '110315-4321', '2015-03-11'],
    ['050324-xxxx', false, '050324-xxxx', '2024-03-05'],
    ['050324-XXXX', true, '050324-xxxx', '2024-03-05'],
    ['050390-xxxx', true, '050390-xxxx', '1990-03-05'],
  ])('reads %j (keep full: %j) as %s born %s', (cell, keepFull, cpr, birthDate) => {
    expect(parseCpr(cell, keepFull)).toEqual({ ok: true, value: { cpr, birthDate } });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseCpr(cell, false)).toEqual({ ok: true, value: null });
  });

  it.each<[SourceCell, boolean, string]>([
    ['010190-5234', false, 'CPR-nummeret angiver fødselsåret 1890, som ikke kan være et barns: "010190-xxxx".'],
    ['3102241234', false, 'Datoen i CPR-nummeret findes ikke: "310224-xxxx".'],
    ['3102241234', true, 'Datoen i CPR-nummeret findes ikke: "310224-1234".'],
    ['290201-4234', false, 'Datoen i CPR-nummeret findes ikke: "290201-xxxx".'],
    ['05032412345', false, 'CPR-nummer skal have formen ddmmåå-xxxx: "[CPR-lignende værdi]".'],
    ['050324-123', false, 'CPR-nummer skal have formen ddmmåå-xxxx: "[CPR-lignende værdi]".'],
    ['050324-123', true, 'CPR-nummer skal have formen ddmmåå-xxxx: "050324-123".'],
    ['050324--1234', false, 'CPR-nummer skal have formen ddmmåå-xxxx: "[CPR-lignende værdi]".'],
    ['Anders And', false, 'CPR-nummer skal have formen ddmmåå-xxxx: "Anders And".'],
    [12345678, false, 'CPR-nummer skal have formen ddmmåå-xxxx: "[CPR-lignende værdi]".'],
    [503241234.5, false, 'CPR-nummer skal have formen ddmmåå-xxxx: "[CPR-lignende værdi]".'],
    [true, false, 'CPR-nummer skal have formen ddmmåå-xxxx: "SAND".'],
  ])('rejects %j (keep full: %j)', (cell, keepFull, message) => {
    expect(parseCpr(cell, keepFull)).toEqual({ ok: false, message });
  });
});

describe('parseText', () => {
  it.each<[SourceCell, string]>([
    ['  Børnefamilieenhed Nord ', 'Børnefamilieenhed Nord'],
    ['SAG-001', 'SAG-001'],
    [12345, '12345'],
    [12345.0, '12345'],
    [2.5, '2.5'],
    [true, 'Ja'],
    [false, 'Nej'],
  ])('reads %j as %j', (cell, expected) => {
    expect(parseText(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(BLANKS)('reads the blank cell %j as unknown', (cell) => {
    expect(parseText(cell)).toEqual({ ok: true, value: null });
  });
});

describe('parseCell', () => {
  it.each<[Parameters<typeof parseCell>[0], SourceCell, Parameters<typeof parseCell>[2], unknown]>([
    ['string', ' Døgnvagten ', {}, 'Døgnvagten'],
    ['date', '05-03-2024', {}, '2024-03-05'],
    ['datetime', '05-03-2024 14:30', {}, '2024-03-05T14:30'],
    ['bool', 'Ja', {}, true],
    ['bool', '', {}, null],
    ['bool', '', { blankMeansNo: true }, false],
    ['months', '6', {}, 6],
    ['months', 12, {}, 12],
    ['cpr', '050324-4234', {}, { cpr: '050324-xxxx', birthDate: '2024-03-05' }],
    ['cpr', '050324-4234', { keepFullCpr: true }, { cpr: '050324-4234', birthDate: '2024-03-05' }],
    ['measureKind', 'Sikkerhedsplan', {}, 'safetyPlan'],
    ['outcome', 'Kendt sag', {}, 'existingCase'],
  ])('parses a %s cell %j with options %j as %j', (type, cell, options, expected) => {
    expect(parseCell(type, cell, options)).toEqual({ ok: true, value: expected });
  });

  it.each<[SourceCell, string]>([['1,5', '1,5'], ['0', '0'], ['-3', '-3'], ['1.000', '1.000'], [2.5, '2.5']])('refuses a cadence of %j months: a deadline is a whole number of months away', (cell, shownAs) => {
    expect(parseCell('months', cell, {})).toEqual({ ok: false, message: `Ikke et helt antal måneder fra 1 til 120: "${shownAs}".` });
  });

  it('passes a parser failure on as it is', () => {
    expect(parseCell('date', '31-02-2024', {})).toEqual({ ok: false, message: 'Datoen findes ikke: "31-02-2024".' });
  });
});
