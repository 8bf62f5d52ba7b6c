import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/domain/report/thresholds';
import { committeeNote, designMethods, fillParams, formatParam, generalSections, ruleMethods } from '../../src/domain/method';
import { RULES } from '../../src/domain/rules/catalog';
import { RULE_TEXTS } from '../../src/domain/rules/catalog-texts';
import { DEFAULT_SETTINGS } from '../../src/domain/rules/settings';
import type { ScreeningSettings } from '../../src/domain/rules/types';
import { DESIGN_TEXTS } from '../../src/domain/sampling/design-texts';
import { describeDesign } from '../../src/domain/sampling/describe';
import { copenhagenPlans, PRESETS } from '../../src/domain/sampling/presets';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('Metode og hjælp: the rules', () => {
  const methods = ruleMethods(DEFAULT_SETTINGS);

  it('lists every rule of the catalog, in order, with its SEL and BL paragraphs', () => {
    expect(methods.map((m) => m.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of RULES) {
      const m = methods.find((x) => x.id === rule.id)!;
      expect(m.name).toBe(rule.name);
      expect(m.sel).toBe(rule.legalRef.SEL);
      expect(m.bl).toBe(rule.legalRef.BL);
    }
    expect(methods.find((m) => m.id === 'BFU_4M')).toMatchObject({ sel: 'Serviceloven § 50', bl: 'Barnets Lov § 20', subject: 'børnefaglig undersøgelse' });
  });

  it('has a scope and a condition for every rule, and names every parameter of the rule in its text', () => {
    for (const rule of RULES) {
      const text = RULE_TEXTS[rule.id];
      expect(text, rule.id).toBeDefined();
      expect(text.scope.length, rule.id).toBeGreaterThan(5);
      expect(text.condition.length, rule.id).toBeGreaterThan(20);
      expect(new Set(placeholders(text.condition)), rule.id).toEqual(new Set(rule.params.map((p) => p.key)));
    }
    expect(Object.keys(RULE_TEXTS).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("puts the law's values in the text by default and the workspace's when changed", () => {
    expect(methods.find((m) => m.id === 'BFU_4M')!.condition).toContain('senest 4 måneder efter');
    expect(methods.find((m) => m.id === 'UND_KVIT')!.condition).toContain('senest 6 hverdage efter modtagelsesdagen');
    expect(methods.find((m) => m.id === 'UND_24T')!.params).toEqual([{ label: 'Frist for vurdering', value: '24 timer', law: '24 timer', changed: false }]);
    const settings: ScreeningSettings = { ...DEFAULT_SETTINGS, params: { BFU_4M: { months: 3 } }, enabled: { TILSYN_2X: false } };
    const changed = ruleMethods(settings);
    const bfu = changed.find((m) => m.id === 'BFU_4M')!;
    expect(bfu.condition).toContain('senest 3 måneder efter');
    expect(bfu.params[0]).toEqual({ label: 'Frist for undersøgelsen', value: '3 måneder', law: '4 måneder', changed: true });
    expect(changed.find((m) => m.id === 'TILSYN_2X')!.enabled).toBe(false);
  });

  it('lists a local standard under the rule it comes from', () => {
    const settings: ScreeningSettings = { ...DEFAULT_SETTINGS, localStandards: [{ id: 'BFU_4M_LOKAL1', baseRuleId: 'BFU_4M', name: 'Undersøgelse inden 3 måneder', params: { months: 3 } }] };
    expect(ruleMethods(settings).find((m) => m.id === 'BFU_4M')!.localStandards).toEqual([{ name: 'Undersøgelse inden 3 måneder', params: 'Frist for undersøgelsen: 3 måneder' }]);
  });

  it('refuses a placeholder the rule has no parameter for', () => {
    expect(() => fillParams('senest {weeks}', [], {})).toThrow(/weeks/);
  });

  it.each([[1, 'måneder', '1 måned'], [4, 'måneder', '4 måneder'], [6, 'hverdage', '6 hverdage'], [24, 'timer', '24 timer'], [1, 'dage', '1 dag']] as const)(
    '%i %s reads "%s"', (value, unit, text) => expect(formatParam(value, unit)).toBe(text),
  );
});

describe('Metode og hjælp: designs, intervals, heat map', () => {
  it('describes every design kind and every preset the Stikprøver page offers', () => {
    const { designs, presets } = designMethods();
    expect(designs.map((d) => d.name)).toEqual(Object.values(DESIGN_TEXTS).map((d) => d.name));
    expect(Object.keys(DESIGN_TEXTS).sort()).toEqual(['exchange', 'nested', 'proportional', 'risk', 'simple', 'stratified', 'targeted']);
    for (const plan of copenhagenPlans()) expect(presets.map((p) => p.text)).toContain(describeDesign(plan.design));
    for (const design of Object.values(PRESETS)) expect(presets.map((p) => p.text)).toContain(describeDesign(design));
  });

  it('gives the heat map thresholds from the constant, or from the settings', () => {
    const heat = (t = DEFAULT_THRESHOLDS) => generalSections(DEFAULT_SETTINGS, t).find((s) => s.id === 'varmekort')!.items!;
    expect(heat()).toEqual(['Grøn (✓): 90\u00a0% eller mere.', 'Gul (!): fra 75\u00a0% til under 90\u00a0%.', 'Rød (✕): under 75\u00a0%.', 'Grå (–): ingen sager at beregne en procentsats på.']);
    expect(heat({ green: 95, yellow: 80 })[0]).toBe('Grøn (✓): 95\u00a0% eller mere.');
  });

  it('names the holidays the workspace counts, store bededag to 2023 only', () => {
    const dates = (s: ScreeningSettings) => /Helligdage i dette arbejdsområde: .*? Grundlovsdag, juleaftensdag/.exec(generalSections(s).find((x) => x.id === 'datoer')!.paragraphs.join(' '))![0];
    expect(dates(DEFAULT_SETTINGS)).toContain('store bededag (til og med 2023)');
    expect(dates(DEFAULT_SETTINGS)).toContain('nytårsaftensdag');
    expect(dates({ ...DEFAULT_SETTINGS, holidays: { constitutionDay: true, christmasEve: true, newYearsEve: false } })).not.toContain('nytårsaftensdag');
    expect(generalSections(DEFAULT_SETTINGS)[2]!.paragraphs.join(' ')).toContain('6 hverdage efter mandag 04-03-2024 er tirsdag 12-03-2024');
  });
});

describe('the committee note', () => {
  it('says what was screened, when, against how many legal requirements, and what an interval means', () => {
    const note = committeeNote({ workspace: 'Demokommune', asOf: '2026-09-30', settings: DEFAULT_SETTINGS });
    expect(note).toContain('Tallene for Demokommune er opgjort med Tilsynsbænken ved en screening pr. 30-09-2026.');
    expect(note).toContain('mod 18 lovkrav fra Serviceloven og Barnets Lov og 2 lokale standarder');
    expect(note).toContain('Barnets Lov fra 01-01-2024');
    expect(note).toContain('95 %-konfidensinterval');
  });

  it('counts only the rules switched on', () => {
    const note = committeeNote({ workspace: 'X', asOf: null, settings: { ...DEFAULT_SETTINGS, enabled: { SIKPLAN_GODKENDT: false, SIKPLAN_VARIGHED: false, BISIDDER: false } } });
    expect(note).toContain('mod 17 lovkrav fra Serviceloven og Barnets Lov.');
    expect(note).not.toContain('screening pr.');
  });
});
