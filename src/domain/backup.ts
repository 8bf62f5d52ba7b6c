import { formatDateTime } from './format';
import { fail, ok, type Result } from './result';
import { WORKSPACE_NAME_MAX, uniqueWorkspaceName, type Workspace } from './workspace';

/** The first record of a backup (README, "Sikkerhedskopi: filformat"): what it holds, before the rows. */
export interface BackupManifest {
  kind: 'manifest';
  /** The release that made it (`__APP_VERSION__`). */
  app: string;
  /** ISO datetime. */
  createdAt: string;
  /** The workspace's catalogue entry as it was. */
  workspace: Pick<Workspace, 'id' | 'name' | 'createdAt' | 'isDemo'>;
  /** The workspace database's schema version; the header says it too. */
  schemaVersion: number;
  /** Cases in the workspace, for the person who restores it. */
  cases: number;
  /** Rows per table in the file, in the order they come. */
  rows: Record<string, number>;
}

/** A batch of one table's rows, as stored. */
export interface BackupRows {
  kind: 'rows';
  table: string;
  rows: unknown[];
}

export const PASSPHRASE_MIN = 12;
export const DEFAULT_REMINDER_DAYS = 7;
export const REMINDER_DAYS_MAX = 365;
export const BACKUP_EXTENSION = '.tilsynsbaenk';

/** The passphrase typed twice: long enough, and the same both times. */
export function validatePassphrase(passphrase: string, repeated: string): Result<string> {
  if ([...passphrase].length < PASSPHRASE_MIN) return fail(`Adgangskoden skal være mindst ${PASSPHRASE_MIN} tegn. Brug gerne en sætning, du kan huske.`);
  if (passphrase !== repeated) return fail('De to adgangskoder er ikke ens. Skriv den samme adgangskode i begge felter.');
  return ok(passphrase);
}

/** A moment's day in the user's time zone as dd-mm-åååå. */
export const formatDay = (moment: Date) => formatDateTime(moment).slice(0, 10);

/** The file name offered for a backup: the workspace's name (without what file systems refuse) and the day. */
export function backupFileName(workspaceName: string, at: Date): string {
  // eslint-disable-next-line no-control-regex
  const safe = workspaceName.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  return `${safe || 'arbejdsområde'} ${formatDay(at)}${BACKUP_EXTENSION}`;
}

/** The default name of a workspace restored as a new one: «<navn> (gendannet dd-mm-åååå)», free and within the length limit. */
export function restoredName(name: string, at: Date, existingNames: readonly string[]): string {
  const suffix = ` (gendannet ${formatDay(at)})`;
  // Room for the suffix and for uniqueWorkspaceName's « 2».
  const base = name.trim().slice(0, WORKSPACE_NAME_MAX - suffix.length - 3).trim();
  return uniqueWorkspaceName(`${base}${suffix}`, existingNames);
}

export type BackupReminder = { kind: 'none' } | { kind: 'old'; days: number };

/**
 * Whether to remind about a backup: none taken, or the last older than `days` days. A demo
 * workspace holds only fictitious data and is never reminded about.
 */
export function backupReminder(workspace: Pick<Workspace, 'isDemo' | 'lastBackupAt'>, now: Date, days: number): BackupReminder | null {
  if (workspace.isDemo) return null;
  if (!workspace.lastBackupAt) return { kind: 'none' };
  const age = Math.floor((now.getTime() - new Date(workspace.lastBackupAt).getTime()) / 86_400_000);
  return age > days ? { kind: 'old', days: age } : null;
}

/** The reminder in Danish. */
export function reminderText(reminder: BackupReminder): string {
  return reminder.kind === 'none'
    ? 'Der er ikke taget en sikkerhedskopi af arbejdsområdet endnu.'
    : `Den seneste sikkerhedskopi er ${reminder.days} dage gammel. Tag en ny.`;
}

/** The reminder setting: a whole number of days from 1 to 365. */
export function validateReminderDays(days: number): Result<number> {
  return Number.isInteger(days) && days >= 1 && days <= REMINDER_DAYS_MAX
    ? ok(days)
    : fail(`Skriv et helt antal dage fra 1 til ${REMINDER_DAYS_MAX}.`);
}
