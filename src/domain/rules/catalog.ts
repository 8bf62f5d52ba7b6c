import type { Regime, RuleId, RuleParams, SubjectKind } from './types';

export interface ParamDef {
  key: string;
  /** Danish label on the settings page. */
  label: string;
  unit: 'timer' | 'hverdage' | 'måneder' | 'dage';
  /** The law's value (or the recommended one for local standards), shown beside the setting. */
  law: number;
}

export interface RuleDef {
  id: RuleId;
  name: string;
  subject: SubjectKind;
  /** What the user reads: the paragraph under each regime. */
  legalRef: Record<Regime, string>;
  params: readonly ParamDef[];
  /** Not a legal requirement but a recommended practice the kommune screens for. */
  localStandard?: boolean;
}

const SEL = (paragraph: string) => `Serviceloven ${paragraph}`;
const BL = (paragraph: string) => `Barnets Lov ${paragraph}`;
const refs = (sel: string, bl: string): Record<Regime, string> => ({ SEL: SEL(sel), BL: BL(bl) });

/** The rule catalog of RULES.md, as data (each rule's scope and date arithmetic in words: catalog-texts.ts). Ids are stable: they appear in exports and stored screenings. */
export const RULES: readonly RuleDef[] = [
  { id: 'UND_24T', name: 'Underretning vurderet inden 24 timer', subject: 'notification', legalRef: refs('§ 155', '§ 136'), params: [{ key: 'hours', label: 'Frist for vurdering', unit: 'timer', law: 24 }] },
  { id: 'UND_KVIT', name: 'Kvittering til fagperson inden 6 hverdage', subject: 'notification', legalRef: refs('§ 155 b', '§ 138'), params: [{ key: 'workingDays', label: 'Frist for kvittering', unit: 'hverdage', law: 6 }] },
  { id: 'UND_STILLING', name: 'Stillingtagen til forebyggende indsats', subject: 'notification', legalRef: refs('§ 11, stk. 3', '§ 30'), params: [] },
  { id: 'BFU_4M', name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder', subject: 'investigation', legalRef: refs('§ 50', '§ 20'), params: [{ key: 'months', label: 'Frist for undersøgelsen', unit: 'måneder', law: 4 }] },
  { id: 'BFU_FORELOEBIG', name: 'Foreløbig vurdering ved overskredet frist', subject: 'investigation', legalRef: refs('§ 50', '§ 20'), params: [{ key: 'toleranceDays', label: 'Tolerance efter fristen', unit: 'dage', law: 7 }] },
  { id: 'BFU_FOER_ANBR', name: 'Undersøgelse før planlagt anbringelse', subject: 'measure', legalRef: refs('§ 50, jf. § 58', '§ 20, jf. §§ 46–47'), params: [] },
  {
    id: 'PLAN_RETTIDIG', name: 'Handleplan / barnets plan rettidigt', subject: 'measure', legalRef: refs('§ 140', '§ 91'),
    params: [
      { key: 'urgentMonths', label: 'Akut anbringelse (SEL): plan senest', unit: 'måneder', law: 4 },
      { key: 'consentMonths', label: 'Anbringelse med samtykke (BL): plan senest', unit: 'måneder', law: 3 },
      { key: 'preventiveMonths', label: 'Støtte efter BL § 32: plan senest', unit: 'måneder', law: 3 },
    ],
  },
  { id: 'PLAN_JOURNAL', name: 'Plan journaliseret', subject: 'actionPlan', legalRef: refs('§ 140', '§ 91'), params: [] },
  { id: 'PLAN_DELT', name: 'Relevante dele af planen givet til anbringelsesstedet', subject: 'measure', legalRef: refs('§ 140, stk. 7', '§ 91'), params: [] },
  { id: 'SAMTALE_FOER_AFG', name: 'Børnesamtale før afgørelse', subject: 'measure', legalRef: refs('§ 48', '§ 5'), params: [] },
  { id: 'BISIDDER', name: 'Barnet vejledt om bisidder', subject: 'measure', legalRef: refs('§ 48', '§ 6'), params: [] },
  { id: 'FORAELDRE_VEJL', name: 'Forældre vejledt om rettigheder', subject: 'measure', legalRef: refs('§§ 72–73', '§§ 140–142'), params: [] },
  { id: 'ANBR_STED', name: 'Valg af anbringelsessted begrundet', subject: 'measure', legalRef: refs('§ 68 a', '§ 67'), params: [] },
  { id: 'SAMVAER', name: 'Samvær afgjort eller rammen fastlagt', subject: 'measure', legalRef: refs('§ 71', '§§ 103–105'), params: [] },
  { id: 'OPF_FOERSTE', name: 'Første opfølgning', subject: 'measure', legalRef: refs('§ 70', '§ 95'), params: [{ key: 'months', label: 'Første opfølgning senest', unit: 'måneder', law: 3 }] },
  {
    id: 'OPF_LOEBENDE', name: 'Løbende opfølgning', subject: 'measure', legalRef: refs('§ 70', '§ 95'),
    params: [
      { key: 'selMonths', label: 'Interval (SEL)', unit: 'måneder', law: 6 },
      { key: 'defaultCadenceMonths', label: 'Kommunens standardkadence (BL), når ingen er fastsat', unit: 'måneder', law: 6 },
    ],
  },
  { id: 'TILSYN_2X', name: 'Personrettet tilsyn mindst 2 gange årligt', subject: 'measure', legalRef: refs('§ 148', '§ 156, stk. 5'), params: [] },
  { id: 'TILSYN_SAMTALE', name: 'Samtale med barnet alene ved tilsyn', subject: 'supervisionVisit', legalRef: refs('§ 148', '§ 156, stk. 5'), params: [] },
  { id: 'SIKPLAN_GODKENDT', name: 'Sikkerhedsplan godkendt og afgjort før start', subject: 'measure', legalRef: { SEL: 'lokal standard', BL: 'lokal standard' }, params: [], localStandard: true },
  { id: 'SIKPLAN_VARIGHED', name: 'Sikkerhedsplan ikke længere end anbefalet', subject: 'measure', legalRef: { SEL: 'lokal standard', BL: 'lokal standard' }, params: [{ key: 'maxMonths', label: 'Anbefalet maksimal varighed', unit: 'måneder', law: 3 }], localStandard: true },
];

/** Barnets Lov applies to triggers from this date; Serviceloven's child part before it (RULES.md "Two legal regimes"). */
export const BARNETS_LOV_FROM = '2024-01-01';

/** Bumped whenever a rule's meaning changes, so stored screenings say which catalog they used. */
export const CATALOG_VERSION = '2026.2';

export const ruleDef = (id: RuleId): RuleDef => RULES.find((r) => r.id === id)!;

export const lawParams = (id: RuleId): RuleParams => Object.fromEntries(ruleDef(id).params.map((p) => [p.key, p.law]));
