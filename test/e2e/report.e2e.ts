import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { demoBrowser } from './browser';

/**
 * Rapporter on the demo kommune: a report composed from its screening and its level 2 round,
 * stored, opened again from the list, printed to an A4 PDF of several pages, its workbook and a
 * table downloaded, and deleted.
 */

const run = demoBrowser();
let page: Page;
beforeEach(() => void ({ page } = run));

const menu = () => page.getByRole('navigation', { name: 'Hovedmenu' });

/** The pages of a PDF as Chromium writes it: one `/Type /Page` object each, and their MediaBoxes in points. */
function pdfPages(bytes: Buffer): { pages: number; boxes: string[] } {
  const text = bytes.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => `${Math.round(Number(m[1]))}×${Math.round(Number(m[2]))}`);
  return { pages, boxes };
}

describe('a committee report (Rapporter)', () => {
  let title = '';

  it('is composed from the screening and the answered round, stored, and opened again from the list', async () => {
    await menu().getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('heading', { name: 'Rapporter', level: 1 }).waitFor();
    // The level 2 round of the demo has answers, so it is chosen with its quarter.
    const round = page.getByRole('checkbox', { name: /^Niveau 2/ });
    await round.waitFor({ timeout: 30_000 });
    expect(await round.isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByLabel('Kommune').inputValue()).toBe('Demokommune');
    title = await page.getByLabel('Titel').inputValue();
    expect(title).toMatch(/^Lovoverholdelse \d{4} K\d$/);
    await page.getByRole('button', { name: 'Lav og gem rapporten' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/#\/rapporter\/[0-9a-f-]{36}$/);
    expect(await page.locator('.report-demo').innerText()).toContain('DEMO');
    expect(await page.getByRole('heading', { name: 'Alle valgte enheder' }).isVisible()).toBe(true);
    // The rates per rule as bars, drawn from the report's own numbers, and the unit × rule heat map.
    await page.locator('#report-rule-chart-canvas[data-drawn]').waitFor();
    expect(Number(await page.locator('#report-rule-chart-canvas').getAttribute('data-drawn'))).toBeGreaterThan(10);
    expect(await page.locator('#report-question-chart-canvas').getAttribute('data-drawn')).toMatch(/^[1-9]\d*$/);
    expect(await page.getByRole('figure', { name: /Overholdelse pr. regel og enhed/ }).isVisible()).toBe(true);

    await page.getByRole('link', { name: '← Alle rapporter' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(await page.getByRole('term').filter({ hasText: 'Kommune' }).first().isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    // Composing in the worker and two axe-core runs over a page of many tables: half a minute on a busy machine.
  }, 150_000);

  it('prints to a multi-page A4 PDF without the menu or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await menu().isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv / gem som PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: title, level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const { pages, boxes } = pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(boxes)).toEqual(new Set(['595×842']));
  });

  it('downloads its workbook with DEMO on every sheet, and a table as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent lovoverholdelsesrapport (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe(`Lovoverholdelsesrapport ${title} ${new Date().toLocaleDateString('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric' }).replace(/\./g, '-')}.xlsx`);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames).toEqual(expect.arrayContaining(['Lovoverholdelse', 'Metode', 'Fund', 'Udviklingsplan']));
    expect(book.SheetNames.some((n) => n.startsWith('Protokol niveau 2'))).toBe(true);
    for (const name of book.SheetNames) expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1 })[0]![0], name).toMatch(/^DEMO/);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent tabellen som CSV' }).first().click()]);
    expect(csv.suggestedFilename()).toMatch(/-samlet\.csv$/);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFFType;Id;Regel / spørgsmål;Lovgrundlag;Andel (%);n;95 %-interval;Metode');
  });

  it('is deleted after a confirmation, and the screening workbook downloads from the page', async () => {
    await page.getByRole('button', { name: 'Slet rapporten' }).click();
    await page.getByRole('dialog', { name: 'Slet rapporten?' }).getByRole('button', { name: 'Slet rapporten' }).click();
    await page.getByRole('status').filter({ hasText: `Rapporten «${title}» er slettet.` }).waitFor();
    expect(await page.getByText('Ingen rapporter endnu.').isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent screeningen (xlsx)' }).click()]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Resultater', 'Oversigt']);
    const results = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Resultater!, { header: 1 });
    expect(results[0]![0]).toMatch(/^DEMO/);
    expect(results[1]).toEqual(['Sagsnr', 'Regel', 'Emne', 'Status', 'Frist', 'Udført', 'Dage for sent', 'Regime', 'Lovgrundlag', 'Begrundelse']);
    expect(results.length).toBeGreaterThan(1000);
    // 80,000 results of the demo's 4,000 cases: SheetJS takes tens of seconds for them on a busy machine.
  }, 180_000);

  it('downloads the Screening page\'s table of rules as CSV for Danish Excel', async () => {
    await menu().getByRole('link', { name: 'Screening' }).click();
    const button = page.getByRole('button', { name: 'Hent tabellen som CSV' });
    await button.waitFor({ timeout: 30_000 });
    const [csv] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(csv.suggestedFilename()).toMatch(/^screening-\d\d-\d\d-\d{4}-regler\.csv$/);
    const lines = readFileSync((await csv.path())!).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFRegel;Overholdt;Overholdt (undtagelse);Overskredet;Afventer;Ikke relevant;Ukendt;Overholdelse (%);Wilson 95 % nedre (%);Wilson 95 % øvre (%)');
    // Underretning vurderet inden 24 timer, its counts, and its rate with a decimal comma.
    expect(lines[1]).toMatch(/^Underretning vurderet inden 24 timer;\d+;\d+;\d+;\d+;\d+;\d+;\d+(,\d)?;\d+(,\d)?;\d+(,\d)?$/);
  });
});
