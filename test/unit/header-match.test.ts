import { describe, expect, it } from 'vitest';
import type { SheetRole } from '../../src/domain/mapping';
import type { SourceCell } from '../../src/domain/source';
import { headerWords, stem, stemSimilarity } from '../../src/io/header-words';
import { columnAlternatives, sampleColumns, suggestColumns, suggestMapping } from '../../src/io/mapping';

/** [target, confidence] per column. */
const suggest = (headers: string[], role: SheetRole, samples?: SourceCell[][]) =>
  suggestColumns(headers, role, samples).map((c) => [c.target, c.confidence ?? null]);

const DATES: SourceCell[] = ['01-02-2024', '15.03.2024', '2024-04-30', '02-05-2024'];
const YES_NO: SourceCell[] = ['J', 'N', 'J', 'J', 'N'];
const OUTCOMES: SourceCell[] = ['Ingen videre handling', 'Videre til børnefaglig undersøgelse', 'Ingen videre handling', 'Iværksat forebyggende indsats efter § 32'];

describe('headerWords normalises a header as a person reads it', () => {
  it('ignores case, punctuation and how æ, ø and å are written', () => {
    expect(headerWords('OPFOELGNING_DATO')).toEqual(headerWords('Opfølgning, dato'));
    expect(headerWords('Børnesamtale').tokens).toEqual(headerWords('BOERNESAMTALE').tokens);
  });

  it('takes out "Dato for", "Seneste", brackets\' date qualifiers and § references, keeping a date hint', () => {
    expect(headerWords('Dato for seneste tilsyn (§ 148)')).toEqual({ tokens: ['tilsyn'], dateHint: true, boolHint: false });
    expect(headerWords('Foreløbig vurdering (dd-mm-åååå)')).toEqual({ tokens: ['foreloebig', 'vurder'], dateHint: true, boolHint: false });
  });

  it('reads "(J/N)", "ja/nej", a trailing "?" and a _JN suffix as a yes/no hint', () => {
    for (const header of ['Samtykke (J/N)', 'Samtykke ja/nej', 'Samtykke?', 'SAMTYKKE_JN']) {
      expect(headerWords(header)).toEqual({ tokens: ['samtykk'], dateHint: false, boolHint: true });
    }
  });

  it('lets § 50 and § 20 name the investigation', () => {
    expect(headerWords('Påbegyndt (§ 50)').tokens).toEqual(['paabegynd', 'undersoeg']);
  });

  it('splits a compound at a known word: "Modtagelsesdato" is "modtagelse" + "dato"', () => {
    expect(headerWords('Modtagelsesdato')).toEqual({ tokens: ['modtag'], dateHint: true, boolHint: false });
    expect(headerWords('Foranstaltningstype').tokens.sort()).toEqual(headerWords('Type af foranstaltning').tokens.sort());
  });

  it('splits off a known last part of a compound even when the first part is unknown: the last part carries the meaning', () => {
    expect(headerWords('Myndighedsteam').tokens).toEqual(['myndighed', 'team']);
    expect(headerWords('Besøgsdato')).toEqual({ tokens: ['besoeg'], dateHint: true, boolHint: false });
    // Too short a first part stays whole.
    expect(headerWords('Fødselsdato').tokens).not.toContain('foed');
  });
});

describe('stems and concepts', () => {
  it.each([
    ['afholdt', 'afholdelse'], ['modtaget', 'modtagelse'], ['udleveret', 'udlevering'], ['fravalgt', 'fravalg'], ['vurderet', 'vurdering'], ['godkendt', 'godkendelse'],
  ])('%s and %s have one stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('holds iværksat, start and opstart near, not equal; unrelated words far', () => {
    expect(stemSimilarity(stem('iværksat'.replace('æ', 'ae')), stem('start'))).toBe(0.85);
    expect(stemSimilarity(stem('opstart'), stem('start'))).toBe(0.85);
    expect(stemSimilarity(stem('udleveret'), stem('sendt'))).toBe(0.85);
    expect(stemSimilarity(stem('modtaget'), stem('sendt'))).toBe(0);
  });
});

