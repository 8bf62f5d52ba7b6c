/**
 * Backup and restore of the benchmark's workspace through the page, as a user does it: Arbejdsområder
 * → Sikkerhedskopi with a passphrase → the download; then Gendan sikkerhedskopi from that file
 * as a new workspace, which opens with the same number of cases.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { longTasks, pageNow } from './probes.ts';

const TIMEOUT = 10 * 60_000;
const PASSPHRASE = 'Benchmarkens adgangskode 2026';

export interface BackupResult {
  /** Click on "Lav sikkerhedskopi" → the download (key derivation, reading, compressing, encrypting). */
  backupMs: number;
  bytes: number;
  /** Click on "Åbn sikkerhedskopien" → what the file holds on screen (key derivation, first frame). */
  openMs: number;
  /** Click on "Gendan" → "… er gendannet" (frames read and written, columns made again, the workspace opened). */
  restoreMs: number;
  casesRestored: string;
  longestInBackup: { max: number; over200: number; count: number };
  longestInRestore: { max: number; over200: number; count: number };
}

export async function backupAndRestore(page: Page, workspace: string): Promise<BackupResult> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder', exact: true }).click();
  await page.getByRole('button', { name: `Sikkerhedskopi af ${workspace}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Sikkerhedskopi af "${workspace}"` });
  await dialog.getByLabel('Adgangskode (mindst 12 tegn)').fill(PASSPHRASE);
  await dialog.getByLabel('Gentag adgangskoden').fill(PASSPHRASE);
  const backupAt = await pageNow(page);
  const backupStarted = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), dialog.getByRole('button', { name: 'Lav sikkerhedskopi' }).click()]);
  const backupMs = performance.now() - backupStarted;
  const longestInBackup = await longTasks(page, backupAt, await pageNow(page));
  const file = await download.path();
  const { size } = statSync(file);

  await page.getByLabel('Vælg en sikkerhedskopi (.tilsynsbaenk)').setInputFiles(file);
  await page.getByLabel('Adgangskode til sikkerhedskopien').fill(PASSPHRASE);
  const openStarted = performance.now();
  await page.getByRole('button', { name: 'Åbn sikkerhedskopien' }).click();
  await page.getByTestId('backup-contents').waitFor({ timeout: TIMEOUT });
  const openMs = performance.now() - openStarted;
  const restoreAt = await pageNow(page);
  const restoreStarted = performance.now();
  await page.getByRole('button', { name: 'Gendan', exact: true }).click();
  await page.getByText(/^Sikkerhedskopien er gendannet i /).or(page.locator('.field-error')).first().waitFor({ timeout: TIMEOUT });
  const restoreMs = performance.now() - restoreStarted;
  const longestInRestore = await longTasks(page, restoreAt, await pageNow(page));
  const failed = await page.locator('.field-error').allInnerTexts();
  if (failed.length) throw new Error(`restore failed: ${failed.join(' ')}`);

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik', exact: true }).click();
  const figure = page.locator('.key-figures div').filter({ has: page.locator('dt').getByText('Sager', { exact: true }) }).locator('dd');
  await figure.waitFor({ timeout: TIMEOUT });
  return { backupMs, bytes: size, openMs, restoreMs, casesRestored: await figure.innerText(), longestInBackup, longestInRestore };
}
