import { fieldByKey, TABLES } from '../domain/fields';
import type { ColumnMapping, MappingProfile, SheetMapping, SheetRole } from '../domain/mapping';
import { fail, ok, type Result } from '../domain/result';

/**
 * Saved mappings as a file, to hand to a colleague or another computer: JSON, read as untrusted
 * input. Nothing of it is used before every field is checked, no key of it becomes a property
 * name of ours unchecked, and every refusal says what is wrong in Danish.
 */
export const PROFILE_FORMAT = 'tilsynsbaenk-kortlaegninger';
const VERSION = 1;
const MAX_BYTES = 2_000_000;
const MAX_PROFILES = 200;
const MAX_SHEETS = 100;
const MAX_COLUMNS = 1000;
const MAX_VALUES = 2000;
const MAX_TEXT = 500;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const SINGLE_NAME = 'Kortlægning fra fil';
const NOT_A_PROFILE_FILE = 'Filen er ikke en fil med kortlægninger fra Tilsynsbænken.';

export function profileFileText(profiles: readonly MappingProfile[]): string {
  return JSON.stringify({ format: PROFILE_FORMAT, version: VERSION, profiles: profiles.map(({ name, signature, mapping, createdAt }) => ({ name, signature, createdAt, mapping })) }, null, 2);
}

class Invalid extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, what: string, optional = false): string {
  if (optional && (value === undefined || value === null)) return '';
  if (typeof value !== 'string' || value.length > MAX_TEXT) throw new Invalid(`${what} skal være en tekst på højst ${MAX_TEXT} tegn.`);
  return value;
}

function list(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(`${what} mangler.`);
  if (value.length > max) throw new Invalid(`${what}: højst ${max}.`);
  return value;
}

const ROLES = new Set<string>(['wide', 'ignore', ...TABLES.map((t) => t.name)]);

function column(value: unknown, where: string): ColumnMapping {
  if (!isRecord(value)) throw new Invalid(`${where}: en kolonne er ikke beskrevet rigtigt.`);
  const header = text(value.header, `${where}: kolonnens overskrift`);
  const at = value.column;
  if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at >= 20_000) throw new Invalid(`${where}, kolonnen "${header}": kolonnens nummer er ugyldigt.`);
  const target = value.target === null ? null : text(value.target, `${where}, kolonnen "${header}": feltet`);
  if (target !== null && !fieldByKey.has(target)) throw new Invalid(`${where}, kolonnen "${header}": feltet "${target}" findes ikke i Tilsynsbænken.`);
  const result: ColumnMapping = { column: at, header, target };
  if (value.blankMeansNo !== undefined) {
    if (typeof value.blankMeansNo !== 'boolean') throw new Invalid(`${where}, kolonnen "${header}": "tomt betyder nej" skal være sand eller falsk.`);
    result.blankMeansNo = value.blankMeansNo;
  }
  if (value.confidence !== undefined && value.confidence !== 'sure' && value.confidence !== 'unsure') throw new Invalid(`${where}, kolonnen "${header}": sikkerheden er ugyldig.`);
  if (value.values !== undefined) {
    if (!isRecord(value.values)) throw new Invalid(`${where}, kolonnen "${header}": værdierne er ikke beskrevet rigtigt.`);
    const entries = Object.keys(value.values).map((key): [string, string | null] => {
      if (FORBIDDEN.has(key)) throw new Invalid(`${where}, kolonnen "${header}": værdien "${key}" er ikke tilladt.`);
      const reading = (value.values as Record<string, unknown>)[key];
      if (reading !== null && typeof reading !== 'string') throw new Invalid(`${where}, kolonnen "${header}": værdien "${key}" skal læses som en tekst eller som ukendt.`);
      return [text(key, `${where}, kolonnen "${header}": en værdi`), reading === null ? null : text(reading, `${where}, kolonnen "${header}": læsningen af "${key}"`)];
    });
    if (entries.length > MAX_VALUES) throw new Invalid(`${where}, kolonnen "${header}": højst ${MAX_VALUES} værdier.`);
    // Own properties only: a value named like a property of Object.prototype stays a value.
    Object.assign(result, { values: Object.fromEntries(entries) as Record<string, string | null> });
  }
  return result;
}

