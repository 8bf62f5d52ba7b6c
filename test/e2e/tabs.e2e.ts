import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, launch, newProfileDir, removeProfileDir, requireBuild, Watch } from './browser';

let profile: string;
let context: BrowserContext;
let watch: Watch;
let first: Page;

beforeAll(requireBuild);
beforeEach(async () => {
  profile = newProfileDir();
  context = await launch(profile);
  watch = new Watch(context);
  first = context.pages()[0] ?? (await context.newPage());
});
afterEach(async () => {
  await context.close();
  removeProfileDir(profile);
});

/** Another local HTML page: on file:// it shares the storage origin, as an older copy of the app would. */
async function otherLocalPage(): Promise<Page> {
  const path = join(profile, 'anden-side.html');
  writeFileSync(path, '<!doctype html><title>Anden side</title>');
  const page = await context.newPage();
  await page.goto(pathToFileURL(path).href);
  return page;
}

const banner = (page: Page) => page.getByRole('alert');

describe('several tabs', () => {
  it('tells the other tab when its workspace is deleted here, then reloads it onto what is left', async () => {
    await first.goto(FILE_URL);
    await acknowledgeStorageNotice(first);
    await createWorkspace(first, 'Varde Kommune');
    await createWorkspace(first, 'Esbjerg Kommune');

    const second = await context.newPage();
    await second.goto(`${FILE_URL}#/arbejdsomraader`);
    await second.getByRole('button', { name: 'Slet Esbjerg Kommune' }).click();
    await second.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Esbjerg Kommune');
    await second.getByRole('button', { name: 'Slet for altid' }).click();

    await expect.poll(() => banner(first).innerText()).toContain('Arbejdsområdet er blevet slettet i en anden fane.');
    await first.getByRole('button', { name: 'Genindlæs nu' }).click();
    await expect.poll(() => first.getByRole('banner').innerText()).toContain('Arbejdsområde: Varde Kommune');
    expect(await banner(first).count()).toBe(0);
    expect(watch.errors).toEqual([]);
  });

  it('tells this tab when another tab upgrades the database, and reloads by itself', async () => {
    await first.goto(FILE_URL);
    await acknowledgeStorageNotice(first);
    await createWorkspace(first, 'Varde Kommune');
    const other = await otherLocalPage();
    const newVersion = await other.evaluate(async () => {
      const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith('tilsynsbaenk-workspace-'))!;
      return new Promise<number>((resolve, reject) => {
        const request = indexedDB.open(name, 1000);
        request.onsuccess = () => { request.result.close(); resolve(request.result.version); };
        request.onerror = () => reject(request.error);
      });
    });
    expect(newVersion).toBe(1000);
    await expect.poll(() => banner(first).innerText()).toContain('Tilsynsbænken er blevet opdateret i en anden fane.');
    // The automatic reload opens the database again and carries on with the same workspace.
    await first.waitForEvent('load', { timeout: 15_000 });
    await first.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
    expect(await first.getByRole('banner').innerText()).toContain('Arbejdsområde: Varde Kommune');
    expect(await banner(first).count()).toBe(0);
  });

  it('asks the user to close other tabs while one of them blocks an upgrade', async () => {
    const other = await otherLocalPage();
    // An old connection at an older version that never lets go, like an old release in a forgotten tab.
    await other.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('tilsynsbaenk-catalog', 1);
      request.onsuccess = () => { (window as unknown as { held: IDBDatabase }).held = request.result; resolve(); };
      request.onerror = () => reject(request.error);
    }));

    await first.goto(FILE_URL);
    await expect.poll(() => banner(first).innerText()).toContain('Luk de andre faner med Tilsynsbænken.');

    await other.close();
    await acknowledgeStorageNotice(first);
    await first.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();
    expect(await banner(first).count()).toBe(0);
  });
});
