import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with `npm start`
import { serveDist } from '../../scripts/serve.mjs';
import { acknowledgeStorageNotice, createWorkspace, freshBrowser } from './browser';

const run = freshBrowser({ perFile: true });
let server: { url: string; stop: () => Promise<void> };
let page: Page;
beforeAll(async () => {
  ({ page } = run);
  server = await serveDist('dist');
});
afterAll(() => server.stop());

describe('served over http:// from an intranet server', () => {
  it('works the same and asks the server for nothing but the page itself', async () => {
    await page.goto(server.url);
    await acknowledgeStorageNotice(page);
    await createWorkspace(page, 'Intranet Kommune');
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await expect.poll(() => page.getByTestId('check-worker').innerText()).toBe('Virker');
    expect(run.watch.foreignRequests(server.url)).toEqual([]);
    expect(run.watch.errors).toEqual([]);
  });
});
