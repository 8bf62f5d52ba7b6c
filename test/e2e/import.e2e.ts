import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';
import { CASES, dubuExtract, filledTemplate, tempDir, writeFile } from './files';

const run = freshBrowser();
let files: string;
let page: Page;
beforeEach(async () => {
  ({ page } = run);
  files = tempDir();
  await page.goto(FILE_URL);
  await acknowledgeStorageNotice(page);
  await createWorkspace(page, 'Testkommune');
});
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

async function chooseFile(path: string): Promise<void> {
  const again = page.getByRole('button', { name: 'Importér en fil mere' });
  if (await again.isVisible()) await again.click();
  else await page.getByRole('link', { name: 'Import' }).click();
  await page.locator('#import-file').setInputFiles(path);
}

async function importChosen(): Promise<void> {
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
}

const figure = (label: string) => page.locator('.key-figures div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd').innerText();

async function caseList(): Promise<string> {
  await page.getByRole('link', { name: 'Sager', exact: true }).click();
  await page.getByTestId('case-count').waitFor();
  return page.getByTestId('case-count').innerText();
}

describe('import', () => {
  it('imports the filled-in template with zero mapping clicks and shows the 50 cases', async () => {
    await chooseFile(filledTemplate(files));
    const fieldFor = (header: string) => page.getByLabel(`Felt for kolonnen ${header}`, { exact: true }).first();
    expect(await fieldFor('Sagsnr').locator('option:checked').innerText()).toBe('Sager – Sagsnr *');
    expect(await fieldFor('Modtaget').locator('option:checked').innerText()).toBe('Underretninger – Modtaget *');
    await importChosen();
    expect(await figure('Sager i filen')).toBe('50');
    expect(await figure('Nye sager')).toBe('50');
    expect(await caseList()).toBe('50 sager');
  });

  it('imports a Windows-1252 semicolon extract with its own headers, æøå intact, and recognises the saved mapping next time', async () => {
    await chooseFile(filledTemplate(files));
    await importChosen();

    await chooseFile(dubuExtract(files));
    expect(await page.locator('.file-facts').innerText()).toContain('Windows-1252 · adskilt med semikolon · 50 rækker');
    const teamField = page.getByLabel('Felt for kolonnen Team', { exact: true });
    expect(await teamField.locator('option:checked').innerText()).toBe('Sager – Enhed *');
    expect(await page.getByLabel('Felt for kolonnen Rådgiver', { exact: true }).locator('option:checked').innerText()).toBe('Sager – Sagsbehandler *');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Underretning modtaget' }) });
    expect(await row.locator('td.preview').last().innerText()).toContain('01-01-2024');
    await page.getByLabel('Gem kortlægningen som').fill('DUBU-udtræk');
    await page.getByRole('button', { name: 'Gem kortlægning' }).click();
    await page.getByText('Kortlægningen "DUBU-udtræk" er gemt').waitFor();
    await importChosen();
    // The same cases as the template: nothing new, nothing changed.
    expect(await figure('Nye sager')).toBe('0');
    expect(await figure('Uændrede sager')).toBe('50');

    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    await page.getByLabel('Sagsbehandler').selectOption('Bjørn Å. Æbelø');
    expect(await page.getByTestId('case-count').innerText()).toBe(`${CASES.filter((c) => c.caseworker === 'Bjørn Å. Æbelø').length} sager af 50 sager`);
    expect(await page.getByRole('cell', { name: 'Børnefamilieenhed Nord' }).count()).toBeGreaterThan(0);

    await chooseFile(dubuExtract(files, 'dubu-udtraek-uge-48.csv'));
    await page.getByText('Kolonnerne er genkendt fra den gemte kortlægning "DUBU-udtræk"').waitFor();
  });

  it('asks the extract’s date (suggested from the file’s name), screens by itself at that date, and offers Frister as of it', async () => {
    await chooseFile(dubuExtract(files, 'dubu-udtraek-2024-06-30.csv'));
    const date = page.getByLabel('Udtrækket er taget den');
    expect(await date.inputValue()).toBe('30-06-2024');
    await importChosen();
    expect(await page.locator('#report-title ~ p').first().innerText()).toContain('Udtrækket er taget den 30-06-2024.');
    await page.getByRole('status').filter({ hasText: 'Sagerne er screenet pr. 30-06-2024.' }).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Se screeningen' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 30-06-2024' }).waitFor();
    expect(await page.getByRole('note').filter({ hasText: 'Udtrækket er fra 30-06-2024.' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Frister' }).click();
    const note = page.getByRole('note').filter({ hasText: 'Udtrækket er fra 30-06-2024.' });
    await note.waitFor({ timeout: 60_000 });
    await note.getByRole('button', { name: 'Vis fristerne pr. 30-06-2024' }).click();
    await page.getByText('Pr. 30-06-2024.').waitFor({ timeout: 60_000 });
    await note.getByRole('button', { name: 'Vis fristerne pr. i dag' }).waitFor();
  });

  it('shows a case with its events on a time line', async () => {
    await chooseFile(filledTemplate(files));
    await importChosen();
    await caseList();
    await page.getByRole('link', { name: 'DEMO-002' }).click();
    await page.getByRole('heading', { name: 'Sag DEMO-002' }).waitFor();
    const timeline = await page.locator('.timeline').innerText();
    expect(timeline).toContain('02-02-2024');
    expect(timeline).toContain('Underretning modtaget');
    expect(timeline).toContain('fra fagperson: nej');
  });

  it('lists unusable values with row, column and reason, and downloads them as a workbook', async () => {
    const path = writeFile(files, 'fejl.csv', 'Sagsnr;Enhed;Sagsbehandler;Oprettet\nS-1;Nord;AB;31-02-2024\nS-2;Nord;;01-01-2024\n;;;\nS-1;Syd;AB;01-01-2024\n');
    await chooseFile(path);
    await importChosen();
    expect(await figure('Sager i filen')).toBe('1');
    const issues = await page.locator('table.issues tbody').innerText();
    expect(issues).toContain('Datoen findes ikke: "31-02-2024"');
    expect(issues).toContain('Rækken er ikke importeret: "Sagsbehandler" mangler.');
    expect(issues).toContain('Sagsnr S-1 står også i række 2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent valideringsrapport (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('valideringsrapport-fejl.xlsx');
    const workbook = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Fejl og advarsler']!, { header: 1 });
    expect(rows[0]).toEqual(['Ark', 'Række', 'Kolonne', 'Værdi', 'Alvor', 'Årsag']);
    expect(rows).toContainEqual(['fejl', 2, 'Oprettet', '31-02-2024', 'Advarsel', expect.stringContaining('Datoen findes ikke')]);
  });

  it.each([
    ['an empty file', 'tom.csv', new Uint8Array(), 'Filen er tom (0 byte).'],
    ['a picture renamed to .csv', 'billede.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'Filen er ikke et regneark eller en CSV-fil'],
  ])('refuses %s with a Danish message and changes nothing', async (_name, fileName, bytes, message) => {
    await chooseFile(filledTemplate(files));
    await importChosen();
    await chooseFile(writeFile(files, fileName, bytes));
    expect(await page.getByRole('alert').innerText()).toContain(message);
    expect(await caseList()).toBe('50 sager');
  });

  it('cancels a running import and leaves the workspace as it was', async () => {
    const header = 'Sagsnr;Enhed;Sagsbehandler;Oprettet;Underretning modtaget;Foranstaltning type;Foranstaltning iværksat\n';
    const rows = Array.from({ length: 60_000 }, (_, i) => `C-${i};Nord;AB;01-01-2024;02-01-2024;forebyggende;03-01-2024`).join('\n');
    await chooseFile(writeFile(files, 'stor.csv', header + rows));
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('button', { name: 'Annullér' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Importen blev annulleret. Intet er ændret i arbejdsområdet.');
    // The file is read again at once, so the user can retry without choosing it anew.
    await page.getByRole('button', { name: 'Importér', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    await page.getByRole('heading', { name: 'Ingen sager endnu' }).waitFor();
  });

  it('keeps the case list virtual: 20,000 cases sort, filter and scroll with only the visible rows in the page', async () => {
    const header = 'Sagsnr;Enhed;Sagsbehandler;Gruppe\n';
    const rows = Array.from({ length: 20_000 }, (_, i) => `C-${i};${i % 2 ? 'Nord' : 'Syd'};AB;Børn`).join('\n');
    await chooseFile(writeFile(files, 'mange.csv', header + rows));
    await importChosen();
    expect(await caseList()).toBe('20.000 sager');
    const bodyRows = page.locator('.virtual-table tbody tr:not(.spacer)');
    expect(await bodyRows.count()).toBeLessThan(60);
    expect(await bodyRows.first().locator('td').first().innerText()).toBe('C-0');

    await page.getByRole('button', { name: 'Sagsnr' }).click();
    expect(await page.getByRole('columnheader', { name: 'Sagsnr' }).getAttribute('aria-sort')).toBe('descending');
    expect(await bodyRows.first().locator('td').first().innerText()).toBe('C-19999');

    await page.locator('.virtual-table').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => bodyRows.last().locator('td').first().innerText()).toBe('C-0');
    expect(await bodyRows.count()).toBeLessThan(60);

    await page.getByLabel('Sagsnr indeholder').fill('c-1999');
    expect(await page.getByTestId('case-count').innerText()).toBe('11 sager af 20.000 sager');
    await page.getByLabel('Enhed').selectOption('Nord');
    expect(await page.getByTestId('case-count').innerText()).toBe('6 sager af 20.000 sager');
  });
});
