import { DEFAULT_HOLIDAY_OPTIONS } from '../holidays';
import { CATALOG_VERSION } from './catalog';
import type { ScreeningSettings } from './types';

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
