import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bombStream, MB, rawZip } from '../unit/fixtures/hostile-zip';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';
import { dubuExtract, tempDir, writeFile } from './files';

/** Issue 14, point 7: hostile files are refused quickly on the Import page, and a header-only extract asks first. */
const run = freshBrowser();
let files: string;
let page: Page;
beforeEach(async () => {
  ({ page } = run);
  files = tempDir();
  await page.goto(FILE_URL);
  await acknowledgeStorageNotice(page);
  await createWorkspace(page, 'Testkommune');
  await page.getByRole('link', { name: 'Import' }).click();
});
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

/** Chooses a file and waits for the refusal; the milliseconds from choosing to the message on the page. */
async function refusal(path: string, message: string): Promise<number> {
  const started = Date.now();
  await page.locator('#import-file').setInputFiles(path);
  await page.getByRole('alert').filter({ hasText: message }).waitFor();
  const ms = Date.now() - started;
  console.log(`refused ${basename(path)} in ${ms} ms`);
  return ms;
}

describe('hostile files on the Import page', () => {
  it('refuses a zip bomb (1 MB declaring 1.1 GB) within 2 s', async () => {
    const bomb = rawZip([{ name: 'xl/worksheets/sheet1.xml', data: bombStream(1_100), method: 8, declared: 1_100 * MB }]);
    const path = writeFile(files, 'bombe.xlsx', bomb);
    const ms = await refusal(path, 'bombe.xlsx: Filen fylder 1,1\u00a0MB, men pakket ud ville den fylde 1,1\u00a0GB; grænsen er 1\u00a0GB.');
    expect(ms).toBeLessThan(2_000);
    // Refused, not half-read: the page is still at choosing a file.
    expect(await page.locator('#import-file').isVisible()).toBe(true);
  });

  it('refuses a CSV of 10,000 columns within 2 s', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `Kolonne ${i + 1}`).join(';');
    const path = writeFile(files, 'bred.csv', `${header}\n${header}\n`);
    const ms = await refusal(path, 'bred.csv: Overskriften (linje 1) har 10.000 kolonner; grænsen er 1.000.');
    expect(ms).toBeLessThan(2_000);
  });

  it('asks before a header-only extract marks the 50 cases as no longer present, and marks them only on yes', async () => {
    await page.locator('#import-file').setInputFiles(dubuExtract(files));
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();

    const header = readFileSync(dubuExtract(files)).subarray(0, readFileSync(dubuExtract(files)).indexOf(0x0a) + 1);
    await page.getByRole('button', { name: 'Importér en fil mere' }).click();
    await page.locator('#import-file').setInputFiles(writeFile(files, 'kun-overskrifter.csv', header));
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Markér sager som ikke længere i udtrækket?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Udtrækket har ingen sager (kun overskrifter eller tomme rækker), men arbejdsområdet har 50. Importeres det, markeres 50 sager som "Ikke længere i udtrækket".');
    // "Fortryd" has the focus: Enter keeps the cases as they are.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'Importen er gennemført' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await dialog.getByRole('button', { name: 'Importér alligevel' }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    expect(await page.locator('.key-figures div').filter({ has: page.getByText('Ikke længere i udtrækket', { exact: true }) }).locator('dd').innerText()).toBe('50');
  });

  it('uses a limit changed on Indstillinger: 10 columns, then an 11-column CSV is refused', async () => {
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    const field = page.getByLabel('Flest kolonner');
    await field.fill('9');
    await page.getByRole('button', { name: 'Gem importgrænserne' }).click();
    await page.getByRole('alert').filter({ hasText: 'Flest kolonner: skriv et tal fra 10 til 16.384.' }).waitFor();
    await field.fill('10');
    await page.getByRole('button', { name: 'Gem importgrænserne' }).click();
    await page.getByText('Gemt. De nye grænser gælder fra næste fil, du vælger.').waitFor();
    await page.getByRole('link', { name: 'Import' }).click();
    const ms = await refusal(writeFile(files, 'elleve.csv', 'A;B;C;D;E;F;G;H;I;J;K\n1;2;3;4;5;6;7;8;9;10;11\n'), 'elleve.csv: Overskriften (linje 1) har 11 kolonner; grænsen er 10.');
    expect(ms).toBeLessThan(2_000);
  });
});
