import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_LABEL } from '../../src/domain/compare';
import { RULES } from '../../src/domain/rules/catalog';
import { seriousViolations } from './axe';
import { demoBrowser } from './browser';

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const nav = () => page.getByRole('navigation', { name: 'Hovedmenu' });

describe('Metode og hjælp', () => {
  it('lists every rule of the catalog with its paragraphs in both laws, and passes axe-core', async () => {
    await nav().getByRole('link', { name: 'Metode og hjælp' }).click();
    await page.getByRole('heading', { name: 'Metode og hjælp', level: 1 }).waitFor();
    await page.getByRole('heading', { name: `Kravene (${RULES.length})` }).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(
      expect.arrayContaining(RULES.map((r) => expect.stringContaining(r.name))),
    );
    const bfu = page.getByRole('article', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder' });
    const text = await bfu.innerText();
    expect(text).toContain('Serviceloven § 50');
    expect(text).toContain('Barnets Lov § 20');
    expect(text).toContain('senest 4 måneder efter');
    expect(await page.getByRole('heading', { name: 'Sådan læses varmekortet' }).isVisible()).toBe(true);
    expect(await page.getByText('Grøn (✓): 90\u00a0% eller mere.').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('gives the committee note for this workspace, with a copy button', async () => {
    const note = page.getByLabel('Metodeafsnit');
    expect(await note.inputValue()).toContain('Tallene for Demokommune er opgjort med Tilsynsbænken ved en screening pr.');
    await page.getByRole('button', { name: 'Kopiér teksten' }).click();
    await page.getByRole('status').filter({ hasText: /kopieret|markeret/ }).waitFor();
  });
});

describe('Sammenlign', () => {
  it('compares two screenings per rule and unit with the verdict in words, and opens the cases behind a number', async () => {
    await nav().getByRole('link', { name: 'Screening' }).click();
    await page.getByLabel('Skæringsdato').fill('2025-06-30');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 30-06-2025' }).waitFor({ timeout: 60_000 });

    await nav().getByRole('link', { name: 'Sammenlign' }).click();
    const table = page.getByRole('table', { name: /^Ændring pr\. krav fra screeningen pr\. / });
    await table.waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Før').locator('option').count()).toBeGreaterThanOrEqual(2);
    const verdicts = await table.locator('td.verdict').allInnerTexts();
    expect(verdicts.length).toBeGreaterThanOrEqual(18);
    for (const v of verdicts) expect(Object.values(VERDICT_LABEL)).toContain(v);
    expect(await table.getByRole('rowheader').allInnerTexts()).toContain('Barnet vejledt om bisidder');
    expect(await seriousViolations(page)).toEqual([]);

    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Barnet vejledt om bisidder', exact: true }) });
    expect(await row.locator('td').nth(2).innerText()).toMatch(/^[+-]?\d+,\d$/);
    // By keyboard: the units' table opens with the focus on its heading.
    await row.getByRole('button', { name: /^Pr\. enhed/ }).focus();
    await page.keyboard.press('Enter');
    const units = page.getByRole('table', { name: 'Ændring pr. enhed for Barnet vejledt om bisidder' });
    await units.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'compare-units');
    expect(await units.getByRole('rowheader').allInnerTexts()).toContain('Børnefamilieenhed Nord');

    await row.locator('td').nth(1).getByRole('button', { name: /ikke overholdt/ }).click();
    await page.getByRole('heading', { name: /^Ikke overholdt: Barnet vejledt om bisidder, screeningen pr\. / }).waitFor();
    const first = page.locator('table.subjects tbody tr').first();
    await first.waitFor();
    const caseNumber = await first.locator('td').first().innerText();
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: `Sag ${caseNumber}` }).waitFor();
  });

  // The demo kommune has one round set up for review (level 2); comparing rounds is tested in test/unit/compare-service.test.ts.
  it('says what is needed to compare rounds when fewer than two are set up', async () => {
    await nav().getByRole('link', { name: 'Sammenlign' }).click();
    await page.getByRole('radio', { name: 'To tilsynsrunder' }).check();
    await page.getByRole('heading', { name: 'Der skal være to tilsynsrunder med spørgeskema' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tilsyn', exact: true }).count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
