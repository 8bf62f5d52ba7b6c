import { RULES } from './catalog';
import type { RuleStatus, ScreeningSettings } from './types';

export const STATUS_LABEL: Record<RuleStatus, string> = {
  met: 'Overholdt',
  metWithException: 'Overholdt (undtagelse)',
  breached: 'Overskredet',
  pending: 'Afventer',
  notApplicable: 'Ikke relevant',
  unknown: 'Ukendt',
};

/** A rule's Danish name, or a local standard's, from the settings it was screened with. */
export function ruleName(ruleId: string, settings?: Pick<ScreeningSettings, 'localStandards'>): string {
  return RULES.find((r) => r.id === ruleId)?.name ?? settings?.localStandards.find((s) => s.id === ruleId)?.name ?? ruleId;
}
