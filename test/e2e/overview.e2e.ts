import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { demoBrowser, FILE_URL } from './browser';

const run = demoBrowser();
let page: Page;
beforeEach(() => void ({ page } = run));

async function openOverview(): Promise<void> {
  await page.goto(`${FILE_URL}#/`);
  await page.locator('.dashboard[data-ready="true"]').waitFor({ timeout: 60_000 });
}

/** Pixels on the canvas that are not blank: Chart.js drew something. */
const inkOn = (id: string) => page.evaluate((canvasId) => {
  const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
  return ink;
}, id);

const hash = () => page.evaluate(() => decodeURIComponent(location.hash));

describe('Overblik of the demo kommune', () => {
  it('draws compliance per rule (census) and per question (sample) with their tables, the heat map and the work figures', async () => {
    await openOverview();
    for (const id of ['rule-chart-canvas', 'question-chart-canvas']) {
      expect(Number(await page.locator(`#${id}`).getAttribute('data-drawn'))).toBeGreaterThan(0);
      expect(await inkOn(id)).toBeGreaterThan(1000);
    }
    const ruleFigure = page.getByRole('figure', { name: /Overholdelse pr\. regel/ });
    expect(await ruleFigure.locator('figcaption').innerText()).toMatch(/Totaltælling[\s\S]*laveste .+ \d+,\d\s%, højeste .+ \d+,\d\s%/);
    expect(await page.getByRole('figure', { name: /Overholdelse pr\. spørgsmål/ }).locator('figcaption').innerText()).toContain('Stikprøve');

    await ruleFigure.getByRole('button', { name: 'Vis som tabel' }).click();
    const rows = ruleFigure.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(Number(await page.locator('#rule-chart-canvas').getAttribute('data-drawn')));
    expect(await rows.first().innerText()).toMatch(/\d+,\d\s%\t\d+,\d\s%–\d+,\d\s%/);

    const heat = page.locator('#heat-map-table');
    expect(await heat.locator('thead th').count()).toBeGreaterThan(2);
    expect(await heat.locator('td a').first().innerText()).toMatch(/\d+\s%\s*n = [\d.]+/);

    const work = page.getByRole('region', { name: 'Det, der skal gøres' });
    for (const term of ['Overskredet', 'Denne uge', 'Næste 14 dage', 'Datakvalitet', 'Åbne handlinger']) {
      expect(await work.getByText(term, { exact: true }).count()).toBe(1);
    }
    expect(await work.getByRole('link', { name: /af sagerne mangler oplysninger/ }).innerText()).toMatch(/^\d+,\d\s%$/);
  });

  it('computes the trend per quarter in the background with a progress bar, and keeps it with the screening', async () => {
    await openOverview();
    await page.getByRole('button', { name: 'Beregn udviklingen' }).click();
    await page.locator('#trend-chart-canvas[data-drawn]').waitFor({ timeout: 120_000 });
    expect(await inkOn('trend-chart-canvas')).toBeGreaterThan(1000);
    const figure = page.getByRole('figure', { name: /Overholdelse pr\. kvartal, de 8 regler med lavest overholdelse/ });
    await figure.getByRole('button', { name: 'Vis som tabel' }).click();
    expect(await figure.locator('thead th').allInnerTexts()).toEqual(['Regel', ...Array.from({ length: 6 }, () => expect.stringMatching(/^\d{4} K[1-4]$/))]);
    expect(await figure.locator('tbody tr').count()).toBe(8);
    await page.getByRole('checkbox', { name: /Vis alle \d+ regler/ }).check();
    const all = page.getByRole('figure', { name: /Overholdelse pr\. regel og kvartal/ });
    await all.locator('tbody tr').nth(8).waitFor();
    expect(Number(await page.locator('#trend-chart-canvas').getAttribute('data-drawn'))).toBe(await all.locator('tbody tr').count());
    // Kept with the screening: the next visit shows it without computing.
    await openOverview();
    expect(Number(await page.locator('#trend-chart-canvas').getAttribute('data-drawn'))).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Beregn udviklingen igen' }).count()).toBe(1);
  });

  it('passes axe-core with every chart drawn and its table shown', async () => {
    await openOverview();
    // Each button is renamed "Skjul tabellen" once clicked.
    const show = page.getByRole('button', { name: 'Vis som tabel' });
    while ((await show.count()) > 0) await show.first().click();
    expect(await page.getByRole('button', { name: 'Skjul tabellen' }).count()).toBe(await page.locator('.rate-chart, .trend-chart').count());
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the non-compliant cases of a rule when its bar is clicked, and of a bar chosen with the keyboard', async () => {
    await openOverview();
    const canvas = page.locator('#rule-chart-canvas');
    const [x, y] = (await canvas.getAttribute('data-first-bar'))!.split(',').map(Number);
    await canvas.click({ position: { x: x!, y: y! } });
    await page.waitForFunction(() => location.hash.startsWith('#/screening?regel='));
    const ruleId = (await hash()).split('regel=')[1]!;
    const subjects = page.locator('#subjects-title');
    await subjects.waitFor();
    expect(await subjects.innerText()).toMatch(/: overskredet$/);
    await page.getByRole('status').filter({ hasText: /forekomst/ }).waitFor();

    await openOverview();
    await page.locator('#rule-chart-canvas').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.rate-chart').first().locator('[aria-live]').innerText()).toMatch(/: \d+,\d\s%, interval .*Tryk Enter/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((first) => location.hash.startsWith('#/screening?regel=') && !location.hash.endsWith(first), ruleId);
    await page.locator('#subjects-title').waitFor();
  });

  it('opens a heat-map cell\'s cases from the keyboard: the rule\'s non-compliant cases in that unit', async () => {
    await openOverview();
    const cell = page.locator('#heat-map-table td a').first();
    // The link is described by its row's rule and its column's unit.
    const [, unitHeader] = (await cell.getAttribute('aria-describedby'))!.split(' ');
    const unit = await page.locator(`#${unitHeader}`).innerText();
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('&enhed='));
    expect(await hash()).toContain(`enhed=${unit}`);
    const subjects = page.locator('#subjects-title');
    await subjects.waitFor();
    expect(await subjects.innerText()).toContain(`– ${unit}`);
    await page.getByRole('status').filter({ hasText: /forekomst/ }).waitFor();
  });

  it('colours the heat map by the thresholds set in Indstillinger, and logs the change', async () => {
    await page.goto(`${FILE_URL}#/indstillinger`);
    await page.getByLabel('Grøn fra (%)').fill('80');
    await page.getByLabel('Gul fra (%)').fill('85');
    await page.getByRole('button', { name: 'Gem farvegrænserne' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Grænsen for gul' }).innerText()).toBe('Grænsen for gul skal være lavere end grænsen for grøn.');
    await page.getByLabel('Gul fra (%)').fill('60');
    await page.getByRole('button', { name: 'Gem farvegrænserne' }).click();
    await page.getByRole('status').filter({ hasText: 'Gemt: grøn ≥ 80 %, gul 60–79 %, rød < 60 %.' }).waitFor();
    await openOverview();
    expect(await page.getByRole('region', { name: 'Enheder og regler' }).innerText()).toContain('grøn ≥ 80 %, gul 60–79 %, rød < 60 %');
    await page.goto(`${FILE_URL}#/log`);
    await page.locator('tbody').getByText('Grænser for varmekortets farver ændret').first().waitFor({ timeout: 30_000 });
  });
});
