import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_VERSION } from '../../src/domain/rules/catalog';
import { demoBrowser } from './browser';

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

describe('screening', () => {
  it('screens the demo kommune and drills from a rule\u2019s rate to a breached case with its dates and paragraph', async () => {
    await page.getByRole('link', { name: 'Screening' }).click();
    await page.getByLabel('Skæringsdato').fill('2025-12-31');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 31-12-2025' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#result-title + p').innerText()).toContain('4.000 sager screenet');
    expect(await page.locator('#result-title + p').innerText()).toContain('totaltælling');

    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder', exact: true }) });
    expect(await row.locator('td').nth(6).innerText()).toMatch(/^\d+,\d\u00a0%$/);
    await row.getByRole('button', { name: /overskredet: Børnefaglig undersøgelse/ }).click();
    await page.getByRole('heading', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder: overskredet' }).waitFor();
    const first = page.locator('table.subjects tbody tr').first();
    const caseNumber = await first.locator('td').first().innerText();
    await first.getByRole('link').click();

    await page.getByRole('heading', { name: `Sag ${caseNumber}` }).waitFor();
    const result = page.locator('table.case-results tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder' }) }).first();
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Overskredet');
    expect(text).toMatch(/Serviceloven § 50|Barnets Lov § 20/);
    expect(text).toMatch(/frist \d{2}-\d{2}-\d{4}/);
  });

  it('breaks a rule down by unit, each number opening its cases', async () => {
    await page.getByRole('link', { name: 'Screening' }).click();
    await page.getByRole('button', { name: 'Barnet vejledt om bisidder', exact: true }).click();
    await page.getByLabel('Fordel på').selectOption('unit');
    const unitRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Børnefamilieenhed Nord' }) });
    await unitRow.waitFor();
    await unitRow.getByRole('button', { name: /overskredet/ }).click();
    await page.getByRole('heading', { name: 'Barnet vejledt om bisidder: overskredet – Børnefamilieenhed Nord' }).waitFor();
    // The heading comes before the cases: wait for the count the page states, then the rows it lists.
    const stated = page.getByRole('status').filter({ hasText: /forekomst/ });
    await stated.waitFor();
    const total = Number((await stated.innerText()).match(/^([\d.]+)/)![1]!.replaceAll('.', ''));
    expect(total).toBeGreaterThan(0);
    expect(await page.locator('table.subjects tbody tr').count()).toBe(Math.min(total, 500));
  });

  it('lists the fields to fix in the case system, per field and per case', async () => {
    await page.getByRole('link', { name: 'Screening' }).click();
    await page.getByRole('button', { name: 'Vis felterne' }).click();
    const fields = await page.locator('table.quality-fields tbody').innerText();
    expect(fields).toContain('Underretninger: Fra fagperson');
    expect(fields).toContain('Foranstaltninger: Samtykke');
    const firstCase = page.locator('table.quality-cases tbody tr').first();
    expect(await firstCase.locator('td').nth(1).innerText()).toMatch(/^[A-ZÆØÅ][^:]+: .+/);
  });

  it('shows the weekly deadline overview per caseworker and exports a sheet per caseworker', async () => {
    await page.getByRole('link', { name: 'Frister' }).click();
    await page.locator('.key-figures').waitFor({ timeout: 60_000 });
    const overdue = await page.locator('.bucket-overdue dd').innerText();
    expect(overdue).toMatch(/^[\d.]+ skridt$/);
    await page.getByLabel('Enhed').selectOption('Børnefamilieenhed Nord');
    const caseworkers = await page.getByLabel('Sagsbehandler').locator('option').allInnerTexts();
    expect(caseworkers.length).toBeGreaterThan(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent ark pr. sagsbehandler (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^frister-\d{4}-\d{2}-\d{2}-børnefamilieenhed-nord\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const workbook = XLSX.read(bytes, { type: 'buffer', cellNF: true });
    expect(workbook.SheetNames.sort()).toEqual(caseworkers.filter((c) => c !== 'Alle').sort());
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[workbook.SheetNames[0]!]!, { header: 1 });
    expect(rows[0]).toEqual(['DEMO – alle data er fiktive. Ingen rigtige personer.']);
    // The sheet says which steps it holds: those the page shows.
    expect(rows[1]![0]).toMatch(/^Frister pr\. \d{2}-\d{2}-\d{4}\. Viser åbne sager og overskredne skridt fra de seneste 3 måneder/);
    expect(rows[2]).toEqual(['Sagsnr', 'Skridt', 'Frist', 'Dage', 'Status', 'Lovgrundlag', 'Enhed']);
    expect(rows.slice(3).every((r) => r[6] === 'Børnefamilieenhed Nord')).toBe(true);
    // Deadlines are real Excel dates, shown as dd-mm-åååå; the header stays in view.
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    expect(sheet.C4).toMatchObject({ t: 'n', z: 'dd-mm-yyyy' });
    expect(strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!)).toMatch(/<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"\/>/);
  });

  it('takes rule settings: a rule switched off, a local standard added, a bad value refused', async () => {
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await page.getByLabel('Frist for undersøgelsen (måneder)').fill('-1');
    expect(await page.getByRole('alert').innerText()).toContain('"Frist for undersøgelsen" skal være et helt tal fra 0 til 1000.');
    expect(await page.getByRole('button', { name: 'Gem regler' }).isDisabled()).toBe(true);
    await page.getByLabel('Frist for undersøgelsen (måneder)').fill('4');
    await page.getByRole('checkbox', { name: 'Samvær afgjort eller rammen fastlagt' }).uncheck();
    await page.getByLabel('Afledt af').selectOption('BFU_4M');
    await page.getByLabel('Navn', { exact: true }).fill('Undersøgelse inden 3 måneder');
    await page.getByRole('button', { name: 'Tilføj lokal standard' }).click();
    await page.getByLabel('Frist for undersøgelsen (måneder)').nth(1).fill('3');
    await page.getByRole('button', { name: 'Gem regler' }).click();
    expect(await page.getByRole('status').filter({ hasText: 'Gemt.' }).innerText()).toMatch(new RegExp(`Næste screening bruger regelsæt ${CATALOG_VERSION.replace('.', '\\.')}\\+[0-9a-f]{8}\\.`));

    await page.getByRole('link', { name: 'Screening' }).click();
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('button', { name: 'Undersøgelse inden 3 måneder', exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Samvær afgjort eller rammen fastlagt', exact: true }).count()).toBe(0);
    const rate = (name: string) => page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) }).locator('td').nth(6).innerText();
    const percent = (text: string) => Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
    expect(percent(await rate('Undersøgelse inden 3 måneder'))).toBeLessThan(percent(await rate('Børnefaglig undersøgelse afsluttet inden 4 måneder')));
  });
});
