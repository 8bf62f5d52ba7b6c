import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { createWorkspace, demoBrowser } from './browser';

/**
 * A backup of the demo kommune, made with a passphrase and downloaded; the workspace deleted and
 * restored from the file, as a user does it on Arbejdsområder.
 */

const run = demoBrowser();
const folder = mkdtempSync(join(tmpdir(), 'tilsynsbaenk-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PASSPHRASE = 'Solsikker i regnvejr 2026';
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()}`;

const menu = () => run.page.getByRole('navigation', { name: 'Hovedmenu' });
const goTo = async (label: string, heading = label) => {
  await menu().getByRole('link', { name: label, exact: true }).click();
  await run.page.getByRole('heading', { name: heading, level: 1 }).waitFor();
};
const row = (name: string) => run.page.getByRole('row').filter({ has: run.page.getByRole('rowheader', { name }) });

async function caseCount(): Promise<string> {
  await goTo('Overblik');
  const figure = run.page.locator('.key-figures div').filter({ has: run.page.locator('dt').getByText('Sager', { exact: true }) }).locator('dd');
  await figure.waitFor();
  return figure.innerText();
}

async function rounds(): Promise<string[]> {
  await goTo('Tilsyn');
  await run.page.locator('table.rounds tbody tr').first().waitFor();
  return run.page.locator('table.rounds tbody tr').allInnerTexts();
}

describe('a backup of a workspace', () => {
  let file = '';
  let cases = '';
  let roundRows: string[] = [];

  it('is made with a passphrase typed twice and downloaded as one file', async () => {
    const { page } = run;
    cases = await caseCount();
    expect(cases).toMatch(/^\d\.\d{3} sager$/);
    roundRows = await rounds();
    expect(roundRows.length).toBeGreaterThan(0);

    await goTo('Arbejdsområder');
    expect(await row('Demokommune').getByTestId('last-backup').innerText()).toBe('Ingen');
    await page.getByRole('button', { name: 'Sikkerhedskopi af Demokommune' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sikkerhedskopi af "Demokommune"' });
    expect(await dialog.getByLabel('Med adgangskode: filen krypteres (anbefales)').isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Adgangskode (mindst 12 tegn)').fill('kort');
    await dialog.getByLabel('Gentag adgangskoden').fill('kort');
    await dialog.getByRole('button', { name: 'Lav sikkerhedskopi' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('Adgangskoden skal være mindst 12 tegn. Brug gerne en sætning, du kan huske.');
    await dialog.getByLabel('Adgangskode (mindst 12 tegn)').fill(PASSPHRASE);
    await dialog.getByLabel('Gentag adgangskoden').fill(PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Lav sikkerhedskopi' }).click()]);
    expect(download.suggestedFilename()).toBe(`Demokommune ${today}.tilsynsbaenk`);
    file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(new RegExp(`^Sikkerhedskopien "Demokommune ${today}\\.tilsynsbaenk" \\([\\d,]+\u00a0MB\\) er hentet\\.`));
    expect(await row('Demokommune').getByTestId('last-backup').innerText()).toBe(today);
    // Encrypted: no case number of the demo's in the file.
    expect(readFileSync(file).includes('DEMO-0000')).toBe(false);
  });

  it('is restored after the workspace is deleted, with a progress bar, the same cases and rounds, and refuses a wrong passphrase', async () => {
    const { page } = run;
    await page.getByRole('button', { name: 'Slet Demokommune' }).click();
    await page.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Demokommune');
    await page.getByRole('button', { name: 'Slet for altid' }).click();
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();

    await page.getByLabel('Vælg en sikkerhedskopi (.tilsynsbaenk)').setInputFiles(file);
    await page.getByLabel('Adgangskode til sikkerhedskopien').fill('Solsikker i regnvejr 2025');
    await page.getByRole('button', { name: 'Åbn sikkerhedskopien' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Forkert adgangskode. Prøv igen; der skelnes mellem store og små bogstaver.');
    await page.getByLabel('Adgangskode til sikkerhedskopien').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Åbn sikkerhedskopien' }).click();
    const contents = page.getByTestId('backup-contents');
    await contents.waitFor();
    expect(await contents.innerText()).toMatch(new RegExp(`^Filen indeholder arbejdsområdet Demokommune DEMO med ${cases.replace('.', '\\.')}, sikkerhedskopieret ${today} \\d\\d:\\d\\d\\.$`));
    expect(await page.getByLabel('Navn på det gendannede arbejdsområde').inputValue()).toBe(`Demokommune (gendannet ${today})`);
    expect(await seriousViolations(page)).toEqual([]);

    // The bar may come and go between two looks: an observer notes it as it appears.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('.progress label')) if (!seen.includes(bar.textContent ?? '')) seen.push(bar.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 60_000 })
      .toBe(`Sikkerhedskopien er gendannet i "Demokommune (gendannet ${today})", som er åbnet.`);
    expect(await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress)).toContain('Gendanner data fra sikkerhedskopien');
    expect(await row(`Demokommune (gendannet ${today})`).getByTestId('last-backup').innerText()).toBe(today);
    expect(await row(`Demokommune (gendannet ${today})`).innerText()).toContain('DEMO');

    expect(await caseCount()).toBe(cases);
    expect(await rounds()).toEqual(roundRows);
  });

  it('reminds about a workspace without a backup, and shows the last backups and the reminder setting in Indstillinger', async () => {
    const { page } = run;
    await createWorkspace(page, 'Varde Kommune');
    await goTo('Arbejdsområder');
    expect(await row('Varde Kommune').getByRole('cell').nth(2).innerText()).toBe('Ingen\nDer er ikke taget en sikkerhedskopi af arbejdsområdet endnu.');
    await goTo('Indstillinger');
    const section = page.getByRole('region', { name: 'Sikkerhedskopier' });
    expect(await section.getByRole('row').filter({ hasText: `Demokommune (gendannet ${today})` }).getByTestId('last-backup').innerText()).toBe(today);
    await section.getByLabel('Påmind, når den seneste sikkerhedskopi er ældre end').fill('0');
    await section.getByRole('button', { name: 'Gem' }).click();
    expect(await section.getByRole('alert').innerText()).toBe('Skriv et helt antal dage fra 1 til 365.');
    await section.getByLabel('Påmind, når den seneste sikkerhedskopi er ældre end').fill('14');
    await section.getByRole('button', { name: 'Gem' }).click();
    await section.getByText('Gemt.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await section.getByRole('row').filter({ hasText: 'Varde Kommune' }).innerText()).toContain('Der er ikke taget en sikkerhedskopi af arbejdsområdet endnu.');
  });

  it('replaces an existing workspace only after its name is typed', async () => {
    const { page } = run;
    await goTo('Arbejdsområder');
    await page.getByLabel('Vælg en sikkerhedskopi (.tilsynsbaenk)').setInputFiles(file);
    await page.getByLabel('Adgangskode til sikkerhedskopien').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Åbn sikkerhedskopien' }).click();
    await page.getByRole('radio', { name: 'Erstat et eksisterende arbejdsområde' }).check();
    await page.getByLabel('Arbejdsområde, der erstattes').selectOption({ label: 'Varde Kommune' });
    await page.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Varde');
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Skriv arbejdsområdets navn, "Varde Kommune", for at bekræfte, at dets data erstattes.');
    expect(await row('Varde Kommune').getByRole('cell').nth(2).innerText()).toContain('Ingen');

    await page.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Varde Kommune');
    await page.getByRole('button', { name: 'Gendan', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 60_000 }).toBe('Sikkerhedskopien er gendannet i "Varde Kommune", som er åbnet.');
    expect(await row('Varde Kommune').getByTestId('last-backup').innerText()).toBe(today);
    expect(await page.getByRole('banner').innerText()).toContain('Arbejdsområde: Varde Kommune');
    expect(await caseCount()).toBe(cases);
  });
});
