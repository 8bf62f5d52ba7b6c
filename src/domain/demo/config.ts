import { addDays } from '../calendar';
import type { IsoDate } from '../types';

/**
 * How often a step is NOT done as the law requires, per subject. Taken from the source documents
 * where they give a figure (seed 003: 78 screened placement cases; Ankestyrelsen's published
 * rates), otherwise a plausible value marked "assumed".
 */
export interface NonComplianceRates {
  /** UND_24T. Assumed. */
  notAssessedWithin24h: number;
  /** UND_KVIT: receipt to a professional later than 6 working days. Assumed. */
  receiptLate: number;
  /** UND_STILLING: no documented decision on a preventive measure. Assumed. */
  preventiveNotConsidered: number;
  /** BFU_4M: investigation completed later than 4 months. Assumed. */
  investigationLate: number;
  /** BFU_FORELOEBIG: of the late investigations, no interim assessment. Assumed. */
  interimMissing: number;
  /** SAMTALE_FOER_AFG, placements: neither conversation nor documented reason — seed 003: 10 of 78. */
  placementConversationMissing: number;
  /** SAMTALE_FOER_AFG, other measures: Ankestyrelsen, børnesamtale held in about 56–61 %. */
  preventiveConversationMissing: number;
  /** BISIDDER — seed 003: 75 of 78 without documented guidance about a bisidder. */
  supporterNotOffered: number;
  /** FORAELDRE_VEJL — seed 003: 61 of 78 without documented guidance of the parents. */
  parentsNotInformed: number;
  /** PLAN_RETTIDIG, planned placements — seed 003: 13 of 78 without a prior handleplan. */
  plannedPlacementWithoutPlan: number;
  /** BFU_FOER_ANBR — seed 003: 11 of 78 planned placements without a børnefaglig undersøgelse. */
  plannedPlacementWithoutInvestigation: number;
  /** ANBR_STED. Assumed. */
  placementChoiceUnjustified: number;
  /** SAMVAER. Assumed. */
  contactNotDecided: number;
  /** PLAN_DELT. Assumed. */
  planNotShared: number;
  /** PLAN_JOURNAL. Assumed. */
  planNotFiled: number;
  /** PLAN_RETTIDIG, preventive measures needing a plan: plan later than 3 months. Assumed. */
  preventivePlanLate: number;
  /** OPF_FOERSTE — Ankestyrelsen: first follow-up within 3 months in about 44 %. */
  firstFollowUpLate: number;
  /** OPF_LOEBENDE: a later follow-up more than 6 months after the one before. Assumed. */
  followUpGapLate: number;
  /** TILSYN_2X: a half-year without a supervision visit. Assumed. */
  supervisionMissed: number;
  /** TILSYN_SAMTALE. Assumed. */
  childNotSeenAlone: number;
}

export const SOURCE_RATES: NonComplianceRates = {
  notAssessedWithin24h: 0.08,
  receiptLate: 0.2,
  preventiveNotConsidered: 0.25,
  investigationLate: 0.3,
  interimMissing: 0.5,
  placementConversationMissing: 10 / 78,
  preventiveConversationMissing: 0.42,
  supporterNotOffered: 75 / 78,
  parentsNotInformed: 61 / 78,
  plannedPlacementWithoutPlan: 13 / 78,
  plannedPlacementWithoutInvestigation: 11 / 78,
  placementChoiceUnjustified: 0.1,
  contactNotDecided: 0.1,
  planNotShared: 0.15,
  planNotFiled: 0.1,
  preventivePlanLate: 0.2,
  firstFollowUpLate: 0.56,
  followUpGapLate: 0.2,
  supervisionMissed: 0.2,
  childNotSeenAlone: 0.25,
};

export interface DemoConfig {
  seed: number;
  cases: number;
  /** Børnefamilieenheder; Døgnvagten comes in addition. */
  units: number;
  caseworkers: number;
  /**
   * The day the demo is looked at ("today" in the app): the extract was taken a few days before,
   * and the history reaches ten years back from there (`demoPeriod`). Nothing is dated after the
   * extract, so a screening at the anchor finds this week's work, last quarter and the trend.
   */
  anchor: IsoDate;
  rates: NonComplianceRates;
  /** How much units and caseworkers differ: each one's rates are scaled by 1 ± spread. */
  spread: number;
  /** Share of optional values left empty, as real extracts have them. */
  flawRate: number;
}

