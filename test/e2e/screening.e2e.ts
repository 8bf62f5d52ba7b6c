import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, FILE_URL, launch, newProfileDir, removeProfileDir, requireBuild, Watch } from './browser';

let profile: string;
let context: BrowserContext;
let watch: Watch;
let page: Page;

beforeAll(async () => {
  requireBuild();
  profile = newProfileDir();
  context = await launch(profile);
  watch = new Watch(context);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${FILE_URL}#/demo`);
  await acknowledgeStorageNotice(page);
  await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  expect(watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(watch.errors).toEqual([]);
  await context.close();
  removeProfileDir(profile);
});

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
    expect(await page.locator('table.subjects tbody tr').count()).toBeGreaterThan(0);
  });
});
