import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with `npm start`
import { serveDist } from '../../scripts/serve.mjs';
import { acknowledgeStorageNotice, createWorkspace, launch, newProfileDir, removeProfileDir, requireBuild, Watch } from './browser';

let server: { url: string; stop: () => Promise<void> };
let profile: string;
let context: BrowserContext;
let watch: Watch;
let page: Page;

beforeAll(async () => {
  requireBuild();
  server = await serveDist('dist');
  profile = newProfileDir();
  context = await launch(profile);
  watch = new Watch(context);
  page = context.pages()[0] ?? (await context.newPage());
});
afterAll(async () => {
  await context.close();
  await server.stop();
  removeProfileDir(profile);
});

describe('served over http:// from an intranet server', () => {
  it('works the same and asks the server for nothing but the page itself', async () => {
    await page.goto(server.url);
    await acknowledgeStorageNotice(page);
    await createWorkspace(page, 'Intranet Kommune');
    await page.getByRole('link', { name: 'Indstillinger' }).click();
    await expect.poll(() => page.getByTestId('check-worker').innerText()).toBe('Virker');
    expect(watch.foreignRequests(server.url)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
