import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser } from './browser';
import { tempDir } from './files';

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const resultRow = (question: string) => page.locator('table.review-results tbody tr').filter({ has: page.getByRole('rowheader', { name: question }) });
const cell = async (question: string, column: number) => (await resultRow(question).locator('td').nth(column).innerText()).trim();

describe('review rounds', () => {
  it('the demo kommune comes with its review work: the quarter\u2019s rounds, level 2 answered in part, and an improvement plan', async () => {
    await page.getByRole('link', { name: 'Tilsyn', exact: true }).click();
    await page.getByRole('link', { name: /^Niveau 2: 20 sager pr\. enhed og 5 fra Døgnvagten – 4\. kvartal 2025$/ }).click();
    await page.locator('table.progress-table tbody tr').first().waitFor();
    expect(await page.locator('table.progress-table tbody th').allInnerTexts()).toEqual(['Leder Demo Fiktiv', 'Jurist Demo Opdigtet', 'Områdechef Demo Påfund']);
    await expect.poll(async () => Number(await page.locator('table.review-results tbody tr').first().locator('td').nth(0).innerText())).toBeGreaterThan(0);
    expect(await page.locator('table.findings tbody tr').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Udviklingsplan' }).click();
    await page.locator('.focus-area h2').first().waitFor();
    expect(await page.locator('.focus-area table.actions-table tbody tr').count()).toBe(2);
  });

  it('reviews 10 cases with the keyboard only, every answer saved at once', async () => {
    await page.getByRole('link', { name: 'Stikprøver' }).click();
    await page.getByRole('heading', { name: 'Træk en ny stikprøve' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Type').selectOption({ label: 'Simpel tilfældig stikprøve' });
    await page.getByLabel('Antal sager i alt').fill('10');
    await page.getByLabel('Rundens navn').fill('Praksisrunde');
    await page.getByLabel('Trukket af').fill('Områdechef Fiktiv');
    await page.getByRole('button', { name: 'Træk stikprøven' }).click();
    await page.getByRole('heading', { name: 'Praksisrunde', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Tilsyn' }).click();
    await page.getByRole('link', { name: 'Praksisrunde' }).click();
    await page.getByLabel('Spørgeskema', { exact: true }).selectOption({ label: 'Praksisundersøgelse (Ankestyrelsen-lignende) (5 spørgsmål)' });
    await page.getByLabel('Gennemgåere (én pr. linje)').fill('Leder Revision');
    await page.getByRole('button', { name: 'Fordel sagerne' }).click();
    await page.locator('table.progress-table').getByRole('rowheader', { name: 'Leder Revision' }).waitFor();
    await page.getByLabel('Gennemgå som').selectOption('Leder Revision');

    // From here on only keys: Enter on the focused button starts, J/U/N/I answer and move on, Enter goes to the next case.
    await page.getByRole('button', { name: 'Start gennemgang' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Sag \S+ \(1 af 10\)$/ }).waitFor();
    for (let c = 0; c < 10; c++) {
      await page.getByRole('heading', { name: new RegExp(`\\(${c + 1} af 10\\)$`) }).waitFor();
      // Cases 1–3 fail the plan question; case 4 has a lawful exception on follow-up; case 10 is not relevant for the conversation.
      for (const key of ['J', c === 9 ? 'I' : 'J', c < 3 ? 'N' : 'J', 'J', c === 3 ? 'U' : 'J']) await page.keyboard.press(key);
      await page.keyboard.press('Enter');
    }
    // The last saves may still be on their way: wait for the last case's answers.
    await expect.poll(() => cell('Er indsatsen fulgt op?', 0)).toBe('9');
    expect(await cell('Er der en handleplan / barnets plan?', 0)).toBe('7');
    expect(await cell('Er der en handleplan / barnets plan?', 2)).toBe('3');
    expect(await cell('Er indsatsen fulgt op?', 1)).toBe('1');
    expect(await cell('Er der holdt samtale med barnet?', 3)).toBe('1');
    expect(await cell('Er der en handleplan / barnets plan?', 5)).toBe('70,0\u00a0%');
    expect(await cell('Er der en handleplan / barnets plan?', 7)).toBe('simpel stikprøve (Wilson)');
    expect(await page.locator('table.findings tbody tr').count()).toBe(3);

    // Saved as given: after a reload the round is done.
    await page.reload();
    await page.locator('table.progress-table').getByRole('rowheader', { name: 'Leder Revision' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('table.progress-table tbody tr td').nth(1).innerText()).toBe('10');
  });

  it('hands the round over as an Excel workbook and reads the filled-in answers back after showing the diff', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent overdragelsesark (xlsx)' }).click()]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Vejledning', 'Protokol', 'Leder Revision']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Leder Revision']!, { header: 1, defval: null });
    const keys = rows[2]!.map(String);
    const plan = keys.indexOf('svar:plan');
    // The reviewer changes the first case's plan answer from Nej to Ja in Excel, with a comment, and writes a value that is not on the list.
    rows[3]![plan] = 'Ja';
    rows[3]![plan + 1] = 'Planen fandtes i et andet system';
    rows[4]![keys.indexOf('svar:inddragelse')] = 'Delvist';
    const out = XLSX.utils.book_new();
    for (const name of book.SheetNames) XLSX.utils.book_append_sheet(out, name === 'Leder Revision' ? XLSX.utils.aoa_to_sheet(rows as unknown[][]) : book.Sheets[name]!, name);
    const file = `${tempDir()}/udfyldt.xlsx`;
    writeFileSync(file, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    await page.locator('#handover-file').setInputFiles(file);
    await page.locator('table.handover-changes').waitFor();
    expect(await page.locator('table.handover-changes tbody tr').count()).toBe(1);
    expect(await page.locator('table.handover-changes tbody tr').innerText()).toContain('Ændret');
    expect(await page.locator('.handover-problems').innerText()).toContain('«Delvist» er ikke et gyldigt svar');
    await page.getByRole('button', { name: 'Gem de valgte (1)' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('1 svar er gemt fra arket.');
    await expect.poll(() => cell('Er der en handleplan / barnets plan?', 2)).toBe('2');

    // The same file again: nothing to change.
    await page.locator('#handover-file').setInputFiles(file);
    await expect.poll(() => page.locator('#handover-title ~ p[role="status"]').last().innerText()).toMatch(/^Arket giver ingen ændringer/);
  });

  it('turns a question\u2019s findings into a focus area with an action, and exports the plan\u2019s status', async () => {
    await page.getByRole('button', { name: /^Opret fokusområde fra 2 fund: Er der en handleplan/ }).click();
    await expect.poll(() => page.locator('#results-title ~ p[role="status"]').innerText()).toMatch(/^Fokusområdet «Er der en handleplan \/ barnets plan\?» er oprettet i udviklingsplanen med 2 fund\./);
    await page.getByRole('link', { name: 'Udviklingsplan' }).first().click();
    // The demo kommune has a focus area of its own; this one is found by its heading.
    const area = page.locator('.focus-area').filter({ has: page.getByRole('heading', { name: 'Er der en handleplan / barnets plan?', level: 2 }) });
    await area.waitFor();
    expect(await area.locator('p.small').innerText()).toContain('Fra 2 fund i runden «Praksisrunde» · regler: Handleplan / barnets plan rettidigt');
    await area.getByLabel('Handling', { exact: true }).fill('Gennemgå alle anbringelser uden plan');
    await area.getByLabel('Ansvarlig').fill('Afdelingsleder Fiktiv');
    await area.getByLabel('Frist', { exact: true }).fill('2020-03-31');
    await area.getByRole('button', { name: 'Tilføj handling' }).click();
    const row = area.locator('table.actions-table tbody tr');
    await row.waitFor();
    expect(await row.innerText()).toContain('31-03-2020 (overskredet)');
    await area.getByLabel('Status for Gennemgå alle anbringelser uden plan').selectOption({ label: 'I gang' });
    await expect.poll(() => area.locator('p.small').innerText()).toContain('0 af 1 handlinger færdige · 1 overskredet');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent status til udvalget (xlsx)' }).click()]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const actions = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Handlinger!, { header: 1 });
    expect(actions.find((r) => r[0] === 'Er der en handleplan / barnets plan?')).toEqual(['Er der en handleplan / barnets plan?', 'Gennemgå alle anbringelser uden plan', 'Afdelingsleder Fiktiv', '31-03-2020', 'I gang', 'Ja', 'Handleplan / barnets plan rettidigt']);
  });

  it('edits a template: add, reword, reorder and retire, without losing the answers already given', async () => {
    await page.getByRole('link', { name: 'Tilsyn', exact: true }).click();
    await page.getByLabel('Skema', { exact: true }).selectOption({ label: 'Praksisundersøgelse (Ankestyrelsen-lignende)' });
    await page.getByRole('button', { name: 'Omformulér: Er der holdt samtale med barnet?' }).click();
    await page.getByLabel('Ny tekst').fill('Er der holdt samtale med barnet alene?');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('button', { name: 'Flyt op: Er der holdt samtale med barnet alene?' }).click();
    await page.getByRole('button', { name: 'Tag ud af brug: Er barnet og familien inddraget?' }).click();
    await page.getByLabel('Nyt spørgsmål').fill('Er barnets egne ønsker beskrevet?');
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await expect.poll(() => page.locator('.template-questions li .question-text').allInnerTexts()).toEqual([
      'Er der holdt samtale med barnet alene?', 'Er der udarbejdet en børnefaglig undersøgelse, der belyser barnets forhold?', 'Er der en handleplan / barnets plan?',
      'Er barnet og familien inddraget?', 'Er indsatsen fulgt op?', 'Er barnets egne ønsker beskrevet?',
    ]);

    await page.getByRole('link', { name: 'Praksisrunde' }).click();
    await resultRow('Er der holdt samtale med barnet alene?').waitFor();
    expect(await cell('Er der holdt samtale med barnet alene?', 0)).toBe('9');
    // Retired, but answered in this round: still in its results.
    expect(await cell('Er barnet og familien inddraget?', 0)).toBe('10');
    expect(await cell('Er barnets egne ønsker beskrevet?', 4)).toBe('10');
    await page.getByLabel('Gennemgå som').selectOption('Leder Revision');
    await page.getByRole('button', { name: 'Start gennemgang' }).click();
    const legends = await page.locator('.review-form legend').allInnerTexts();
    expect(legends).toHaveLength(5);
    expect(legends).not.toContain('4. Er barnet og familien inddraget?');
  });
});
