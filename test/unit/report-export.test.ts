import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { screeningWorkbookOf } from '../../src/app/screening-export';
import type { LoadedScreening } from '../../src/app/screening';
import { intervalText, methodNote, periodText } from '../../src/domain/report/layout';
import { reportProblem } from '../../src/domain/report/snapshot';
import type { RuleResult } from '../../src/domain/rules/types';

const result = (caseNumber: string, status: RuleResult['status']): RuleResult => ({
  caseNumber, ruleId: 'BFU_4M', subject: `investigation:${caseNumber}`, status, deadline: '2024-05-01', doneAt: null, daysLate: null, regime: 'BL', legalRef: 'Barnets Lov § 20', basis: '',
} as RuleResult);

/** A loaded screening as the worker holds it: only what the workbook reads. */
function loaded(results: RuleResult[]): LoadedScreening {
  return {
    record: { id: 'S', asOf: '2024-06-30', ruleSetVersion: '2026.2', settings: { localStandards: [] }, summary: [{ ruleId: 'BFU_4M', met: 1, metWithException: 0, breached: 1, pending: 0, notApplicable: 2, unknown: 0, rate: 0.5, ci: { low: 0.1, high: 0.9 } }] },
    results: { all: () => results },
  } as unknown as LoadedScreening;
}

describe('the screening workbook from the page', () => {
  it('holds every result and DEMO on every sheet of a demo workspace', () => {
    const book = XLSX.read(screeningWorkbookOf(loaded([result('S-1', 'met'), result('S-2', 'notApplicable')]), true));
    for (const name of ['Resultater', 'Oversigt']) expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 })[0]![0]).toMatch(/^DEMO/);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Resultater!, { header: 1 }).slice(2).map((r) => r[0])).toEqual(['S-1', 'S-2']);
  });

  it('leaves out the not applicable results, and says so, when there are more than a sheet holds', () => {
    const results = [result('S-1', 'met'), result('S-2', 'notApplicable'), result('S-3', 'breached'), result('S-4', 'notApplicable')];
    const book = XLSX.read(screeningWorkbookOf(loaded(results), false, 3));
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Resultater!, { header: 1 }).slice(1).map((r) => r[0])).toEqual(['S-1', 'S-3']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Oversigt!, { header: 1 }).flat()).toContain('Arket Resultater viser 2 af 4 resultater: dem med status Ikke relevant er udeladt, da et Excel-ark ikke kan rumme alle. De tæller med i oversigten.');
    expect(() => screeningWorkbookOf(loaded(results), false, 1)).toThrow(/flere end et Excel-ark kan rumme/);
  });
});

describe('how a report reads', () => {
  it.each([
    [{ compliant: 1, counted: 2, rate: 0.5, ci: { low: 0.09453, high: 0.90547 } }, 'wilson', '9,5–90,5'],
    [{ compliant: 3, counted: 3, rate: 1, ci: null }, 'census', 'totaltælling'],
    [null, 'wilson', ''],
    [{ compliant: 0, counted: 0, rate: null, ci: null }, 'stratified', ''],
  ] as const)('writes the interval of %o (%s) as "%s"', (cell, method, text) => {
    expect(intervalText(cell, method)).toBe(text);
  });

  it('names the period, the census and the regimes in its method note', () => {
    expect(periodText(['2024 K1', '2024 K2', '2024 K3'])).toBe('2024 K1, 2024 K2 og 2024 K3');
    const note = new Map(methodNote({ screening: { id: 'S', asOf: '2024-06-30', ruleSetVersion: '2026.2', caseCount: 1234 }, rounds: [], quarters: ['2024 K2'], units: [] }));
    expect(note.get('Enheder')).toBe('Alle enheder');
    expect(note.get('Screening')).toBe('Alle sager i udtrækket screenet pr. 30-06-2024 (1.234 sager, regelsæt 2026.2).');
    expect(note.get('Totaltælling')).toMatch(/ingen stikprøveusikkerhed/);
    expect(note.get('Regime')).toMatch(/^Serviceloven \(SEL\) for forløb udløst før 01-01-2024, Barnets Lov \(BL\) fra 01-01-2024/);
  });

  it.each([
    [{ title: ' ', kommune: 'K', quarters: ['2024 K2'], screening: true, rounds: [] }, 'Giv rapporten en titel.'],
    [{ title: 'T', kommune: '', quarters: ['2024 K2'], screening: true, rounds: [] }, 'Skriv kommunens navn.'],
    [{ title: 'T', kommune: 'K', quarters: ['2024 K2'], screening: false, rounds: [] }, 'Vælg en screening eller mindst én tilsynsrunde.'],
    [{ title: 'T', kommune: 'K', quarters: [], screening: false, rounds: ['R'] }, 'Vælg mindst ét kvartal.'],
    [{ title: 'T', kommune: 'K', quarters: ['2024 K2'], screening: false, rounds: ['R'] }, null],
  ])('refuses a report without what it needs: %o → %s', (request, message) => {
    expect(reportProblem(request)).toBe(message);
  });
});
