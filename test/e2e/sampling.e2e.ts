import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import { formatDate } from '../../src/domain/format';
import { quarterOf, type Quarter } from '../../src/domain/sampling/frame';
import { demoBrowser } from './browser';

const run = demoBrowser();
let page: Page;
beforeAll(() => void ({ page } = run));

const sampleRows = () => page.locator('table.sample-cases tbody tr');
const caseNumbers = async () => sampleRows().evaluateAll((rows) => rows.map((r) => r.querySelector('td')!.textContent!.trim()));
// The demo kommune has its own Copenhagen rounds; the list is newest first, so the test's own come first.
const roundRow = (name: RegExp) => page.locator('table.samples tbody tr').filter({ has: page.getByRole('link', { name }) }).first();

async function openSamples() {
  await page.getByRole('link', { name: 'Stikprøver' }).click();
  await page.getByRole('heading', { name: 'Træk en ny stikprøve' }).waitFor({ timeout: 30_000 });
}

/** The demo is made for today: its extract is from a few days ago, and the quarter before that is suggested. */
let suggested: Quarter;
async function suggestedQuarter(): Promise<Quarter> {
  const note = await page.getByRole('note').filter({ hasText: 'Udtrækket er fra' }).innerText();
  const extract = /Udtrækket er fra (\d{2})-(\d{2})-(\d{4})/.exec(note)!;
  return quarterOf(addDays(quarterOf(`${extract[3]}-${extract[2]}-${extract[1]}`).from, -1));
}