describe('suggestColumns scores headers the exact spelling list misses', () => {
  it('matches verb forms, "Seneste …", "Dato for …", bracketed qualifiers and § references, surely when clear', () => {
    expect(suggest([
      'Børnesamtale afholdt', 'Modtagelse af underretning', 'Seneste opfølgning', 'Dato for kendskab til barnets behov',
      'Sagsbehandler (initialer)', 'BFU afsluttet (§ 50)', 'Handleplan udleveret til anbringelsessted', 'Samtale med barnet fravalgt',
    ], 'wide', [DATES, DATES, DATES, DATES, ['AB', 'CD', 'EF'], DATES, YES_NO, YES_NO])).toEqual([
      ['measures.childConversationAt', 'unsure'],
      ['notifications.receivedAt', 'sure'],
      ['followUps.date', 'sure'],
      ['cases.awareAt', 'sure'],
      ['cases.caseworker', 'sure'],
      ['investigations.completedAt', 'sure'],
      ['measures.planSharedWithPlacement', 'sure'],
      ['measures.conversationWaived', 'sure'],
    ]);
  });

  it('keeps an exact spelling without a confidence: it needs no check', () => {
    expect(suggest(['Sagsnr', 'Enhed'], 'cases')).toEqual([['cases.caseNumber', null], ['cases.unit', null]]);
  });

  it('lets only a column of dates be a date field', () => {
    expect(suggest(['Foranstaltning iværksat den'], 'wide', [DATES])).toEqual([['measures.startDate', 'sure']]);
    expect(suggest(['Foranstaltning iværksat den'], 'wide', [['Ja', 'Nej', 'Ja', 'Nej']])[0]![0]).not.toBe('measures.startDate');
    expect(columnAlternatives({ name: 'x', headers: ['Foranstaltning iværksat den'], samples: [['Ja', 'Nej', 'Ja', 'Nej']] }, 'wide')[0]!.map((c) => c.target)).not.toContain('measures.startDate');
  });

  it('lets only a column of yes/no values be a yes/no field', () => {
    expect(suggest(['Bisidder tilbudt barnet'], 'measures', [YES_NO])).toEqual([['measures.supporterOffered', 'sure']]);
    expect(suggest(['Bisidder tilbudt barnet'], 'measures', [['Hanne Fiktiv', 'Ole Fiktiv', 'Kim Fiktiv']])).toEqual([[null, null]]);
  });

  it('lets only a column whose values read as outcomes be the outcome, and values that do confirm a loose header', () => {
    expect(suggest(['Hvad førte underretningen til'], 'notifications', [OUTCOMES])).toEqual([['notifications.outcome', 'unsure']]);
    expect(columnAlternatives({ name: 'x', headers: ['Hvad førte underretningen til'], samples: [DATES] }, 'notifications')[0]!.map((c) => c.target)).not.toContain('notifications.outcome');
  });

  it('assigns one field to one column: the better header wins, the other keeps only alternatives', () => {
    expect(suggest(['Modtagelse af underretningen', 'Modtagelse af kopi'], 'notifications', [DATES, DATES])).toEqual([['notifications.receivedAt', 'sure'], [null, null]]);
    const [, copy] = columnAlternatives({ name: 'x', headers: ['Modtagelse af underretningen', 'Modtagelse af kopi'], samples: [DATES, DATES] }, 'notifications');
    expect(copy![0]!.target).toBe('notifications.receivedAt');
  });

  it('refuses to choose between two equal claims: neither column gets the field', () => {
    expect(suggest(['Dato', 'Dato'], 'wide', [DATES, DATES])).toEqual([[null, null], [null, null]]);
  });

  it('marks a match unsure when another field is nearly as good, and gives none for a header it cannot place', () => {
    expect(suggest(['Startdato'], 'wide', [DATES])).toEqual([[null, null]]);
    expect(suggest(['Ansvarlig'], 'cases')).toEqual([['cases.caseworker', 'unsure']]);
    expect(suggest(['Kommune', 'Bemærkning'], 'wide')).toEqual([[null, null], [null, null]]);
  });

  it('reads a compound by its last part, a category as the group, and "kendt" as being aware', () => {
    expect(suggest(['Myndighedsteam', 'Sagskategori'], 'cases')).toEqual([['cases.unit', 'sure'], ['cases.group', 'sure']]);
    expect(suggest(['Målgruppe'], 'wide')).toEqual([['cases.group', 'unsure']]);
    expect(suggest(['Bekymring kendt fra'], 'cases', [DATES])).toEqual([['cases.awareAt', 'unsure']]);
    expect(suggest(['Besøg'], 'supervisionVisits', [DATES])).toEqual([['supervisionVisits.date', 'sure']]);
    // A compound is what its last part says: a "Teamleder" is a person, so the unit is at most unsure.
    expect(suggest(['Teamleder'], 'cases', [['Anna Jensen', 'Bo Hansen', 'Carl Nielsen']])).toEqual([['cases.unit', 'unsure']]);
    // Another table's word keeps "kategori" off the case's group.
    expect(suggest(['Indsats - kategori'], 'wide')[0]![0]).not.toBe('cases.group');
  });

  it('is at most unsure of a planned, previous or deadline value and of a header about another thing than the field', () => {
    const names: SourceCell[] = ['Anna Jensen', 'Bo Hansen', 'Carl Nielsen'];
    expect(suggest(['Næste opfølgning', 'Tidligere sagsbehandler'], 'wide', [DATES, names])).toEqual([['followUps.date', 'unsure'], ['cases.caseworker', 'unsure']]);
    // "Sagsbehandlers leder" is the leader; "… til barnets behov" is a complement and changes nothing.
    expect(suggest(['Sagsbehandlers leder'], 'wide', [names])).toEqual([['cases.caseworker', 'unsure']]);
    expect(suggest(['Sagsbehandler', 'Seneste opfølgning'], 'wide', [names, DATES]).map((c) => c[1])).toEqual([null, 'sure']);
  });

  it('ranks every column\'s alternatives best first for the drop-down', () => {
    const [start] = columnAlternatives({ name: 'x', headers: ['Startdato'], samples: [DATES] }, 'wide');
    expect(start!.slice(0, 2).map((c) => c.target)).toEqual(['investigations.startedAt', 'measures.startDate']);
    expect(start![0]!.score).toBe(start![1]!.score);
  });
});

describe('sheet roles by loose sheet names', () => {
  it('takes a table from a word of the sheet name or a compound that begins with it', () => {
    const layout = (name: string) => ({ name, headers: ['Sagsnr'] });
    const roles = suggestMapping({ sheets: ['YDELSE', 'Underretninger 2016-2025', 'Sagsoversigt', 'Tilsynsbesøg', 'Diverse', 'Oversigt over sager', 'Indsatser'].map(layout) }).sheets.map((s) => s.role);
    expect(roles).toEqual(['measures', 'notifications', 'cases', 'supervisionVisits', 'wide', 'cases', 'measures']);
  });
});

describe('sampleColumns', () => {
  it('takes non-empty values at even steps through the rows, at most the limit per column', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ number: i + 2, cells: [`S-${i}`, i % 2 === 0 ? '' : 'J'] as SourceCell[] }));
    expect(sampleColumns({ headers: ['Sagsnr', 'Fagperson'], rows }, 3)).toEqual([['S-0', 'S-1', 'S-2'], ['J', 'J', 'J']]);
    expect(sampleColumns({ headers: ['Sagsnr'], rows }, 2)).toEqual([['S-0', 'S-2']]);
  });
});
