import type { HolidayOptions } from '../holidays';
import type { EventTableName, IsoDate } from '../types';

/** RULES.md "Results". */
export type RuleStatus = 'met' | 'metWithException' | 'breached' | 'pending' | 'notApplicable' | 'unknown';
export const STATUSES: readonly RuleStatus[] = ['met', 'metWithException', 'breached', 'pending', 'notApplicable', 'unknown'];

/** Serviceloven's child part until 31-12-2023, Barnets Lov from 01-01-2024. */
export type Regime = 'SEL' | 'BL';

export type RuleId =
  | 'UND_24T' | 'UND_KVIT' | 'UND_STILLING' | 'BFU_4M' | 'BFU_FORELOEBIG' | 'BFU_FOER_ANBR' | 'PLAN_RETTIDIG'
  | 'PLAN_JOURNAL' | 'PLAN_DELT' | 'SAMTALE_FOER_AFG' | 'BISIDDER' | 'FORAELDRE_VEJL' | 'ANBR_STED' | 'SAMVAER'
  | 'OPF_FOERSTE' | 'OPF_LOEBENDE' | 'TILSYN_2X' | 'TILSYN_SAMTALE' | 'SIKPLAN_GODKENDT' | 'SIKPLAN_VARIGHED';

export type SubjectKind = 'notification' | 'investigation' | 'measure' | 'actionPlan' | 'supervisionVisit';

/** One rule on one subject at the screening's `asOf`. */
export interface RuleResult {
  /** A rule id, or a local standard's id derived from one. */
  ruleId: string;
  caseNumber: string;
  /** `kind:eventId`, e.g. `investigation:U:S-1:2024-01-05:1`. */
  subject: string;
  status: RuleStatus;
  deadline: IsoDate | null;
  doneAt: IsoDate | null;
  /** Positive: days late (done late, or overdue at `asOf`). */
  daysLate: number | null;
  regime: Regime | null;
  legalRef: string;
  /** Which dates were used, in one Danish sentence. */
  basis: string;
  /** The date that chose the regime; the quarter of the trigger groups the results. */
  trigger: IsoDate | null;
  /** `table.field` of the values an `unknown` result lacked: what to fix in the case system. */
  missing?: string[];
}

/** Parameters of a rule: the law's values by default, changed per workspace. */
export type RuleParams = Record<string, number>;

/** An extra rule derived from a legal one with stricter parameters; shown as "lokal standard", never "lovkrav". */
export interface LocalStandard {
  id: string;
  baseRuleId: RuleId;
  name: string;
  params: RuleParams;
}

export interface ScreeningSettings {
  enabled: Partial<Record<RuleId, boolean>>;
  params: Partial<Record<RuleId, RuleParams>>;
  localStandards: LocalStandard[];
  holidays: HolidayOptions;
  /** TILSYN_2X: the 12 months up to `asOf`, or the calendar year of `asOf`. */
  supervisionWindow: 'rolling' | 'calendarYear';
}

export interface ScreeningContext {
  asOf: IsoDate;
  settings: ScreeningSettings;
  /** Event tables the workspace has ever imported: a missing event then means "not done" (RULES.md). */
  importedTables: ReadonlySet<EventTableName>;
  /**
   * `false` leaves the basis sentences empty, for a large screening whose sentences are made again
   * for the cases someone opens (screening is deterministic, so they come out the same).
   */
  explain?: boolean;
}
