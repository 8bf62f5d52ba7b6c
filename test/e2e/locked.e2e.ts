import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { FILE_URL, freshBrowser } from './browser';
import { CASES, dubuExtract, tempDir } from './files';

const run = freshBrowser({ perFile: true });
let page: Page;
const PASSPHRASE = 'Varde Å 2026 sommerlejr';

beforeAll(async () => {
  ({ page } = run);
  await page.goto(FILE_URL);
});
afterAll(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const unlockDialog = () => page.getByRole('dialog', { name: 'Lås "Varde Kommune" op' });

/**
 * Every record of every store of every workspace database, read with the plain IndexedDB API as
 * any other local page could, as text (binary data as Latin-1): which of `secrets` it shows.
 */
const RAW_SECRETS = `async ([prefix, secrets]) => {
  const text = [];
  const visit = (v) => {
    if (typeof v === 'string' || typeof v === 'number') text.push(String(v));
    else if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) text.push(new TextDecoder('latin1').decode(v instanceof ArrayBuffer ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { text.push(k); visit(x); }
  };
  let records = 0;
  for (const { name } of await indexedDB.databases()) {
    if (!name.startsWith(prefix)) continue;
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
      records += all.length;
      visit(all);
    }
    db.close();
  }
  const joined = text.join('\\n');
  return { records, bytes: joined.length, found: secrets.filter((s) => joined.includes(s)) };
}`;

describe('a locked workspace', () => {
  it('is recommended for real data in the first-start notice, which says what an open one means on file://', async () => {
    const notice = page.getByRole('dialog', { name: 'Sådan gemmer Tilsynsbænken dine data' });
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain('Lås arbejdsområder med rigtige data');
    expect(text).toContain('alle HTML-filer, der åbnes fra disken, samme lager');
    await page.getByRole('button', { name: 'Jeg har forstået det' }).click();
  });

  it('is created with a passphrase typed twice, refused in Danish when they differ', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByLabel('Navn på nyt arbejdsområde').fill('Varde Kommune');
    await page.getByLabel('Lås arbejdsområdet med en adgangskode').check();
    await page.getByLabel('Adgangskode', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Gentag adgangskoden').fill(`${PASSPHRASE}!`);
    await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('De to adgangskoder er ikke ens.');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Gentag adgangskoden').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
    expect(await page.getByRole('banner').innerText()).toContain('Arbejdsområde: Varde Kommune');
    await page.getByRole('button', { name: 'Lås nu' }).waitFor();
  });

  it('imports and screens as an open one, and the stores show no case number, caseworker or notice text in clear', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.locator('#import-file').setInputFiles(dubuExtract(tempDir()));
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    await page.getByText(/^Sagerne er screenet pr\./).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Screening', exact: true }).click();
    await page.getByLabel('Skæringsdato').fill('2025-12-31');
    await page.getByRole('button', { name: 'Kør screening' }).click();
    await page.getByRole('heading', { name: 'Screening pr. 31-12-2025' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('#result-title + p').innerText()).toContain('50 sager screenet');

    const secrets = [CASES[0]!.caseNumber, CASES[49]!.caseNumber, 'Bjørn Å. Æbelø', 'Mette Fiktiv', 'Børnefamilieenhed Nord', 'dubu-udtraek.csv', 'Varde Kommune'];
    const raw = (prefix: string) => page.evaluate(`(${RAW_SECRETS})(${JSON.stringify([prefix, secrets])})`) as Promise<{ records: number; bytes: number; found: string[] }>;
    const workspace = await raw('tilsynsbaenk-workspace-');
    expect(workspace.found).toEqual([]);
    expect(workspace.records).toBeGreaterThan(5);
    expect(workspace.bytes).toBeGreaterThan(10_000);
    // The same reading finds the name in the catalogue, which keeps it in clear to list the workspace.
    expect((await raw('tilsynsbaenk-catalog')).found).toEqual(['Varde Kommune']);
  });

  it('asks for the passphrase after a reload, refuses a wrong one in Danish, and shows the same cases with the right one', async () => {
    await page.reload();
    await unlockDialog().waitFor();
    expect(await unlockDialog().innerText()).toContain('Arbejdsområdet er låst');
    expect(await page.getByRole('banner').innerText()).toContain('Låst');
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert adgangskode');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').innerText()).toBe('Forkert adgangskode. Prøv igen.');
    expect(await seriousViolations(page)).toEqual([]);
    // The field is emptied and keeps the focus: the next try is typed at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('unlock-passphrase');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await unlockDialog().waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    expect(await page.getByTestId('case-count').innerText()).toBe('50 sager');
    expect(await page.getByRole('cell', { name: CASES[0]!.caseNumber, exact: true }).count()).toBe(1);
  });

  it('locks itself after the idle time set in Indstillinger, and opens again on the page it was on', async () => {
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    const minutes = page.getByLabel('Lås efter antal minutter uden brug');
    expect(await minutes.inputValue()).toBe('15');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Gem låsetiden' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('Skriv et antal minutter fra 0,1 til 480, fx 15.');
    await minutes.fill('0,1');
    await page.getByRole('button', { name: 'Gem låsetiden' }).click();
    await page.getByText('Gemt. Et låst arbejdsområde låser sig efter 0,1 minutter uden brug.').waitFor();
    await page.getByRole('link', { name: 'Sager', exact: true }).click();
    await page.getByTestId('case-count').waitFor();
    // No input from here: the dialog comes by itself.
    await unlockDialog().waitFor({ timeout: 30_000 });
    expect(await unlockDialog().innerText()).toContain('ikke har været brugt i 0,1 minutter');
    expect(await page.getByTestId('case-count').count()).toBe(0);
    await page.getByLabel('Adgangskode', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Lås op' }).click();
    await unlockDialog().waitFor({ state: 'detached' });
    expect(await page.getByTestId('case-count').innerText()).toBe('50 sager');
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await minutes.fill('15');
    await page.getByRole('button', { name: 'Gem låsetiden' }).click();
    await page.getByText('Gemt. Et låst arbejdsområde låser sig efter 15 minutter uden brug.').waitFor();
  });

  it('locks an open workspace, and stores it unencrypted again only with its passphrase', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByLabel('Navn på nyt arbejdsområde').fill('Esbjerg Kommune');
    await page.getByRole('button', { name: 'Opret arbejdsområde' }).click();
    await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsområder' }).click();
    await page.getByRole('button', { name: 'Lås Esbjerg Kommune' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lås "Esbjerg Kommune"' });
    await dialog.getByLabel('Adgangskode', { exact: true }).fill('kort');
    await dialog.getByLabel('Gentag adgangskoden').fill('kort');
    await dialog.getByRole('button', { name: 'Lås arbejdsområdet' }).click();
    expect(await dialog.getByRole('alert').innerText()).toBe('Adgangskoden skal være mindst 10 tegn.');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Adgangskode', { exact: true }).fill('Esbjerg havn 2026');
    await dialog.getByLabel('Gentag adgangskoden').fill('Esbjerg havn 2026');
    await dialog.getByRole('button', { name: 'Lås arbejdsområdet' }).click();
    await page.getByRole('status').filter({ hasText: 'Arbejdsområdet "Esbjerg Kommune" er låst: dets data er krypteret.' }).waitFor();
    expect(await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Esbjerg Kommune/ }) }).innerText()).toContain('Låst');
    expect(await page.getByRole('banner').innerText()).toContain('Arbejdsområde: Esbjerg Kommune');

    await page.getByRole('button', { name: 'Fjern låsen fra Esbjerg Kommune' }).click();
    const remove = page.getByRole('dialog', { name: 'Fjern låsen fra "Esbjerg Kommune"' });
    await remove.getByLabel('Adgangskode', { exact: true }).fill('Esbjerg havn 2025');
    await remove.getByRole('button', { name: 'Fjern låsen' }).click();
    expect(await remove.getByRole('alert').innerText()).toBe('Forkert adgangskode. Prøv igen.');
    await remove.getByLabel('Adgangskode', { exact: true }).fill('Esbjerg havn 2026');
    await remove.getByRole('button', { name: 'Fjern låsen' }).click();
    await page.getByRole('status').filter({ hasText: 'Arbejdsområdet "Esbjerg Kommune" er ikke længere låst.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Lås Esbjerg Kommune' }).count()).toBe(1);
  });
});
