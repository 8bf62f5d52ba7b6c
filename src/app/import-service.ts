import { appendAudit } from '../db/audit-log';
import { CatalogDb } from '../db/catalog';
import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import { stampAt } from './audit';
import { fail, ok, type Result } from '../domain/result';
import { headerSignature } from '../io/mapping';
import { profileFileText, readProfileFile } from '../io/profile-file';
import type { ImportMapping, MappingProfile, WorkbookLayout } from '../domain/mapping';
import { fieldByKey } from '../domain/fields';
import { hasValueReadings, suggestValueReadings } from '../io/value-mapping';
import type { WorkbookSummary } from './worker-protocol';

/** The mapping suggestions the Import page offers while the user maps a file. */
export { applyProfile, columnAlternatives, mappingProblems, suggestColumns, suggestMapping } from '../io/mapping';
export { previewCell, previewValue } from '../io/preview';
export type { SheetShape } from '../io/shape';

const KEEP_FULL_CPR = 'keepFullCpr';

export async function keepFullCpr(db: WorkspaceDb): Promise<boolean> {
  return (await db.settings.get(KEEP_FULL_CPR))?.value === true;
}

/**
 * Profiles live in the catalogue, for every workspace of this browser profile; a workspace's own
 * profiles from before are copied there the first time they are listed (by name: the catalogue's
 * profile of the same name wins), and stay in the workspace as they were.
 */
export async function listProfiles(db: WorkspaceDb, catalog?: CatalogDb): Promise<MappingProfile[]> {
  const own = await db.mappingProfiles.orderBy('name').toArray();
  if (!catalog) return own;
  return catalog.transaction('rw', catalog.profiles, async () => {
    const shared = await catalog.profiles.toArray();
    const names = new Set(shared.map((p) => p.name));
    const copied = own.filter((p) => !names.has(p.name));
    if (copied.length) await catalog.profiles.bulkPut(copied);
    return [...shared, ...copied].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  });
}

/** The saved profile made for exactly this layout of sheets and headers, if any. */
export async function profileFor(db: WorkspaceDb, workbook: WorkbookLayout, catalog?: CatalogDb): Promise<MappingProfile | undefined> {
  const signature = headerSignature(workbook);
  const matches = [
    ...await db.mappingProfiles.where('signature').equals(signature).toArray(),
    ...(catalog ? await catalog.profiles.where('signature').equals(signature).toArray() : []),
  ];
  return matches.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/**
 * Saves the mapping under a name; the same name replaces the earlier profile. Kept in the
 * workspace (with its log line, in one transaction) and, given the catalogue, there for every workspace.
 */
export async function saveProfile(db: WorkspaceDb, name: string, workbook: WorkbookLayout, mapping: ImportMapping, stamp: Stamp, catalog?: CatalogDb): Promise<Result<MappingProfile>> {
  const clean = name.trim();
  if (!clean) return fail('Skriv et navn til kortlægningen, fx "DUBU-udtræk".');
  const at = stampAt(stamp);
  const shared = catalog ? await catalog.profiles.where('name').equals(clean).first() : undefined;
  const result = await db.transaction('rw', [db.mappingProfiles, db.auditLog], async () => {
    const existing = await db.mappingProfiles.where('name').equals(clean).first();
    const profile: MappingProfile = { id: shared?.id ?? existing?.id ?? crypto.randomUUID(), name: clean, signature: headerSignature(workbook), mapping, createdAt: at };
    if (existing && existing.id !== profile.id) await db.mappingProfiles.delete(existing.id);
    await db.mappingProfiles.put(profile);
    await appendAudit(db, { at, by: stamp.by, action: 'profile.saved', details: { name: clean, replaced: existing !== undefined || shared !== undefined, sheets: workbook.sheets.length } });
    return ok(profile);
  });
  if (catalog && result.ok) await catalog.transaction('rw', catalog.profiles, () => catalog.profiles.put(result.value));
  return result;
}

/** The profiles as a file to hand on (JSON). */
export const profilesFile = (profiles: readonly MappingProfile[]): Uint8Array => new TextEncoder().encode(profileFileText(profiles));

/** Adds the profiles of a file to the catalogue (the same name replaces); each is logged in the workspace. */
export async function importProfiles(db: WorkspaceDb, catalog: CatalogDb, bytes: Uint8Array, stamp: Stamp): Promise<Result<MappingProfile[]>> {
  const at = stampAt(stamp);
  const read = readProfileFile(bytes, () => crypto.randomUUID(), at);
  if (!read.ok) return read;
  const stored = await catalog.transaction('rw', catalog.profiles, async () => Promise.all(read.value.map(async (profile) => {
    const existing = await catalog.profiles.where('name').equals(profile.name).first();
    const kept = { ...profile, id: existing?.id ?? profile.id };
    await catalog.profiles.put(kept);
    return { kept, replaced: existing !== undefined };
  })));
  await db.transaction('rw', db.auditLog, async () => {
    for (const { kept, replaced } of stored) {
      await appendAudit(db, { at, by: stamp.by, action: 'profile.saved', details: { name: kept.name, replaced, sheets: kept.mapping.sheets.length, source: 'fil' } });
    }
  });
  return ok(stored.map((s) => s.kept));
}

/** The catalogue for one use: profiles are read and written rarely, and the connection is let go after. */
export async function withCatalog<T>(work: (catalog: CatalogDb) => Promise<T>): Promise<T> {
  const catalog = new CatalogDb();
  try {
    return await work(catalog);
  } finally {
    catalog.close();
  }
}

export { hasValueReadings, readingLabel, suggestValueReadings, unknownValueLines, valueChoices, type ValueSuggestion } from '../io/value-mapping';

/**
 * The mapping with a reading for every value of every choice and yes/no column that the importer
 * does not read by itself: the suggestion where the user chose none (null: "ukendt"). What the
 * value step shows is what the import reads, and a saved profile holds it.
 */
export function completeReadings(mapping: ImportMapping, summary: WorkbookSummary): ImportMapping {
  return {
    sheets: mapping.sheets.map((sheet, i) => {
      const values = summary.sheets[i]?.values;
      if (sheet.role === 'ignore' || !values) return sheet;
      return {
        ...sheet,
        columns: sheet.columns.map((column) => {
          const def = column.target ? fieldByKey.get(column.target) : undefined;
          if (!column.target || !hasValueReadings(def?.type)) return column;
          const readings: Record<string, string | null> = { ...column.values };
          for (const s of suggestValueReadings(column.target, values[column.column]?.values ?? [])) {
            if (s.how !== 'known' && !Object.hasOwn(readings, s.key)) readings[s.key] = s.readAs;
          }
          return Object.keys(readings).length ? { ...column, values: readings } : column;
        }),
      };
    }),
  };
}
