import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Target } from 'puppeteer-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_FILE, FILE_URL } from '../e2e/browser';
import { launchFirefox, removeDir, requireFirefox, tempDir, Watch } from './firefox';

/**
 * The smoke journey in Debian's Firefox ESR, over WebDriver BiDi, with Firefox's own default that
 * every file:// page is an origin of its own. The steps run in order on one profile, each going on
 * from where the one before left the page: a new step (backup, restore …) slots in between two
 * others as one more `it`.
 */

const SCENARIO = resolve('test/fixtures/screening-scenario.csv');
const WORKSPACE = 'Firefox Kommune';

const profile = tempDir('firefox-profile');
const downloads = tempDir('firefox-downloads');
const elsewhere = tempDir('firefox-copy');
const watch = new Watch();
let browser: Browser;
let page: Page;

async function start(): Promise<void> {
  browser = await launchFirefox(profile, downloads);
  // A page the app might open (a download, a link) is watched too; the app's workers are not pages.
  browser.on('targetcreated', async (target: Target) => {
    if (target.type() === 'page') watch.attach((await target.page())!);
  });
  page = (await browser.pages())[0] ?? (await browser.newPage());
  watch.attach(page);
}

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;
const click = (role: string, name: string) => page.locator(aria(role, name)).click();
const nav = (name: string) => page.locator(`nav[aria-label="Hovedmenu"] ${aria('link', name)}`).click();
const heading = (text: string, timeout = 30_000) => page.waitForSelector(`::-p-aria([name="${text}"][role="heading"])`, { timeout });
const textOf = (selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
/** The value of a key figure on the import report, by its label. */
const figure = (label: string) =>
  page.$$eval('.key-figures div', (divs, label) => divs.find((d) => d.querySelector('dt')?.textContent === label)?.querySelector('dd')?.textContent, label);
/** The name the app asks for once per browser session, before anything is logged. */
async function giveName(): Promise<void> {
  await page.waitForSelector(`dialog[open] ${aria('heading', 'Hvem arbejder i Tilsynsbænken?')}`);
  await page.locator('#user-name').fill('Firefox Tester');
  await click('button', 'Fortsæt');
  await page.waitForSelector('dialog[open]', { hidden: true });
}
const caseCount = async () => {
  await nav('Sager');
  await page.waitForSelector('[data-testid="case-count"]');
  return textOf('[data-testid="case-count"]');
};

beforeAll(async () => {
  requireFirefox();
  await start();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of [profile, downloads, elsewhere]) removeDir(dir);
});

