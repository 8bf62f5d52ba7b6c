import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, FILE_URL, freshBrowser } from './browser';
import { seriousViolations } from './axe';
import { dubuExtract, tempDir } from './files';

const run = freshBrowser({ perFile: true });
let page: Page;
beforeAll(async () => {
  ({ page } = run);
  await page.goto(FILE_URL);
});

describe('accessibility (axe-core, WCAG 2.1 AA): no serious or critical violations', () => {
  it('on the first-start notice', async () => {
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Jeg har forstået det' }).click();
  });

  it('on the empty workspace page', async () => {
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the overview', async () => {
    await createWorkspace(page, 'Varde Kommune');
    await page.getByText('0 sager').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the workspace list, while renaming and in the deletion dialog', async () => {
    await page.getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Omdøb Varde Kommune' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await page.getByRole('button', { name: 'Slet Varde Kommune' }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('on the import page: choosing a file, mapping it and the report', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByText('Træk udtrækket hertil').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#import-file').setInputFiles(dubuExtract(tempDir()));
    await page.getByRole('button', { name: 'Importér', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the case list and a case', async () => {
    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    await page.getByTestId('case-count').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'DEMO-001' }).click();
    await page.locator('.timeline').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the screening page, its breakdown and drill-down, and the deadline overview', async () => {
    await page.getByRole('link', { name: 'Screening', exact: true }).click();
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.locator('table.counts').first().waitFor();
    await page.getByRole('button', { name: 'Underretning vurderet inden 24 timer', exact: true }).click();
    await page.locator('#rule-title').waitFor();
    await page.locator('table.counts tbody tr td button').last().click();
    await page.locator('table.subjects').waitFor();
    await page.getByRole('button', { name: 'Vis felterne' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Frister' }).click();
    await page.locator('.key-figures').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the samples page, while choosing, and on a drawn sample', async () => {
    await page.getByRole('link', { name: 'Stikprøver' }).click();
    await page.getByRole('heading', { name: 'Træk en ny stikprøve' }).waitFor();
    await page.getByLabel('Type').selectOption({ label: 'Fast antal pr. enhed, gruppe eller sagsbehandler' });
    await page.getByText('Afgræns til enheder eller grupper').click();
    await page.locator('table.strata').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Trukket af').fill('Tester');
    await page.getByRole('button', { name: 'Træk stikprøven' }).click();
    await page.getByRole('heading', { name: 'Protokol' }).waitFor();
    await page.getByRole('button', { name: 'Træk igen med samme frø' }).click();
    await page.locator('p.redraw').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on a review round: set-up, the review form, results, and the improvement plan', async () => {
    await page.getByRole('link', { name: 'Tilsyn' }).click();
    await page.locator('table.rounds tbody a').first().click();
    await page.getByLabel('Gennemgåere (én pr. linje)').fill('Leder A\nJurist B');
    await page.getByRole('button', { name: 'Fordel sagerne' }).click();
    await page.getByLabel('Gennemgå som').selectOption('Leder A');
    await page.getByRole('button', { name: 'Start gennemgang' }).click();
    await page.locator('.review-form').waitFor();
    await page.keyboard.press('N');
    await page.locator('table.findings').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Udviklingsplan' }).click();
    await page.getByLabel('Nyt fokusområde').fill('Børnesamtaler');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { name: 'Børnesamtaler' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the settings page', async () => {
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await page.getByTestId('check-worker').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(run.watch.errors).toEqual([]);
  });
});