export type DemoPreset = 'small' | 'default' | 'national';

/** How old the extract is on the anchor: taken on Friday, looked at on Monday. */
export const DEMO_EXTRACT_AGE_DAYS = 3;
/** Ten years up to the extract (2016–2025 for the reference anchor), so both Serviceloven (before 01-01-2024) and Barnets Lov occur for any anchor from 2024 to 2030. */
export const DEMO_HISTORY_DAYS = 3_653;

export interface DemoPeriod {
  /** The first day a case can have come to the kommune's attention. */
  from: IsoDate;
  /** The day the extract was taken: the last day anything is dated. */
  to: IsoDate;
}

/** The demo's history for an anchor: the extract `DEMO_EXTRACT_AGE_DAYS` before it, and `DEMO_HISTORY_DAYS` up to the extract. */
export function demoPeriod(anchor: IsoDate): DemoPeriod {
  const to = addDays(anchor, -DEMO_EXTRACT_AGE_DAYS);
  return { from: addDays(to, 1 - DEMO_HISTORY_DAYS), to };
}

/**
 * The presets' anchor, for callers that do not give one (the tests written against the fixed
 * kommune): the extract of 31-12-2025 and the history 2016–2025. The app and `npm run fixtures`
 * pass today's date instead.
 */
export const DEMO_REFERENCE_ANCHOR: IsoDate = '2026-01-03';

const BASE = { anchor: DEMO_REFERENCE_ANCHOR, rates: SOURCE_RATES, spread: 0.3, flawRate: 0.03 } as const;

/** The default is a kommune the size of the source documents' examples; national is the benchmark size. */
export const DEMO_PRESETS: Record<DemoPreset, Omit<DemoConfig, 'seed'>> = {
  small: { ...BASE, cases: 1_000, units: 2, caseworkers: 16 },
  default: { ...BASE, cases: 4_000, units: 6, caseworkers: 60 },
  national: { ...BASE, cases: 100_000, units: 40, caseworkers: 1_500 },
};

export const DEMO_SEED = 2026;

/** Every demo case number starts with this, so no demo case can be taken for a real one. */
export const DEMO_CASE_PREFIX = 'DEMO-';

const UNIT_NAMES = ['Nord', 'Syd', 'Øst', 'Vest', 'Centrum', 'Havnen', 'Skoven', 'Engen', 'Bakken', 'Åen'];
export const unitName = (index: number) =>
  `Børnefamilieenhed ${UNIT_NAMES[index % UNIT_NAMES.length]}${index >= UNIT_NAMES.length ? ` ${Math.floor(index / UNIT_NAMES.length) + 1}` : ''}`;
export const OUT_OF_HOURS_UNIT = 'Døgnvagten';

/** Obviously invented names: no real caseworker is called "Fiktiv" or "Opdigtet". */
const FIRST_NAMES = ['Alma', 'Bent', 'Carla', 'Dorte', 'Egon', 'Frida', 'Gorm', 'Hanne', 'Ib', 'Jytte', 'Kaj', 'Lis', 'Mogens', 'Nete', 'Ove', 'Pia', 'Rasmus', 'Signe', 'Tage', 'Ulla', 'Vagn', 'Ærbødig', 'Øjvind', 'Åse'];
const SURNAMES = ['Fiktiv', 'Opdigtet', 'Demosen', 'Eksempel', 'Prøvesen', 'Testrup', 'Påfund', 'Øvelse'];
export const caseworkerName = (index: number) =>
  `${FIRST_NAMES[index % FIRST_NAMES.length]} ${SURNAMES[Math.floor(index / FIRST_NAMES.length) % SURNAMES.length]}${index >= FIRST_NAMES.length * SURNAMES.length ? ` ${Math.floor(index / (FIRST_NAMES.length * SURNAMES.length)) + 1}` : ''}`;
