import { appendAudit } from '../db/audit-log';
import type { WorkspaceDb } from '../db/workspace-db';
import { settingChanges, type AuditAction, type AuditDetails, type Stamp } from '../domain/audit';
import { stampAt } from './audit';

/**
 * Saves one of the workspace's settings and logs what changed, old → new, in the same
 * transaction. `read` gives the value in effect from what is stored (the default when nothing
 * is), so a first save of the default logs nothing.
 */
export async function settingChanged<T>(db: WorkspaceDb, key: string, value: T, action: AuditAction, stamp: Stamp, read: (stored: unknown) => T): Promise<void> {
  await db.transaction('rw', [db.settings, db.auditLog], async () => {
    const before = read((await db.settings.get(key))?.value);
    await db.settings.put({ key, value });
    const changes = settingChanges(before, value);
    if (changes.length === 0) return;
    const [only] = changes;
    const details: AuditDetails = changes.length === 1 && only!.field === '' ? { from: only!.from, to: only!.to } : { changes };
    await appendAudit(db, { at: stampAt(stamp), by: stamp.by, action, details });
  });
}
