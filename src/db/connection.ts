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

/** A Danish explanation of why a database would not open, for the page that cannot start. */
export function describeOpenError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | undefined)?.inner?.name;
  if (name === 'VersionError' || inner === 'VersionError') {
    return 'Dataene er gemt af en nyere udgave af Tilsynsbænken end denne fil. Åbn den nyeste udgave af filen fra fællesdrevet.';
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Der er ikke mere plads til browserens data på denne computer. Slet arbejdsområder, du ikke bruger, eller frigør diskplads.';
  }
  return 'Browseren lader ikke Tilsynsbænken gemme data. Det sker typisk i et privat vindue, eller når browserens politik forbyder lokal lagring. Åbn filen i et almindeligt vindue i Edge eller Chrome, eller kontakt IT.';
}
