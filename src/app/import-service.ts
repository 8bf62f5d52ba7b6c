import { appendAudit } from '../db/audit-log';
import type { WorkspaceDb } from '../db/workspace-db';
import type { Stamp } from '../domain/audit';
import { stampAt } from './audit';
import { fail, ok, type Result } from '../domain/result';
import { headerSignature } from '../io/mapping';
import type { ImportMapping, MappingProfile, WorkbookLayout } from '../domain/mapping';

/** The mapping suggestions the Import page offers while the user maps a file. */
export { applyProfile, mappingProblems, suggestColumns, suggestMapping } from '../io/mapping';
export { previewCell, previewValue } from '../io/preview';

const KEEP_FULL_CPR = 'keepFullCpr';

export async function keepFullCpr(db: WorkspaceDb): Promise<boolean> {
  return (await db.settings.get(KEEP_FULL_CPR))?.value === true;
}

export function listProfiles(db: WorkspaceDb): Promise<MappingProfile[]> {
  return db.mappingProfiles.orderBy('name').toArray();
}

/** The saved profile made for exactly this layout of sheets and headers, if any. */
export async function profileFor(db: WorkspaceDb, workbook: WorkbookLayout): Promise<MappingProfile | undefined> {
  const matches = await db.mappingProfiles.where('signature').equals(headerSignature(workbook)).toArray();
  return matches.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** Saves the mapping under a name; the same name replaces the earlier profile. */
export async function saveProfile(db: WorkspaceDb, name: string, workbook: WorkbookLayout, mapping: ImportMapping, stamp: Stamp): Promise<Result<MappingProfile>> {
  const clean = name.trim();
  if (!clean) return fail('Skriv et navn til kortlægningen, fx "DUBU-udtræk".');
  const at = stampAt(stamp);
  return db.transaction('rw', [db.mappingProfiles, db.auditLog], async () => {
    const existing = await db.mappingProfiles.where('name').equals(clean).first();
    const profile: MappingProfile = { id: existing?.id ?? crypto.randomUUID(), name: clean, signature: headerSignature(workbook), mapping, createdAt: at };
    await db.mappingProfiles.put(profile);
    await appendAudit(db, { at, by: stamp.by, action: 'profile.saved', details: { name: clean, replaced: existing !== undefined, sheets: workbook.sheets.length } });
    return ok(profile);
  });
}
