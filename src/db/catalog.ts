import Dexie, { type Table } from 'dexie';
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

  constructor(name = CATALOG_DB_NAME, watchers: ConnectionWatchers = {}) {
    super(name);
    watchConnection(this, watchers);
    this.version(1).stores({ workspaces: 'id, name, lastOpenedAt', settings: 'key' });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.settings.get(key))?.value as T | undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    await this.settings.put({ key, value });
  }
}
