import Dexie, { type Table } from 'dexie';
import type { AuditEntry } from '../domain/audit';
import type { MappingProfile } from '../domain/mapping';
import type { Workspace } from '../domain/workspace';
import { watchConnection, type ConnectionWatchers } from './connection';
import { CATALOG_DB_NAME } from './names';

export interface CatalogSetting {
  key: string;
  value: unknown;
}

/** The small database that lists the workspaces and holds settings of this browser profile. */
export class CatalogDb extends Dexie {
  declare workspaces: Table<Workspace, string>;
  declare settings: Table<CatalogSetting, string>;
  /** What happened to workspaces on this computer, hash-chained like a workspace's audit log (audit-log.ts). */
  declare log: Table<AuditEntry, number>;
  /** Saved mappings, offered in every workspace of this browser profile (before version 3 each workspace had its own). */
  declare profiles: Table<MappingProfile, string>;

  constructor(name = CATALOG_DB_NAME, watchers: ConnectionWatchers = {}) {
    super(name);
    watchConnection(this, watchers);
    this.version(1).stores({ workspaces: 'id, name, lastOpenedAt', settings: 'key' });
    // A log of its own: deleting a workspace deletes its audit log with it.
    this.version(2).stores({ log: '++id, seq' });
    this.version(3).stores({ profiles: 'id, name, signature' });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.settings.get(key))?.value as T | undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.settings.put({ key, value });
  }
}
