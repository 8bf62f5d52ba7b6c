import { daysBetween } from '../calendar';
import type { IsoDate } from '../types';
import type { RuleStatus } from './types';

export interface StepOutcome {
  status: RuleStatus;
  deadline: IsoDate | null;
  doneAt: IsoDate | null;
  daysLate: number | null;
}

/**
 * A step with a deadline (RULES.md): done on or before the deadline → met; done after → breached
 * with the days late; not done → breached once `asOf` is past the deadline, else pending. The
 * deadline day itself is in time.
 */
export function deadlineStep(deadline: IsoDate, doneAt: IsoDate | null, asOf: IsoDate): StepOutcome {
  if (doneAt != null) {
    return doneAt <= deadline ? { status: 'met', deadline, doneAt, daysLate: null } : { status: 'breached', deadline, doneAt, daysLate: daysBetween(deadline, doneAt) };
  }
  return asOf > deadline ? { status: 'breached', deadline, doneAt: null, daysLate: daysBetween(deadline, asOf) } : { status: 'pending', deadline, doneAt: null, daysLate: null };
}

/** A yes/no field: ja → met, nej → breached, empty → unknown. */
export function yesNoStep(value: boolean | null): StepOutcome {
  return { status: value == null ? 'unknown' : value ? 'met' : 'breached', deadline: null, doneAt: null, daysLate: null };
}