function sheet(value: unknown, where: string): SheetMapping {
  if (!isRecord(value)) throw new Invalid(`${where}: et ark er ikke beskrevet rigtigt.`);
  const name = text(value.sheet, `${where}: arkets navn`);
  const role = value.role;
  if (typeof role !== 'string' || !ROLES.has(role)) throw new Invalid(`${where}, arket "${name}": hvad arket indeholder, er ugyldigt.`);
  return { sheet: name, role: role as SheetRole, columns: list(value.columns, `${where}, arket "${name}": kolonner`, MAX_COLUMNS).map((c) => column(c, `${where}, arket "${name}"`)) };
}

/** Checks every key of the parsed JSON before anything is read from it. */
function rejectForbiddenKeys(value: unknown): void {
  if (Array.isArray(value)) value.forEach(rejectForbiddenKeys);
  else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) throw new Invalid(`Filen indeholder navnet "${key}", som ikke er tilladt i en kortlægning.`);
      rejectForbiddenKeys(value[key]);
    }
  }
}

/**
 * The profiles in a file made by `profileFileText`, with new ids; `now` stamps those without a date.
 */
export function readProfileFile(bytes: Uint8Array, newId: () => string, now: string): Result<MappingProfile[]> {
  if (bytes.byteLength === 0) return fail('Filen er tom.');
  if (bytes.byteLength > MAX_BYTES) return fail(`Filen er for stor til at være kortlægninger (højst ${MAX_BYTES / 1_000_000} MB).`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail(`${NOT_A_PROFILE_FILE} Den kan ikke læses som JSON.`);
  }
  try {
    if (!isRecord(parsed)) throw new Invalid(NOT_A_PROFILE_FILE);
    rejectForbiddenKeys(parsed);
    // One profile as `npm run screen -- --save-mapping` writes it (`{ name, mapping }`) is read as a file of one.
    const single = parsed.format === undefined && isRecord(parsed.mapping);
    if (!single && parsed.format !== PROFILE_FORMAT) throw new Invalid(NOT_A_PROFILE_FILE);
    if (!single && parsed.version !== VERSION) throw new Invalid(`Filen er fra en anden udgave af Tilsynsbænken (version ${String(parsed.version)}), som denne ikke kan læse.`);
    const raw = single ? [{ ...parsed, name: typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name : SINGLE_NAME }] : parsed.profiles;
    const profiles = list(raw, 'Kortlægninger', MAX_PROFILES).map((value, i): MappingProfile => {
      const where = `Kortlægning ${i + 1}`;
      if (!isRecord(value)) throw new Invalid(`${where} er ikke beskrevet rigtigt.`);
      const name = text(value.name, `${where}: navnet`).trim();
      if (!name) throw new Invalid(`${where} har intet navn.`);
      const createdAt = text(value.createdAt, `${where}: datoen`, true);
      if (!isRecord(value.mapping)) throw new Invalid(`Kortlægningen "${name}" har ingen kolonner.`);
      const sheets = list(value.mapping.sheets, `Kortlægningen "${name}": ark`, MAX_SHEETS).map((s) => sheet(s, `Kortlægningen "${name}"`));
      return { id: newId(), name, signature: text(value.signature, `Kortlægningen "${name}": signaturen`, true), mapping: { sheets }, createdAt: /^\d{4}-\d{2}-\d{2}T/.test(createdAt) ? createdAt : now };
    });
    if (profiles.length === 0) throw new Invalid('Filen indeholder ingen kortlægninger.');
    return ok(profiles);
  } catch (error) {
    if (error instanceof Invalid) return fail(error.message);
    throw error;
  }
}
