import { NONE, YES } from './case-columns';
import { STATUSES, type RuleStatus } from './types';

/** Statuses as the result table numbers them. */
const code = (status: RuleStatus) => STATUSES.indexOf(status);
export const MET = code('met');
export const MET_WITH_EXCEPTION = code('metWithException');
export const BREACHED = code('breached');
export const PENDING = code('pending');
export const NOT_APPLICABLE = code('notApplicable');
export const UNKNOWN = code('unknown');

/**
 * A step with a deadline (RULES.md), on day numbers: done on or before the deadline → met; done
 * after → breached; not done → breached once `asOf` is past the deadline, else pending. The
 * deadline day itself is in time.
 */
export const stepStatus = (deadline: number, doneAt: number, asOf: number): number =>
  doneAt !== NONE ? (doneAt <= deadline ? MET : BREACHED) : asOf > deadline ? BREACHED : PENDING;

/** The days late of such a step: after the deadline until it was done, or until `asOf`; NONE when in time. */
export const stepDaysLate = (deadline: number, doneAt: number, asOf: number): number => {
  const until = doneAt !== NONE ? doneAt : asOf;
  return until > deadline ? until - deadline : NONE;
};

/** A yes/no field: ja → met, nej → breached, empty → unknown. */
export const yesNoStatus = (value: number): number => (value === NONE ? UNKNOWN : value === YES ? MET : BREACHED);
