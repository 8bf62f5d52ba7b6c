import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';
import { tempDir, writeFile } from './files';

/** Fictitious CPR numbers: two valid, one invalid (31 February) and one typed into a date column. */
const NUMBERS = ['050324-4234', '1204155678', '3102174321', '1503165432'];
const EXTRACT = [
  'Sagsnr;CPR-nr;Enhed;Sagsbehandler;Underretning modtaget',
  `S-01;${NUMBERS[0]};Nord;Alma Fiktiv;02-06-2025`,
  `S-04;;Syd;Bent Opdigtet;${NUMBERS[3]}`,
  `S-03;${NUMBERS[2]};Syd;Bent Opdigtet;01-10-2025`,
  // The mapping screen shows the first three rows.
  `S-02;${NUMBERS[1]};Nord;Alma Fiktiv;10-08-2025`,
].join('\r\n');

/** The numbers whose ten digits (with or without the dash) are in the text. */
const fullNumbersIn = (text: string) => NUMBERS.filter((n) => {
  const digits = n.replace(/\D/g, '');
  return new RegExp(`${digits.slice(0, 6)}[\\s-]*${digits.slice(6)}`).test(text);
});

const run = freshBrowser();
let page: Page;
beforeEach(async () => {
  ({ page } = run);
  await page.goto(FILE_URL);
  await acknowledgeStorageNotice(page);
  await createWorkspace(page, 'Testkommune');
  await page.getByRole('link', { name: 'Import' }).click();
  await page.locator('#import-file').setInputFiles(writeFile(tempDir(), 'udtraek-2025-12-31.csv', EXTRACT));
  await page.getByRole('button', { name: 'Importér', exact: true }).waitFor();
});
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const pageText = () => page.locator('body').innerText();

async function importIt(): Promise<void> {
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
}

describe('full CPR numbers on screen', () => {
  it('are masked in the mapping preview and the import report with the default setting', async () => {
    const preview = await pageText();
    expect(fullNumbersIn(preview)).toEqual([]);
    expect(preview).toContain('050324-xxxx');
    expect(preview).toContain('150316-xxxx');

    await importIt();
    const report = await pageText();
    expect(fullNumbersIn(report)).toEqual([]);
    const issues = page.getByRole('table', { name: 'Fejl og advarsler fra importen' });
    expect(await issues.getByRole('row').filter({ hasText: 'CPR-nr' }).innerText()).toContain('310217-xxxx');
    expect(await issues.getByRole('row').filter({ hasText: 'Underretning modtaget' }).innerText()).toContain('150316-xxxx');
    expect(report).toContain('de læste rækker gemt med importen, med CPR-numre og CPR-lignende værdier maskeret');

    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    await page.getByRole('link', { name: 'S-01' }).click();
    await page.getByText('CPR-nr').waitFor();
    expect(fullNumbersIn(await pageText())).toEqual([]);
    expect(await pageText()).toContain('050324-xxxx');
  });

  it('are shown, in the preview and the report, once "Behold fulde CPR-numre" is ticked', async () => {
    await page.getByLabel('Behold fulde CPR-numre i dette arbejdsområde').check();
    expect(fullNumbersIn(await pageText())).toEqual([NUMBERS[0], NUMBERS[2], NUMBERS[3]]);
    await importIt();
    expect(fullNumbersIn(await page.getByRole('table', { name: 'Fejl og advarsler fra importen' }).innerText())).toEqual([NUMBERS[2], NUMBERS[3]]);
  });
});
