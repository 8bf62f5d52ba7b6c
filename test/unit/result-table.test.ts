import { describe, expect, it } from 'vitest';
import { ResultTable } from '../../src/domain/rules/result-table';
import { screenTable } from '../../src/domain/rules/evaluate';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { RuleResult } from '../../src/domain/rules/types';
import { DEMO_PRESETS, DEMO_SEED } from '../../src/domain/demo/config';
import { generateDemo } from '../../src/domain/demo/generate';
import { bundleCases, EVENT_TABLES } from '../../src/domain/types';

const result = (fields: Partial<RuleResult>): RuleResult => ({
  ruleId: 'BFU_4M', caseNumber: 'S-1', subject: 'investigation:U:S-1:2024-01-05:1', status: 'breached', deadline: '2024-05-05', doneAt: null,
  daysLate: 12, regime: 'BL', legalRef: 'Barnets Lov § 20', basis: '', trigger: '2024-01-05', ...fields,
});

describe('rule results as columns', () => {
  const results = [
    result({}),
    result({ caseNumber: 'S-2', status: 'met', doneAt: '2024-04-30', daysLate: null, basis: 'Påbegyndt 05-01-2024.' }),
    result({ ruleId: 'SAMVAER', subject: 'measure:F:S-2:1', status: 'unknown', deadline: null, daysLate: null, regime: null, trigger: null, legalRef: 'Serviceloven § 71 / Barnets Lov §§ 103–105', missing: ['measures.kind', 'measures.contactDecided'] }),
    result({ subject: 'no-kind', trigger: '2023-12-31', regime: 'SEL', legalRef: 'Serviceloven § 50', daysLate: 0 }),
  ];

  it('gives back every field of every result, dates, nulls, sentences and missing fields included', () => {
    expect(ResultTable.of(results).all()).toEqual(results);
  });

  it('reads back from its stored form (typed arrays and string tables) the same results', () => {
    const stored = structuredClone(ResultTable.of(results).toStored());
    expect(new ResultTable(stored).all()).toEqual(results);
  });

  it('appends a share with other string numbering, and one numbered alike (copied), keeping the order', () => {
    const first = ResultTable.of(results.slice(0, 2));
    first.append(ResultTable.of(results.slice(2)).toStored());
    expect(first.all()).toEqual(results);

    const cases = bundleCases(generateDemo({ ...DEMO_PRESETS.small, seed: DEMO_SEED }));
    const ctx = { asOf: '2025-06-30', settings: DEFAULT_SETTINGS, importedTables: new Set(EVENT_TABLES), explain: false };
    const whole = screenTable(cases, ctx);
    const half = screenTable(cases.slice(0, 500), ctx);
    half.append(structuredClone(screenTable(cases.slice(500), ctx).toStored()));
    expect(half.length).toBe(whole.length);
    expect(half.all()).toEqual(whole.all());
  });

  it('grows past its first capacity without losing a result', () => {
    const many = Array.from({ length: 3000 }, (_, i) => result({ caseNumber: `S-${i}`, daysLate: i }));
    const table = ResultTable.of(many);
    expect(table.length).toBe(3000);
    expect(table.at(2999)).toEqual(many[2999]);
    expect(table.at(1024)).toEqual(many[1024]);
  });
});
