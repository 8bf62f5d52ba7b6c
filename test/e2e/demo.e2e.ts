import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, FILE_URL, freshBrowser } from './browser';

const run = freshBrowser();
let page: Page;
beforeEach(() => void ({ page } = run));
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const banner = () => page.getByRole('note');

async function caseCount(): Promise<string> {
  await page.getByRole('link', { name: 'Sager', exact: true }).click();
  await page.getByTestId('case-count').waitFor({ timeout: 60_000 });
  return page.getByTestId('case-count').innerText();
}

describe('the demo kommune', () => {
  it('loads at one click into a workspace marked DEMO on every page, and resets to the same data', async () => {
    await page.goto(FILE_URL);
    await acknowledgeStorageNotice(page);
    await page.getByRole('button', { name: 'Indlæs demodata' }).click();
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('banner').innerText()).toContain('Arbejdsområde: Demokommune');
    expect(await banner().innerText()).toBe('DEMO – alle data i dette arbejdsområde er fiktive. Ingen rigtige personer.');
    expect(await caseCount()).toBe('4.000 sager');
    expect(await banner().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'DEMO-000001' }).click();
    expect(await page.locator('.case-facts').innerText()).toMatch(/CPR-nr\s+\d{6}-xxxx/);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Nulstil demo Demokommune' }).click();
    await page.getByRole('button', { name: 'Nulstil', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Demodata i "Demokommune" er nulstillet.' }).waitFor({ timeout: 60_000 });
    expect(await caseCount()).toBe('4.000 sager');
  });

  it('opens at #/demo with the demo kommune loaded by itself, as npm start links to it, and opens the same one again later', async () => {
    await page.goto(`${FILE_URL}#/demo`);
    await acknowledgeStorageNotice(page);
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor({ timeout: 60_000 });
    expect(await banner().isVisible()).toBe(true);

    await page.goto(`${FILE_URL}#/demo`);
    await page.reload();
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    expect(await page.getByRole('rowheader').allInnerTexts()).toEqual([expect.stringContaining('Demokommune')]);
  });
});