describe('smoke in Firefox ESR (file:// with strict origin policy)', () => {
  it('opens the built file over file:// and shows the first-start notice once acknowledged no more', async () => {
    await page.goto(FILE_URL);
    await page.waitForSelector(`dialog[open] ${aria('heading', 'Sådan gemmer Tilsynsbænken dine data')}`);
    await click('button', 'Jeg har forstået det');
    await giveName();
    expect(await textOf('header')).toContain('Firefox Tester');
    expect(await page.evaluate(() => location.protocol)).toBe('file:');
  });

  it('creates a workspace', async () => {
    await nav('Arbejdsområder');
    await page.locator('#new-workspace').fill(WORKSPACE);
    await click('button', 'Opret arbejdsområde');
    await heading('Overblik');
    expect(await textOf('header')).toContain(`Arbejdsområde: ${WORKSPACE}`);
  });

  it('imports the scenario extract chosen in the file dialog and shows the import report', async () => {
    await nav('Import');
    const [chooser] = await Promise.all([page.waitForFileChooser(), page.locator('label[for="import-file"]').click()]);
    await chooser.accept([SCENARIO]);
    await page.waitForSelector('.file-facts');
    // 31 rows of 26 cases (SCN-01 … SCN-26, some with a second or third follow-up row).
    expect(await textOf('.file-facts')).toContain('screening-scenario.csv');
    expect(await textOf('.file-facts')).toContain('31 rækker');
    await page.locator('#extract-date').fill('30-06-2024');
    await click('button', 'Importér');
    await heading('Importen er gennemført', 60_000);
    expect(await figure('Rækker læst')).toBe('31');
    expect(await figure('Sager i filen')).toBe('26');
    expect(await figure('Nye sager')).toBe('26');
    // The import screens at the extract's date by itself.
    await page.waitForFunction(() => document.body.innerText.includes('Sagerne er screenet pr. 30-06-2024.'), { timeout: 60_000 });
    expect(await caseCount()).toBe('26 sager');
  });

  it('runs a screening and shows a result per rule', async () => {
    await nav('Screening');
    // Another date than the import's own screening, so the heading can only come from this run.
    await page.locator('#as-of').fill('31-12-2024');
    await click('button', 'Kør screening');
    await heading('Screening pr. 31-12-2024', 60_000);
    expect(await textOf('#result-title + p')).toContain('26 sager screenet');
    expect(await page.$$eval('table.counts tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(20);
  });

  it('exports the deadlines workbook as a download', async () => {
    await nav('Frister');
    await click('button', 'Vis fristerne pr. 30-06-2024');
    await page.waitForFunction(() => document.body.innerText.includes('Pr. 30-06-2024.'), { timeout: 60_000 });
    await click('button', 'Hent ark pr. sagsbehandler (xlsx)');
    const file = join(downloads, 'frister-2024-06-30.xlsx');
    // Firefox writes into a .part file and renames it when the download is complete.
    await expect.poll(() => existsSync(file) && !readdirSync(downloads).some((f) => f.endsWith('.part')), { timeout: 30_000 }).toBe(true);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const book = XLSX.read(bytes, { type: 'buffer' });
    expect(book.SheetNames.length).toBeGreaterThan(0);
  });

  it('backs the workspace up into an encrypted file and restores it as a new workspace with the same cases', async () => {
    const passphrase = 'Firefox kan også gendanne 2026';
    await nav('Arbejdsområder');
    await click('button', `Sikkerhedskopi af ${WORKSPACE}`);
    await page.locator('#backup-passphrase').fill(passphrase);
    await page.locator('#backup-repeat').fill(passphrase);
    await click('button', 'Lav sikkerhedskopi');
    const backupFile = () => readdirSync(downloads).find((f) => f.endsWith('.tilsynsbaenk'));
    await expect.poll(() => backupFile() !== undefined && !readdirSync(downloads).some((f) => f.endsWith('.part')), { timeout: 60_000 }).toBe(true);
    const file = join(downloads, backupFile()!);
    // The file holds no case number of the data in plain text.
    expect(readFileSync(file).toString('latin1')).not.toContain('SCN-01');

    const [chooser] = await Promise.all([page.waitForFileChooser(), page.locator('#restore-file').click()]);
    await chooser.accept([file]);
    await page.locator('#restore-passphrase').fill(passphrase);
    await click('button', 'Åbn sikkerhedskopien');
    await page.waitForSelector('[data-testid="backup-contents"]');
    expect(await textOf('[data-testid="backup-contents"]')).toContain(WORKSPACE);
    await page.locator('#restore-name').fill('Firefox Gendannet');
    await click('button', 'Gendan');
    await page.waitForFunction(() => document.body.innerText.includes('Sikkerhedskopien er gendannet i "Firefox Gendannet"'), { timeout: 60_000 });
    expect(await textOf('header')).toContain('Arbejdsområde: Firefox Gendannet');
    expect(await caseCount()).toBe('26 sager');
    // Back to the workspace the rest of the journey uses.
    await nav('Arbejdsområder');
    await click('button', `Åbn ${WORKSPACE}`);
    await page.waitForFunction((name) => document.querySelector('header')?.textContent?.includes(`Arbejdsområde: ${name}`), {}, WORKSPACE);
  }, 120_000);

  it('finds the workspace and its cases again after the browser is closed and started on the same profile', async () => {
    await browser.close();
    await start();
    await page.goto(FILE_URL);
    // A new browser session asks for the name again, but not for the notice.
    await giveName();
    await heading('Overblik');
    expect(await page.$('dialog[open]')).toBeNull();
    expect(await textOf('header')).toContain(`Arbejdsområde: ${WORKSPACE}`);
    expect(await caseCount()).toBe('26 sager');
  }, 120_000);

  it('keeps a copy of the file in another folder out of the data: it starts as on a new computer', async () => {
    const copy = join(elsewhere, 'tilsynsbaenk.html');
    copyFileSync(BUILT_FILE, copy);
    await page.goto(pathToFileURL(copy).href);
    await page.waitForSelector(`dialog[open] ${aria('heading', 'Sådan gemmer Tilsynsbænken dine data')}`);
    await click('button', 'Jeg har forstået det');
    await giveName();
    await nav('Arbejdsområder');
    await heading('Opret dit første arbejdsområde');
    expect(await page.$('table caption')).toBeNull();
  });

  it('asked for nothing but local files, data: and blob: URLs, and reported no error', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.foreignRequests()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
