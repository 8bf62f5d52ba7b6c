import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, createWorkspace, FILE_URL, freshBrowser } from './browser';
import { tempDir, windows1252, writeFile } from './files';

/**
 * An extract the workbench has not seen: a title line above the header, headers in the system's
 * own words, outcomes in the system's own words, and a totals row. Mapped and corrected with the
 * keyboard only, imported, and a mapping in progress brought back after a reload.
 */

const run = freshBrowser();
let page: Page;
let files: string;
beforeEach(async () => {
  ({ page } = run);
  files = tempDir();
  await page.goto(FILE_URL);
  await acknowledgeStorageNotice(page);
  await createWorkspace(page, 'Testkommune');
});
afterEach(() => {
  expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
  expect(run.watch.errors).toEqual([]);
});

const RESULT = 'Resultat af underretningen';
const EXTRACT = [
  'Udtræk fra Sagssystemet pr. 01-06-2025;;;;;;',
  ';;;;;;',
  `Sagsnr;Enhed;Sagsbehandler;Underretning modtaget;${RESULT};Bemærkning (fri tekst);Dato for modtagelse`,
  'K-1;Nord;Åse Fiktiv;02-01-2025;Ingen videre handling;x;03-01-2025',
  'K-2;Nord;Åse Fiktiv;03-01-2025;Iværksat forebyggende indsats efter § 32;;04-01-2025',
  'K-3;Syd;Bo Fiktiv;04-01-2025;Afventer;;05-01-2025',
  'K-4;Syd;Bo Fiktiv;05-01-2025;Afventer;;06-01-2025',
  'K-5;Syd;Bo Fiktiv;06-01-2025;?;;07-01-2025',
  'I alt;;;;5;;',
].join('\r\n');

async function chooseExtract(): Promise<void> {
  await page.getByRole('link', { name: 'Import' }).click();
  await page.locator('#import-file').setInputFiles(writeFile(files, 'sagssystem.csv', windows1252(EXTRACT)));
  await page.getByRole('button', { name: 'Importér', exact: true }).waitFor();
}

