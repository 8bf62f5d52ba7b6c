import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeStorageNotice, BUILT_FILE, FILE_URL, freshBrowser } from './browser';

const run = freshBrowser();
let page: Page;
beforeEach(() => void ({ page } = run));

describe('the built file', () => {
  it('is exactly one self-contained HTML file with a hash-only Content-Security-Policy', () => {
    expect(readdirSync('dist')).toEqual(['tilsynsbaenk.html']);
    const html = readFileSync(BUILT_FILE, 'utf8');
    expect(html).not.toMatch(/<script[^>]+\ssrc=|<link[^>]+rel="stylesheet"/);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain('worker-src blob:');
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('opens over file:// and shows the Danish shell, the first-start notice and nothing from the network', async () => {
    await page.goto(FILE_URL);
    await acknowledgeStorageNotice(page);
    await expect.poll(() => page.getByRole('navigation', { name: 'Hovedmenu' }).isVisible()).toBe(true);
    const footer = await page.getByRole('contentinfo').innerText();
    expect(footer).toMatch(/Tilsynsbænken version \d+\.\d+\.\d+/);
    expect(footer).toContain('Data forlader aldrig denne computer');
    // Without a workspace, the start page says how to begin.
    await page.getByRole('heading', { name: 'Opret dit første arbejdsområde' }).waitFor();

    // The notice is shown once per browser profile.
    await page.reload();
    await page.getByRole('heading', { name: 'Arbejdsområder', level: 1 }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
    expect(run.watch.errors).toEqual([]);
  });

  it('shows the storage facts, asks for persistent storage and runs the inline worker under the CSP', async () => {
    await page.goto(`${FILE_URL}#/indstillinger`);
    await acknowledgeStorageNotice(page);
    await page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('persisted').innerText()).toMatch(/^(Bevilget|Ikke bevilget)/);
    await expect.poll(() => page.getByTestId('usage').innerText()).toMatch(/^[\d.,]+\s(B|kB|MB|GB) brugt af [\d.,]+\s(kB|MB|GB|TB) til rådighed$/);
    await expect.poll(() => page.getByTestId('check-worker').innerText()).toBe('Virker');
    expect(await page.getByTestId('check-indexeddb').innerText()).toBe('Virker');
    expect(run.watch.requests.some((url) => url.startsWith('blob:'))).toBe(true);
    expect(run.watch.foreignRequests(FILE_URL)).toEqual([]);
    expect(run.watch.errors).toEqual([]);
  });

  it('marks the current page in the navigation and says so for an unknown address', async () => {
    await page.goto(`${FILE_URL}#/indstillinger`);
    await acknowledgeStorageNotice(page);
    expect(await page.getByRole('link', { name: 'Indstillinger' }).getAttribute('aria-current')).toBe('page');
    await page.goto(`${FILE_URL}#/findes-ikke`);
    await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
    expect(await page.title()).toBe('Tilsynsbænken');
    expect(run.watch.errors).toEqual([]);
  });
});
