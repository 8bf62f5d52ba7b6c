import type { DeadlineBucket } from '../rules/deadlines';
import type { ComplianceRow } from './compliance';

/**
 * What Overblik shows of a screening. Made by the worker as it stores the screening and kept in
 * its record, so the page reads a few kilobytes instead of a million results.
 */
export interface OverviewFigures {
  screeningId: string;
  asOf: string;
  caseCount: number;
  byRule: ComplianceRow[];
  byRuleUnit: ComplianceRow[];
  units: string[];
  /** Frister's week at the screening's date: open cases' steps, overdue ones within Frister's horizon. */
  deadlines: Record<Exclude<DeadlineBucket, 'later'>, number>;
  /** Cases with a field missing that a rule needed, of the cases screened. */
  dataQuality: { cases: number; of: number };
}