/** Moves the focus with Tab (and no clicks) until `target` has it. */
async function tabTo(target: Locator): Promise<void> {
  for (let presses = 0; presses < 300; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

const checked = (select: Locator) => select.locator('option:checked').innerText();

/** Steps through a focused drop-down with an arrow key until it reads `label`. */
async function arrowTo(select: Locator, label: string, key: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  for (let presses = 0; presses < 100 && (await checked(select)) !== label; presses++) await page.keyboard.press(key);
  expect(await checked(select)).toBe(label);
}

/** The outcome column (its header is in no synonym list) mapped, and «Afventer» read as "undersøgelse", by keyboard. */
async function mapByKeyboard(): Promise<Locator> {
  const column = page.getByLabel(`Felt for kolonnen ${RESULT}`, { exact: true });
  await tabTo(column);
  await arrowTo(column, 'Underretninger – Udfald', 'ArrowDown');
  const waiting = page.getByLabel(`Læs «Afventer» i ${RESULT} som`);
  await tabTo(waiting);
  // Not recognised: shown, counted, and read as "ukendt" until someone says otherwise.
  expect(await checked(waiting)).toBe('ukendt');
  expect(await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Afventer' }) }).innerText()).toContain('2');
  await arrowTo(waiting, 'undersøgelse', 'ArrowUp');
  return waiting;
}

async function timelineOf(caseNumber: string): Promise<string> {
  await page.getByRole('link', { name: 'Sager', exact: true }).click();
  await page.getByRole('link', { name: caseNumber }).click();
  await page.getByRole('heading', { name: `Sag ${caseNumber}` }).waitFor();
  return page.locator('.timeline').innerText();
}

describe('mapping an unseen extract', () => {
  it('skips the title and totals rows, and imports with the value mapping corrected by keyboard', async () => {
    await chooseExtract();
    const notes = await page.getByRole('list', { name: 'Arkets opbygning' }).innerText();
    expect(notes).toContain('Linje 1 er en titel og springes over; overskrifterne står i linje 3.');
    expect(notes).toContain('Sidste række (9) ligner en sumrække og springes over.');
    // The title's date is offered as the extract's.
    expect(await page.getByLabel('Udtrækket er taget den').inputValue()).toBe('01-06-2025');
    // The header row can be chosen by hand, and chosen back.
    const headerLine = page.getByLabel('Overskrifterne står i');
    expect(await checked(headerLine)).toBe('Linje 3: Sagsnr · Enhed · Sagsbehandler · Underretning modtaget');
    await headerLine.selectOption({ label: 'Linje 1: Udtræk fra Sagssystemet pr. 01-06-2025' });
    await page.getByRole('rowheader', { name: 'Udtræk fra Sagssystemet pr. 01-06-2025' }).waitFor();
    expect(await page.getByText('er en titel og springes over').count()).toBe(0);
    await headerLine.selectOption({ label: 'Linje 3: Sagsnr · Enhed · Sagsbehandler · Underretning modtaget' });
    await page.getByRole('rowheader', { name: 'Sagsnr', exact: true }).waitFor();
    expect(await page.getByRole('list', { name: 'Arkets opbygning' }).innerText()).toContain('Linje 1 er en titel og springes over');

    // A guess of the matcher is pre-selected and marked for checking; each field is named with its table.
    const guessed = page.getByLabel('Felt for kolonnen Dato for modtagelse', { exact: true });
    expect(await guessed.getAttribute('aria-describedby')).not.toBeNull();
    expect(await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dato for modtagelse' }) }).locator('.badge-check').innerText()).toBe('kontrollér');
    expect(await checked(guessed)).toMatch(/^Underretninger – /);
    // Three values at first, the rest on demand.
    const preview = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sagsnr' }) }).locator('td.preview').first();
    expect(await preview.locator('span').count()).toBe(3);
    await page.getByRole('button', { name: 'Vis 5 værdier pr. kolonne' }).click();
    expect(await preview.locator('span').allInnerTexts()).toEqual(['K-1', 'K-2', 'K-3', 'K-4', 'K-5']);

    await mapByKeyboard();
    // The matcher's suggestions for the system's own words, and "?" read as unknown on purpose.
    const readingOf = (value: string) => checked(page.getByLabel(`Læs «${value}» i ${RESULT} som`));
    expect(await readingOf('Ingen videre handling')).toBe('ingen');
    expect(await readingOf('Iværksat forebyggende indsats efter § 32')).toBe('forebyggende');
    expect(await readingOf('?')).toBe('ukendt');
    expect(await page.locator('.value-table caption').innerText()).toBe(`«${RESULT}» → Underretninger – Udfald · 1 værdi læses som ukendt`);

    await page.keyboard.press('Tab');
    await tabTo(page.getByRole('button', { name: 'Importér', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    expect(await page.locator('.key-figures div').filter({ hasText: 'Sager i filen' }).locator('dd').innerText()).toBe('5');
    expect(await page.locator('.unknown-values').innerText()).toBe("1 værdi i 'Resultat af underretningen' læst som ukendt (1 × «?»)");

    expect(await timelineOf('K-3')).toContain('udfald: undersøgelse');
    expect(await timelineOf('K-1')).toContain('udfald: ingen');
    expect(await timelineOf('K-2')).toContain('udfald: forebyggende');
    expect(await timelineOf('K-5')).toContain('udfald: ukendt');
  });

  it('brings a mapping in progress back after a reload, and lets it go when cancelled', async () => {
    await chooseExtract();
    await mapByKeyboard();
    await page.getByText('Kortlægningen er gemt undervejs').waitFor();

    await page.reload();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByText('Den påbegyndte import af sagssystem.csv er hentet frem igen').waitFor();
    expect(await checked(page.getByLabel(`Felt for kolonnen ${RESULT}`, { exact: true }))).toBe('Underretninger – Udfald');
    expect(await checked(page.getByLabel(`Læs «Afventer» i ${RESULT} som`))).toBe('undersøgelse');
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen er gennemført' }).waitFor();
    expect(await timelineOf('K-4')).toContain('udfald: undersøgelse');

    // Landed: a reload offers nothing; a new file given up on is not offered either.
    await chooseExtract();
    await page.getByText('Kortlægningen er gemt undervejs').waitFor();
    await page.getByRole('button', { name: 'Vælg en anden fil' }).click();
    await page.reload();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByText('Træk udtrækket hertil').waitFor();
    expect(await page.getByText('er hentet frem igen').count()).toBe(0);
  });
});
