import { fail, ok, type Result } from './result';

/** An arbejdsområde: one kommune or one analysis, with a database of its own. */
export interface Workspace {
  id: string;
  name: string;
  /** ISO datetime. */
  createdAt: string;
  /** ISO datetime of the last time it was opened; the most recent one opens on start. */
  lastOpenedAt: string;
  /** Fictitious demo data: marked on every page and every export. */
  isDemo: boolean;
  /** ISO datetime of the newest backup made of it (or of the backup it was restored from). */
  lastBackupAt?: string;
  /** Set when the workspace's data are encrypted with a key from a passphrase (a locked workspace). */
  locked?: WorkspaceLock;
}

/** What a locked workspace's catalogue entry keeps: never the key, only how to derive and check it. */
export interface WorkspaceLock {
  /** PBKDF2's random salt. */
  salt: Uint8Array;
  iterations: number;
  /** A known text sealed with the key: a wrong passphrase is told without reading the data. */
  check: Uint8Array;
}

export const WORKSPACE_NAME_MAX = 80;

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * A workspace name is what the user types to confirm deletion, so it must be non-empty,
 * printable and unique regardless of case and spacing.
 */
export function validateWorkspaceName(name: string, existingNames: readonly string[]): Result<string> {
  const clean = normalise(name);
  if (clean === '') return fail('Skriv et navn til arbejdsområdet.');
  if (clean.length > WORKSPACE_NAME_MAX) return fail(`Navnet må højst være ${WORKSPACE_NAME_MAX} tegn.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(clean)) return fail('Navnet må ikke indeholde styretegn.');
  const key = clean.toLocaleLowerCase('da');
  if (existingNames.some((existing) => normalise(existing).toLocaleLowerCase('da') === key)) {
    return fail(`Der findes allerede et arbejdsområde med navnet "${clean}".`);
  }
  return ok(clean);
}

/** Deletion is confirmed only by typing the workspace's exact name (spacing at the ends forgiven). */
export function deletionConfirmed(typed: string, workspaceName: string): boolean {
  return typed.trim() === workspaceName;
}

/** What the user types to delete every workspace and setting of the workbench on this computer. */
export const ERASE_ALL_PHRASE = 'SLET ALT';

/** Deleting everything is confirmed only by typing the phrase exactly (spacing at the ends forgiven). */
export function eraseAllConfirmed(typed: string): boolean {
  return typed.trim() === ERASE_ALL_PHRASE;
}

/** The workspace to open on start: the one used last, else none. */
export function mostRecentlyOpened(workspaces: readonly Workspace[]): Workspace | undefined {
  return workspaces.reduce<Workspace | undefined>(
    (latest, workspace) => (!latest || workspace.lastOpenedAt > latest.lastOpenedAt ? workspace : latest),
    undefined,
  );
}

/** `base`, or `base 2`, `base 3` … : the first name not in use (compared as names are). */
export function uniqueWorkspaceName(base: string, existingNames: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (validateWorkspaceName(name, existingNames).ok) return name;
  }
}
