import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';

const run = freshBrowser();
let page: Page;
beforeEach(async () => {
  ({ page } = run);
  await page.goto(FILE_URL);
  await acknowledgeStorageNotice(page);
  await createWorkspace(page, 'Varde Kommune');
  await createWorkspace(page, 'Testkommune');
});
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const databases = (on: Page) => on.evaluate(async () => (await indexedDB.databases()).map((d) => d.name!).filter((n) => n.startsWith('tilsynsbaenk-')).sort());
const listed = (on: Page) => on.getByRole('table', { name: 'Arbejdsområder i denne browser' }).getByRole('rowheader').allInnerTexts();

async function openEraseDialog(): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
  await page.getByRole('button', { name: 'Slet alle data …' }).click();
  await page.getByRole('dialog', { name: 'Slet alle data på denne computer' }).waitFor();
}

describe('Slet alle data på denne computer', () => {
  it('deletes nothing until SLET ALT is typed', async () => {
    await openEraseDialog();
    const dialog = page.getByRole('dialog', { name: 'Slet alle data på denne computer' });
    expect(await dialog.getByTestId('deletion-limits').innerText()).toContain('Låste arbejdsområder efterlader kun krypterede data.');
    await dialog.getByLabel('Skriv SLET ALT for at bekræfte').fill('slet alt');
    await dialog.getByRole('button', { name: 'Slet alle data' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('Skriv SLET ALT for at bekræfte, at alle data skal slettes.');
    await dialog.getByRole('button', { name: 'Fortryd' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    expect((await listed(page)).map((name) => name.split('\n')[0]!.trim())).toEqual([expect.stringContaining('Testkommune'), expect.stringContaining('Varde Kommune')]);
    expect(await databases(page)).toHaveLength(3);
  });

  it('deletes every workspace and the catalogue, tells another open tab, and starts afresh', async () => {
    const other = await run.context.newPage();
    await other.goto(`${FILE_URL}#/arbejdsomraader`);
    await other.getByRole('table', { name: 'Arbejdsområder i denne browser' }).waitFor();

    await openEraseDialog();
    const dialog = page.getByRole('dialog', { name: 'Slet alle data på denne computer' });
    await dialog.getByLabel('Skriv SLET ALT for at bekræfte').fill('SLET ALT');
    await dialog.getByRole('button', { name: 'Slet alle data' }).click();
    const done = page.getByRole('dialog', { name: 'Alle data er slettet' });
    await done.waitFor();
    // The other tab shows this until it reloads by itself, 5 s later.
    await other.getByText('Arbejdsområdet er blevet slettet i en anden fane.').waitFor();
    expect(await done.getByRole('status').innerText()).toContain('Kataloget og 2 arbejdsområder er slettet fra denne browser');
    expect(await done.getByTestId('deletion-limits').innerText()).toContain('Ingen webside kan overskrive dem.');
    expect(await databases(page)).toEqual([]);

    await done.getByRole('button', { name: 'Start forfra' }).click();
    await acknowledgeStorageNotice(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();
    expect(await page.getByRole('table', { name: 'Arbejdsområder i denne browser' }).count()).toBe(0);
    expect(await page.locator('.active-workspace').innerText()).toBe('Intet arbejdsområde valgt');
    expect(await databases(page)).toEqual(['tilsynsbaenk-catalog']);
  });
});
