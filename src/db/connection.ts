import type Dexie from 'dexie';

/** Why this tab lost its connection: another tab upgraded the database or deleted it. */
export type ConnectionLoss = 'upgraded' | 'deleted';

export interface ConnectionWatchers {
  /** Another tab needs this database closed; it is closed already and will not reopen by itself. */
  onConnectionLost?: (reason: ConnectionLoss) => void;
  /** This tab's upgrade waits for another tab that still holds the old version open. */
  onBlocked?: () => void;
}

/** Lets other tabs upgrade or delete the database, and tells this tab's UI. */
export function watchConnection(db: Dexie, watchers: ConnectionWatchers): void {
  db.on('versionchange', (event) => {
    // Dexie's own handler closes with auto-open allowed, so a later write would recreate a
    // deleted workspace as an empty database. Close for good, and return false so that handler,
    // which Dexie calls after ours, does not run. The UI reloads.
    db.close({ disableAutoOpen: true });
    watchers.onConnectionLost?.(event.newVersion ? 'upgraded' : 'deleted');
    return false;
  });
  db.on('blocked', () => watchers.onBlocked?.());
}
