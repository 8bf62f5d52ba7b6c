import { DEFAULT_HOLIDAY_OPTIONS } from '../holidays';
import { CATALOG_VERSION, lawParams, ruleDef, RULES } from './catalog';
import { ruleName } from './labels';
import type { RuleId, RuleParams, ScreeningContext, ScreeningSettings } from './types';

/** The law's values: every rule on, no local standards, all optional holidays counted. */
export const DEFAULT_SETTINGS: ScreeningSettings = {
  enabled: {},
  params: {},
  localStandards: [],
  holidays: { ...DEFAULT_HOLIDAY_OPTIONS },
  supervisionWindow: 'rolling',
};

/** JSON with object keys sorted, so the same settings always give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** FNV-1a, 32 bits: a short fingerprint to tell settings apart, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The rule-set version stored with every screening: the catalog's version and the settings' fingerprint. */
export function ruleSetVersion(settings: ScreeningSettings): string {
  return `${CATALOG_VERSION}+${fnv1a(canonicalJson(settings))}`;
}

/** Problems that stop settings from being saved, in Danish. */
export function settingsProblems(settings: ScreeningSettings): string[] {
  const problems: string[] = [];
  const badNumber = (value: number) => !Number.isInteger(value) || value < 0 || value > 1000;
  for (const [ruleId, params] of Object.entries(settings.params)) {
    for (const [key, value] of Object.entries(params ?? {})) {
      if (badNumber(value)) problems.push(`${ruleName(ruleId)}: "${paramLabel(ruleId as RuleId, key)}" skal være et helt tal fra 0 til 1000.`);
    }
  }
  const ids = new Set<string>();
  for (const standard of settings.localStandards) {
    if (!standard.name.trim()) problems.push('En lokal standard mangler et navn.');
    if (ids.has(standard.id) || RULES.some((r) => r.id === standard.id)) problems.push(`Den lokale standard "${standard.name}" har samme id som en anden regel.`);
    ids.add(standard.id);
    for (const [key, value] of Object.entries(standard.params)) {
      if (badNumber(value)) problems.push(`${standard.name}: "${paramLabel(standard.baseRuleId, key)}" skal være et helt tal fra 0 til 1000.`);
    }
  }
  return problems;
}

const paramLabel = (ruleId: RuleId, key: string) => ruleDef(ruleId)?.params.find((p) => p.key === key)?.label ?? key;

/** A local standard's id: the base rule's, marked local and numbered, stable once made. */
export function localStandardId(baseRuleId: RuleId, existing: readonly { id: string }[]): string {
  for (let n = 1; ; n++) {
    const id = `${baseRuleId}_LOKAL${n}`;
    if (!existing.some((s) => s.id === id)) return id;
  }
}

/** A rule's parameters in this workspace: the law's, with the settings' changes. */
export function ctxParams(ctx: ScreeningContext, id: RuleId): RuleParams {
  let params = paramsOf.get(ctx);
  if (!params) paramsOf.set(ctx, (params = new Map()));
  let found = params.get(id);
  if (!found) params.set(id, (found = { ...lawParams(id), ...ctx.settings.params[id] }));
  return found;
}
/** BFU_FORELOEBIG asks for BFU_4M's parameters for every investigation. */
const paramsOf = new WeakMap<ScreeningContext, Map<RuleId, RuleParams>>();
