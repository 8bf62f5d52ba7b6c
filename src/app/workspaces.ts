import type { CatalogDb } from '../db/catalog';
import { deleteWorkspaceDb, openWorkspaceDb } from '../db/workspace-db';
import { fail, ok, type Result } from '../domain/result';
import { deletionConfirmed, mostRecentlyOpened, validateWorkspaceName, type Workspace } from '../domain/workspace';

/** Use cases on the workspace catalogue. `now` and `newId` are passed in so tests control them. */
export class WorkspaceService {
  constructor(
    private readonly catalog: CatalogDb,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  list(): Promise<Workspace[]> {
    return this.catalog.workspaces.orderBy('name').toArray();
  }

  async create(name: string, options: { isDemo?: boolean } = {}): Promise<Result<Workspace>> {
    const existing = await this.catalog.workspaces.toArray();
    const valid = validateWorkspaceName(name, existing.map((w) => w.name));
    if (!valid.ok) return valid;
    const at = this.now().toISOString();
    const workspace: Workspace = { id: this.newId(), name: valid.value, createdAt: at, lastOpenedAt: at, isDemo: options.isDemo ?? false };
    // Create the database first: a catalogue entry must never point at nothing.
    const db = await openWorkspaceDb(workspace.id);
    await db.auditLog.add({ at, action: 'workspace.created', name: workspace.name });
    db.close();
    await this.catalog.workspaces.add(workspace);
    return ok(workspace);
  }

  async rename(id: string, name: string): Promise<Result<Workspace>> {
    return this.catalog.transaction('rw', this.catalog.workspaces, async () => {
      const workspace = await this.catalog.workspaces.get(id);
      if (!workspace) return fail<Workspace>('Arbejdsområdet findes ikke længere.');
      const others = (await this.catalog.workspaces.toArray()).filter((w) => w.id !== id);
      const valid = validateWorkspaceName(name, others.map((w) => w.name));
      if (!valid.ok) return valid;
      const renamed = { ...workspace, name: valid.value };
      await this.catalog.workspaces.put(renamed);
      return ok(renamed);
    });
  }

  /** Marks the workspace as the one to open next time. */
  async touch(id: string): Promise<void> {
    await this.catalog.workspaces.update(id, { lastOpenedAt: this.now().toISOString() });
  }

  async mostRecent(): Promise<Workspace | undefined> {
    return mostRecentlyOpened(await this.catalog.workspaces.toArray());
  }

  /** Deletes the workspace and all its data, only when `typedName` is its exact name. */
  async remove(id: string, typedName: string): Promise<Result<Workspace>> {
    const workspace = await this.catalog.workspaces.get(id);
    if (!workspace) return fail('Arbejdsområdet findes ikke længere.');
    if (!deletionConfirmed(typedName, workspace.name)) {
      return fail(`Skriv arbejdsområdets navn, "${workspace.name}", for at bekræfte sletningen.`);
    }
    // Remove the entry first: if the tab closes mid-way, an orphan database is harmless,
    // while an entry without its data would look like an empty kommune.
    await this.catalog.workspaces.delete(id);
    await deleteWorkspaceDb(id);
    return ok(workspace);
  }
}
