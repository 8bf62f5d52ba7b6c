import { describe, expect, it } from 'vitest';
import { localStandardId, DEFAULT_SETTINGS, settingsProblems } from '../../src/domain/rules/settings';
import type { ScreeningSettings } from '../../src/domain/rules/types';

const settings = (changes: Partial<ScreeningSettings>): ScreeningSettings => ({ ...DEFAULT_SETTINGS, ...changes });

describe('rule settings', () => {
  it('accepts the law\u2019s values and a sound local standard', () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
    expect(settingsProblems(settings({ localStandards: [{ id: 'BFU_4M_LOKAL1', baseRuleId: 'BFU_4M', name: 'Undersøgelse inden 3 måneder', params: { months: 3 } }] }))).toEqual([]);
  });

  it.each([
    [-1], [2.5], [1001], [Number.NaN],
  ])('refuses %d as a deadline, in Danish, naming the rule and the parameter', (months) => {
    expect(settingsProblems(settings({ params: { BFU_4M: { months } } }))).toEqual([
      'Børnefaglig undersøgelse afsluttet inden 4 måneder: "Frist for undersøgelsen" skal være et helt tal fra 0 til 1000.',
    ]);
  });

  it('refuses a local standard without a name, with a rule\u2019s id, or with a bad value', () => {
    expect(settingsProblems(settings({
      localStandards: [
        { id: 'X1', baseRuleId: 'OPF_FOERSTE', name: ' ', params: { months: 2 } },
        { id: 'BFU_4M', baseRuleId: 'BFU_4M', name: 'Kopi', params: { months: -3 } },
      ],
    }))).toEqual([
      'En lokal standard mangler et navn.',
      'Den lokale standard "Kopi" har samme id som en anden regel.',
      'Kopi: "Frist for undersøgelsen" skal være et helt tal fra 0 til 1000.',
    ]);
  });

  it('numbers local standards derived from the same rule', () => {
    expect(localStandardId('BFU_4M', [])).toBe('BFU_4M_LOKAL1');
    expect(localStandardId('BFU_4M', [{ id: 'BFU_4M_LOKAL1' }, { id: 'UND_KVIT_LOKAL2' }])).toBe('BFU_4M_LOKAL2');
  });
});
