import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import { quarterOf } from '../../src/domain/sampling/frame';
import { demoBrowser } from './browser';

/**
 * The trainer's course and the afdelingsleder's Monday morning (UX.md journeys 4 and 1) on the
 * demo kommune as it is loaded today: every page full at the first click, this week's work on
 * Frister, the last whole quarter ready to sample.
 */

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const nav = (name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();
const number = (text: string) => Number(text.replace(/[^\d]/g, ''));
/** `05-03-2024` → `2024-03-05`. */
const iso = (danish: string) => danish.split('-').reverse().join('-');

/** The day the demo's extract was taken, as the pages say it. */
async function extractDate(): Promise<string> {
  const note = page.getByRole('note').filter({ hasText: 'Udtrækket er fra' }).first();
  await note.waitFor();
  return iso(/Udtrækket er fra (\d{2}-\d{2}-\d{4})/.exec(await note.innerText())![1]!);
}

describe('the demo kommune as it is loaded today', () => {
  it('is screened already: the Screening page shows a screening at the extract\u2019s date without a click', async () => {
    await nav('Screening');
    const extract = await extractDate();
    expect(extract < new Date().toLocaleDateString('sv-SE')).toBe(true);
    await page.getByRole('heading', { name: `Screening pr. ${extract.split('-').reverse().join('-')}` }).waitFor();
    expect(await page.locator('table.counts tbody tr').count()).toBeGreaterThanOrEqual(20);
  });

  it('shows this week\u2019s work on Frister per caseworker: overdue newest first, then what comes, in Danish days', async () => {
    await nav('Frister');
    await page.locator('.key-figures').waitFor({ timeout: 60_000 });
    const figure = async (label: string) => number(await page.locator('.key-figures div').filter({ hasText: label }).locator('dd').innerText());
    expect(await figure('Denne uge')).toBeGreaterThan(0);
    expect(await figure('Næste 14 dage')).toBeGreaterThan(0);
    expect(await figure('Overskredet')).toBeGreaterThan(0);
    expect(await page.getByTestId('selection').innerText()).toMatch(/^Viser åbne sager og overskredne skridt fra de seneste 3 måneder; ikke vist: [\d.]+ ældre overskredne/);

    const groups = page.locator('details.caseworker-steps');
    expect(await groups.count()).toBeGreaterThan(10);
    const first = groups.first();
    await first.locator('summary').click();
    const rows = first.locator('tbody tr');
    await rows.first().waitFor();
    const days = await rows.locator('td:nth-child(2)').allInnerTexts();
    for (const d of days) expect(d).toMatch(/^([\d.]+ dage? over|i dag|om [\d.]+ dage?)$/);
    // Overdue first, the most recent deadline first; then the coming ones, the soonest first.
    const deadlines = (await rows.locator('td:first-child').allInnerTexts()).map(iso);
    const overdue = deadlines.filter((_, i) => days[i]!.endsWith('over'));
    const coming = deadlines.slice(overdue.length);
    expect(overdue).toEqual([...overdue].sort().reverse());
    expect(coming).toEqual([...coming].sort());

    // A step opens its case with the rule marked, the deadline's arithmetic and the paragraph.
    const step = await rows.first().locator('td:nth-child(4)').innerText();
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: /^Sag / }).waitFor();
    const marked = page.locator('table.case-results tr.highlighted').first();
    await marked.waitFor();
    expect(await marked.locator('th').innerText()).toBe(step);
    expect(await marked.innerText()).toMatch(/(Serviceloven|Barnets Lov) §/);
    expect(await page.getByText(`Fra Frister: ${step}`).count()).toBe(1);
  });

  it('shows the older overdue steps when asked, counted', async () => {
    await nav('Frister');
    const older = page.getByRole('checkbox', { name: /^Vis ældre overskredne/ });
    await older.waitFor({ timeout: 60_000 });
    const hidden = number(/\(([\d.]+) skridt\)/.exec(await page.locator('label').filter({ has: older }).innerText())![1]!);
    expect(hidden).toBeGreaterThan(0);
    const overdue = async () => number(await page.locator('.key-figures .bucket-overdue dd').innerText());
    const before = await overdue();
    await older.check();
    await expect.poll(overdue).toBe(before + hidden);
  });

  it('downloads Frister\u2019s selection as CSV for Danish Excel, one line per step', async () => {
    await nav('Frister');
    const button = page.getByRole('button', { name: 'Hent fristerne som CSV' });
    await button.waitFor({ timeout: 60_000 });
    // The key figures count the selection's steps, bucket by bucket.
    const steps = (await page.locator('.key-figures dd').allInnerTexts()).reduce((n, text) => n + number(text), 0);
    const [csv] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(csv.suggestedFilename()).toMatch(/^frister-\d\d-\d\d-\d{4}\.csv$/);
    const lines = readFileSync((await csv.path())!).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFSagsbehandler;Frist;Dage;Sagsnr;Skridt;Lovgrundlag;Enhed');
    expect(lines).toHaveLength(1 + steps);
    expect(lines[1]).toMatch(/^[^;]+;\d\d-\d\d-\d{4};[^;]+;[^;]+;[^;]+;[^;]*;[^;]+$/);
  });

  it('suggests the last whole quarter before the extract for the Copenhagen preset', async () => {
    await nav('Stikprøver');
    await page.getByRole('heading', { name: 'Træk en ny stikprøve' }).waitFor({ timeout: 30_000 });
    const extract = await extractDate();
    const lastWhole = quarterOf(addDays(quarterOf(extract).from, -1));
    expect(await page.getByLabel('Periode').locator('option:checked').innerText()).toBe(lastWhole.label);
  });

  it('reads and shows dates as dd-mm-åååå, and refuses a date that does not exist', async () => {
    await nav('Screening');
    const field = page.getByLabel('Skæringsdato');
    await field.fill('31-02-2025');
    expect(await page.getByRole('alert').filter({ hasText: 'Datoen 31-02-2025 findes ikke.' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Kør screening' }).isDisabled()).toBe(true);
    await field.fill('30.6.2025');
    await field.blur();
    expect(await field.inputValue()).toBe('30-06-2025');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 30-06-2025' }).waitFor({ timeout: 60_000 });
  });

  it('keeps every rule\u2019s rate and interval in view at 1366 px without scrolling sideways', async () => {
    await page.setViewportSize({ width: 1366, height: 800 });
    await nav('Screening');
    const table = page.locator('.table-scroll').first();
    await table.locator('tbody tr').first().waitFor();
    const fits = await table.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
  });
});
