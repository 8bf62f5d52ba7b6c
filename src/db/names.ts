/**
 * Every page opened from file:// shares one storage origin in Chromium, so all our databases
 * carry the app's prefix and cannot collide with another local HTML tool's.
 */
export const DB_PREFIX = 'tilsynsbaenk';
export const CATALOG_DB_NAME = `${DB_PREFIX}-catalog`;
export const workspaceDbName = (workspaceId: string) => `${DB_PREFIX}-workspace-${workspaceId}`;
