import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, launch, newProfileDir, removeProfileDir, requireBuild, Watch } from './browser';

let profile: string;
let context: BrowserContext;
let watch: Watch;
let page: Page;

async function start(): Promise<void> {
  context = await launch(profile);
  watch = new Watch(context);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(FILE_URL);
}

beforeAll(requireBuild);
beforeEach(async () => {
  profile = newProfileDir();
  await start();
  await acknowledgeStorageNotice(page);
});
afterEach(async () => {
  expect(watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(watch.errors).toEqual([]);
  await context.close();
  removeProfileDir(profile);
});

const header = () => page.getByRole('banner');
const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });

describe('workspaces', () => {
  it('marks in the navigation the page actually shown: the workspace list, when a page needs a workspace and there is none', async () => {
    await page.goto(`${FILE_URL}#/frister`);
    await page.getByRole('heading', { name: 'Arbejdsområder', level: 1 }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    expect(await menu.getByRole('link', { name: 'Arbejdsområder' }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('link', { name: 'Frister' }).getAttribute('aria-current')).toBeNull();
    expect(await page.title()).toBe('Arbejdsområder – Tilsynsbænken');
  });

  it('survives closing the browser: the workspace used last opens on the next start', async () => {
    await createWorkspace(page, 'Varde Kommune');
    await createWorkspace(page, 'Esbjerg Kommune');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Åbn Varde Kommune' }).click();
    await expect.poll(() => header().innerText()).toContain('Arbejdsområde: Varde Kommune');
    await context.close();

    await start();
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
    expect(await header().innerText()).toContain('Arbejdsområde: Varde Kommune');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringContaining('Esbjerg Kommune'),
      expect.stringContaining('Varde Kommune'),
    ]);
  });

  it('refuses an empty or duplicate name with a Danish message', async () => {
    await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Skriv et navn til arbejdsområdet.');
    await createWorkspace(page, 'Varde Kommune');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByLabel('Navn på nyt arbejdsområde').fill('VARDE kommune');
    await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Der findes allerede et arbejdsområde med navnet "VARDE kommune".');
  });

  it('renames a workspace and shows the new name in the header', async () => {
    await createWorkspace(page, 'Varde');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Omdøb Varde' }).click();
    await page.getByLabel('Nyt navn til Varde').fill('Varde Kommune 2026');
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await expect.poll(() => header().innerText()).toContain('Arbejdsområde: Varde Kommune 2026');
    expect(await page.getByRole('status').innerText()).toBe('Arbejdsområdet hedder nu "Varde Kommune 2026".');
  });

  it('deletes a workspace only after its name is typed, and opens the one used before it', async () => {
    await createWorkspace(page, 'Varde Kommune');
    await createWorkspace(page, 'Esbjerg Kommune');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await row('Esbjerg Kommune').getByRole('button', { name: 'Slet Esbjerg Kommune' }).click();

    const dialog = page.getByRole('dialog', { name: 'Slet arbejdsområdet "Esbjerg Kommune"' });
    const confirm = dialog.getByRole('button', { name: 'Slet for altid' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Esbjerg');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Esbjerg Kommune');
    await confirm.click();

    await expect.poll(() => page.getByRole('status').innerText()).toBe('Arbejdsområdet "Esbjerg Kommune" er slettet.');
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual([expect.stringContaining('Varde Kommune')]);
    expect(await header().innerText()).toContain('Arbejdsområde: Varde Kommune');
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases.filter((name) => name?.startsWith('tilsynsbaenk-workspace-'))).toHaveLength(1);
  });

  it('keeps the deletion dialog keyboard-operable and cancellable with Escape', async () => {
    await createWorkspace(page, 'Varde Kommune');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Slet Varde Kommune' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual([expect.stringContaining('Varde Kommune')]);
  });
});
