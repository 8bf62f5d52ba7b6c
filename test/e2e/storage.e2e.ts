import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser } from './browser';

/** What is stored stays whole whatever the user does: leaving a page, another page's screening, a reload at the wrong moment. */

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const nav = (name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true }).click();

/** The workspace databases and catalogue entries, read with the raw IndexedDB API. */
const STORED = `(async () => {
  const open = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const all = (db, store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
  const catalog = await open('tilsynsbaenk-catalog');
  const workspaces = await all(catalog, 'workspaces');
  catalog.close();
  const databases = (await indexedDB.databases()).map((d) => d.name).filter((n) => n.startsWith('tilsynsbaenk-workspace-')).sort();
  return { workspaces, databases };
})()`;

describe('stored results you can trust', () => {
  it('keeps a screening whose page was left at once after the click, and drills into it on coming back', async () => {
    await nav('Screening');
    await page.getByLabel('Skæringsdato').fill('2025-12-31');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await nav('Sager');
    await page.getByTestId('case-count').waitFor();
    await nav('Screening');
    // Stored by the worker the first visit started; the page shows it as soon as it is.
    await page.getByRole('heading', { name: 'Screening pr. 31-12-2025' }).waitFor({ timeout: 60_000 });
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder', exact: true }) });
    await row.getByRole('button', { name: /overskredet: Børnefaglig undersøgelse/ }).click();
    const first = page.locator('table.subjects tbody tr').first();
    await first.waitFor();
    const caseNumber = await first.locator('td').first().innerText();
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: `Sag ${caseNumber}` }).waitFor();
    const result = page.locator('table.case-results tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Børnefaglig undersøgelse afsluttet inden 4 måneder' }) }).first();
    expect(await result.innerText()).toMatch(/Overskredet[\s\S]*frist \d{2}-\d{2}-\d{4}/);
    expect(await page.getByRole('heading', { name: 'Screening pr. 31-12-2025' }).count()).toBe(1);
    // Explained from the stored screening: no word of a changed case.
    expect(await page.locator('section[aria-labelledby="case-screening-title"]').getByRole('note').count()).toBe(0);
    // The rules that do not concern the case are listed on request.
    const rows = page.locator('table.case-results tbody tr');
    const relevant = await rows.count();
    expect(await rows.filter({ hasText: 'Ikke relevant' }).count()).toBe(0);
    const toggle = page.getByRole('checkbox', { name: /^Vis også de \d+ resultater, hvor reglen ikke er relevant/ });
    const hidden = Number((await page.locator('label').filter({ has: toggle }).innerText()).match(/de (\d+) resultater/)![1]);
    await toggle.check();
    await expect.poll(() => rows.count()).toBe(relevant + hidden);
    expect(await rows.filter({ hasText: 'Ikke relevant' }).count()).toBe(hidden);
  });

  it('keeps showing the screening the user ran after Frister has screened at today for itself', async () => {
    await nav('Screening');
    await page.getByLabel('Skæringsdato').fill('2025-06-30');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 30-06-2025' }).waitFor({ timeout: 60_000 });
    await nav('Frister');
    await page.locator('.key-figures').waitFor({ timeout: 60_000 });
    const today = new Date().toLocaleDateString('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric' }).replaceAll('.', '-');
    expect(await page.getByText(`Pr. ${today}.`).count()).toBe(1);
    await nav('Screening');
    await page.getByRole('heading', { name: 'Screening pr. 30-06-2025' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Screening pr\./ }).allInnerTexts()).toEqual(['Screening pr. 30-06-2025']);
    // The user's screenings can be chosen, newest first (the demo's own at its extract's date last); Frister's is not among them.
    const options = await page.getByLabel('Vis screening').locator('option').allInnerTexts();
    expect(options).toHaveLength(3);
    expect(options.slice(0, 2).map((o) => o.slice(0, 14))).toEqual(['pr. 30-06-2025', 'pr. 31-12-2025']);
    await page.getByLabel('Vis screening').selectOption({ index: 1 });
    await page.getByRole('heading', { name: 'Screening pr. 31-12-2025' }).waitFor();
  });

  it('shows what each workspace stores in Indstillinger, and deletes a screening there', async () => {
    await nav('Indstillinger');
    const table = page.locator('table.storage-screenings');
    await table.waitFor();
    const sizes = await page.locator('table.storage-workspaces tbody td').allInnerTexts();
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toMatch(/^\d+(,\d)?\u00a0MB$/);
    const rows = () => table.locator('tbody tr');
    // 31-12-2025 and 30-06-2025 (the user's), the demo's own at its extract's date, today's (Frister's).
    await expect.poll(() => rows().count()).toBe(4);
    expect(await rows().filter({ hasText: 'Frister' }).count()).toBe(1);
    const unchosen = rows().filter({ hasText: '31-12-2025' });
    await unchosen.getByRole('button', { name: /^Slet/ }).click();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().filter({ hasText: '31-12-2025' }).count()).toBe(0);
    expect(await page.locator('table.storage-imports tbody tr').first().innerText()).toContain('ikke gemt');
  });

  it('leaves the demo kommune whole when the page is reloaded right after "Nulstil demo", and no database behind', async () => {
    await nav('Arbejdsområder');
    await page.getByRole('button', { name: /^Nulstil demo/ }).click();
    await page.getByRole('button', { name: 'Nulstil', exact: true }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Arbejdsområder', level: 1 }).waitFor({ timeout: 60_000 });
    await nav('Overblik');
    await page.getByText('4.000 sager').waitFor();
    const stored = (await page.evaluate(STORED)) as { workspaces: { id: string; isDemo: boolean }[]; databases: string[] };
    expect(stored.workspaces).toHaveLength(1);
    expect(stored.workspaces[0]!.isDemo).toBe(true);
    expect(stored.databases).toEqual([`tilsynsbaenk-workspace-${stored.workspaces[0]!.id}`]);
  });
});
