import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoBrowser } from './browser';
import { tempDir } from './files';

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical WCAG 2.1 AA violations on the page as it is (as in accessibility.e2e.ts), for the controls added here. */
async function seriousViolations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const resultRow = (question: string) => page.locator('table.review-results tbody tr').filter({ has: page.getByRole('rowheader', { name: question }) });
const cell = async (question: string, column: number) => (await resultRow(question).locator('td').nth(column).innerText()).trim();

describe('review rounds', () => {
  it('the demo kommune comes with its review work: the quarter\u2019s rounds, level 2 answered in part, and an improvement plan', async () => {
    await page.getByRole('link', { name: 'Tilsyn', exact: true }).click();
    // The demo kommune lives today: its rounds are of the last whole quarter, whichever that is.
    await page.getByRole('link', { name: /^Niveau 2: 20 sager pr\. enhed og 5 fra Døgnvagten – \d\. kvartal \d{4}$/ }).click();
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
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let c = 0; c < 10; c++) {
      await page.getByRole('heading', { name: new RegExp(`\\(${c + 1} af 10\\)$`) }).waitFor();
      // Cases 1–3 fail the plan question; case 4 has a lawful exception on follow-up; case 10 is not relevant for the conversation.
      const keys = ['J', c === 9 ? 'I' : 'J', c < 3 ? 'N' : 'J', 'J', c === 3 ? 'U' : 'J'];
      for (const [i, key] of keys.entries()) {
        await page.keyboard.press(key);
        if (key !== 'N' && key !== 'U') continue;
        // The template wants a comment at Nej and Ja – lovlig undtagelse: the form stays, with the focus in the comment field, and says so.
        const id = ['undersoegelse', 'boernesamtale', 'plan', 'inddragelse', 'opfoelgning'][i]!;
        await expect.poll(focusedId).toBe(`c-${id}`);
        const demand = page.locator(`#c-${id}-demand`);
        await expect.poll(() => demand.innerText()).toBe(`Svaret «${key === 'N' ? 'Nej' : 'Ja – lovlig undtagelse'}» kræver en bemærkning. Skriv den her; Tab går videre.`);
        if (c === 0) {
          // "Næste sag" does not go on either.
          await page.getByRole('button', { name: 'Næste sag' }).focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => page.locator('.review-form p[role="alert"]').innerText()).toBe('Spørgsmål 3 mangler sin bemærkning: Svaret «Nej» kræver en bemærkning. Skriv den, før du går videre.');
          expect(await page.locator('#case-title').innerText()).toMatch(/\(1 af 10\)$/);
          await expect.poll(focusedId).toBe('c-plan');
          expect(await seriousViolations()).toEqual([]);
        }
        await page.keyboard.type(key === 'N' ? 'Ingen plan i journalen' : 'Opfølgning udsat efter aftale');
        await page.keyboard.press('Tab');
        await expect.poll(() => demand.innerText()).toBe('');
      }
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
    expect(await page.locator('table.findings tbody tr').first().innerText()).toContain('Ingen plan i journalen');

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
    // The reviewer changes the first case's plan answer from Nej to Ja in Excel, with a comment, and writes a value that is not on the list;
    // changes the follow-up of cases 5 and 6 to Nej; and deletes the third case's comment to its Nej, which the template requires.
    rows[3]![plan] = 'Ja';
    rows[3]![plan + 1] = 'Planen fandtes i et andet system';
    rows[4]![keys.indexOf('svar:inddragelse')] = 'Delvist';
    rows[5]![plan + 1] = null;
    const followUp = keys.indexOf('svar:opfoelgning');
    for (const r of [7, 8]) [rows[r]![followUp], rows[r]![followUp + 1]] = ['Nej', 'Ikke fulgt op'];
    const out = XLSX.utils.book_new();
    for (const name of book.SheetNames) XLSX.utils.book_append_sheet(out, name === 'Leder Revision' ? XLSX.utils.aoa_to_sheet(rows as unknown[][]) : book.Sheets[name]!, name);
    const file = `${tempDir()}/udfyldt.xlsx`;
    writeFileSync(file, XLSX.write(out, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    await page.locator('#handover-file').setInputFiles(file);
    await page.locator('table.handover-changes').waitFor();
    const changes = page.locator('table.handover-changes tbody tr');
    expect(await changes.count()).toBe(3);
    // The diff names the question by its text, not its key.
    expect(await changes.locator('td:nth-child(3)').allInnerTexts()).toEqual(['Er der en handleplan / barnets plan?', 'Er indsatsen fulgt op?', 'Er indsatsen fulgt op?']);
    expect(await changes.first().innerText()).toContain('Ændret');
    const problems = await page.locator('.handover-problems').innerText();
    expect(problems).toContain('«Delvist» er ikke et gyldigt svar');
    expect(problems).toMatch(/Række 6, kolonne [A-Z]+ \(Er der en handleplan \/ barnets plan\?\): Svaret «Nej» kræver en bemærkning\. Bemærkningen er tom, så svaret er ikke læst ind/);
    // All changes of one kind at once: skip them, take them, skip them again and tick only the plan.
    await page.getByText('Ændrede svar: 3 af 3 valgt').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Spring alle ændrede over' }).click();
    await page.getByRole('button', { name: 'Gem de valgte (0)' }).waitFor();
    await page.getByRole('button', { name: 'Godkend alle ændrede' }).click();
    await page.getByRole('button', { name: 'Gem de valgte (3)' }).waitFor();
    await page.getByRole('button', { name: 'Spring alle ændrede over' }).click();
    await page.getByRole('checkbox', { name: /^Gem svaret for sag \S+: Er der en handleplan \/ barnets plan\?$/ }).check();
    await page.getByText('Ændrede svar: 1 af 3 valgt').waitFor();
    await page.getByRole('button', { name: 'Gem de valgte (1)' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('1 svar er gemt fra arket.');
    await expect.poll(() => cell('Er der en handleplan / barnets plan?', 2)).toBe('2');

    // The same file again: only the skipped changes are offered again.
    await page.locator('#handover-file').setInputFiles(file);
    await page.locator('table.handover-changes').waitFor();
    expect(await changes.locator('td:nth-child(3)').allInnerTexts()).toEqual(['Er indsatsen fulgt op?', 'Er indsatsen fulgt op?']);
    await page.getByRole('button', { name: 'Spring alle ændrede over' }).click();
    await page.getByRole('button', { name: 'Gem de valgte (0)' }).waitFor();
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
    // The deadline is a Danish date field: dd-mm-åååå.
    await area.getByLabel('Frist', { exact: true }).fill('31-03-2020');
    await area.getByRole('button', { name: 'Tilføj handling' }).click();
    const row = area.locator('table.actions-table tbody tr');
    await row.waitFor();
    expect(await row.innerText()).toContain('31-03-2020 (overskredet)');
    await expect.poll(() => area.getByLabel('Frist', { exact: true }).inputValue()).toBe('');
    await area.getByLabel('Status for Gennemgå alle anbringelser uden plan').selectOption({ label: 'I gang' });
    await expect.poll(() => area.locator('p.small').innerText()).toContain('0 af 1 handlinger færdige · 1 overskredet');

    // Edit the action: another owner and a later deadline.
    await area.getByRole('button', { name: 'Ret handlingen: Gennemgå alle anbringelser uden plan' }).click();
    const edit = area.getByRole('form', { name: 'Ret handlingen Gennemgå alle anbringelser uden plan' });
    await edit.getByLabel('Ansvarlig').fill('Afdelingsleder Opdigtet');
    await edit.getByLabel('Frist', { exact: true }).fill('30-04-2020');
    expect(await seriousViolations()).toEqual([]);
    await edit.getByRole('button', { name: 'Gem handlingen' }).click();
    await expect.poll(() => row.innerText()).toMatch(/Gennemgå alle anbringelser uden plan\s+Afdelingsleder Opdigtet\s+30-04-2020 \(overskredet\)/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent status til udvalget (xlsx)' }).click()]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const actions = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Handlinger!, { header: 1 });
    expect(actions.find((r) => r[0] === 'Er der en handleplan / barnets plan?')).toEqual(['Er der en handleplan / barnets plan?', 'Gennemgå alle anbringelser uden plan', 'Afdelingsleder Opdigtet', '30-04-2020', 'I gang', 'Ja', 'Handleplan / barnets plan rettidigt']);

    // "Fra 2 fund" leads to those findings in the round's results.
    await area.getByRole('link', { name: 'Fra 2 fund i runden «Praksisrunde»' }).click();
    const heading = page.getByRole('heading', { name: 'Fund om «Er der en handleplan / barnets plan?» (2)' });
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('findings-title');
    expect(await page.locator('table.findings tbody tr td:nth-child(3)').allInnerTexts()).toEqual(['Er der en handleplan / barnets plan?', 'Er der en handleplan / barnets plan?']);
    await page.getByRole('link', { name: 'Vis alle fund' }).click();
    await page.getByRole('heading', { name: /^Fund \(\d+\)$/ }).waitFor();

    // Delete the action, after saying yes; then rename the area, and delete it (saying no first).
    await page.getByRole('link', { name: 'Udviklingsplan' }).first().click();
    await area.waitFor();
    await area.getByRole('button', { name: 'Slet handlingen: Gennemgå alle anbringelser uden plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Slet handlingen «Gennemgå alle anbringelser uden plan»?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fortryd');
    expect(await seriousViolations()).toEqual([]);
    await dialog.getByRole('button', { name: 'Slet handlingen' }).click();
    await expect.poll(() => area.locator('p.small').innerText()).toContain('0 af 0 handlinger færdige');
    expect(await area.locator('table.actions-table').count()).toBe(0);

    await area.getByRole('button', { name: 'Omdøb fokusområdet: Er der en handleplan / barnets plan?' }).click();
    await page.getByLabel('Fokusområdets titel').fill('Handleplaner før anbringelse');
    await page.getByRole('button', { name: 'Gem titlen' }).click();
    const renamed = page.locator('.focus-area').filter({ has: page.getByRole('heading', { name: 'Handleplaner før anbringelse', level: 2 }) });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Slet fokusområdet: Handleplaner før anbringelse' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await renamed.count()).toBe(1);
    await renamed.getByRole('button', { name: 'Slet fokusområdet: Handleplaner før anbringelse' }).click();
    await page.getByRole('dialog', { name: 'Slet fokusområdet «Handleplaner før anbringelse»?' }).getByRole('button', { name: 'Slet fokusområdet' }).click();
    await expect.poll(() => renamed.count()).toBe(0);
    // The demo kommune's own focus area is still there.
    expect(await page.locator('.focus-area').count()).toBe(1);
  });

  it('edits a template: add, reword, reorder and retire, without losing the answers already given', async () => {
    await page.getByRole('link', { name: 'Tilsyn', exact: true }).click();
    await page.getByLabel('Skema', { exact: true }).selectOption({ label: 'Praksisundersøgelse (Ankestyrelsen-lignende)' });
    await page.getByRole('button', { name: 'Ret: Er der holdt samtale med barnet?' }).click();
    await page.getByLabel('Tekst', { exact: true }).fill('Er der holdt samtale med barnet alene?');
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('button', { name: 'Flyt op: Er der holdt samtale med barnet alene?' }).click();
    await page.getByRole('button', { name: 'Tag ud af brug: Er barnet og familien inddraget?' }).click();
    await page.getByLabel('Nyt spørgsmål').fill('Er barnets egne ønsker beskrevet?');
    await page.locator('#t-new-kind').selectOption({ label: 'Beskrivende' });
    await page.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await expect.poll(() => page.locator('.template-questions li .question-text').allInnerTexts()).toEqual([
      'Er der holdt samtale med barnet alene?', 'Er der udarbejdet en børnefaglig undersøgelse, der belyser barnets forhold?', 'Er der en handleplan / barnets plan?',
      'Er barnet og familien inddraget?', 'Er indsatsen fulgt op?', 'Er barnets egne ønsker beskrevet?',
    ]);
    expect(await page.locator('.template-questions li').last().innerText()).toContain('· beskrivende');

    await page.getByRole('link', { name: 'Praksisrunde' }).click();
    await resultRow('Er der holdt samtale med barnet alene?').waitFor();
    expect(await cell('Er der holdt samtale med barnet alene?', 0)).toBe('9');
    // Retired, but answered in this round: still in its results.
    expect(await cell('Er barnet og familien inddraget?', 0)).toBe('10');
    // Descriptive: counted apart, with no rate.
    expect(await resultRow('Er barnets egne ønsker beskrevet?').count()).toBe(0);
    const descriptive = page.locator('table.descriptive-results tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Er barnets egne ønsker beskrevet?' }) });
    expect(await descriptive.locator('td').allInnerTexts()).toEqual(['0', '0', '0', '0', '10']);
    expect(await seriousViolations()).toEqual([]);
    await page.getByLabel('Gennemgå som').selectOption('Leder Revision');
    await page.getByRole('button', { name: 'Start gennemgang' }).click();
    const legends = await page.locator('.review-form legend').allInnerTexts();
    expect(legends).toHaveLength(5);
    expect(legends).not.toContain('4. Er barnet og familien inddraget?');
  });
});
