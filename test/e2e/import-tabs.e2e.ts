import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, launch, newProfileDir, removeProfileDir, requireBuild, Watch } from './browser';
import { tempDir, writeFile } from './files';

/** Two tabs of one browser on one workspace: one import at a time, and both land whole. */

let profile: string;
let context: BrowserContext;
let watch: Watch;
let first: Page;
let second: Page;
let files: string;

beforeAll(requireBuild);
beforeEach(async () => {
  profile = newProfileDir();
  context = await launch(profile);
  watch = new Watch(context);
  files = tempDir();
  first = context.pages()[0] ?? (await context.newPage());
  await first.goto(FILE_URL);
  await acknowledgeStorageNotice(first);
  await createWorkspace(first, 'Varde Kommune');
  second = await context.newPage();
  await second.goto(FILE_URL);
  await second.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
});
afterEach(async () => {
  expect(watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(watch.errors).toEqual([]);
  await context.close();
  removeProfileDir(profile);
});

const extract = (name: string, prefix: string, n: number) =>
  writeFile(files, name, `Sagsnr;Enhed;Sagsbehandler\n${Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, '0')};Nord;AB`).join('\n')}\n`);

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Import', exact: true }).click();
  await page.locator('#import-file').setInputFiles(path);
  await page.getByRole('button', { name: 'Importér', exact: true }).waitFor();
}

async function caseCount(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager', exact: true }).click();
  await page.getByTestId('case-count').waitFor();
  return page.getByTestId('case-count').innerText();
}

/** The name of the workspace's database, as the pages' workers lock it. */
const DB_NAME = `(async () => (await indexedDB.databases()).map((d) => d.name).find((n) => n.startsWith('tilsynsbaenk-workspace-')))()`;

describe('two tabs importing into one workspace', () => {
  it('refuses an import in Danish while the other tab is importing, and lets it go once that is done', async () => {
    await chooseFile(first, extract('lille.csv', 'A', 3));
    // The second tab holds the workspace's write lock exactly as its import does while it runs.
    const name = (await second.evaluate(DB_NAME)) as string;
    await second.evaluate(async (lock) => {
      await new Promise<void>((held) => {
        void navigator.locks.request(lock, () => new Promise<void>((release) => {
          (window as unknown as { releaseImport: () => void }).releaseImport = release;
          held();
        }));
      });
    }, `${name}:write`);
    await first.getByRole('button', { name: 'Importér', exact: true }).click();
    const refusal = first.getByRole('alert').filter({ hasText: 'Et andet vindue eller faneblad importerer til dette arbejdsområde lige nu' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('intet er ændret i arbejdsområdet');

    await second.evaluate(() => (window as unknown as { releaseImport: () => void }).releaseImport());
    await first.getByRole('button', { name: 'Importér', exact: true }).click();
    await first.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    expect(await caseCount(first)).toBe('3 sager');
  });

  it('stores both files whole when both tabs import at once: every case of both in the list, the screening and the case page', async () => {
    await chooseFile(first, extract('stor.csv', 'B', 20_000));
    await chooseFile(second, extract('lille.csv', 'A', 3));
    const landed = (page: Page) => page.getByRole('heading', { name: 'Importen er gennemført' });
    // The 3-case file landing after the 20,000-case one is asked about first, as a user would be: yes.
    const asked = (page: Page) => page.getByRole('dialog', { name: 'Markér sager som ikke længere i udtrækket?' });
    const done = (page: Page) => landed(page).or(page.getByRole('alert')).or(asked(page)).first().waitFor({ timeout: 60_000 });
    const answerYes = async (page: Page) => {
      if (!(await asked(page).isVisible())) return;
      await asked(page).getByRole('button', { name: 'Importér alligevel' }).click();
      await landed(page).waitFor({ timeout: 60_000 });
    };
    await Promise.all([first.getByRole('button', { name: 'Importér', exact: true }).click(), second.getByRole('button', { name: 'Importér', exact: true }).click()]);
    await Promise.all([done(first), done(second)]);
    // One of them may have been refused while the other wrote: then it is imported now, once the other is done.
    for (const page of [first, second]) {
      await answerYes(page);
      if (await landed(page).isVisible()) continue;
      expect(await page.getByRole('alert').innerText()).toContain('Et andet vindue eller faneblad importerer');
      await page.getByRole('button', { name: 'Importér', exact: true }).click();
      await done(page);
      await answerYes(page);
      await landed(page).waitFor({ timeout: 60_000 });
    }
    expect(await caseCount(second)).toBe('20.003 sager');
    await second.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Screening', exact: true }).click();
    await second.getByRole('button', { name: 'Kør screening' }).click();
    await second.locator('#result-title + p').filter({ hasText: '20.003 sager screenet' }).waitFor({ timeout: 60_000 });
    await second.goto(`${FILE_URL}#/sager/A-00002`);
    await second.getByRole('heading', { name: 'Sag A-00002' }).waitFor();
  }, 120_000);
});
