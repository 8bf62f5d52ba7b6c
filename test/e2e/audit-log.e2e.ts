import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';
import { dubuExtract, tempDir } from './files';

/**
 * The audit log as a supervisor sees it: the name asked once per session, every import and
 * screening on the Log page with who did it, filtered and exported, and the page's alarm when an
 * entry is changed in IndexedDB behind the app's back.
 */

const run = freshBrowser({ perFile: true, userName: null });
let page: Page;
let files: string;
beforeAll(async () => {
  ({ page } = run);
  files = tempDir();
  await page.goto(FILE_URL);
});
afterAll(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const nameDialog = () => page.getByRole('dialog', { name: 'Hvem arbejder i Tilsynsbænken?' });
const logRows = () => page.locator('.audit-table').first().locator('tbody tr');

async function openLog(): Promise<void> {
  await page.getByRole('link', { name: 'Overblik' }).click();
  await page.getByRole('link', { name: 'Log', exact: true }).click();
  await page.getByTestId('chain-status').waitFor({ timeout: 30_000 });
}

/** Changes a stored entry of the open workspace's log as another program could: straight in IndexedDB. */
function tamper(seq: number, how: 'edit' | 'delete'): Promise<void> {
  return page.evaluate(async ({ seq, how }) => {
    const name = (await indexedDB.databases()).map((d) => d.name!).find((n) => n.startsWith('tilsynsbaenk-workspace-'))!;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('auditLog', 'readwrite');
      const store = tx.objectStore('auditLog');
      const found = store.index('seq').get(seq);
      found.onsuccess = () => {
        const entry = found.result as { id: number; details: Record<string, unknown> };
        if (how === 'delete') store.delete(entry.id);
        else store.put({ ...entry, details: { ...entry.details, cases: 1 } });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, { seq, how });
}

describe('the audit log', () => {
  it('asks who is at work once per session, before anything else, and by keyboard alone', async () => {
    await acknowledgeStorageNotice(page);
    await nameDialog().waitFor();
    expect(await page.getByText('Skriv dit navn for at begynde.').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The field has the focus: Enter without a name is refused, then a name is typed and sent.
    await page.keyboard.press('Enter');
    await nameDialog().getByRole('alert').filter({ hasText: 'Skriv dit navn' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await nameDialog().isVisible()).toBe(true);
    await page.keyboard.type('Anne Fiktiv');
    await page.keyboard.press('Enter');
    await nameDialog().waitFor({ state: 'detached' });
    expect(await page.getByTestId('current-user').innerText()).toBe('Anne Fiktiv');

    // A reload is the same session: not asked again.
    await page.reload();
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();
    expect(await page.getByTestId('current-user').innerText()).toBe('Anne Fiktiv');
    expect(await nameDialog().count()).toBe(0);

    // "Skift bruger" offers the name to change; Escape keeps it.
    await page.getByRole('button', { name: 'Skift bruger' }).click();
    await nameDialog().waitFor();
    expect(await page.getByLabel('Dit navn').inputValue()).toBe('Anne Fiktiv');
    await page.keyboard.press('Escape');
    await nameDialog().waitFor({ state: 'detached' });
    expect(await page.getByTestId('current-user').innerText()).toBe('Anne Fiktiv');
  });

  it('shows an import and its screening with who did them, newest first, and filters them', async () => {
    await createWorkspace(page, 'Logkommune');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.locator('#import-file').setInputFiles(dubuExtract(files, 'dubu-udtraek-2024-06-30.csv'));
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Sagerne er screenet pr. 30-06-2024.' }).waitFor({ timeout: 60_000 });

    await openLog();
    expect(await page.getByTestId('chain-status').innerText()).toBe('Loggen er hel (3 poster)');
    expect(await page.getByTestId('log-count').innerText()).toBe('Viser 1–3 af 3 poster, nyeste først.');
    const rows = await logRows().allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(2, 4))).toEqual([['Anne Fiktiv', 'Screening'], ['Anne Fiktiv', 'Import'], ['Anne Fiktiv', 'Arbejdsområde oprettet']]);
    expect(rows[0]!.split('\t')[0]).toBe('3');
    expect(rows[0]!.split('\t')[1]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(rows[0]).toContain('Skæringsdato: 30-06-2024');
    expect(rows[1]).toContain('Fil: dubu-udtraek-2024-06-30.csv');
    expect(rows[1]).toContain('Sager: 50');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Handling').selectOption({ label: 'Import' });
    expect(await page.getByTestId('log-count').innerText()).toBe('Viser 1–1 af 1 post (i alt 3), nyeste først.');
    expect(await logRows().count()).toBe(1);
    await page.getByRole('button', { name: 'Nulstil filter' }).click();
    await page.getByLabel('Søg').fill('30-06-2024 screening');
    expect((await logRows().allInnerTexts()).map((r) => r.split('\t')[3])).toEqual(['Screening']);
    await page.getByLabel('Søg').fill('intet som dette');
    expect(await page.getByTestId('log-count').innerText()).toBe('Ingen poster af 3 poster.');
    await page.getByRole('button', { name: 'Nulstil filter' }).click();
    await page.getByLabel('Fra', { exact: true }).fill('01-01-2000');
    await page.getByLabel('Til', { exact: true }).fill('31-12-2000');
    expect(await page.getByTestId('log-count').innerText()).toBe('Ingen poster af 3 poster.');
    await page.getByRole('button', { name: 'Nulstil filter' }).click();
    expect(await logRows().count()).toBe(3);
  });

  it('exports the log as xlsx with real dates and the users, and logs the export under the user now at work', async () => {
    await page.getByRole('button', { name: 'Skift bruger' }).click();
    await page.getByLabel('Dit navn').fill('Bo Opdigtet');
    await page.keyboard.press('Enter');
    await nameDialog().waitFor({ state: 'detached' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér (xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^log-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = XLSX.read(readFileSync((await download.path())!), { type: 'buffer', cellNF: true });
    expect(workbook.SheetNames).toEqual(['Log', 'Kontrol']);
    const sheet = workbook.Sheets.Log!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(rows[0]).toEqual(['Nr.', 'Tidspunkt', 'Bruger', 'Handling', 'Detaljer', 'Kontrolsum (SHA-256)']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([[3, 'Anne Fiktiv', 'Screening'], [2, 'Anne Fiktiv', 'Import'], [1, 'Anne Fiktiv', 'Arbejdsområde oprettet']]);
    expect(sheet.B2).toMatchObject({ t: 'n', z: 'dd-mm-yyyy hh:mm' });
    expect(String(rows[1]![5])).toMatch(/^[0-9a-f]{64}$/);
    expect(XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Kontrol!, { header: 1 })[0]).toEqual(['Kontrol af loggen', 'Loggen er hel (3 poster)']);

    // The export is itself in the log, by the user who took it.
    await page.getByRole('status').filter({ hasText: 'Loggen er hentet med 3 poster.' }).waitFor();
    expect(await page.getByTestId('chain-status').innerText()).toBe('Loggen er hel (4 poster)');
    const newest = (await logRows().first().innerText()).split('\t');
    expect(newest.slice(2, 4)).toEqual(['Bo Opdigtet', 'Eksport']);
    expect(newest[4]).toContain('Hvad: Loggen (xlsx)');
    expect(newest[4]).toContain('Rækker: 3');
    expect(await page.getByLabel('Bruger').locator('option').allInnerTexts()).toEqual(['Alle', 'Anne Fiktiv', 'Bo Opdigtet']);
  });

  it('names an entry changed or deleted in IndexedDB behind the app\u2019s back', async () => {
    await tamper(2, 'edit');
    await openLog();
    const alarm = page.getByTestId('chain-status');
    expect(await alarm.getAttribute('role')).toBe('alert');
    expect(await alarm.innerText()).toContain('Loggen er ændret: post 2 passer ikke med sin kontrolsum (posten er ændret).');

    await tamper(3, 'delete');
    await openLog();
    expect(await page.getByTestId('chain-status').innerText()).toContain('Loggen er ændret: post 2 passer ikke med sin kontrolsum (posten er ændret) og post 3 mangler (slettet).');
  });

  it('records a deleted workspace under "Denne computer", with who deleted it', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Slet Logkommune' }).click();
    await page.getByLabel('Skriv arbejdsområdets navn for at bekræfte').fill('Logkommune');
    await page.getByRole('button', { name: 'Slet for altid' }).click();
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();

    await page.getByRole('link', { name: 'Log', exact: true }).click();
    await page.getByTestId('computer-chain-status').waitFor();
    expect(await page.getByTestId('computer-chain-status').innerText()).toBe('Loggen er hel (2 poster)');
    const rows = (await page.getByTestId('computer-log').locator('tbody tr').allInnerTexts()).map((r) => r.split('\t'));
    expect(rows.map((r) => r.slice(2, 4))).toEqual([['Bo Opdigtet', 'Arbejdsområde slettet'], ['Anne Fiktiv', 'Arbejdsområde oprettet']]);
    expect(rows[0]![4]).toContain('Navn: Logkommune');
    expect(await page.getByText('Intet arbejdsområde er åbent.').count()).toBe(1);
  });
});