describe('samples', () => {
  it('the Copenhagen preset creates the quarter\u2019s four rounds: 3 per caseworker, 20 per unit + 5, 60 and 30', async () => {
    await openSamples();
    suggested = await suggestedQuarter();
    expect(await page.getByLabel('Periode').locator('option:checked').innerText()).toBe(suggested.label);
    await page.getByLabel('Frø').fill('4242');
    await page.getByLabel('Trukket af').fill('Områdechef Fiktiv');
    const level2 = page.locator('table.levels tbody tr').nth(1);
    await expect.poll(() => level2.locator('td').nth(1).innerText()).toBe('125'); // 6 units · 20 + 5 from Døgnvagten
    await page.getByRole('button', { name: 'Opret kvartalets fire runder' }).click();

    await page.getByRole('heading', { name: `Niveau 1: 1 sag pr. sagsbehandler pr. måned – ${suggested.label}`, level: 1 }).waitFor();
    await page.getByRole('link', { name: '← Alle stikprøver' }).click();
    const n = async (name: RegExp) => Number((await roundRow(name).locator('td').nth(4).innerText()).replace(/\./g, ''));
    expect(await n(/^Niveau 2: 20 sager pr\. enhed og 5 fra Døgnvagten/)).toBe(20 * 6 + 5);
    expect(await n(/^Niveau 3: 60 sager fra niveau 2/)).toBe(60);
    expect(await n(/^Niveau 4: 30 sager fra niveau 3/)).toBe(30);
    expect(await roundRow(/^Niveau 1/).locator('td').nth(2).innerText()).toBe('Stratificeret efter sagsbehandler: 3 pr. sagsbehandler');
    // The demo kommune's 60 caseworkers each have more than 3 cases active in the quarter.
    expect(await n(/^Niveau 1/)).toBe(60 * 3);
  });

  it('draws the same cases again with the same seed, shows the protocol, and exports the list with it', async () => {
    await roundRow(/^Niveau 2/).getByRole('link').click();
    await page.getByRole('heading', { name: 'Protokol' }).waitFor();
    const before = await caseNumbers();
    expect(before).toHaveLength(125);
    const protocol = await page.locator('dl.protocol').innerText();
    expect(protocol).toContain('Områdechef Fiktiv');
    expect(protocol).toContain('4244'); // the preset's seed + level 2
    expect(protocol).toMatch(/SHA-256 af populationens sagsnumre\s+[0-9a-f]{64}/);
    expect(protocol).toContain(`Sager aktive ${formatDate(suggested.from)}–${formatDate(suggested.to)}`);
    expect(protocol).toMatch(/125 sager af [\d.]+ giver ca\. ±\d+ procentpoint/);

    await page.getByRole('button', { name: 'Træk igen med samme frø' }).click();
    await expect.poll(() => page.locator('p.redraw').innerText()).toMatch(/^Samme 125 sager i samme rækkefølge, trukket igen fra den gemte population med frø 4244\. Dagens data giver samme population \([\d.]+ sager; SHA-256 stemmer\)\.$/);

    // After a reload (nothing in memory) the stored sample is the same.
    await page.reload();
    await page.getByRole('heading', { name: 'Protokol' }).waitFor({ timeout: 30_000 });
    expect(await caseNumbers()).toEqual(before);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent stikprøvelisten (xlsx)' }).click()]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Stikprøve']!, { header: 1 });
    expect(rows[0]).toEqual(['DEMO – alle data er fiktive. Ingen rigtige personer.']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(before);
    const lines = new Map(XLSX.utils.sheet_to_json<string[]>(book.Sheets.Protokol!, { header: 1 }).map((r) => [r[0], r[1]]));
    expect(lines.get('Frø')).toBe('4244');
  });

  it('replaces a case out of scope with the next one of its stratum, marked as a replacement', async () => {
    const first = (await caseNumbers())[0]!;
    await page.getByRole('button', { name: `Sag ${first} er uden for målgruppen: træk en erstatning` }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(new RegExp(`^Sag ${first} er uden for målgruppen; sag \\S+ er trukket i stedet\\.$`));
    expect(await sampleRows().count()).toBe(126);
    expect(await sampleRows().last().innerText()).toContain(`Erstatning for ${first} uden for målgruppen`);
    await page.getByRole('button', { name: 'Træk igen med samme frø' }).click();
    await expect.poll(() => page.locator('p.redraw').innerText()).toMatch(/^Samme 126 sager/);
  });

  it('a simple random sample shows its margin while choosing, and extends with the same seed keeping its cases', async () => {
    await page.getByRole('link', { name: '← Alle stikprøver' }).click();
    await page.getByLabel('Type').selectOption({ label: 'Simpel tilfældig stikprøve' });
    await page.getByLabel('Antal sager i alt').fill('20');
    await expect.poll(() => page.locator('.sample-preview p.margin').innerText()).toMatch(/^20 sager af [\d.]+ giver ca\. ±2[12] procentpoint/);
    await page.getByLabel('Rundens navn').fill('Stikprøve til temadag');
    await page.getByRole('button', { name: 'Træk stikprøven' }).click();
    await page.getByRole('heading', { name: 'Stikprøve til temadag', level: 1 }).waitFor();
    const before = await caseNumbers();
    expect(before).toHaveLength(20);
    await page.getByLabel(/^Nyt antal sager i alt \(nu 20\)/).fill('25');
    await page.getByRole('button', { name: 'Udvid med samme frø' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toBe('Stikprøven er udvidet fra 20 sager til 25 sager; de sager, der var trukket, er der stadig.');
    expect((await caseNumbers()).slice(0, 20)).toEqual(before);
  });

  it('answers "how many cases do I need?" for a margin and for an audit against a tolerable rate', async () => {
    await page.getByRole('link', { name: '← Alle stikprøver' }).click();
    await page.getByText('Hvor mange sager skal jeg bruge?').click();
    await page.getByLabel(/Populationen er kendt/).uncheck();
    await page.getByLabel('Usikkerhed ± (procentpoint)').fill('5');
    await expect.poll(() => page.locator('.plan-answer').innerText()).toBe('Du skal bruge 385 sager for at kende andelen inden for ±5 procentpoint med 95 % sikkerhed.');
    await page.getByLabel('Tålelig fejlandel (%)').fill('5');
    await expect.poll(() => page.locator('.attribute-answer').innerText()).toMatch(/^Gennemgå 59 sager: finder du højst 0 fejl/);
    await page.getByLabel(/Populationen er kendt/).check();
    await expect.poll(() => page.locator('.plan-answer').innerText()).toMatch(/^Du skal bruge \d+ sager \(af [\d.]+ sager\)/);
    await page.getByLabel('Usikkerhed ± (procentpoint)').fill('0');
    await expect.poll(() => page.locator('.plan-answer').innerText()).toBe('Skriv en usikkerhed mellem 0,1 og 50 procentpoint.');
  });

  it('the cross-unit exchange gives each unit 2 cases per group from another unit, never its own', async () => {
    await page.getByLabel('Type').selectOption({ label: 'Krydsgennemgang mellem enheder' });
    await expect.poll(() => page.locator('.sample-preview').innerText()).toContain('Krydsgennemgang');
    await page.getByRole('button', { name: 'Træk stikprøven' }).click();
    await page.getByRole('heading', { name: /^Krydsgennemgang mellem enheder/, level: 1 }).waitFor();
    const rows = await sampleRows().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows.length).toBeGreaterThan(0);
    for (const [, unit, , , , reason] of rows) {
      const reviewer = /gennemgås af (.+)$/.exec(reason!)?.[1];
      expect(reviewer).toBeDefined();
      expect(reviewer).not.toBe(unit);
    }
    // 2 per group: no stratum (unit · group) has more than 2.
    const perStratum = new Map<string, number>();
    for (const r of rows) perStratum.set(r[3]!, (perStratum.get(r[3]!) ?? 0) + 1);
    expect(Math.max(...perStratum.values())).toBe(2);
  });

  it('all safety plans running on a date are a census, labelled as one', async () => {
    await page.getByRole('link', { name: '← Alle stikprøver' }).click();
    await page.getByLabel('Type').selectOption({ label: 'Alle sikkerhedsplaner, der løber på en dato' });
    await page.getByLabel('Sikkerhedsplan løber den').fill('2025-12-31');
    await expect.poll(() => page.locator('.sample-preview p.margin').innerText()).toMatch(/^Totaltælling af \d+ sager: ingen stikprøveusikkerhed, men resultatet gælder kun filteret/);
  });

  it('says in Danish what is missing before it draws', async () => {
    await page.getByLabel('Type').selectOption({ label: 'Krydsgennemgang mellem enheder' });
    await page.locator('details.choices summary').click();
    await page.locator('details.choices fieldset').filter({ hasText: 'Enheder' }).getByRole('checkbox').first().check();
    await expect.poll(() => page.locator('.sample-preview').innerText()).toContain('En krydsgennemgang kræver mindst to enheder');
  });
});
